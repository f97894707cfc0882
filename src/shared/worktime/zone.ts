import { IANAZone } from 'luxon';

const MINUTE = 60_000;
const HOUR = 3_600_000;
const DAY = 86_400_000;

/** Offset changes of one UTC year of a zone: from times[i] on, the offset (minutes) is offsets[i]. */
export type ZoneYear = { year: number; times: number[]; offsets: number[] };

/**
 * The years already scanned, per zone, shared by every clock of the process (a scan is a few hundred
 * Intl calls, some 5 ms a year). The renderer starts with the core's: its first screen makes none.
 */
const scanned = new Map<string, Map<number, ZoneYear>>();

function zoneYears(zone: string): Map<number, ZoneYear> {
  let years = scanned.get(zone);
  if (!years) {
    years = new Map();
    scanned.set(zone, years);
  }
  return years;
}

/** Takes years of a zone scanned elsewhere (the core's answer), as `WallClock.year` gives them. */
export function rememberZoneYears(zone: string, years: readonly ZoneYear[]): void {
  const known = zoneYears(zone);
  for (const y of years) {
    if (y.times.length > 0 && y.times.length === y.offsets.length) known.set(y.year, y);
  }
}

/** A wall-clock reading: `weekday` 1 = Monday … 7 = Sunday. */
export type LocalTime = {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  weekday: number;
};

function checkedZone(name: string): IANAZone {
  const zone = IANAZone.create(name);
  if (!zone.isValid) throw new RangeError(`Unknown IANA time zone: ${JSON.stringify(name)}`);
  return zone;
}

const clocks = new Map<string, WallClock>();

/** One clock per zone for the whole process (they share the scanned years anyway). */
export function wallClockOf(zone: string): WallClock {
  let clock = clocks.get(zone);
  if (!clock) {
    clock = new WallClock(zone);
    clocks.set(zone, clock);
  }
  return clock;
}

/**
 * Converts local wall times of one IANA zone to instants, DST-correct, and instants to wall times (`local`).
 *
 * A wall time W maps to the EARLIEST instant at which the zone's clock reads W or later:
 * - normal time: the one instant showing W;
 * - overlap (clocks turned back, W happens twice): the first occurrence;
 * - gap (clocks turned forward, W never happens): the instant of the jump, i.e. the end of the gap.
 * The mapping is monotonic, so a range [start, end) stays ordered; a range wholly inside a gap becomes empty,
 * a range across a gap loses the skipped hour and a range across an overlap gains the repeated one, which is
 * exactly the time that elapses on a wall clock in those nights.
 *
 * Offsets come from luxon (Intl), which costs microseconds per call; the clock therefore finds each year's
 * offset transitions once (a daily sample, then bisection to the millisecond) and answers from that table.
 * This assumes a zone's offset does not change twice within 24 hours, true of the tz database in practice.
 */
export class WallClock {
  private zoneData: IANAZone | null = null;
  private readonly years: Map<number, ZoneYear>;

  /**
   * Checks the zone's name (an Intl call) unless its offsets are known already: a zone the core sent its
   * scan of, or one a clock of this process has scanned, needs no Intl until a year outside those.
   */
  constructor(private readonly zoneName: string) {
    this.years = zoneYears(zoneName);
    if (this.years.size === 0) this.zoneData = checkedZone(zoneName);
  }

  private get zone(): IANAZone {
    return (this.zoneData ??= checkedZone(this.zoneName));
  }

  /** The offset changes of one UTC year (scanned on first use). */
  year(year: number): ZoneYear {
    return this.years.get(year) ?? this.scanYear(year);
  }

  /** Offset of the zone at an instant, in minutes (may be fractional for historic local mean time). */
  offset(ms: number): number {
    const table = this.year(new Date(ms).getUTCFullYear());
    const times = table.times;
    let lo = 0;
    let hi = times.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (times[mid]! <= ms) lo = mid + 1;
      else hi = mid;
    }
    return table.offsets[Math.max(0, lo - 1)]!;
  }

  /** The zone's wall clock at an instant: date, time and ISO weekday (1 = Monday), without Intl. */
  local(ms: number): LocalTime {
    const t = new Date(ms + this.offset(ms) * MINUTE);
    return {
      year: t.getUTCFullYear(),
      month: t.getUTCMonth() + 1,
      day: t.getUTCDate(),
      hour: t.getUTCHours(),
      minute: t.getUTCMinutes(),
      weekday: ((t.getUTCDay() + 6) % 7) + 1,
    };
  }

  /** The instant of one wall time written as if it were UTC (`Date.UTC(y, m - 1, d, h, min)`). */
  instant(localMs: number): number {
    // Offsets in force a day either side bracket the (single) transition that can be near the wall time.
    const oBefore = this.offset(localMs - DAY);
    const oAfter = this.offset(localMs + DAY);
    let best: number | null = null;
    for (const o of oBefore === oAfter ? [oBefore] : [oBefore, oAfter]) {
      const t = localMs - o * MINUTE;
      if (this.offset(t) === o && (best === null || t < best)) best = t;
    }
    return best ?? this.gapEnd(localMs, oBefore, oAfter);
  }

  /**
   * The wall time falls into a gap: no offset is valid. Before the jump the clock reads less than it, after
   * it more, so the answer is the first instant after the jump, found by bisection (to the millisecond).
   */
  private gapEnd(localMs: number, oBefore: number, oAfter: number): number {
    const reads = (t: number): number => t + this.offset(t) * MINUTE;
    // With one transition nearby, [lo, hi] is exactly the stretch of instants around the jump.
    let lo = localMs - Math.max(oBefore, oAfter) * MINUTE;
    let hi = localMs - Math.min(oBefore, oAfter) * MINUTE;
    while (reads(lo) >= localMs) lo -= HOUR;
    while (reads(hi) < localMs) hi += HOUR;
    while (hi - lo > 1) {
      const mid = Math.floor((lo + hi) / 2);
      if (reads(mid) >= localMs) hi = mid;
      else lo = mid;
    }
    return hi;
  }

  private scanYear(year: number): ZoneYear {
    const start = Date.UTC(year, 0, 1);
    const end = Date.UTC(year + 1, 0, 1);
    const times = [start];
    const offsets = [this.zone.offset(start)];
    let prevT = start;
    let prevO = offsets[0]!;
    for (let t = start + DAY; prevT < end; t += DAY) {
      const at = Math.min(t, end);
      const o = this.zone.offset(at);
      if (o !== prevO) {
        // The change happened in (prevT, at]: bisect for its first millisecond.
        let lo = prevT;
        let hi = at;
        while (hi - lo > 1) {
          const mid = Math.floor((lo + hi) / 2);
          if (this.zone.offset(mid) === prevO) lo = mid;
          else hi = mid;
        }
        if (hi < end) {
          times.push(hi);
          offsets.push(o);
        }
        prevO = o;
      }
      prevT = at;
    }
    const table = { year, times, offsets };
    this.years.set(year, table);
    return table;
  }
}
