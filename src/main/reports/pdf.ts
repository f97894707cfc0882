import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import pdfmake from 'pdfmake';
import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces';
import { dayLabel, REACTION_LABEL, TOTAL_LABEL, type MonthlyReport } from '../../shared/reports';
import {
  closeReasonsText,
  dateTimeText,
  DEPARTMENT_QUALITY,
  DEPARTMENT_TIMELINESS,
  DIMENSION_LABEL,
  figureValue,
  hoursText,
  numberText,
  percentText,
  reportTitle,
  signedText,
  statusText,
  SUMMARY_FIGURES,
} from './format';

/**
 * The monthly report as a PDF for signing (pdfmake, with the Roboto font it ships, which has Cyrillic). A4
 * landscape; each section starts on a new page, so the small month of the tests has exactly `PDF_SECTIONS`
 * pages and a longer one grows where its tables do. The last page carries the signature block (Ухта p.22:
 * an analytic note signed by the responsible official).
 */
export const PDF_SECTIONS = 7;

/** Long lists are cut in the PDF (the XLSX has them all). */
const MAX_ROWS = 40;

let fontsReady = false;
function useFonts(): void {
  if (fontsReady) return;
  const require = createRequire(import.meta.url);
  const dir = join(dirname(require.resolve('pdfmake/package.json')), 'fonts', 'Roboto');
  const font = (file: string) => join(dir, file);
  pdfmake.setFonts({
    Roboto: {
      normal: font('Roboto-Regular.ttf'),
      bold: font('Roboto-Medium.ttf'),
      italics: font('Roboto-Italic.ttf'),
      bolditalics: font('Roboto-MediumItalic.ttf'),
    },
  });
  // The document references nothing outside: only the bundled fonts may be read, nothing fetched.
  const allowed = resolve(dir);
  pdfmake.setLocalAccessPolicy((path) => resolve(path).startsWith(allowed));
  pdfmake.setUrlAccessPolicy(() => false);
  fontsReady = true;
}

const th = (text: string): TableCell => ({ text, style: 'th' });
const num = (text: string): TableCell => ({ text, alignment: 'right' });

function grid(widths: Array<number | string>, header: TableCell[], body: TableCell[][]): Content {
  return {
    table: { headerRows: 1, widths, body: [header, ...body], dontBreakRows: true },
    layout: {
      fillColor: (row: number) => (row === 0 ? '#e8eef7' : null),
      hLineColor: () => '#b8c2d0',
      vLineColor: () => '#b8c2d0',
      hLineWidth: () => 0.5,
      vLineWidth: () => 0.5,
    },
    style: 'table',
  };
}

function cut<T>(rows: readonly T[]): { rows: readonly T[]; note: Content[] } {
  if (rows.length <= MAX_ROWS) return { rows, note: [] };
  return {
    rows: rows.slice(0, MAX_ROWS),
    note: [
      { text: `Показаны первые ${MAX_ROWS} из ${rows.length}; полный список — в файле XLSX.`, style: 'note' },
    ],
  };
}

function section(title: string, first = false): Content {
  return { text: title, style: 'h2', ...(first ? {} : { pageBreak: 'before' as const }) };
}

function summary(r: MonthlyReport): Content[] {
  return [
    { text: reportTitle(r), style: 'h1' },
    {
      text: [
        `Регламент: ${r.profile.name}. Данные на ${dateTimeText(r.asOf, r.zone)}. `,
        `Срок представления главе — ${dayLabel(r.deadline)} (Новороссийск п.20; Ухта п.22).`,
      ],
      style: 'lead',
    },
    section(`${TOTAL_LABEL}: показатели и динамика`, true),
    grid(
      ['*', 90, 90, 90],
      [th('Показатель'), th(r.previousMonthLabel), th(r.monthLabel), th('Изменение')],
      SUMMARY_FIGURES.map((c) => {
        const p = figureValue(r.previousTotal, c);
        const v = figureValue(r.total, c);
        return [
          c.label,
          num(numberText(p, c.unit)),
          num(numberText(v, c.unit)),
          num(signedText(p === null || v === null ? null : v - p, c.unit)),
        ];
      }),
    ),
    { text: `Закрыто без ответа по причинам: ${closeReasonsText(r.total)}.`, style: 'note' },
  ];
}

