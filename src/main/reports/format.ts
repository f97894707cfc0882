import { DateTime } from 'luxon';
import {
  CRITERION_SHORT_LABEL,
  FIGURE_LABEL,
  type Figures,
  type FigureKey,
  type MonthlyReport,
} from '../../shared/reports';
import { CLOSE_REASON_LABEL, STATUS_LABEL } from '../../shared/workflow';

/** What the XLSX and the PDF share: column sets, Russian words, dates in the organisation's zone. */

export type Unit = 'count' | 'share' | 'hours' | 'date' | 'text';

export function dateTimeText(ms: number | null, zone: string): string {
  return ms === null ? '—' : DateTime.fromMillis(ms, { zone }).toFormat('dd.LL.yyyy HH:mm');
}

export function dateText(ms: number, zone: string): string {
  return DateTime.fromMillis(ms, { zone }).toFormat('dd.LL.yyyy');
}

/**
 * Excel has no time zones: a date cell shows its UTC fields. The organisation's wall-clock time is written as
 * if it were UTC, so the sheet shows what the clocks in the office showed.
 */
export function excelDate(ms: number, zone: string): Date {
  const d = DateTime.fromMillis(ms, { zone });
  return new Date(Date.UTC(d.year, d.month - 1, d.day, d.hour, d.minute, d.second));
}

export function percentText(v: number | null): string {
  return v === null ? '—' : `${(v * 100).toLocaleString('ru-RU', { maximumFractionDigits: 1 })} %`;
}

export function hoursText(minutes: number | null): string {
  return minutes === null ? '—' : (minutes / 60).toLocaleString('ru-RU', { maximumFractionDigits: 1 });
}

export function numberText(v: number | null, unit: Unit): string {
  if (v === null) return '—';
  if (unit === 'share') return percentText(v);
  if (unit === 'hours') return v.toLocaleString('ru-RU', { maximumFractionDigits: 1 });
  return v.toLocaleString('ru-RU');
}

export function signedText(v: number | null, unit: Unit): string {
  if (v === null) return '—';
  const sign = v > 0 ? '+' : v < 0 ? '−' : '';
  const abs = Math.abs(v);
  if (unit === 'share')
    return `${sign}${(abs * 100).toLocaleString('ru-RU', { maximumFractionDigits: 1 })} п.п.`;
  return `${sign}${numberText(abs, unit)}`;
}

/** A figure of `Figures` in the unit the report shows it (hours for working minutes). */
export type FigureColumn = { key: FigureKey; label: string; unit: 'count' | 'share' | 'hours' };

function col(key: FigureKey, unit: FigureColumn['unit'] = 'count'): FigureColumn {
  return { key, label: FIGURE_LABEL[key], unit };
}

/** Every figure, in the order of the summary. */
export const SUMMARY_FIGURES: readonly FigureColumn[] = [
  col('received'),
  col('highImportance'),
  col('answered'),
  col('answeredOnTime'),
  col('answeredLate'),
  col('onTimeShare', 'share'),
  col('open'),
  col('awaitingAnswer'),
  col('overdueNow'),
  col('publishMinutesAvg', 'hours'),
  col('publishMinutesMedian', 'hours'),
  col('interim'),
  col('finalOnTime'),
  col('finalLate'),
  col('finalOverdue'),
  col('finalPending'),
  col('misroutedReturns'),
  col('reworkIncidents'),
  col('reworkReturns'),
  col('reviewedAnswers'),
  col('approvedAnswers'),
  col('firstPassAnswers'),
  col('firstPassShare', 'share'),
  col('closedNoAnswer'),
  col('repeats'),
  col('repeatsWithNewFacts'),
  col('closedAsRepeat'),
  col('satisfactionShare', 'share'),
];

/** The per-department tables: timeliness first, then interim answers, quality and repeats. */
export const DEPARTMENT_TIMELINESS: readonly FigureColumn[] = [
  col('received'),
  col('answeredOnTime'),
  col('answeredLate'),
  col('onTimeShare', 'share'),
  col('open'),
  col('overdueNow'),
  col('publishMinutesAvg', 'hours'),
  col('publishMinutesMedian', 'hours'),
];

export const DEPARTMENT_QUALITY: readonly FigureColumn[] = [
  col('interim'),
  col('finalOnTime'),
  col('finalLate'),
  col('finalOverdue'),
  col('reworkReturns'),
  col('firstPassShare', 'share'),
  col('closedNoAnswer'),
  col('repeats'),
  col('satisfactionShare', 'share'),
];

export const DEPARTMENT_FIGURES: readonly FigureColumn[] = [...DEPARTMENT_TIMELINESS, ...DEPARTMENT_QUALITY];

/** The value of a figure in its unit: hours for minutes; null when undefined (no answers to divide by). */
export function figureValue(f: Figures, c: FigureColumn): number | null {
  const v = f[c.key as keyof Figures];
  if (typeof v !== 'number') return null;
  return c.unit === 'hours' ? v / 60 : v;
}

export function criterionLabel(key: string): string {
  return (CRITERION_SHORT_LABEL as Record<string, string>)[key] ?? key;
}

export function closeReasonsText(f: Figures): string {
  const parts = Object.entries(f.closedByReason)
    .filter(([, n]) => n > 0)
    .map(([r, n]) => `${CLOSE_REASON_LABEL[r as keyof typeof CLOSE_REASON_LABEL]}: ${n}`);
  return parts.length === 0 ? '—' : parts.join('; ');
}

export function statusText(status: keyof typeof STATUS_LABEL): string {
  return STATUS_LABEL[status];
}

export const DIMENSION_LABEL = { topic: 'Тема', place: 'Место' } as const;

/** «Сводная информация … за март 2026». */
export function reportTitle(report: MonthlyReport): string {
  return `Сводная информация о работе с сообщениями граждан в социальных сетях за ${report.monthLabel}`;
}

export function reportFileName(report: Pick<MonthlyReport, 'month'>, ext: 'xlsx' | 'pdf'): string {
  return `otklik-report-${report.month}.${ext}`;
}
