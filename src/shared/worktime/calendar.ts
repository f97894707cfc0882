import { CompiledSchedule } from './schedule';
import type { CalendarException, IsoWeekday, WeeklySchedule } from './types';
import { WallClock } from './zone';

const MINUTE = 60_000;
const DAY = 86_400_000;

/** Years precomputed when `opts` does not say: the bundled calendars and a year either side. */
export const DEFAULT_FROM_YEAR = 2024;
export const DEFAULT_TO_YEAR = 2028;
/** Lazy extension stops here: an instant outside is a bug upstream, not a deadline. */
export const MIN_YEAR = 1900;
export const MAX_YEAR = 2999;

export interface WorkCalendar {
  readonly zone: string;
  /**
   * The earliest instant (epoch ms) at which `minutes` working minutes have passed since `startMs`. A start
   * outside working time starts at the next opening. `add(t, 0)` is `t` when working, else the next opening
   * (= `nextOpening(t)`). Reaching the end of a range gives that end (09:00 + 480 min = 18:00 the same day),
   * not the next opening. `minutes` must be finite and >= 0 (fractions allowed).
   */
  add(startMs: number, minutes: number): number;
  /**
   * Working minutes in [aMs, bMs) (0 if b <= a). Exact: for integer-ms instants and whole minutes,
   * `between(a, add(a, m)) === m`. Fractional when the instants are not on whole minutes.
   */
  between(aMs: number, bMs: number): number;
  isWorking(ms: number): boolean;
  /** `ms` itself if working, else the start of the next working range. */
  nextOpening(ms: number): number;
  /** The end of the working range containing `ms` (ranges touching across midnight count as one), or null. */
  rangeEnd(ms: number): number | null;
}

export type BuildWorkCalendarOptions = { fromYear?: number; toYear?: number };

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/**
 * Working time as a sorted list of disjoint intervals [start, end) in epoch ms, with a running total of the
 * working ms before each one. `add` and `between` are one binary search each. Luxon (through WallClock) is
 * used only while building; queries are plain arithmetic on typed arrays.
 *
 * Coverage is whole local years [fromYear, toYear]; a query outside it rebuilds a wider coverage (year lists
 * are cached, so that is cheap) — beyond the years the exceptions describe the weekly schedule applies.
 */
class IntervalCalendar implements WorkCalendar {
  readonly zone: string;
  private readonly schedule: CompiledSchedule;
  private readonly exceptions: ReadonlyMap<string, CalendarException>;
  private readonly clock: WallClock;
  private readonly yearCache = new Map<number, Float64Array>();

  private fromYear = 0;
  private toYear = -1;
  private coverStart = 0;
  private coverEnd = 0;
  private n = 0;
  private starts = new Float64Array(0);
  private ends = new Float64Array(0);
  /** Working ms before interval i (from coverStart). */
  private cumStart = new Float64Array(0);
  /** Working ms up to the end of interval i. */
  private cumEnd = new Float64Array(0);

  constructor(
    schedule: CompiledSchedule,
    exceptions: ReadonlyMap<string, CalendarException>,
    fromYear: number,
    toYear: number,
  ) {
    this.zone = schedule.zone;
    this.schedule = schedule;
    this.exceptions = exceptions;
    this.clock = new WallClock(schedule.zone);
    this.cover(fromYear, toYear);
  }

