/** Structured logs: one JSON object per line on stdout (or wherever `write` sends them). */
export type HubLogger = {
  info(msg: string, fields?: Record<string, unknown>): void;
  warn(msg: string, fields?: Record<string, unknown>): void;
  error(msg: string, fields?: Record<string, unknown>): void;
};

export function jsonLogger(write: (line: string) => void = (l) => process.stdout.write(l)): HubLogger {
  const emit = (level: string, msg: string, fields?: Record<string, unknown>) => {
    const entry: Record<string, unknown> = { ts: new Date().toISOString(), level, msg, ...fields };
    if (fields?.err instanceof Error) entry.err = { message: fields.err.message, stack: fields.err.stack };
    write(`${JSON.stringify(entry)}\n`);
  };
  return {
    info: (m, f) => emit('info', m, f),
    warn: (m, f) => emit('warn', m, f),
    error: (m, f) => emit('error', m, f),
  };
}

export const silentLogger: HubLogger = { info: () => {}, warn: () => {}, error: () => {} };
