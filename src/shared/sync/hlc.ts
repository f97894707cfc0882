/**
 * Hybrid logical clock (Kulkarni et al.), as Actual Budget uses for its sync: a timestamp that
 * follows wall time but never goes backwards and orders causally related events across devices.
 * Serialised so that string order is timestamp order: `<ISO ms>-<counter hex4>-<node>`.
 */
export type Hlc = { millis: number; counter: number; node: string };

export const MAX_COUNTER = 0xffff;
/** A remote clock further ahead than this is refused rather than followed (clock drift guard). */
export const DEFAULT_MAX_DRIFT_MS = 60_000;

export class HlcError extends Error {
  constructor(
    readonly kind: 'drift' | 'overflow' | 'parse',
    message: string,
  ) {
    super(message);
    this.name = 'HlcError';
  }
}

export function formatHlc(h: Hlc): string {
  return `${new Date(h.millis).toISOString()}-${h.counter.toString(16).toUpperCase().padStart(4, '0')}-${h.node}`;
}

const HLC_PATTERN = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z)-([0-9A-F]{4})-(.+)$/;

export function parseHlc(text: string): Hlc {
  const m = HLC_PATTERN.exec(text);
  if (!m?.[1] || !m[2] || !m[3]) throw new HlcError('parse', `Not an HLC timestamp: ${text}`);
  const millis = Date.parse(m[1]);
  if (Number.isNaN(millis)) throw new HlcError('parse', `Not an HLC timestamp: ${text}`);
  return { millis, counter: parseInt(m[2], 16), node: m[3] };
}

/** Local event or send: advance past both the last timestamp and the wall clock. */
export function tick(last: Hlc, wallMs: number): Hlc {
  const millis = Math.max(last.millis, wallMs);
  const counter = millis === last.millis ? last.counter + 1 : 0;
  if (counter > MAX_COUNTER) throw new HlcError('overflow', 'HLC counter overflow');
  return { millis, counter, node: last.node };
}

/** Receive: merge a remote timestamp, refusing one too far in the future of our wall clock. */
export function receive(last: Hlc, remote: Hlc, wallMs: number, maxDriftMs = DEFAULT_MAX_DRIFT_MS): Hlc {
  if (remote.millis - wallMs > maxDriftMs) {
    throw new HlcError(
      'drift',
      `Remote clock is ${remote.millis - wallMs} ms ahead (limit ${maxDriftMs} ms)`,
    );
  }
  const millis = Math.max(last.millis, remote.millis, wallMs);
  let counter: number;
  if (millis === last.millis && millis === remote.millis)
    counter = Math.max(last.counter, remote.counter) + 1;
  else if (millis === last.millis) counter = last.counter + 1;
  else if (millis === remote.millis) counter = remote.counter + 1;
  else counter = 0;
  if (counter > MAX_COUNTER) throw new HlcError('overflow', 'HLC counter overflow');
  return { millis, counter, node: last.node };
}
