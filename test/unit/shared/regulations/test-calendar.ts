import { type WorkCalendar } from '../../../../src/shared/worktime';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const OPEN = 9 * HOUR;
const CLOSE = 18 * HOUR;
const SHORT_CLOSE = 17 * HOUR;

export type TestCalendarOptions = {
  /** 'YYYY-MM-DD' days off (UTC). */
  holidays?: readonly string[];
  /** 'YYYY-MM-DD' pre-holiday days that end at 17:00 instead of 18:00. */
  shortened?: readonly string[];
};

/**
 * A deliberately simple stand-in for `src/shared/worktime`: Mon–Fri 09:00–18:00 UTC, no lunch, optional
 * holidays and shortened days. Day-by-day arithmetic, so its answers are easy to check by hand.
 */
export function testCalendar(opts: TestCalendarOptions = {}): WorkCalendar {
  const holidays = new Set(opts.holidays ?? []);
  const shortened = new Set(opts.shortened ?? []);
  const dayStart = (ms: number) => Math.floor(ms / DAY) * DAY;
  const iso = (d: number) => new Date(d).toISOString().slice(0, 10);
  /** [open, close) of the day starting at `d`, or null on a day off. */
  const hours = (d: number): [number, number] | null => {
    const wd = new Date(d).getUTCDay();
    if (wd === 0 || wd === 6 || holidays.has(iso(d))) return null;
    return [d + OPEN, d + (shortened.has(iso(d)) ? SHORT_CLOSE : CLOSE)];
  };
  const isWorking = (ms: number) => {
    const h = hours(dayStart(ms));
    return !!h && ms >= h[0] && ms < h[1];
  };
  const nextOpening = (ms: number) => {
    if (isWorking(ms)) return ms;
    for (let d = dayStart(ms); ; d += DAY) {
      const h = hours(d);
      if (h && ms < h[0]) return h[0];
      if (d - ms > 400 * DAY) throw new Error('testCalendar: no opening within 400 days');
    }
  };
  const rangeEnd = (ms: number) => (isWorking(ms) ? hours(dayStart(ms))![1] : null);
  const between = (a: number, b: number) => {
    let ms = 0;
    for (let d = dayStart(a); d < b; d += DAY) {
      const h = hours(d);
      if (h) ms += Math.max(0, Math.min(b, h[1]) - Math.max(a, h[0]));
    }
    return ms / MINUTE;
  };
  const add = (start: number, minutes: number) => {
    let t = nextOpening(start);
    let left = minutes * MINUTE;
    for (;;) {
      const end = rangeEnd(t)!;
      if (left <= end - t) return t + left;
      left -= end - t;
      t = nextOpening(end);
    }
  };
  return { zone: 'UTC', add, between, isWorking, nextOpening, rangeEnd };
}

/** 2026-03-02 is a Monday. `t(2, 9)` = Mon 2 March 2026 09:00 UTC. */
export function t(day: number, hour: number, minute = 0): number {
  return Date.UTC(2026, 2, day, hour, minute);
}
