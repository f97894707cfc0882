import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { isValidIsoDate, type CalendarException } from './types';

/**
 * The xmlcalendar format (one file per year), see shared/docs/production-calendar.md:
 *
 *   <calendar year="2026" lang="ru" date="2025.09.24">
 *     <holidays><holiday id="1" title="Новогодние каникулы"/>…</holidays>
 *     <days><day d="01.01" t="1" h="1"/>…<day d="01.09" t="1" f="01.03"/>…<day d="04.30" t="2"/>…</days>
 *   </calendar>
 *
 * t=1 day off: a holiday of ТК РФ ст. 112 when it has `h` (holiday id), else a day off (transferred from `f`);
 * t=2 shortened working day (ТК РФ ст. 95) — on a weekend it is also a worked day;
 * t=3 working day on a weekend (moved by the annual decree). Days not listed follow the weekly schedule.
 */

export type XmlCalendarErrorCode =
  | 'bad-xml'
  | 'doctype'
  | 'no-calendar'
  | 'bad-year'
  | 'year-mismatch'
  | 'no-days'
  | 'bad-holiday'
  | 'bad-day'
  | 'duplicate-day'
  | 'duplicate-year'
  | 'bad-type'
  | 'unknown-holiday'
  | 'bad-transfer';

/** A calendar file that cannot be imported. The message is in English, then Russian, for the administrator. */
export class XmlCalendarError extends Error {
  override readonly name = 'XmlCalendarError';
  readonly code: XmlCalendarErrorCode;
  readonly en: string;
  readonly ru: string;

  constructor(code: XmlCalendarErrorCode, en: string, ru: string) {
    super(`${en} / ${ru}`);
    this.code = code;
    this.en = en;
    this.ru = ru;
  }
}

type Attrs = Record<string, unknown>;

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  parseAttributeValue: false,
  parseTagValue: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
  trimValues: true,
  isArray: (name) => name === 'holiday' || name === 'day' || name === 'calendar',
});

const MONTH_DAY = /^(\d{2})\.(\d{2})$/;

