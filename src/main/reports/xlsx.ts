import ExcelJS from 'exceljs';
import { NO_DEPARTMENT, REACTION_LABEL, TOTAL_LABEL, type MonthlyReport } from '../../shared/reports';
import { dayLabel } from '../../shared/reports';
import {
  closeReasonsText,
  DEPARTMENT_FIGURES,
  DIMENSION_LABEL,
  excelDate,
  figureValue,
  reportTitle,
  statusText,
  SUMMARY_FIGURES,
  dateTimeText,
  type Unit,
} from './format';

/**
 * The monthly report as an XLSX workbook (exceljs): one sheet per section, every figure a real number (shares
 * as fractions with a percent format, working time in hours, dates as dates in the organisation's wall-clock
 * time), so the head's office can sum, sort and chart them.
 */

type Value = string | number | Date | null;
type Column<T> = { header: string; width: number; unit: Unit; value: (row: T) => Value };

const FORMAT: Record<Unit, string | undefined> = {
  count: '0',
  share: '0.0%',
  hours: '0.0',
  date: 'dd.mm.yyyy hh:mm',
  text: undefined,
};

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF7' } };

function heading(ws: ExcelJS.Worksheet, row: number, text: string, size = 12): number {
  const cell = ws.getCell(row, 1);
  cell.value = text;
  cell.font = { bold: true, size };
  return row + 1;
}

/** Writes a table at `start`; returns the row after it. */
function table<T>(
  ws: ExcelJS.Worksheet,
  start: number,
  columns: readonly Column<T>[],
  rows: readonly T[],
): number {
  columns.forEach((c, i) => {
    const cell = ws.getCell(start, i + 1);
    cell.value = c.header;
    cell.font = { bold: true };
    cell.fill = HEADER_FILL;
    cell.alignment = { wrapText: true, vertical: 'top' };
    const column = ws.getColumn(i + 1);
    column.width = Math.max(column.width ?? 0, c.width);
  });
  rows.forEach((r, j) => {
    columns.forEach((c, i) => {
      const cell = ws.getCell(start + 1 + j, i + 1);
      cell.value = c.value(r);
      const fmt = FORMAT[c.unit];
      if (fmt && typeof cell.value !== 'string') cell.numFmt = fmt;
      if (c.unit === 'text') cell.alignment = { wrapText: true, vertical: 'top' };
    });
  });
  return start + 1 + rows.length;
}

function summarySheet(wb: ExcelJS.Workbook, r: MonthlyReport): void {
  const ws = wb.addWorksheet('Сводка');
  let row = heading(ws, 1, reportTitle(r), 14);
  ws.getCell(row++, 1).value = `Регламент: ${r.profile.name}`;
  ws.getCell(row, 1).value = 'Данные на';
  ws.getCell(row, 2).value = excelDate(r.asOf, r.zone);
  ws.getCell(row++, 2).numFmt = FORMAT.date!;
  ws.getCell(row++, 1).value =
    `Срок представления главе: ${dayLabel(r.deadline)} (Новороссийск п.20; Ухта п.22)`;
  row++;
  row = heading(ws, row, `${TOTAL_LABEL}: показатели и динамика`);
  type Line = { label: string; unit: Unit; previous: number | null; current: number | null };
  const lines: Line[] = SUMMARY_FIGURES.map((c) => ({
    label: c.label,
    unit: c.unit,
    previous: figureValue(r.previousTotal, c),
    current: figureValue(r.total, c),
  }));
  row = table<Line>(
    ws,
    row,
    [
      { header: 'Показатель', width: 46, unit: 'text', value: (l) => l.label },
      { header: r.previousMonthLabel, width: 16, unit: 'count', value: (l) => l.previous },
      { header: r.monthLabel, width: 16, unit: 'count', value: (l) => l.current },
      {
        header: 'Изменение',
        width: 14,
        unit: 'count',
        value: (l) => (l.previous === null || l.current === null ? null : l.current - l.previous),
      },
    ],
    lines,
  );
  // Each line keeps its own unit in every numeric column.
  lines.forEach((l, j) => {
    for (let c = 2; c <= 4; c++) ws.getCell(row - lines.length + j, c).numFmt = FORMAT[l.unit] ?? '0';
  });
  row++;
  ws.getCell(row, 1).value = 'Закрыто без ответа по причинам';
  ws.getCell(row, 2).value = closeReasonsText(r.total);
}

