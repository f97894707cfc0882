/** 'HH:mm' wall-clock time; `end` may also be '24:00' (until midnight). */
export type TimeRange = { start: string; end: string };

export type IsoWeekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

export type WeeklySchedule = {
  /** IANA zone of the office, e.g. 'Europe/Moscow'. */
  zone: string;
  /** ISO weekday 1 = Monday … 7 = Sunday; [] = day off. Ranges are [start, end), sorted, non-overlapping. */
  days: Record<IsoWeekday, TimeRange[]>;
  /** Minutes cut from the END of the working day on a shortened pre-holiday day (ТК РФ ст. 95): default 60. */
  shortenedDayCutMinutes: number;
};

/**
 * - 'holiday': a non-working holiday (ТК РФ ст. 112);
 * - 'day-off': a day off, e.g. a weekend day moved here by the annual decree;
 * - 'working': a day worked although its weekday is off in the schedule (a decree's working Saturday);
 * - 'shortened': a worked pre-holiday day one hour shorter (ТК РФ ст. 95); on a weekend it is also worked.
 */
export type DayKind = 'holiday' | 'day-off' | 'working' | 'shortened';

export type CalendarException = {
  /** 'YYYY-MM-DD', a local date in the schedule's zone. */
  date: string;
  kind: DayKind;
  title?: string;
  /** 'YYYY-MM-DD' of the day whose day off was moved here. */
  transferredFrom?: string;
  /** Explicit working hours of the day; used for 'working' and 'shortened' (no cut is applied to them). */
  hours?: TimeRange[];
};

export const DAY_KINDS = ['holiday', 'day-off', 'working', 'shortened'] as const satisfies readonly DayKind[];

export const HM = /^(?:[01]\d|2[0-3]):[0-5]\d$/;
export const HM_END = /^(?:(?:[01]\d|2[0-3]):[0-5]\d|24:00)$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Minutes since local midnight of an 'HH:mm' (or '24:00') string; the caller validated the format. */
export function hmToMinutes(hm: string): number {
  return Number(hm.slice(0, 2)) * 60 + Number(hm.slice(3, 5));
}

export function isValidIsoDate(date: string): boolean {
  if (!ISO_DATE.test(date)) return false;
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7));
  const d = Number(date.slice(8, 10));
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}
