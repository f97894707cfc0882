/** One benchmark figure, printed as one JSON line so that CI and people can read it alike. */
export type Report = (name: string, value: number, unit: string, extra?: Record<string, unknown>) => void;

export const printReport: Report = (name, value, unit, extra) => {
  process.stdout.write(
    `${JSON.stringify({ name, value: Math.round(value * 1000) / 1000, unit, ...extra })}\n`,
  );
};
