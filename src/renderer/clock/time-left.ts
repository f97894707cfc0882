import { buildWorkCalendar, type WorkCalendar } from '../../shared/worktime';
import { signedWorkingMinutes } from '../../shared/regulations';
import type { WorkTimeInfo } from '../../shared/api/contract';

let calendar: WorkCalendar | null = null;
let warningFraction = 0.25;

/** Builds the organisation's working calendar in the renderer, so bars count without asking the core. */
export function installWorkTime(info: WorkTimeInfo): void {
  calendar = buildWorkCalendar(info.schedule, info.exceptions);
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
