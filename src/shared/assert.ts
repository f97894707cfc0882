/** Exhaustiveness guard for discriminated unions: every `switch` ends with it. */
export function assertNever(value: never): never {
  throw new Error(`Unexpected value: ${JSON.stringify(value)}`);
}