function departments(r: MonthlyReport): Content[] {
  const rows = r.departments.map((d) => ({ name: d.name, f: d.figures, p: d.previous }));
  rows.push({ name: TOTAL_LABEL, f: r.total, p: r.previousTotal });
  const last = rows.length - 1;
  const name = (text: string, i: number): TableCell => ({ text, bold: i === last });
  return [
    section('Результаты по подразделениям'),
    grid(
      [150, ...DEPARTMENT_TIMELINESS.map(() => '*'), '*', '*'],
      [
        th('Подразделение'),
        ...DEPARTMENT_TIMELINESS.map((c) => th(c.label)),
        th(`Поступило (${r.previousMonthLabel})`),
        th(`Доля в срок (${r.previousMonthLabel})`),
      ],
      rows.map((row, i) => [
        name(row.name, i),
        ...DEPARTMENT_TIMELINESS.map((c) => num(numberText(figureValue(row.f, c), c.unit))),
        num(String(row.p.received)),
        num(percentText(row.p.onTimeShare)),
      ]),
    ),
    { text: ' ' },
    grid(
      [150, ...DEPARTMENT_QUALITY.map(() => '*')],
      [th('Подразделение'), ...DEPARTMENT_QUALITY.map((c) => th(c.label))],
      rows.map((row, i) => [
        name(row.name, i),
        ...DEPARTMENT_QUALITY.map((c) => num(numberText(figureValue(row.f, c), c.unit))),
      ]),
    ),
    {
      text:
        'Ответ в срок — первый ответ (окончательный или промежуточный) опубликован до срока регламента; ' +
        'окончательный ответ после промежуточного оценивается по своему сроку. Время — рабочее. ' +
        'Повторное сообщение без новых фактов учитывается за подразделением, давшим ранее ответ.',
      style: 'note',
    },
  ];
}

function quality(r: MonthlyReport): Content[] {
  const criteria = r.criteria.filter((c) => c.returns > 0);
  const rows = [
    ...r.departments.map((d) => ({ name: d.name, f: d.figures })),
    { name: TOTAL_LABEL, f: r.total },
  ];
  return [
    section('Качество ответов и удовлетворенность авторов'),
    {
      text:
        `Согласовано с первого раза: ${r.total.firstPassAnswers} из ${r.total.approvedAnswers} ` +
        `(${percentText(r.total.firstPassShare)}); возвратов на доработку: ${r.total.reworkReturns}.`,
      style: 'lead',
    },
    criteria.length === 0
      ? { text: 'Возвратов на доработку не было.', style: 'note' }
      : grid(
          ['*', 140, 70, 90],
          [th('Причина возврата (критерий)'), th('Пункт регламента'), th('Возвратов'), th('Доля ответов')],
          criteria.map((c) => [c.label, c.clause, num(String(c.returns)), num(percentText(c.share))]),
        ),
    { text: ' ' },
    grid(
      ['*', 60, 60, 60, 60, 60, 60, 70],
      [
        th('Подразделение'),
        th('Согласовано'),
        th('С первого раза'),
        th('Доля'),
        th(REACTION_LABEL.positive),
        th(REACTION_LABEL.neutral),
        th(REACTION_LABEL.negative),
        th('Доля довольных'),
      ],
      rows.map((row) => [
        row.name,
        num(String(row.f.approvedAnswers)),
        num(String(row.f.firstPassAnswers)),
        num(percentText(row.f.firstPassShare)),
        num(String(row.f.reactions.positive)),
        num(String(row.f.reactions.neutral)),
        num(String(row.f.reactions.negative)),
        num(percentText(row.f.satisfactionShare)),
      ]),
    ),
    { text: 'Отзывы авторов учитываются, когда МЦУ их отметил.', style: 'note' },
  ];
}

function topicsAndPlaces(r: MonthlyReport): Content[] {
  const topics = cut(r.topics.slice(0, 15));
  const places = cut(r.locations.slice(0, 15));
  return [
    section('Темы и места'),
    {
      columns: [
        grid(
          ['*', 50, 50, 50],
          [th('Тема'), th(r.monthLabel), th(r.previousMonthLabel), th('Изменение')],
          topics.rows.map((t) => [
            t.topic,
            num(String(t.count)),
            num(String(t.previous)),
            num(signedText(t.count - t.previous, 'count')),
          ]),
        ),
        grid(
          ['*', 45, 45, 55, 55],
          [th('Место'), th(r.monthLabel), th(r.previousMonthLabel), th('Просрочено'), th('Повторных')],
          places.rows.map((l) => [
            l.place,
            num(String(l.count)),
            num(String(l.previous)),
            num(String(l.overdueNow)),
            num(String(l.repeats)),
          ]),
        ),
      ],
      columnGap: 16,
    },
    { text: 'Показаны 15 самых частых тем и мест; полные таблицы — в файле XLSX.', style: 'note' },
  ];
}

function repeats(r: MonthlyReport): Content[] {
  const groups = cut(r.repeats);
  return [
    section('Повторные сообщения'),
    groups.rows.length === 0
      ? { text: 'Повторных сообщений не было.', style: 'note' }
      : grid(
          ['*', 150, '*', 150],
          [th('Ранее: сообщение и ответ'), th('Подразделение'), th('Повторные сообщения'), th('Новые факты')],
          groups.rows.map((g) => [
            {
              text: [
                g.earlier
                  ? `${dateTimeText(g.earlier.detectedAt, r.zone)}, ${g.earlier.topic}, ${g.earlier.location}\n`
                  : '',
                { text: g.earlierAnswerUrl, color: '#1d4f91' },
              ],
            },
            g.earlier?.departmentName ?? '—',
            g.repeats
              .map((p) => `${dateTimeText(p.detectedAt, r.zone)} — ${p.authorName} (${statusText(p.status)})`)
              .join('\n'),
            `${g.repeats.filter((p) => p.newFacts).length} из ${g.repeats.length}`,
          ]),
        ),
    ...groups.note,
    r.repeatCauses.length === 0
      ? { text: '' }
      : {
          text:
            'Повторные по темам (причины): ' +
            r.repeatCauses
              .map((c) => `${c.topic} — ${c.repeats} (с новыми фактами ${c.withNewFacts})`)
              .join('; ') +
            '.',
          style: 'lead',
          margin: [0, 8, 0, 0],
        },
  ];
}

