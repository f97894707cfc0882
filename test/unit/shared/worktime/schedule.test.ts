import { describe, it, expect } from 'vitest';
import {
  buildWorkCalendar,
  CalendarExceptionSchema,
  DEFAULT_SCHEDULE,
  WeeklyScheduleSchema,
  type TimeRange,
  type WeeklySchedule,
} from '../../../../src/shared/worktime';
import { cutFromEnd, toMinuteRanges } from '../../../../src/shared/worktime/schedule';

const msk = (y: number, mo: number, d: number, h = 0, mi = 0): number => Date.UTC(y, mo - 1, d, h - 3, mi);

describe('DEFAULT_SCHEDULE', () => {
  it('is Mon–Fri 09:00–13:00 + 14:00–18:00 in Moscow with a 60-minute pre-holiday cut', () => {
    expect(WeeklyScheduleSchema.parse(DEFAULT_SCHEDULE)).toEqual(DEFAULT_SCHEDULE);
    expect(DEFAULT_SCHEDULE.zone).toBe('Europe/Moscow');
    expect(DEFAULT_SCHEDULE.days[1]).toEqual([
      { start: '09:00', end: '13:00' },
      { start: '14:00', end: '18:00' },
    ]);
    expect(DEFAULT_SCHEDULE.days[6]).toEqual([]);
    expect(DEFAULT_SCHEDULE.shortenedDayCutMinutes).toBe(60);
    expect(Object.isFrozen(DEFAULT_SCHEDULE.days)).toBe(true);
  });
});

describe('WeeklyScheduleSchema', () => {
  const week = (ranges: TimeRange[]): unknown => ({
    zone: 'Europe/Moscow',
    days: { 1: ranges, 2: [], 3: [], 4: [], 5: [], 6: [], 7: [] },
  });

  it('defaults the pre-holiday cut to 60 minutes (ТК РФ ст. 95)', () => {
    expect(WeeklyScheduleSchema.parse(week([{ start: '08:00', end: '24:00' }])).shortenedDayCutMinutes).toBe(
      60,
    );
  });
  it.each([
    ['a bad time', [{ start: '9:00', end: '13:00' }]],
    ['24:00 as a start', [{ start: '24:00', end: '24:00' }]],
    ['an empty range', [{ start: '10:00', end: '10:00' }]],
    ['a range across midnight', [{ start: '22:00', end: '02:00' }]],
    [
      'overlapping ranges',
      [
        { start: '09:00', end: '13:00' },
        { start: '12:00', end: '18:00' },
      ],
    ],
    ['a week without working time', []],
  ])('rejects %s', (_what, ranges) => {
    expect(WeeklyScheduleSchema.safeParse(week(ranges)).success).toBe(false);
  });
  it('rejects an unknown zone', () => {
    expect(WeeklyScheduleSchema.safeParse({ ...DEFAULT_SCHEDULE, zone: 'Mars/Olympus' }).success).toBe(false);
  });
  it('accepts touching ranges', () => {
    const ranges = [
      { start: '09:00', end: '13:00' },
      { start: '13:00', end: '18:00' },
    ];
    expect(WeeklyScheduleSchema.safeParse(week(ranges)).success).toBe(true);
  });
});

describe('CalendarExceptionSchema', () => {
  it('accepts a full exception and rejects impossible dates and kinds', () => {
    const ok = { date: '2026-01-09', kind: 'day-off', transferredFrom: '2026-01-03', title: 'x' };
    expect(CalendarExceptionSchema.parse(ok)).toEqual(ok);
    expect(CalendarExceptionSchema.safeParse({ date: '2026-02-30', kind: 'holiday' }).success).toBe(false);
    expect(CalendarExceptionSchema.safeParse({ date: '2026-02-03', kind: 'bridge' }).success).toBe(false);
  });
});