function departmentsSheet(wb: ExcelJS.Workbook, r: MonthlyReport): void {
  const ws = wb.addWorksheet('Подразделения');
  type Row = (typeof r.departments)[number];
  const columns: Column<Row>[] = [
    { header: 'Подразделение', width: 44, unit: 'text', value: (d) => d.name },
    ...DEPARTMENT_FIGURES.map((c): Column<Row> => ({
      header: c.label,
      width: 14,
      unit: c.unit,
      value: (d) => figureValue(d.figures, c),
    })),
    {
      header: `Поступило (${r.previousMonthLabel})`,
      width: 14,
      unit: 'count',
      value: (d) => d.previous.received,
    },
    {
      header: `Доля ответов в срок (${r.previousMonthLabel})`,
      width: 14,
      unit: 'share',
      value: (d) => d.previous.onTimeShare,
    },
  ];
  const total: Row = {
    departmentId: null,
    name: TOTAL_LABEL,
    shortName: TOTAL_LABEL,
    figures: r.total,
    previous: r.previousTotal,
  };
  const end = table(ws, 1, columns, [...r.departments, total]);
  ws.getRow(end - 1).font = { bold: true };
  ws.getRow(1).height = 60;
  ws.views = [{ state: 'frozen', xSplit: 1, ySplit: 1 }];
}

function qualitySheet(wb: ExcelJS.Workbook, r: MonthlyReport): void {
  const ws = wb.addWorksheet('Качество');
  let row = heading(ws, 1, 'Возвраты на доработку по критериям');
  const withReturns = r.departments.filter((d) => d.figures.reworkReturns > 0);
  type C = (typeof r.criteria)[number];
  row = table<C>(
    ws,
    row,
    [
      { header: 'Критерий', width: 40, unit: 'text', value: (c) => c.label },
      { header: 'Пункт регламента', width: 24, unit: 'text', value: (c) => c.clause },
      { header: 'Возвратов', width: 12, unit: 'count', value: (c) => c.returns },
      { header: 'Доля ответов на согласовании', width: 16, unit: 'share', value: (c) => c.share },
      ...withReturns.map((d): Column<C> => ({
        header: d.shortName,
        width: 14,
        unit: 'count',
        value: (c) => d.figures.reworkByCriterion[c.key] ?? 0,
      })),
    ],
    r.criteria,
  );
  row++;
  row = heading(ws, row, 'Согласование с первого раза и отзывы авторов');
  type D = { name: string; f: (typeof r.departments)[number]['figures'] };
  table<D>(
    ws,
    row,
    [
      { header: 'Подразделение', width: 40, unit: 'text', value: (d) => d.name },
      { header: 'Ответов согласовано', width: 14, unit: 'count', value: (d) => d.f.approvedAnswers },
      { header: 'С первого раза', width: 14, unit: 'count', value: (d) => d.f.firstPassAnswers },
      { header: 'Доля с первого раза', width: 14, unit: 'share', value: (d) => d.f.firstPassShare },
      { header: 'Возвратов на доработку', width: 14, unit: 'count', value: (d) => d.f.reworkReturns },
      { header: REACTION_LABEL.positive, width: 12, unit: 'count', value: (d) => d.f.reactions.positive },
      { header: REACTION_LABEL.neutral, width: 12, unit: 'count', value: (d) => d.f.reactions.neutral },
      { header: REACTION_LABEL.negative, width: 12, unit: 'count', value: (d) => d.f.reactions.negative },
      { header: 'Доля довольных', width: 14, unit: 'share', value: (d) => d.f.satisfactionShare },
    ],
    [...r.departments.map((d) => ({ name: d.name, f: d.figures })), { name: TOTAL_LABEL, f: r.total }],
  );
}

function topicsSheet(wb: ExcelJS.Workbook, r: MonthlyReport): void {
  const ws = wb.addWorksheet('Темы');
  type T = (typeof r.topics)[number];
  table<T>(
    ws,
    1,
    [
      { header: 'Тема', width: 30, unit: 'text', value: (t) => t.topic },
      { header: r.monthLabel, width: 14, unit: 'count', value: (t) => t.count },
      { header: r.previousMonthLabel, width: 14, unit: 'count', value: (t) => t.previous },
      { header: 'Изменение', width: 12, unit: 'count', value: (t) => t.count - t.previous },
      { header: 'Доля сообщений', width: 12, unit: 'share', value: (t) => t.share },
      { header: 'Ответ в срок', width: 12, unit: 'count', value: (t) => t.answeredOnTime },
      { header: 'Просрочено сейчас', width: 12, unit: 'count', value: (t) => t.overdueNow },
      { header: 'Повторных', width: 12, unit: 'count', value: (t) => t.repeats },
    ],
    r.topics,
  );
  ws.views = [{ state: 'frozen', ySplit: 1 }];
}