function breaches(r: MonthlyReport): Content[] {
  const list = cut(r.breaches);
  return [
    section('Нарушения сроков'),
    {
      text:
        'Кто вел сообщение в момент истечения срока — по журналу действий (Ставрополь п.23; Ухта п.20). ' +
        'Сначала — нарушения срока ответа.',
      style: 'lead',
    },
    list.rows.length === 0
      ? { text: 'Нарушений сроков не было.', style: 'note' }
      : grid(
          [70, '*', 110, 70, 70, 50, '*', 100],
          [
            th('Выявлено'),
            th('Этап, пункт'),
            th('Подразделение'),
            th('Срок'),
            th('Выполнено'),
            th('Просрочка, раб. ч'),
            th('Вел сообщение'),
            th('Выполнил'),
          ],
          list.rows.map((b) => [
            `${dateTimeText(b.detectedAt, r.zone)}\n${b.topic}`,
            { text: [{ text: b.stageTitle, bold: b.primary }, `\n${b.clause}`] },
            b.departmentName,
            dateTimeText(b.deadline, r.zone),
            b.doneAt === null ? 'не выполнено' : dateTimeText(b.doneAt, r.zone),
            num(hoursText(b.overdueMinutes)),
            `${b.holder.unit}\n${b.holder.personName ?? '—'} (${b.holder.basis})`,
            b.completedBy ?? '—',
          ]),
        ),
    ...list.note,
    { text: ' ' },
    r.stageBreaches.length === 0
      ? { text: '' }
      : grid(
          ['*', 160, 70],
          [th('Этап'), th('Пункт'), th('Нарушений')],
          r.stageBreaches.map((s) => [s.stageTitle, s.clause, num(String(s.count))]),
        ),
  ];
}

function hotspotsAndSignature(r: MonthlyReport): Content[] {
  const rule = r.hotspotRule;
  return [
    section('Всплески сообщений'),
    {
      text:
        `Тема или место — всплеск, если за ${rule.windowDays} дней сообщений больше, чем медиана ` +
        `${rule.baselineWindows} предыдущих таких периодов плюс max(${rule.k} × 1,4826 × MAD; ${rule.minExcess}), ` +
        `и не меньше ${rule.minCount}.`,
      style: 'lead',
    },
    r.hotspots.length === 0
      ? { text: 'Всплесков за месяц не выявлено.', style: 'note' }
      : grid(
          [60, '*', 90, 60, 60, 60],
          [th('Разрез'), th('Тема или место'), th('Период до'), th('Сообщений'), th('Обычно'), th('Порог')],
          r.hotspots.map((h) => [
            DIMENSION_LABEL[h.dimension],
            h.key,
            dateTimeText(h.windowEnd, r.zone),
            num(String(h.count)),
            num(numberText(h.median, 'hours')),
            num(numberText(h.threshold, 'hours')),
          ]),
        ),
    { text: ' ', margin: [0, 40, 0, 0] },
    {
      columns: [
        { text: 'Ответственное лицо\n\n_______________________ / _______________________', width: '*' },
        { text: `Дата\n\n«____» ______________ ${r.deadline.slice(0, 4)} г.`, width: 220 },
      ],
      style: 'lead',
    },
  ];
}

export async function writePdf(report: MonthlyReport): Promise<Buffer> {
  useFonts();
  const title = reportTitle(report);
  const doc: TDocumentDefinitions = {
    pageSize: 'A4',
    pageOrientation: 'landscape',
    pageMargins: [36, 36, 36, 40],
    info: { title, author: 'Отклик', subject: report.monthLabel, creator: 'Отклик' },
    defaultStyle: { font: 'Roboto', fontSize: 9 },
    styles: {
      h1: { fontSize: 15, bold: true, margin: [0, 0, 0, 6] },
      h2: { fontSize: 12, bold: true, margin: [0, 4, 0, 6] },
      lead: { fontSize: 9, margin: [0, 0, 0, 8] },
      note: { fontSize: 8, italics: true, color: '#444444', margin: [0, 6, 0, 0] },
      th: { bold: true, fontSize: 8 },
      table: { fontSize: 8 },
    },
    footer: (page: number, pages: number) => ({
      text: `Отклик · ${report.monthLabel} · стр. ${page} из ${pages}`,
      alignment: 'right',
      fontSize: 7,
      color: '#666666',
      margin: [36, 12, 36, 0],
    }),
    content: [
      ...summary(report),
      ...departments(report),
      ...quality(report),
      ...topicsAndPlaces(report),
      ...repeats(report),
      ...breaches(report),
      ...hotspotsAndSignature(report),
    ],
  };
  return pdfmake.createPdf(doc).getBuffer();
}
