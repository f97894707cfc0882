import { buildWorkCalendar, type WorkCalendar } from '../../shared/worktime/calendar';
import { signedWorkingMinutes } from '../../shared/regulations/working';
import type { WorkTimeInfo } from '../../shared/api/contract';
import { currentTime } from './clock';

let calendar: WorkCalendar | null = null;
let warningFraction = 0.25;

/**
 * Builds the organisation's working calendar in the renderer, so bars count without asking the core.
 * Only the current year up front (each year is a few milliseconds of zone arithmetic at start-up); the
 * calendar extends itself to any other year a deadline falls in.
 */
export function installWorkTime(info: WorkTimeInfo): void {
  const year = new Date(currentTime()).getUTCFullYear();
  calendar = buildWorkCalendar(info.schedule, info.exceptions, { fromYear: year, toYear: year });
  warningFraction = info.warningFraction;
}

/** Share of a period left at which a bar turns amber (the active profile's threshold). */
export function warningThreshold(): number {
  return warningFraction;
}

/** False outside working hours: the clocks stand still until the next opening. */
export function isWorkingTime(now: number): boolean {
  return calendar ? calendar.isWorking(now) : true;
}

export function workCalendar(): WorkCalendar | null {
  return calendar;
}

/**
 * Working minutes from `now` to `deadline` (negative when overdue). The one function the timer bars
 * read time left through.
 */
export function minutesLeft(now: number, deadline: number): number {
  return calendar ? signedWorkingMinutes(calendar, now, deadline) : (deadline - now) / 60_000;
}