function placesSheet(wb: ExcelJS.Workbook, r: MonthlyReport): void {
  const ws = wb.addWorksheet('Места');
  type L = (typeof r.locations)[number];
  table<L>(
    ws,
    1,
    [
      { header: 'Район', width: 24, unit: 'text', value: (l) => l.district },
      { header: 'Место', width: 40, unit: 'text', value: (l) => l.place },
      { header: r.monthLabel, width: 14, unit: 'count', value: (l) => l.count },
      { header: r.previousMonthLabel, width: 14, unit: 'count', value: (l) => l.previous },
      { header: 'В работе', width: 12, unit: 'count', value: (l) => l.open },
      { header: 'Просрочено сейчас', width: 12, unit: 'count', value: (l) => l.overdueNow },
      { header: 'Повторных', width: 12, unit: 'count', value: (l) => l.repeats },
      { header: 'Главная тема', width: 24, unit: 'text', value: (l) => l.topTopic },
    ],
    r.locations,
  );
  ws.views = [{ state: 'frozen', ySplit: 1 }];
}

function repeatsSheet(wb: ExcelJS.Workbook, r: MonthlyReport): void {
  const ws = wb.addWorksheet('Повторные');
  let row = heading(ws, 1, 'Повторные сообщения и ранее данный ответ (Ухта п.17)');
  type P = { g: (typeof r.repeats)[number]; rep: (typeof r.repeats)[number]['repeats'][number] };
  const flat: P[] = r.repeats.flatMap((g) => g.repeats.map((rep) => ({ g, rep })));
  const date = (ms: number | null | undefined) => (ms == null ? null : excelDate(ms, r.zone));
  row = table<P>(
    ws,
    row,
    [
      { header: 'Ранее: сообщение', width: 38, unit: 'text', value: (p) => p.g.earlierIncidentId },
      { header: 'Ранее: выявлено', width: 17, unit: 'date', value: (p) => date(p.g.earlier?.detectedAt) },
      { header: 'Ранее: тема', width: 18, unit: 'text', value: (p) => p.g.earlier?.topic ?? '' },
      {
        header: 'Ранее: подразделение',
        width: 30,
        unit: 'text',
        value: (p) => p.g.earlier?.departmentName ?? '',
      },
      { header: 'Ранее данный ответ', width: 36, unit: 'text', value: (p) => p.g.earlierAnswerUrl },
      { header: 'Ответ опубликован', width: 17, unit: 'date', value: (p) => date(p.g.earlier?.answeredAt) },
      { header: 'Повторное: сообщение', width: 38, unit: 'text', value: (p) => p.rep.incidentId },
      {
        header: 'Повторное: выявлено',
        width: 17,
        unit: 'date',
        value: (p) => excelDate(p.rep.detectedAt, r.zone),
      },
      { header: 'Автор', width: 24, unit: 'text', value: (p) => p.rep.authorName },
      { header: 'Новые факты', width: 10, unit: 'text', value: (p) => (p.rep.newFacts ? 'да' : 'нет') },
      { header: 'Состояние', width: 22, unit: 'text', value: (p) => statusText(p.rep.status) },
    ],
    flat,
  );
  row++;
  row = heading(ws, row, 'Причины повторных сообщений по темам (Сочи п.2.6)');
  type C = (typeof r.repeatCauses)[number];
  table<C>(
    ws,
    row,
    [
      { header: 'Тема', width: 38, unit: 'text', value: (c) => c.topic },
      { header: 'Повторных', width: 17, unit: 'count', value: (c) => c.repeats },
      { header: 'С новыми фактами', width: 18, unit: 'count', value: (c) => c.withNewFacts },
    ],
    r.repeatCauses,
  );
}

