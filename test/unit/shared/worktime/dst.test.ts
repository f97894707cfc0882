import { DateTime } from 'luxon';
import { describe, it, expect } from 'vitest';
import {
  buildWorkCalendar,
  DEFAULT_SCHEDULE,
  type TimeRange,
  type WeeklySchedule,
} from '../../../../src/shared/worktime';
import { rememberZoneYears, WallClock } from '../../../../src/shared/worktime/zone';

const OFFICE: TimeRange[] = [
  { start: '09:00', end: '13:00' },
  { start: '14:00', end: '18:00' },
];

function schedule(zone: string, sunday: TimeRange[] = []): WeeklySchedule {
  return {
    ...DEFAULT_SCHEDULE,
    zone,
    days: { 1: OFFICE, 2: OFFICE, 3: OFFICE, 4: OFFICE, 5: OFFICE, 6: [], 7: sunday },
  };
}

const utc = (y: number, mo: number, d: number, h = 0, mi = 0): number => Date.UTC(y, mo - 1, d, h, mi);

describe('an office in Europe/Berlin across the DST changes of 2026', () => {
  const berlin = buildWorkCalendar(schedule('Europe/Berlin'), []);

  it('keeps local office hours across the last Sunday of March (29 Mar, CET → CEST)', () => {
    // Fri 27 Mar 17:00 CET = 16:00Z; + 120 min: 60 min to 18:00 CET (17:00Z),
    // then 60 min from Mon 30 Mar 09:00 CEST = 07:00Z → 10:00 CEST = 08:00Z.
    expect(berlin.add(utc(2026, 3, 27, 16), 120)).toBe(utc(2026, 3, 30, 8));
    expect(berlin.nextOpening(utc(2026, 3, 28))).toBe(utc(2026, 3, 30, 7));
    // Fri 27 Mar 09:00 CET (08:00Z) → Mon 30 Mar 18:00 CEST (16:00Z): two office days.
    expect(berlin.between(utc(2026, 3, 27, 8), utc(2026, 3, 30, 16))).toBe(960);
  });

  it('keeps local office hours across the last Sunday of October (25 Oct, CEST → CET)', () => {
    // Fri 23 Oct 17:00 CEST = 15:00Z; + 120: to 18:00 CEST (16:00Z), then Mon 26 Oct 09:00 CET = 08:00Z
    // + 60 → 10:00 CET = 09:00Z.
    expect(berlin.add(utc(2026, 10, 23, 15), 120)).toBe(utc(2026, 10, 26, 9));
    expect(berlin.rangeEnd(utc(2026, 10, 26, 8, 30))).toBe(utc(2026, 10, 26, 12)); // 13:00 CET
  });

  it('counts a 24-hour Sunday as 23 hours in March and 25 in October', () => {
    const shifts = buildWorkCalendar(schedule('Europe/Berlin', [{ start: '00:00', end: '24:00' }]), []);
    // Sun 29 Mar 00:00 CET = Sat 28 Mar 23:00Z; Mon 30 Mar 00:00 CEST = Sun 29 Mar 22:00Z.
    expect(shifts.between(utc(2026, 3, 28, 23), utc(2026, 3, 29, 22))).toBe(23 * 60);
    expect(shifts.rangeEnd(utc(2026, 3, 29, 12))).toBe(utc(2026, 3, 29, 22));
    // Sun 25 Oct 00:00 CEST = Sat 24 Oct 22:00Z; Mon 26 Oct 00:00 CET = Sun 25 Oct 23:00Z.
    expect(shifts.between(utc(2026, 10, 24, 22), utc(2026, 10, 25, 23))).toBe(25 * 60);
  });

  it('maps a range starting in the spring gap to the jump, and drops a range wholly inside it', () => {
    // Sunday 02:00–04:00 on 29 Mar: 02:00 never happens, the clock jumps from 02:00 CET to 03:00 CEST
    // at 01:00Z; so the range is 01:00Z–02:00Z (04:00 CEST) = 60 min.
    const gap = buildWorkCalendar(schedule('Europe/Berlin', [{ start: '02:00', end: '04:00' }]), []);
    expect(gap.nextOpening(utc(2026, 3, 29, 0))).toBe(utc(2026, 3, 29, 1));
    expect(gap.between(utc(2026, 3, 29), utc(2026, 3, 30))).toBe(60);
    // 02:15–02:45 does not exist on 29 Mar: no work at all that day.
    const inside = buildWorkCalendar(schedule('Europe/Berlin', [{ start: '02:15', end: '02:45' }]), []);
    expect(inside.between(utc(2026, 3, 28, 12), utc(2026, 3, 30))).toBe(0);
    expect(inside.between(utc(2026, 3, 21, 12), utc(2026, 3, 23))).toBe(30); // an ordinary Sunday
  });

  it('starts a range in the autumn overlap at its first occurrence', () => {
    // Sunday 02:00–04:00 on 25 Oct: 02:00 CEST = 00:00Z (first of the two 02:00s), 04:00 CET = 03:00Z → 180 min.
    const overlap = buildWorkCalendar(schedule('Europe/Berlin', [{ start: '02:00', end: '04:00' }]), []);
    expect(overlap.nextOpening(utc(2026, 10, 24, 23))).toBe(utc(2026, 10, 25, 0));
    expect(overlap.rangeEnd(utc(2026, 10, 25, 1))).toBe(utc(2026, 10, 25, 3));
    expect(overlap.between(utc(2026, 10, 24), utc(2026, 10, 26))).toBe(180);
  });
});

