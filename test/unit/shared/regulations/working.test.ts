import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addWorkingDays, subtractWorkingMinutes } from '../../../../src/shared/regulations';
import { t, testCalendar } from './test-calendar';

const cal = testCalendar();

describe('addWorkingDays', () => {
  it('steps to the same local time N working days later, skipping weekends and holidays', () => {
    expect(addWorkingDays(cal, t(3, 11), 7)).toBe(t(12, 11));
    expect(addWorkingDays(testCalendar({ holidays: ['2026-03-09'] }), t(3, 11), 7)).toBe(t(13, 11));
  });

  it('starts outside working time at the next opening', () => {
    expect(addWorkingDays(cal, t(7, 12), 1)).toBe(t(10, 9)); // Saturday → Monday 09:00 → Tuesday 09:00
    expect(addWorkingDays(cal, t(2, 20), 1)).toBe(t(4, 9)); // Monday evening → Tuesday 09:00 → Wednesday 09:00
    expect(addWorkingDays(cal, t(7, 12), 0)).toBe(t(9, 9));
  });

  it('ends a shortened day at its real closing time instead of overflowing into the next day', () => {
    const short = testCalendar({ shortened: ['2026-03-03'] });
    expect(addWorkingDays(short, t(2, 17, 30), 1)).toBe(t(3, 17));
    // Adding a normal day's worth of minutes would be wrong here: it runs into Wednesday.
    expect(short.add(t(2, 17, 30), 540)).toBe(t(4, 9, 30));
  });

  it('gives whole working days of time on an ordinary calendar', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 60 * 24 * 90 }), fc.integer({ min: 1, max: 10 }), (minute, n) => {
        const start = cal.nextOpening(t(2, 0) + minute * 60_000);
        expect(cal.between(start, addWorkingDays(cal, start, n))).toBe(n * 540);
      }),
    );
  });
});

describe('subtractWorkingMinutes', () => {
  it('finds the latest instant that leaves the given working time before the deadline', () => {
    expect(subtractWorkingMinutes(cal, t(3, 13), 240)).toBe(t(3, 9));
    expect(subtractWorkingMinutes(cal, t(3, 10), 120)).toBe(t(2, 17));
    expect(subtractWorkingMinutes(cal, t(9, 10), 120)).toBe(t(6, 17)); // over the weekend
    expect(subtractWorkingMinutes(cal, t(9, 10), 0)).toBe(t(9, 10));
  });

  it('is exact and the latest such instant', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 60 * 24 * 90 }),
        fc.integer({ min: 1, max: 3000 }),
        fc.integer({ min: 0, max: 59_999 }),
        (minute, m, ms) => {
          const at = t(2, 0) + minute * 60_000 + ms;
          const x = subtractWorkingMinutes(cal, at, m);
          expect(cal.between(x, at)).toBeCloseTo(m, 9);
          expect(cal.between(x + 1, at)).toBeLessThan(m);
        },
      ),
    );
  });
});
