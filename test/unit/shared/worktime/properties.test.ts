import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, it, expect } from 'vitest';
import {
  buildWorkCalendar,
  DEFAULT_SCHEDULE,
  parseXmlCalendar,
  type CalendarException,
  type TimeRange,
  type WorkCalendar,
} from '../../../../src/shared/worktime';

const RUNS = { numRuns: 600 };
const MINUTE = 60_000;
const DAY = 86_400_000;

function bundled(): CalendarException[] {
  return [2025, 2026, 2027].flatMap((year) =>
    parseXmlCalendar(
      readFileSync(new URL(`../../../../resources/calendars/ru-${year}.xml`, import.meta.url), 'utf8'),
      year,
    ),
  );
}

const exceptions = bundled();
const FROM = Date.UTC(2025, 0, 1) - 3 * 3_600_000; // 2025-01-01 00:00 MSK
const TO = Date.UTC(2028, 0, 1) - 3 * 3_600_000; // 2028-01-01 00:00 MSK

const ALL_DAY: TimeRange[] = [{ start: '00:00', end: '24:00' }];
const calendars: [name: string, cal: WorkCalendar][] = [
  ['Moscow office, production calendar', buildWorkCalendar(DEFAULT_SCHEDULE, exceptions)],
  [
    'Berlin office with a Sunday night shift across the DST changes',
    buildWorkCalendar(
      {
        ...DEFAULT_SCHEDULE,
        zone: 'Europe/Berlin',
        days: { ...DEFAULT_SCHEDULE.days, 7: [{ start: '01:30', end: '03:30' }] },
      },
      [],
    ),
  ],
  [
    'New York 24/7 control centre on the calendar',
    buildWorkCalendar(
      {
        zone: 'America/New_York',
        days: { 1: ALL_DAY, 2: ALL_DAY, 3: ALL_DAY, 4: ALL_DAY, 5: ALL_DAY, 6: ALL_DAY, 7: ALL_DAY },
        shortenedDayCutMinutes: 60,
      },
      exceptions,
    ),
  ],
];

const instant = fc.integer({ min: FROM, max: TO });
const minutes = fc.integer({ min: 0, max: 5000 });

for (const [name, cal] of calendars) {
  describe(`working-time invariants: ${name}`, () => {
    it('between(a, add(a, m)) === m', () => {
      fc.assert(
        fc.property(instant, minutes, (a, m) => {
          expect(cal.between(a, cal.add(a, m))).toBe(m);
        }),
        RUNS,
      );
    });

    it('add is monotonic in the start and in the minutes', () => {
      fc.assert(
        fc.property(instant, instant, minutes, minutes, (a1, a2, m1, m2) => {
          const [a, b] = a1 <= a2 ? [a1, a2] : [a2, a1];
          const [m, n] = m1 <= m2 ? [m1, m2] : [m2, m1];
          expect(cal.add(a, m)).toBeLessThanOrEqual(cal.add(b, m));
          expect(cal.add(a, m)).toBeLessThanOrEqual(cal.add(a, n));
          expect(cal.add(a, m)).toBeGreaterThanOrEqual(a);
        }),
        RUNS,
      );
    });

    it('between is monotonic in both arguments and additive', () => {
      fc.assert(
        fc.property(fc.array(instant, { minLength: 3, maxLength: 3 }), (xs) => {
          const [a, b, c] = xs.sort((x, y) => x - y) as [number, number, number];
          expect(cal.between(a, c)).toBeGreaterThanOrEqual(cal.between(a, b));
          expect(cal.between(a, c)).toBeGreaterThanOrEqual(cal.between(b, c));
          expect(cal.between(a, b) + cal.between(b, c)).toBeCloseTo(cal.between(a, c), 9);
          expect(cal.between(c, a)).toBe(0);
          expect(cal.between(a, c)).toBeLessThanOrEqual((c - a) / MINUTE);
        }),
        RUNS,
      );
    });

    it('isWorking agrees with nextOpening and rangeEnd', () => {
      fc.assert(
        fc.property(instant, (t) => {
          const open = cal.nextOpening(t);
          const end = cal.rangeEnd(t);
          expect(open).toBeGreaterThanOrEqual(t);
          expect(cal.isWorking(t)).toBe(open === t);
          expect(cal.isWorking(open)).toBe(true);
          expect(cal.between(t, open)).toBe(0);
          if (cal.isWorking(t)) {
            expect(end).not.toBeNull();
            expect(end!).toBeGreaterThan(t);
            expect(cal.isWorking(end!)).toBe(false);
            expect(cal.isWorking(end! - 1)).toBe(true);
            expect(cal.between(t, end!)).toBe((end! - t) / MINUTE);
          } else {
            expect(end).toBeNull();
            expect(cal.isWorking(open - 1)).toBe(false);
          }
        }),
        RUNS,
      );
    });

    it('a deadline falls on working time: the minute just before it was worked', () => {
      fc.assert(
        fc.property(instant, fc.integer({ min: 1, max: 5000 }), (a, m) => {
          const due = cal.add(a, m);
          expect(cal.isWorking(due - 1)).toBe(true);
          expect(cal.add(a, 0)).toBe(cal.nextOpening(a));
        }),
        RUNS,
      );
    });
  });
}

