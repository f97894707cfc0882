import { DateTime } from 'luxon';

/**
 * Office hours the demo data is spread over. A simplification of the real schedule (no lunch break,
 * no production calendar): good enough for plausible demo timestamps, never used for deadlines.
 */
const DAY_START_HOUR = 9;
const DAY_END_HOUR = 18;

/** The instant that lies `ms` of office time (Mon–Fri 09:00–18:00 in `zone`) before `now`. */
export function officeTimeBefore(now: number, ms: number, zone: string): number {
  let cursor = DateTime.fromMillis(now, { zone });
  let remaining = ms;
  // Each pass consumes one day; a year of look-back is far beyond any demo need.
  for (let day = 0; day < 370; day++) {
    const start = cursor.set({ hour: DAY_START_HOUR, minute: 0, second: 0, millisecond: 0 });
    const end = cursor.set({ hour: DAY_END_HOUR, minute: 0, second: 0, millisecond: 0 });
    if (cursor.weekday <= 5 && cursor > start) {
      const until = cursor < end ? cursor : end;
      const available = until.toMillis() - start.toMillis();
      if (remaining <= available) return until.toMillis() - remaining;
      remaining -= available;
    }
    cursor = start.minus({ days: 1 }).endOf('day');
  }
  throw new RangeError(`Look-back of ${ms} ms exceeds a year of office time`);
}

/** Heating-season problems make sense from October to April. */
export function seasonAt(now: number, zone: string): 'cold' | 'warm' {
  const month = DateTime.fromMillis(now, { zone }).month;
  return month >= 5 && month <= 9 ? 'warm' : 'cold';
}

export function assertZone(zone: string): void {
  if (!DateTime.fromMillis(0, { zone }).isValid) throw new RangeError(`Unknown time zone: ${zone}`);
}
