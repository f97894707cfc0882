/**
 * The exact working-time clock: an office's weekly schedule in its IANA zone, on the days of the Russian
 * production calendar (ТК РФ ст. 95, 112 and the annual decree on transfers of days off).
 */
export { CalendarExceptionSchema, TimeRangeSchema, WeeklyScheduleSchema, ZoneSchema } from './schemas';
export {
  DAY_KINDS,
  type CalendarException,
  type DayKind,
  type IsoWeekday,
  type TimeRange,
  type WeeklySchedule,
} from './types';
export { DEFAULT_SCHEDULE } from './schedule';
export { buildWorkCalendar } from './build';
export {
  DEFAULT_FROM_YEAR,
  DEFAULT_TO_YEAR,
  type BuildWorkCalendarOptions,
  type WorkCalendar,
} from './calendar';
export {
  parseXmlCalendar,
  readXmlCalendarYear,
  XmlCalendarError,
  type XmlCalendarErrorCode,
} from './xmlcalendar';