  add(startMs: number, minutes: number): number {
    if (!Number.isFinite(minutes) || minutes < 0) {
      throw new RangeError(`add: minutes must be a finite number >= 0, got ${minutes}`);
    }
    if (minutes === 0) return this.nextOpening(startMs);
    this.ensure(startMs);
    for (;;) {
      const target = this.cum(startMs) + minutes * MINUTE;
      const total = this.n > 0 ? this.cumEnd[this.n - 1]! : 0;
      if (target > total) {
        this.extendForBudget(target - total);
        continue;
      }
      // First interval whose running total at its end reaches the target.
      const cumEnd = this.cumEnd;
      let lo = 0;
      let hi = this.n - 1;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (cumEnd[mid]! >= target) hi = mid;
        else lo = mid + 1;
      }
      return this.starts[lo]! + (target - this.cumStart[lo]!);
    }
  }

  between(aMs: number, bMs: number): number {
    this.ensure(aMs);
    this.ensure(bMs);
    if (!(bMs > aMs)) return 0;
    return (this.cum(bMs) - this.cum(aMs)) / MINUTE;
  }

  isWorking(ms: number): boolean {
    this.ensure(ms);
    const k = this.lastStartAtOrBefore(ms);
    return k >= 0 && ms < this.ends[k]!;
  }

  nextOpening(ms: number): number {
    this.ensure(ms);
    for (;;) {
      const k = this.lastStartAtOrBefore(ms);
      if (k >= 0 && ms < this.ends[k]!) return ms;
      if (k + 1 < this.n) return this.starts[k + 1]!;
      this.cover(this.fromYear, this.toYear + 2);
    }
  }

  rangeEnd(ms: number): number | null {
    this.ensure(ms);
    for (;;) {
      const k = this.lastStartAtOrBefore(ms);
      if (k < 0 || ms >= this.ends[k]!) return null;
      const end = this.ends[k]!;
      // A range running into the end of the coverage may continue in the next year (24/7 schedules).
      if (end < this.coverEnd) return end;
      this.cover(this.fromYear, this.toYear + 1);
    }
  }

  /** Working ms in [coverStart, t), for t within the coverage. */
  private cum(t: number): number {
    const k = this.lastStartAtOrBefore(t);
    if (k < 0) return 0;
    const end = this.ends[k]!;
    return t < end ? this.cumStart[k]! + (t - this.starts[k]!) : this.cumEnd[k]!;
  }

  /** Index of the last interval starting at or before t, or -1. */
  private lastStartAtOrBefore(t: number): number {
    const starts = this.starts;
    let lo = 0;
    let hi = this.n;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (starts[mid]! <= t) lo = mid + 1;
      else hi = mid;
    }
    return lo - 1;
  }

  private ensure(ms: number): void {
    if (ms >= this.coverStart && ms < this.coverEnd) return;
    if (!Number.isFinite(ms))
      throw new RangeError(`work calendar: instant must be a finite number, got ${ms}`);
    const year = new Date(ms).getUTCFullYear();
    this.cover(Math.min(this.fromYear, year - 1), Math.max(this.toYear, year + 1));
  }

  private extendForBudget(missingMs: number): void {
    const years = this.toYear - this.fromYear + 1;
    const total = this.n > 0 ? this.cumEnd[this.n - 1]! : 0;
    const perYear = Math.max(total / years, MINUTE);
    this.cover(this.fromYear, this.toYear + Math.ceil(missingMs / perYear) + 1);
  }

  private cover(fromYear: number, toYear: number): void {
    if (fromYear < MIN_YEAR || toYear > MAX_YEAR) {
      throw new RangeError(
        `work calendar: instants are supported in ${MIN_YEAR + 1}–${MAX_YEAR - 1} (asked for years ${fromYear}–${toYear})`,
      );
    }
    const lists: Float64Array[] = [];
    let count = 0;
    for (let y = fromYear; y <= toYear; y++) {
      const list = this.yearIntervals(y);
      lists.push(list);
      count += list.length / 2;
    }
    const starts = new Float64Array(count);
    const ends = new Float64Array(count);
    let n = 0;
    for (const list of lists) {
      for (let i = 0; i < list.length; i += 2) {
        const s = list[i]!;
        const e = list[i + 1]!;
        // Touching intervals (a range to 24:00 and one from 00:00, or across New Year) are one range.
        if (n > 0 && s <= ends[n - 1]!) {
          ends[n - 1] = Math.max(ends[n - 1]!, e);
        } else {
          starts[n] = s;
          ends[n] = e;
          n++;
        }
      }
    }
    const cumStart = new Float64Array(n);
    const cumEnd = new Float64Array(n);
    let acc = 0;
    for (let i = 0; i < n; i++) {
      cumStart[i] = acc;
      acc += ends[i]! - starts[i]!;
      cumEnd[i] = acc;
    }
    this.fromYear = fromYear;
    this.toYear = toYear;
    this.coverStart = this.clock.instant(Date.UTC(fromYear, 0, 1));
    this.coverEnd = this.clock.instant(Date.UTC(toYear + 1, 0, 1));
    this.n = n;
    this.starts = starts.subarray(0, n);
    this.ends = ends.subarray(0, n);
    this.cumStart = cumStart;
    this.cumEnd = cumEnd;
  }

  /** Working intervals of the local days of one year, flat [s0, e0, s1, e1, …]. */
  private yearIntervals(year: number): Float64Array {
    const cached = this.yearCache.get(year);
    if (cached) return cached;
    const flat: number[] = [];
    for (let day = Date.UTC(year, 0, 1); new Date(day).getUTCFullYear() === year; day += DAY) {
      const date = new Date(day);
      const key = `${year}-${pad2(date.getUTCMonth() + 1)}-${pad2(date.getUTCDate())}`;
      const weekday = (((date.getUTCDay() + 6) % 7) + 1) as IsoWeekday;
      for (const [startMin, endMin] of this.schedule.dayRanges(weekday, this.exceptions.get(key))) {
        const s = this.clock.instant(day + startMin * MINUTE);
        const e = this.clock.instant(day + endMin * MINUTE);
        // A range wholly inside a DST gap has no duration (see WallClock).
        if (e > s) flat.push(s, e);
      }
    }
    const list = Float64Array.from(flat);
    this.yearCache.set(year, list);
    return list;
  }
}

/**
 * The working calendar of a schedule and exceptions already checked (as `buildWorkCalendar` checks them):
 * the renderer builds its own from the core's answer. Later exceptions for the same date win.
 */
export function workCalendarOf(
  schedule: WeeklySchedule,
  exceptions: readonly CalendarException[],
  opts: BuildWorkCalendarOptions = {},
): WorkCalendar {
  const byDate = new Map<string, CalendarException>();
  for (const e of exceptions) byDate.set(e.date, e);
  const fromYear = opts.fromYear ?? Math.min(DEFAULT_FROM_YEAR, opts.toYear ?? DEFAULT_FROM_YEAR);
  const toYear = opts.toYear ?? Math.max(DEFAULT_TO_YEAR, fromYear);
  if (
    !Number.isInteger(fromYear) ||
    !Number.isInteger(toYear) ||
    fromYear > toYear ||
    fromYear <= MIN_YEAR ||
    toYear >= MAX_YEAR
  ) {
    throw new RangeError(`buildWorkCalendar: bad year range ${fromYear}–${toYear}`);
  }
  return new IntervalCalendar(new CompiledSchedule(schedule), byDate, fromYear, toYear);
}