function breachesSheet(wb: ExcelJS.Workbook, r: MonthlyReport): void {
  const ws = wb.addWorksheet('Нарушения');
  let row = heading(
    ws,
    1,
    'Нарушения сроков и кто вел сообщение в момент срока (Ставрополь п.23; Ухта п.20)',
  );
  type B = (typeof r.breaches)[number];
  row = table<B>(
    ws,
    row,
    [
      { header: 'Сообщение', width: 38, unit: 'text', value: (b) => b.incidentId },
      { header: 'Выявлено', width: 17, unit: 'date', value: (b) => excelDate(b.detectedAt, r.zone) },
      { header: 'Тема', width: 18, unit: 'text', value: (b) => b.topic },
      { header: 'Подразделение', width: 30, unit: 'text', value: (b) => b.departmentName },
      { header: 'Этап', width: 34, unit: 'text', value: (b) => b.stageTitle },
      { header: 'Пункт', width: 18, unit: 'text', value: (b) => b.clause },
      { header: 'Срок ответа', width: 10, unit: 'text', value: (b) => (b.primary ? 'да' : 'нет') },
      { header: 'Срок', width: 17, unit: 'date', value: (b) => excelDate(b.deadline, r.zone) },
      {
        header: 'Выполнено',
        width: 17,
        unit: 'date',
        value: (b) => (b.doneAt === null ? 'не выполнено' : excelDate(b.doneAt, r.zone)),
      },
      { header: 'Просрочка, раб. ч', width: 12, unit: 'hours', value: (b) => b.overdueMinutes / 60 },
      { header: 'Вел сообщение', width: 30, unit: 'text', value: (b) => b.holder.unit },
      { header: 'Роль', width: 18, unit: 'text', value: (b) => b.holder.roleLabel },
      { header: 'Сотрудник', width: 28, unit: 'text', value: (b) => b.holder.personName ?? '—' },
      { header: 'Основание', width: 30, unit: 'text', value: (b) => b.holder.basis },
      { header: 'Состояние в момент срока', width: 22, unit: 'text', value: (b) => b.holder.statusLabel },
      { header: 'Выполнил', width: 28, unit: 'text', value: (b) => b.completedBy ?? '—' },
    ],
    r.breaches,
  );
  row++;
  row = heading(ws, row, 'Нарушения по этапам');
  type S = (typeof r.stageBreaches)[number];
  table<S>(
    ws,
    row,
    [
      { header: 'Этап', width: 38, unit: 'text', value: (s) => s.stageTitle },
      { header: 'Пункт', width: 17, unit: 'text', value: (s) => s.clause },
      { header: 'Нарушений', width: 18, unit: 'count', value: (s) => s.count },
    ],
    r.stageBreaches,
  );
}

function hotspotsSheet(wb: ExcelJS.Workbook, r: MonthlyReport): void {
  const ws = wb.addWorksheet('Всплески');
  const rule = r.hotspotRule;
  let row = heading(ws, 1, 'Всплески сообщений по темам и местам');
  ws.getCell(row++, 1).value =
    `Правило: за ${rule.windowDays} дн. больше, чем медиана ${rule.baselineWindows} предыдущих периодов + ` +
    `max(${rule.k} × 1,4826 × MAD; ${rule.minExcess}), и не меньше ${rule.minCount} сообщений.`;
  row++;
  type H = (typeof r.hotspots)[number];
  const weeks = rule.baselineWindows + 1;
  table<H>(
    ws,
    row,
    [
      { header: 'Разрез', width: 10, unit: 'text', value: (h) => DIMENSION_LABEL[h.dimension] },
      { header: 'Тема или место', width: 40, unit: 'text', value: (h) => h.key },
      { header: 'Период до', width: 17, unit: 'date', value: (h) => excelDate(h.windowEnd, r.zone) },
      { header: 'Сообщений', width: 12, unit: 'count', value: (h) => h.count },
      { header: 'Обычно (медиана)', width: 12, unit: 'hours', value: (h) => h.median },
      { header: 'Порог', width: 12, unit: 'hours', value: (h) => h.threshold },
      ...Array.from({ length: weeks }, (_, i): Column<H> => ({
        header: i === weeks - 1 ? 'Неделя всплеска' : `−${weeks - 1 - i} нед.`,
        width: 9,
        unit: 'count',
        value: (h) => h.series[i] ?? 0,
      })),
    ],
    r.hotspots,
  );
}

export const XLSX_SHEETS = [
  'Сводка',
  'Подразделения',
  'Качество',
  'Темы',
  'Места',
  'Повторные',
  'Нарушения',
  'Всплески',
] as const;

export async function writeXlsx(report: MonthlyReport): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Отклик';
  wb.created = new Date(report.asOf);
  wb.title = reportTitle(report);
  wb.subject = `${NO_DEPARTMENT.shortName}: ${report.monthLabel}, данные на ${dateTimeText(report.asOf, report.zone)}`;
  summarySheet(wb, report);
  departmentsSheet(wb, report);
  qualitySheet(wb, report);
  topicsSheet(wb, report);
  placesSheet(wb, report);
  repeatsSheet(wb, report);
  breachesSheet(wb, report);
  hotspotsSheet(wb, report);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