/**
 * An independent oracle for the Moscow office: Moscow is UTC+3, so the wall clock is plain arithmetic; the
 * day's hours come straight from the rules (09–13, 14–18; a shortened day ends at 17; worked weekend days as
 * Monday), and a deadline is walked minute by minute.
 */
describe('the Moscow calendar against a minute-by-minute oracle', () => {
  const cal = calendars[0]![1];
  const byDate = new Map(exceptions.map((e) => [e.date, e]));
  /** Per local day (days since the epoch): null when off, else the end of the afternoon in minutes. */
  const dayEnd = new Map<number, number | null>();
  const afternoonEnd = (localDay: number): number | null => {
    const cached = dayEnd.get(localDay);
    if (cached !== undefined) return cached;
    const d = new Date(localDay * DAY);
    const e = byDate.get(d.toISOString().slice(0, 10));
    const weekday = d.getUTCDay(); // 0 = Sunday
    const worked = e ? e.kind === 'working' || e.kind === 'shortened' : weekday >= 1 && weekday <= 5;
    const end = !worked ? null : e?.kind === 'shortened' ? 17 * 60 : 18 * 60;
    dayEnd.set(localDay, end);
    return end;
  };
  const isWorkingMinute = (t: number): boolean => {
    const local = t + 3 * 3_600_000;
    const end = afternoonEnd(Math.floor(local / DAY));
    const minute = Math.floor((local % DAY) / MINUTE);
    return end !== null && ((minute >= 9 * 60 && minute < 13 * 60) || (minute >= 14 * 60 && minute < end));
  };
  const oracleAdd = (a: number, m: number): number => {
    let t = a;
    let left = m;
    while (left > 0) {
      if (isWorkingMinute(t)) left--;
      t += MINUTE;
    }
    return t;
  };
  const onMinute = fc.integer({ min: FROM / MINUTE, max: TO / MINUTE - 30 * 24 * 60 }).map((x) => x * MINUTE);

  it('gives the same deadlines', () => {
    fc.assert(
      fc.property(onMinute, fc.integer({ min: 1, max: 3000 }), (a, m) => {
        expect(cal.add(a, m)).toBe(oracleAdd(a, m));
      }),
      { numRuns: 500 },
    );
  });

  it('gives the same working minutes in every day', () => {
    fc.assert(
      fc.property(onMinute, (a) => {
        let expected = 0;
        for (let t = a; t < a + DAY; t += MINUTE) if (isWorkingMinute(t)) expected++;
        expect(cal.between(a, a + DAY)).toBe(expected);
        expect(cal.isWorking(a)).toBe(isWorkingMinute(a));
      }),
      { numRuns: 500 },
    );
  });
});
