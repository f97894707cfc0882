import { DateTime } from 'luxon';
import { z } from 'zod';

/** A reporting month, 'YYYY-MM'. */
export const MonthSchema = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'месяц в виде ГГГГ-ММ, например 2026-03');
export type Month = z.infer<typeof MonthSchema>;

const NOMINATIVE = [
  'январь',
  'февраль',
  'март',
  'апрель',
  'май',
  'июнь',
  'июль',
  'август',
  'сентябрь',
  'октябрь',
  'ноябрь',
  'декабрь',
] as const;
const GENITIVE = [
  'января',
  'февраля',
  'марта',
  'апреля',
  'мая',
  'июня',
  'июля',
  'августа',
  'сентября',
  'октября',
  'ноября',
  'декабря',
] as const;
const PREPOSITIONAL = [
  'январе',
  'феврале',
  'марте',
  'апреле',
  'мае',
  'июне',
  'июле',
  'августе',
  'сентябре',
  'октябре',
  'ноябре',
  'декабре',
] as const;

function parts(month: Month): { year: number; month: number } {
  return { year: Number(month.slice(0, 4)), month: Number(month.slice(5, 7)) };
}

function format(year: number, month: number): Month {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`;
}

/** [from, to) of the month in epoch ms: local midnights of the 1st in the organisation's zone. */
export function monthBounds(month: Month, zone: string): { from: number; to: number } {
  const { year, month: m } = parts(month);
  const start = DateTime.fromObject({ year, month: m, day: 1 }, { zone });
  return { from: start.toMillis(), to: start.plus({ months: 1 }).toMillis() };
}

export function previousMonth(month: Month): Month {
  const { year, month: m } = parts(month);
  return m === 1 ? format(year - 1, 12) : format(year, m - 1);
}

export function nextMonth(month: Month): Month {
  const { year, month: m } = parts(month);
  return m === 12 ? format(year + 1, 1) : format(year, m + 1);
}

/** The month an instant falls in, in the organisation's zone. */
export function monthOf(at: number, zone: string): Month {
  const d = DateTime.fromMillis(at, { zone });
  return format(d.year, d.month);
}

/** «март 2026». */
export function monthLabel(month: Month): string {
  const { year, month: m } = parts(month);
  return `${NOMINATIVE[m - 1] ?? ''} ${year}`;
}

/** «в марте 2026». */
export function inMonthLabel(month: Month): string {
  const { year, month: m } = parts(month);
  return `в ${PREPOSITIONAL[m - 1] ?? ''} ${year}`;
}

/** «10 апреля 2026» for '2026-04-10'. */
export function dayLabel(isoDate: string): string {
  const year = Number(isoDate.slice(0, 4));
  const m = Number(isoDate.slice(5, 7));
  const d = Number(isoDate.slice(8, 10));
  return `${d} ${GENITIVE[m - 1] ?? ''} ${year}`;
}
