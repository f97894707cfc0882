import { workCalendarOf, type WorkCalendar } from '../../shared/worktime/calendar';
import { rememberZoneYears } from '../../shared/worktime/zone';
import { signedWorkingMinutes } from '../../shared/regulations/working';
import type { WorkTimeInfo } from '../../shared/api/contract';
import { currentTime } from './clock';

let calendar: WorkCalendar | null = null;
let warningFraction = 0.25;

/**
 * Builds the organisation's working calendar in the renderer, so bars count without asking the core. The
 * core checked the schedule and the calendar when they were stored: they are taken as they come, without
 * loading the validation library at start. Only the current year up front, with the zone's offsets the
 * core sent (scanning them is some 5 ms a year); the calendar extends itself to any other year a deadline
 * falls in.
 */
export function installWorkTime(info: WorkTimeInfo): void {
  // The core's scan of the zone's offsets: the first screen then asks Intl nothing for the calendar.
  rememberZoneYears(info.schedule.zone, info.zoneYears);
  const year = new Date(currentTime()).getUTCFullYear();
  calendar = workCalendarOf(info.schedule, info.exceptions, { fromYear: year, toYear: year });
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
