import { DateTime } from 'luxon';
import { type WorkCalendar } from '../worktime';

/**
 * Working-time steps the calendar does not offer directly. Both are rare (a few per incident), so they may
 * walk: at most one day per working day asked for, or a binary search over `between`.
 */

/** No regulation gives more than a few weeks; a longer walk means a broken calendar, not a deadline. */
const MAX_CALENDAR_DAYS_PER_WORKING_DAY = 60;

/**
 * The same local time `n` working days later («не более 7 рабочих дней со дня направления промежуточного
 * ответа»). Multiplying `n` by the minutes of a normal day would be wrong around shortened pre-holiday days,
 * so this steps day by day in the calendar's zone and counts the days that have working time.
 *
 * A start outside working time starts at the next opening (as `WorkCalendar.add` does). If the same local
 * time is not working on the day reached (a shortened day ends earlier), the deadline is the end of that
 * day's last working range before it — the same working instant, shown as a real closing time.
 */
export function addWorkingDays(calendar: WorkCalendar, at: number, n: number): number {
  if (!Number.isInteger(n) || n < 0)
    throw new RangeError(`addWorkingDays: n must be a whole number >= 0, got ${n}`);
  const start = calendar.nextOpening(at);
  if (n === 0) return start;
  const local = DateTime.fromMillis(start, { zone: calendar.zone });
  let day = local.startOf('day');
  let counted = 0;
  for (let steps = 0; counted < n; steps++) {
    if (steps > n * MAX_CALENDAR_DAYS_PER_WORKING_DAY) {
      throw new RangeError(`addWorkingDays: no ${n} working days after ${local.toISO()}`);
    }
    day = day.plus({ days: 1 });
    if (hasWorkingTime(calendar, day)) counted++;
  }
  const target = day
    .set({ hour: local.hour, minute: local.minute, second: local.second, millisecond: local.millisecond })
    .toMillis();
  return settleInDay(calendar, day, target);
}

function dayBounds(day: DateTime): [number, number] {
  return [day.startOf('day').toMillis(), day.plus({ days: 1 }).startOf('day').toMillis()];
}

function hasWorkingTime(calendar: WorkCalendar, day: DateTime): boolean {
  const [from, to] = dayBounds(day);
  return calendar.nextOpening(from) < to;
}

/** `target` if working, else the end of the day's last range before it, else the day's first opening. */
function settleInDay(calendar: WorkCalendar, day: DateTime, target: number): number {
  if (calendar.isWorking(target)) return target;
  const [from, to] = dayBounds(day);
  let lastEnd: number | null = null;
  let open = calendar.nextOpening(from);
  while (open < target && open < to) {
    const end = calendar.rangeEnd(open);
    if (end === null || end <= open || end > target) break;
    lastEnd = end;
    open = calendar.nextOpening(end);
  }
  return lastEnd ?? calendar.nextOpening(from);
}

/**
 * The latest instant `x <= at` with `minutes` working minutes in [x, at): «не позднее чем за 3 часа рабочего
 * времени до истечения срока». Exact to the millisecond (binary search over `between`).
 */
export function subtractWorkingMinutes(calendar: WorkCalendar, at: number, minutes: number): number {
  if (!(minutes >= 0) || !Number.isFinite(minutes)) {
    throw new RangeError(`subtractWorkingMinutes: minutes must be finite and >= 0, got ${minutes}`);
  }
  if (minutes === 0) return at;
  // Find a lower bound with enough working time, doubling the span (holidays can be long).
  let span = Math.ceil(minutes * 60_000);
  let lo = at - span;
  for (let i = 0; calendar.between(lo, at) < minutes; i++) {
    if (i > 20) throw new RangeError(`subtractWorkingMinutes: no ${minutes} working minutes before ${at}`);
    span *= 2;
    lo = at - span;
  }
  let hi = at; // between(hi, at) = 0 < minutes
  while (hi - lo > 1) {
    const mid = lo + Math.floor((hi - lo) / 2);
    if (calendar.between(mid, at) >= minutes) lo = mid;
    else hi = mid;
  }
  return lo;
}

/** Signed working minutes from `now` to `deadline`: negative (working minutes since) once it has passed. */
export function signedWorkingMinutes(calendar: WorkCalendar, now: number, deadline: number): number {
  const m = now <= deadline ? calendar.between(now, deadline) : -calendar.between(deadline, now);
  return m === 0 ? 0 : m;
}