describe('an office in America/New_York', () => {
  it('handles the second Sunday of March and the first Sunday of November 2026', () => {
    const ny = buildWorkCalendar(schedule('America/New_York', [{ start: '01:00', end: '03:00' }]), []);
    // 8 Mar: 01:00 EST = 06:00Z; 03:00 EDT = 07:00Z → 60 min.
    expect(ny.between(utc(2026, 3, 8), utc(2026, 3, 9))).toBe(60);
    // 1 Nov: 01:00 EDT = 05:00Z (first occurrence); 03:00 EST = 08:00Z → 180 min.
    expect(ny.between(utc(2026, 11, 1), utc(2026, 11, 2))).toBe(180);
    // Fri 6 Mar 17:00 EST = 22:00Z + 120: 60 min to 18:00 EST, Sun 8 Mar 60 min 06:00Z–07:00Z → 07:00Z.
    expect(ny.add(utc(2026, 3, 6, 22), 120)).toBe(utc(2026, 3, 8, 7));
    // Mon 9 Mar 09:00 EDT = 13:00Z.
    expect(ny.nextOpening(utc(2026, 3, 8, 7))).toBe(utc(2026, 3, 9, 13));
  });
});

/**
 * Reference: the earliest instant whose wall clock reads `local` or later, found by scanning a 15-minute
 * grid with luxon. Valid for zones whose offsets and transitions lie on that grid (all of those below).
 */
function referenceInstant(zone: string, local: number): number {
  const step = 15 * 60_000;
  for (let t = local - 16 * 3_600_000; ; t += step) {
    const w = DateTime.fromMillis(t, { zone });
    if (Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute) >= local) return t;
  }
}

describe('WallClock against a brute-force reference on transition days', () => {
  const cases: [zone: string, days: [number, number, number][]][] = [
    [
      'Europe/Berlin',
      [
        [2026, 3, 29],
        [2026, 10, 25],
      ],
    ],
    [
      'America/New_York',
      [
        [2026, 3, 8],
        [2026, 11, 1],
      ],
    ],
    [
      'America/Santiago',
      [
        [2026, 4, 4],
        [2026, 4, 5],
        [2026, 9, 5],
        [2026, 9, 6],
      ],
    ], // changes at midnight
    [
      'Australia/Lord_Howe',
      [
        [2026, 4, 5],
        [2026, 10, 4],
      ],
    ], // a 30-minute DST
    [
      'America/Havana',
      [
        [2026, 3, 8],
        [2026, 11, 1],
      ],
    ],
    [
      'Europe/Moscow',
      [
        [2026, 3, 29],
        [2011, 3, 27],
        [2014, 10, 26],
      ],
    ], // the 2011 and 2014 reforms
  ];
  for (const [zone, days] of cases) {
    it(`maps every 15 minutes of the transition days in ${zone}`, () => {
      const clock = new WallClock(zone);
      for (const [y, mo, d] of days) {
        for (let m = 0; m <= 1440; m += 15) {
          const local = Date.UTC(y, mo - 1, d) + m * 60_000;
          expect(clock.instant(local), `${zone} ${y}-${mo}-${d} +${m} min`).toBe(
            referenceInstant(zone, local),
          );
        }
      }
    });
  }
});

describe("a zone's offsets scanned once per process, or taken from the core", () => {
  it('gives the scanned transitions of a year, and the same instants from a remembered table', () => {
    const year = new WallClock('Europe/Berlin').year(2026);
    expect(year.year).toBe(2026);
    // Two changes in 2026: 29 Mar 01:00Z (CET → CEST) and 25 Oct 01:00Z (CEST → CET).
    expect(year.times.slice(1)).toEqual([utc(2026, 3, 29, 1), utc(2026, 10, 25, 1)]);
    expect(year.offsets).toEqual([60, 120, 60]);
    // A table as the renderer receives it (JSON) is what the clocks of that zone then answer from.
    const copied = JSON.parse(JSON.stringify(new WallClock('America/Santiago').year(2026))) as typeof year;
    expect(copied.offsets.length).toBeGreaterThan(1);
    rememberZoneYears('Asia/Kolkata', [{ year: 2041, times: [utc(2041, 1, 1)], offsets: [300] }]);
    // (Kolkata is UTC+5:30: an answer at +5:00 can only come from the remembered table.)
    expect(new WallClock('Asia/Kolkata').instant(utc(2041, 6, 1, 12))).toBe(utc(2041, 6, 1, 7));
  });

  it('ignores a malformed table rather than answering from it', () => {
    rememberZoneYears('Asia/Tokyo', [{ year: 2031, times: [], offsets: [] }]);
    expect(new WallClock('Asia/Tokyo').year(2031).offsets).toEqual([540]);
  });
});
