import { assertNever } from '../assert';
import {
  hmToMinutes,
  type CalendarException,
  type IsoWeekday,
  type TimeRange,
  type WeeklySchedule,
} from './types';

/** [start, end) in minutes since local midnight, 0…1440. */
export type MinuteRange = readonly [start: number, end: number];

const NO_HOURS: readonly TimeRange[] = Object.freeze([]);
const OFFICE_DAY: readonly TimeRange[] = Object.freeze([
  Object.freeze({ start: '09:00', end: '13:00' }),
  Object.freeze({ start: '14:00', end: '18:00' }),
]);

/** Mon–Fri 09:00–13:00 + 14:00–18:00, Sat/Sun off, Moscow time; a shortened day ends at 17:00. Frozen. */
export const DEFAULT_SCHEDULE: WeeklySchedule = Object.freeze({
  zone: 'Europe/Moscow',
  days: Object.freeze({
    1: OFFICE_DAY as TimeRange[],
    2: OFFICE_DAY as TimeRange[],
    3: OFFICE_DAY as TimeRange[],
    4: OFFICE_DAY as TimeRange[],
    5: OFFICE_DAY as TimeRange[],
    6: NO_HOURS as TimeRange[],
    7: NO_HOURS as TimeRange[],
  }),
  // ТК РФ ст. 95: the working day before a non-working holiday is one hour shorter.
  shortenedDayCutMinutes: 60,
});

export const ISO_WEEKDAYS: readonly IsoWeekday[] = [1, 2, 3, 4, 5, 6, 7];

/** Sorted, merged minute ranges; empty and inverted ranges dropped. */
export function toMinuteRanges(ranges: readonly TimeRange[]): MinuteRange[] {
  const raw = ranges
    .map((r): MinuteRange => [hmToMinutes(r.start), Math.min(1440, hmToMinutes(r.end))])
    .filter(([s, e]) => e > s)
    .sort((a, b) => a[0] - b[0]);
  const out: [number, number][] = [];
  for (const [s, e] of raw) {
    const last = out[out.length - 1];
    if (last && s <= last[1]) last[1] = Math.max(last[1], e);
    else out.push([s, e]);
  }
  return out;
}

/** Cuts `cut` minutes off the end of the working day, into earlier ranges if the last one is shorter. */
export function cutFromEnd(ranges: readonly MinuteRange[], cut: number): MinuteRange[] {
  const out = ranges.map((r): [number, number] => [r[0], r[1]]);
  let left = cut;
  while (left > 0 && out.length > 0) {
    const last = out[out.length - 1]!;
    const len = last[1] - last[0];
    if (len > left) {
      last[1] -= left;
      left = 0;
    } else {
      out.pop();
      left -= len;
    }
  }
  return out;
}

/**
 * The weekly schedule compiled for fast day resolution.
 *
 * How a calendar day gets its hours:
 * - no exception: the ranges of its weekday;
 * - 'holiday', 'day-off': none;
 * - 'working': `hours` if given, else its weekday's ranges if that weekday is worked, else the ranges of the
 *   REFERENCE weekday — the first weekday from Monday on with working time (normally Monday). A decree's working
 *   Saturday is worked as an ordinary weekday;
 * - 'shortened': `hours` if given (taken as they are), else the day's ranges as for 'working' with
 *   `shortenedDayCutMinutes` cut from the end of the day (ТК РФ ст. 95). The cut runs into earlier ranges when
 *   the last one is shorter than the cut, so the day is always that much shorter.
 */
export class CompiledSchedule {
  readonly zone: string;
  private readonly weekly: Record<IsoWeekday, MinuteRange[]>;
  private readonly reference: MinuteRange[];
  private readonly cut: number;

  constructor(schedule: WeeklySchedule) {
    this.zone = schedule.zone;
    const days = schedule.days;
    this.weekly = {
      1: toMinuteRanges(days[1]),
      2: toMinuteRanges(days[2]),
      3: toMinuteRanges(days[3]),
      4: toMinuteRanges(days[4]),
      5: toMinuteRanges(days[5]),
      6: toMinuteRanges(days[6]),
      7: toMinuteRanges(days[7]),
    };
    const referenceDay = ISO_WEEKDAYS.find((d) => this.weekly[d].length > 0) ?? 1;
    this.reference = this.weekly[referenceDay];
    this.cut = Math.max(0, schedule.shortenedDayCutMinutes);
  }

  /** True when the week has any working time (else no deadline can ever be reached). */
  hasWorkingTime(): boolean {
    return ISO_WEEKDAYS.some((d) => this.weekly[d].length > 0);
  }

  dayRanges(weekday: IsoWeekday, exception: CalendarException | undefined): readonly MinuteRange[] {
    const own = this.weekly[weekday];
    if (!exception) return own;
    switch (exception.kind) {
      case 'holiday':
      case 'day-off':
        return [];
      case 'working':
        if (exception.hours) return toMinuteRanges(exception.hours);
        return own.length > 0 ? own : this.reference;
      case 'shortened':
        if (exception.hours) return toMinuteRanges(exception.hours);
        return cutFromEnd(own.length > 0 ? own : this.reference, this.cut);
      default:
        return assertNever(exception.kind);
    }
  }
}