describe('day hours', () => {
  it('cuts the pre-holiday hour from the end of the day, into the previous range when needed', () => {
    expect(cutFromEnd(toMinuteRanges(DEFAULT_SCHEDULE.days[1]), 60)).toEqual([
      [540, 780],
      [840, 1020],
    ]);
    // 09:00–17:30 + 17:45–18:00, cut 60: 15 min from the last range, 45 from the one before → ends 16:45.
    const ranges = toMinuteRanges([
      { start: '17:45', end: '18:00' },
      { start: '09:00', end: '17:30' },
    ]);
    expect(cutFromEnd(ranges, 60)).toEqual([[540, 1005]]);
    expect(cutFromEnd(ranges, 10_000)).toEqual([]);
  });

  it('merges touching and overlapping ranges', () => {
    expect(
      toMinuteRanges([
        { start: '13:00', end: '18:00' },
        { start: '09:00', end: '13:00' },
      ]),
    ).toEqual([[540, 1080]]);
  });

  it('works a decree working Saturday with Monday hours', () => {
    const shortFriday: WeeklySchedule = {
      ...DEFAULT_SCHEDULE,
      days: {
        ...DEFAULT_SCHEDULE.days,
        1: [{ start: '08:00', end: '17:00' }],
        5: [{ start: '08:00', end: '15:45' }],
      },
    };
    const cal = buildWorkCalendar(shortFriday, [{ date: '2026-03-14', kind: 'working' }]);
    // Sat 14 Mar 2026 worked as Monday: 08:00–17:00 = 540 min.
    expect(cal.between(msk(2026, 3, 14), msk(2026, 3, 15))).toBe(540);
    expect(cal.nextOpening(msk(2026, 3, 14, 7))).toBe(msk(2026, 3, 14, 8));
  });

  it('uses explicit hours of an exception as they are', () => {
    const cal = buildWorkCalendar(DEFAULT_SCHEDULE, [
      { date: '2026-03-04', kind: 'shortened', hours: [{ start: '10:00', end: '12:00' }] },
      { date: '2026-03-15', kind: 'working', hours: [{ start: '11:00', end: '12:30' }] },
    ]);
    expect(cal.between(msk(2026, 3, 4), msk(2026, 3, 5))).toBe(120);
    expect(cal.between(msk(2026, 3, 15), msk(2026, 3, 16))).toBe(90);
  });

  it('lets a later exception for the same date win', () => {
    const cal = buildWorkCalendar(DEFAULT_SCHEDULE, [
      { date: '2026-03-04', kind: 'holiday' },
      { date: '2026-03-04', kind: 'shortened' },
    ]);
    expect(cal.between(msk(2026, 3, 4), msk(2026, 3, 5))).toBe(420);
  });

  it('honours a custom cut', () => {
    const cal = buildWorkCalendar({ ...DEFAULT_SCHEDULE, shortenedDayCutMinutes: 90 }, [
      { date: '2026-03-04', kind: 'shortened' },
    ]);
    expect(cal.rangeEnd(msk(2026, 3, 4, 15))).toBe(msk(2026, 3, 4, 16, 30));
  });
});

describe('buildWorkCalendar coverage and input checks', () => {
  it('extends lazily beyond the precomputed years with the weekly schedule', () => {
    const cal = buildWorkCalendar(DEFAULT_SCHEDULE, [], { fromYear: 2026, toYear: 2026 });
    // Mon 5 Jan 2032 — no calendar exceptions there, an ordinary Monday.
    expect(cal.isWorking(msk(2032, 1, 5, 10))).toBe(true);
    expect(cal.between(msk(2032, 1, 5), msk(2032, 1, 6))).toBe(480);
    // Fri 3 Jan 2020 + 120 from 17:00 → Mon 6 Jan 10:00.
    expect(cal.add(msk(2020, 1, 3, 17), 120)).toBe(msk(2020, 1, 6, 10));
    // A long budget runs past the coverage: 10 × 52 weeks × 40 h = 20,800 h, used up in December 2035
    // (2026 from 5 Jan: 2072 h, then 2088, 2080, 2088, 2088, 2088, 2096, 2080, 2080 h to the end of 2034).
    const start = msk(2026, 1, 5, 9);
    const due = cal.add(start, 60 * 40 * 52 * 10);
    expect(cal.between(start, due)).toBe(60 * 40 * 52 * 10);
    expect(new Date(due).getUTCFullYear()).toBe(2035);
  });

  it('continues a 24/7 range across New Year at the edge of the coverage', () => {
    const all = [{ start: '00:00', end: '24:00' }];
    const cal = buildWorkCalendar(
      { ...DEFAULT_SCHEDULE, days: { 1: all, 2: all, 3: all, 4: all, 5: all, 6: all, 7: all } },
      [{ date: '2029-01-02', kind: 'holiday' }],
      { fromYear: 2028, toYear: 2028 },
    );
    expect(cal.rangeEnd(msk(2028, 12, 31, 12))).toBe(msk(2029, 1, 2));
  });

  it('rejects bad input', () => {
    expect(() => buildWorkCalendar({ ...DEFAULT_SCHEDULE, zone: 'Nowhere/City' }, [])).toThrow();
    expect(() => buildWorkCalendar(DEFAULT_SCHEDULE, [{ date: '2026-13-01', kind: 'holiday' }])).toThrow();
    expect(() => buildWorkCalendar(DEFAULT_SCHEDULE, [], { fromYear: 2027, toYear: 2026 })).toThrow(
      RangeError,
    );
    const cal = buildWorkCalendar(DEFAULT_SCHEDULE, []);
    expect(() => cal.add(msk(2026, 3, 3, 10), -1)).toThrow(RangeError);
    expect(() => cal.add(Number.NaN, 10)).toThrow(RangeError);
    expect(() => cal.isWorking(Number.POSITIVE_INFINITY)).toThrow(RangeError);
    expect(() => cal.isWorking(Date.UTC(3500, 0, 1))).toThrow(RangeError);
  });

  it('reports its zone', () => {
    expect(buildWorkCalendar(DEFAULT_SCHEDULE, []).zone).toBe('Europe/Moscow');
  });
});
