import { DateTime } from 'luxon';
import { z } from 'zod';
import { dayLabel, MonthSchema, monthLabel, monthOf, nextMonth, previousMonth, type Month } from './month';

/**
 * The monthly summary goes to the head by the 10th of the next month (Новороссийск p.20; Ухта p.22). The app
 * reminds from the 1st of the month until the report for the previous month has been produced (exported to
 * XLSX or PDF), and says when the 10th has passed.
 */
export const REPORT_DUE_DAY = 10;
export const REPORT_DUE_CLAUSE = 'Новороссийск p.20; Ухта p.22';

/** Months whose report was produced: when and by whom (the `reports.produced` setting). */
export const ProducedMonthsSchema = z.record(
  MonthSchema,
  z.object({ at: z.number().int().nonnegative(), by: z.string().nullable(), format: z.string() }),
);
export type ProducedMonths = z.infer<typeof ProducedMonthsSchema>;

export const ReportReminderSchema = z.object({
  /** The month whose report is due (the previous one). */
  month: MonthSchema,
  monthLabel: z.string(),
  /** The report has not been produced yet: show the reminder. */
  due: z.boolean(),
  /** 'YYYY-MM-DD': the 10th of the current month. */
  deadline: z.string(),
  deadlineLabel: z.string(),
  /** The 10th has passed and the report is still not produced. */
  overdue: z.boolean(),
  producedAt: z.number().nullable(),
  clause: z.string(),
  /** Russian, ready to show. */
  message: z.string(),
});
export type ReportReminder = z.infer<typeof ReportReminderSchema>;

export function reportReminder(now: number, zone: string, produced: ProducedMonths): ReportReminder {
  const current = monthOf(now, zone);
  const month: Month = previousMonth(current);
  const deadline = `${current}-${String(REPORT_DUE_DAY).padStart(2, '0')}`;
  const endOfDeadline = DateTime.fromISO(deadline, { zone }).plus({ days: 1 }).toMillis();
  const done = produced[month];
  const due = !done;
  const overdue = due && now >= endOfDeadline;
  const label = monthLabel(month);
  const deadlineLabel = dayLabel(deadline);
  const message = !due
    ? `Отчёт за ${label} сформирован.`
    : overdue
      ? `Отчёт за ${label} не сформирован, срок (${deadlineLabel}) прошёл.`
      : `Сформируйте отчёт за ${label} для главы до ${deadlineLabel}.`;
  return {
    month,
    monthLabel: label,
    due,
    deadline,
    deadlineLabel,
    overdue,
    producedAt: done?.at ?? null,
    clause: REPORT_DUE_CLAUSE,
    message,
  };
}

/** The deadline of a month's report: the 10th of the next month. */
export function reportDeadline(month: Month): string {
  return `${nextMonth(month)}-${String(REPORT_DUE_DAY).padStart(2, '0')}`;
}
