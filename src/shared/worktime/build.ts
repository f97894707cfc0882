import { workCalendarOf, type BuildWorkCalendarOptions, type WorkCalendar } from './calendar';
import { CalendarExceptionSchema, WeeklyScheduleSchema } from './schemas';
import type { CalendarException, WeeklySchedule } from './types';

/**
 * Precomputes the working time of `schedule` on the days of `exceptions` (later entries for the same date
 * win, so an administrator's corrections can be appended to the bundled calendar). Both are validated with
 * the zod schemas (a ZodError names what is wrong). Covers `fromYear`…`toYear` (default 2024–2028) up front
 * and extends lazily beyond.
 */
export function buildWorkCalendar(
  schedule: WeeklySchedule,
  exceptions: readonly CalendarException[],
  opts: BuildWorkCalendarOptions = {},
): WorkCalendar {
  return workCalendarOf(
    WeeklyScheduleSchema.parse(schedule),
    CalendarExceptionSchema.array().parse(exceptions),
    opts,
  );
}
