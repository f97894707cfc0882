import { readFileSync } from 'node:fs';
import { describe, it, expect } from 'vitest';
import {
  buildWorkCalendar,
  DEFAULT_SCHEDULE,
  parseXmlCalendar,
  type CalendarException,
} from '../../../../src/shared/worktime';

/** The bundled production calendars, parsed with the shared parser (no Node loader in a unit test). */
function bundled(): CalendarException[] {
  return [2025, 2026, 2027].flatMap((year) =>
    parseXmlCalendar(
      readFileSync(new URL(`../../../../resources/calendars/ru-${year}.xml`, import.meta.url), 'utf8'),
      year,
    ),
  );
}

/** A Moscow wall time as an instant, by plain arithmetic: Moscow is UTC+3 all year since 2014. */
function msk(y: number, mo: number, d: number, h = 0, mi = 0, s = 0): number {
  return Date.UTC(y, mo - 1, d, h - 3, mi, s);
}

const cal = buildWorkCalendar(DEFAULT_SCHEDULE, bundled());

describe('the default calendar on the Russian production calendar', () => {
  describe('January holidays 2026 (1–11 Jan off)', () => {
    it('opens first on Monday 12 January at 09:00 MSK', () => {
      // Tue 30 Dec 2025 18:00 → Wed 31 Dec 2025 off (transferred from Sun 5 Jan) → 1–11 Jan 2026 off.
      expect(cal.nextOpening(msk(2025, 12, 30, 18))).toBe(msk(2026, 1, 12, 9)); // 2026-01-12T06:00Z
      expect(cal.nextOpening(msk(2026, 1, 1, 0))).toBe(msk(2026, 1, 12, 9));
    });
    it('carries a deadline over the whole holiday', () => {
      // Tue 30 Dec 2025 17:00 + 120 min: 60 min to 18:00, then 60 min from Mon 12 Jan 09:00 → 10:00 MSK.
      expect(cal.add(msk(2025, 12, 30, 17), 120)).toBe(msk(2026, 1, 12, 10));
      expect(cal.between(msk(2025, 12, 30, 17), msk(2026, 1, 12, 10))).toBe(120);
    });
    it('treats Friday 9 January 2026 as a day off (transferred from Sat 3 Jan)', () => {
      expect(cal.isWorking(msk(2026, 1, 9, 10))).toBe(false);
      expect(cal.between(msk(2026, 1, 9), msk(2026, 1, 10))).toBe(0);
      expect(cal.rangeEnd(msk(2026, 1, 9, 10))).toBeNull();
    });
    it('works a normal day on Monday 12 January', () => {
      expect(cal.between(msk(2026, 1, 12), msk(2026, 1, 13))).toBe(480);
    });
  });

  it('treats Monday 9 March 2026 as a day off (8 March fell on a Sunday, ТК РФ ст. 112)', () => {
    expect(cal.isWorking(msk(2026, 3, 9, 10))).toBe(false);
    // Fri 6 Mar is a full day (7 Mar is a Saturday, not a holiday): 17:30 + 60 → 30 min to 18:00,
    // Sat 7 – Mon 9 off, 30 min from Tue 10 Mar 09:00 → 09:30 MSK.
    expect(cal.add(msk(2026, 3, 6, 17, 30), 60)).toBe(msk(2026, 3, 10, 9, 30));
    expect(cal.between(msk(2026, 3, 6), msk(2026, 3, 7))).toBe(480);
  });

  describe('shortened pre-holiday days (ТК РФ ст. 95)', () => {
    it('ends Thursday 30 April 2026 at 17:00', () => {
      expect(cal.rangeEnd(msk(2026, 4, 30, 15))).toBe(msk(2026, 4, 30, 17)); // 14:00Z
      expect(cal.isWorking(msk(2026, 4, 30, 16, 59))).toBe(true);
      expect(cal.isWorking(msk(2026, 4, 30, 17))).toBe(false);
      expect(cal.between(msk(2026, 4, 30), msk(2026, 5, 1))).toBe(420); // 4 h + 3 h
      // 16:30 + 60: 30 min to 17:00, 1–3 May off, 30 min from Mon 4 May 09:00 → 09:30.
      expect(cal.add(msk(2026, 4, 30, 16, 30), 60)).toBe(msk(2026, 5, 4, 9, 30));
    });
    it('ends Friday 8 May 2026 at 17:00 and skips 9–11 May', () => {
      expect(cal.between(msk(2026, 5, 8), msk(2026, 5, 9))).toBe(420);
      // 16:00 + 120: 60 min to 17:00, Sat 9 – Mon 11 May off, 60 min from Tue 12 May 09:00 → 10:00.
      expect(cal.add(msk(2026, 5, 8, 16), 120)).toBe(msk(2026, 5, 12, 10));
    });
  });

  describe('Saturday 1 November 2025: a working day, and shortened', () => {
    it('works 09:00–13:00 and 14:00–17:00', () => {
      expect(cal.between(msk(2025, 11, 1), msk(2025, 11, 2))).toBe(420);
      expect(cal.nextOpening(msk(2025, 11, 1, 8))).toBe(msk(2025, 11, 1, 9));
      expect(cal.isWorking(msk(2025, 11, 1, 13, 30))).toBe(false);
      expect(cal.nextOpening(msk(2025, 11, 1, 13, 30))).toBe(msk(2025, 11, 1, 14));
      expect(cal.rangeEnd(msk(2025, 11, 1, 15))).toBe(msk(2025, 11, 1, 17));
      expect(cal.isWorking(msk(2025, 11, 1, 17))).toBe(false);
    });
    it('carries Friday work into Saturday', () => {
      // Fri 31 Oct 17:00 + 120: 60 min to 18:00, 60 min from Sat 1 Nov 09:00 → 10:00.
      expect(cal.add(msk(2025, 10, 31, 17), 120)).toBe(msk(2025, 11, 1, 10));
    });
    it('then skips Sunday, Monday 3 November (transferred) and Tuesday 4 November (holiday)', () => {
      // Sat 16:00 + 120: 60 min to 17:00, 2–4 Nov off, 60 min from Wed 5 Nov 09:00 → 10:00.
      expect(cal.add(msk(2025, 11, 1, 16), 120)).toBe(msk(2025, 11, 5, 10));
    });
  });

  it('treats Thursday 31 December 2026 as a day off and opens on Monday 11 January 2027', () => {
    // Wed 30 Dec is a full day: 31 Dec is only a transferred day off, so ст. 95 does not shorten 30 Dec.
    expect(cal.between(msk(2026, 12, 30), msk(2026, 12, 31))).toBe(480);
    expect(cal.isWorking(msk(2026, 12, 31, 10))).toBe(false);
    // 1–10 Jan 2027 off.
    expect(cal.nextOpening(msk(2026, 12, 30, 18))).toBe(msk(2027, 1, 11, 9));
  });

  describe('an ordinary day (Mon 2 March 2026)', () => {
    it('skips lunch: 12:45 + 30 min = 14:15', () => {
      expect(cal.add(msk(2026, 3, 2, 12, 45), 30)).toBe(msk(2026, 3, 2, 14, 15));
      expect(cal.between(msk(2026, 3, 2, 12, 45), msk(2026, 3, 2, 14, 15))).toBe(30);
    });
    it('pauses the clock at lunch until 14:00', () => {
      expect(cal.isWorking(msk(2026, 3, 2, 12, 59))).toBe(true);
      expect(cal.isWorking(msk(2026, 3, 2, 13))).toBe(false);
      expect(cal.nextOpening(msk(2026, 3, 2, 13))).toBe(msk(2026, 3, 2, 14));
      expect(cal.rangeEnd(msk(2026, 3, 2, 12))).toBe(msk(2026, 3, 2, 13));
      expect(cal.rangeEnd(msk(2026, 3, 2, 13, 30))).toBeNull();
    });
    it('ends a full day at 18:00, not at the next opening', () => {
      expect(cal.add(msk(2026, 3, 2, 9), 480)).toBe(msk(2026, 3, 2, 18));
      expect(cal.add(msk(2026, 3, 2, 9), 240)).toBe(msk(2026, 3, 2, 13));
    });
  });

  describe('a start outside working hours', () => {
    it('starts on Saturday → Monday 09:00', () => {
      // Sat 14 Mar 2026 10:00 + 60 → Mon 16 Mar 10:00.
      expect(cal.add(msk(2026, 3, 14, 10), 60)).toBe(msk(2026, 3, 16, 10));
    });
    it('starts at 07:00 → 09:00 the same day', () => {
      expect(cal.add(msk(2026, 3, 3, 7), 60)).toBe(msk(2026, 3, 3, 10));
    });
    it('starts at 19:00 → 09:00 the next day', () => {
      expect(cal.add(msk(2026, 3, 3, 19), 60)).toBe(msk(2026, 3, 4, 10));
    });
    it('starts at exactly 18:00 (end exclusive) → 09:00 the next day', () => {
      expect(cal.isWorking(msk(2026, 3, 3, 18))).toBe(false);
      expect(cal.nextOpening(msk(2026, 3, 3, 18))).toBe(msk(2026, 3, 4, 9));
      expect(cal.add(msk(2026, 3, 3, 18), 1)).toBe(msk(2026, 3, 4, 9, 1));
      expect(cal.isWorking(msk(2026, 3, 3, 9))).toBe(true); // start inclusive
    });
  });

  describe('add(t, 0)', () => {
    it('is t when working', () => {
      expect(cal.add(msk(2026, 3, 3, 10, 17), 0)).toBe(msk(2026, 3, 3, 10, 17));
    });
    it('is the next opening otherwise', () => {
      expect(cal.add(msk(2026, 3, 3, 13, 10), 0)).toBe(msk(2026, 3, 3, 14));
    });
  });

  describe('between', () => {
    it('is 0 when b <= a', () => {
      expect(cal.between(msk(2026, 3, 3, 12), msk(2026, 3, 3, 10))).toBe(0);
      expect(cal.between(msk(2026, 3, 3, 12), msk(2026, 3, 3, 12))).toBe(0);
    });
    it('is fractional for instants off the minute', () => {
      expect(cal.between(msk(2026, 3, 3, 9), msk(2026, 3, 3, 9, 0, 30))).toBe(0.5);
    });
    it('counts a whole ordinary week as 40 hours', () => {
      expect(cal.between(msk(2026, 3, 16), msk(2026, 3, 23))).toBe(2400);
    });
    it('counts fractional minutes in add', () => {
      expect(cal.add(msk(2026, 3, 3, 12, 59), 1.5)).toBe(msk(2026, 3, 3, 14, 0, 30));
    });
  });

  it('gives each year the norm of a 40-hour week: 247 days, 4 of them shortened, 1972 hours', () => {
    // Counted by hand: 2025 has 261 weekdays − 15 weekdays off + Sat 1 Nov = 247 days; 2026: 261 − 14 = 247;
    // 2027: 261 − 15 + Sat 20 Feb = 247. Each: 247 × 8 h − 4 shortened hours = 1972 h.
    for (const y of [2025, 2026, 2027]) {
      expect(cal.between(msk(y, 1, 1), msk(y + 1, 1, 1)) / 60).toBe(1972);
    }
  });
});