function isObject(v: unknown): v is Attrs {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function attr(node: Attrs, name: string): string | undefined {
  const v = node[`@_${name}`];
  return typeof v === 'string' ? v : undefined;
}

/** Elements of one name under a parent; an empty element (`<days/>`) parses to '' and has none. */
function children(parent: Attrs, name: string): Attrs[] | null {
  const v = parent[name];
  if (v === undefined) return null;
  if (!Array.isArray(v)) return [];
  return v.map((x) => (isObject(x) ? x : {}));
}

function checkYear(year: number): void {
  if (!Number.isInteger(year) || year < 1901 || year > 2998) {
    throw new XmlCalendarError(
      'bad-year',
      `Invalid calendar year: ${year}`,
      `Недопустимый год календаря: ${year}`,
    );
  }
}

function validate(xml: string): Attrs {
  if (typeof xml !== 'string' || xml.trim() === '') {
    throw new XmlCalendarError('bad-xml', 'The calendar file is empty', 'Файл календаря пуст');
  }
  // A calendar never needs a DTD; refusing it rules out entity-expansion tricks.
  if (/<!DOCTYPE/i.test(xml)) {
    throw new XmlCalendarError(
      'doctype',
      'The calendar file must not contain a DOCTYPE',
      'Файл календаря не должен содержать DOCTYPE',
    );
  }
  const valid = XMLValidator.validate(xml);
  if (valid !== true) {
    const { msg, line, col } = valid.err;
    throw new XmlCalendarError(
      'bad-xml',
      `Not well-formed XML at line ${line}, column ${col}: ${msg}`,
      `Некорректный XML в строке ${line}, столбец ${col}: ${msg}`,
    );
  }
  const doc: unknown = parser.parse(xml);
  const calendars = isObject(doc) ? doc['calendar'] : undefined;
  if (!Array.isArray(calendars) || calendars.length !== 1 || !isObject(calendars[0])) {
    throw new XmlCalendarError(
      'no-calendar',
      'Expected exactly one <calendar> root element',
      'Ожидается ровно один корневой элемент <calendar>',
    );
  }
  return calendars[0];
}

/** The `year` attribute of a calendar file, or null when it has none. Throws XmlCalendarError on bad XML. */
export function readXmlCalendarYear(xml: string): number | null {
  const raw = attr(validate(xml), 'year');
  if (raw === undefined) return null;
  const year = /^\d{4}$/.test(raw.trim()) ? Number(raw) : NaN;
  checkYear(year);
  return year;
}

/** 'MM.DD' of `year` → 'YYYY-MM-DD', or null when not a real date. */
function monthDayToIso(md: string, year: number): string | null {
  const m = MONTH_DAY.exec(md.trim());
  if (!m) return null;
  const iso = `${year}-${m[1]}-${m[2]}`;
  return isValidIsoDate(iso) ? iso : null;
}

/**
 * Parses one year of the xmlcalendar format into calendar exceptions, sorted by date. Strict: anything it
 * does not understand is an XmlCalendarError naming the problem (in English and Russian), never a silent skip.
 */
export function parseXmlCalendar(xml: string, year: number): CalendarException[] {
  checkYear(year);
  const calendar = validate(xml);

  const declared = attr(calendar, 'year');
  if (declared !== undefined && declared.trim() !== String(year)) {
    throw new XmlCalendarError(
      'year-mismatch',
      `The file is for year "${declared}", expected ${year}`,
      `Файл относится к году «${declared}», ожидался ${year}`,
    );
  }

  const titles = new Map<string, string | undefined>();
  const holidaysEl = calendar['holidays'];
  if (holidaysEl !== undefined) {
    for (const h of isObject(holidaysEl) ? (children(holidaysEl, 'holiday') ?? []) : []) {
      const id = attr(h, 'id')?.trim();
      if (!id) {
        throw new XmlCalendarError('bad-holiday', '<holiday> without an id', '<holiday> без атрибута id');
      }
      titles.set(id, attr(h, 'title')?.trim() || undefined);
    }
  }

  const daysEl = calendar['days'];
  if (daysEl === undefined) {
    throw new XmlCalendarError(
      'no-days',
      'No <days> element in the calendar',
      'В календаре нет элемента <days>',
    );
  }
  const days = isObject(daysEl) ? (children(daysEl, 'day') ?? []) : [];

  const seen = new Set<string>();
  const out: CalendarException[] = [];
  for (const day of days) {
    const d = attr(day, 'd');
    const date = d === undefined ? null : monthDayToIso(d, year);
    if (d === undefined || date === null) {
      throw new XmlCalendarError(
        'bad-day',
        `Day "${d ?? ''}" is not a valid 'MM.DD' date in ${year}`,
        `День «${d ?? ''}» — не дата вида 'ММ.ДД' в ${year} году`,
      );
    }
    if (seen.has(date)) {
      throw new XmlCalendarError('duplicate-day', `Day ${d} is listed twice`, `День ${d} указан дважды`);
    }
    seen.add(date);

    const f = attr(day, 'f');
    let transferredFrom: string | undefined;
    if (f !== undefined) {
      const from = monthDayToIso(f, year);
      if (from === null) {
        throw new XmlCalendarError(
          'bad-transfer',
          `Day ${d}: transferred-from "${f}" is not a valid 'MM.DD' date in ${year}`,
          `День ${d}: дата переноса «${f}» — не дата вида 'ММ.ДД' в ${year} году`,
        );
      }
      transferredFrom = from;
    }

    const h = attr(day, 'h')?.trim();
    let title: string | undefined;
    if (h !== undefined && h !== '') {
      if (!titles.has(h)) {
        throw new XmlCalendarError(
          'unknown-holiday',
          `Day ${d} refers to holiday id "${h}", which is not in <holidays>`,
          `День ${d} ссылается на праздник с id «${h}», которого нет в <holidays>`,
        );
      }
      title = titles.get(h);
    }

    const t = attr(day, 't')?.trim();
    let kind: CalendarException['kind'];
    switch (t) {
      case '1':
        kind = h ? 'holiday' : 'day-off';
        break;
      case '2':
        kind = 'shortened';
        break;
      case '3':
        kind = 'working';
        break;
      default:
        throw new XmlCalendarError(
          'bad-type',
          `Day ${d} has unknown type t="${t ?? ''}" (expected 1 = day off, 2 = shortened, 3 = working)`,
          `У дня ${d} неизвестный тип t="${t ?? ''}" (ожидается 1 — выходной, 2 — сокращённый, 3 — рабочий)`,
        );
    }

    const exception: CalendarException = { date, kind };
    if (title !== undefined) exception.title = title;
    if (transferredFrom !== undefined) exception.transferredFrom = transferredFrom;
    out.push(exception);
  }
  return out.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}
