import { describe, it, expect } from 'vitest';
import { parseXmlCalendar, readXmlCalendarYear, XmlCalendarError } from '../../../../src/shared/worktime';

const HOLIDAYS = `<holidays><holiday id="1" title="Новогодние каникулы"/><holiday id="2" title="Рождество Христово"/></holidays>`;

function calendar(days: string, attrs = 'year="2026" lang="ru" date="2025.09.24"'): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n<calendar ${attrs}>${HOLIDAYS}<days>${days}</days></calendar>`;
}

function errorOf(fn: () => unknown): XmlCalendarError {
  try {
    fn();
  } catch (error) {
    if (error instanceof XmlCalendarError) return error;
    throw error;
  }
  throw new Error('expected an XmlCalendarError');
}

describe('parseXmlCalendar', () => {
  it('reads holidays, transferred days off, shortened and working days', () => {
    const xml = calendar(
      '<day d="01.07" t="1" h="2"/><day d="01.09" t="1" f="01.03"/><day d="04.30" t="2"/>' +
        '<day d="11.01" t="3"/><day d="12.30" t="1"/>',
    );
    expect(parseXmlCalendar(xml, 2026)).toEqual([
      { date: '2026-01-07', kind: 'holiday', title: 'Рождество Христово' },
      { date: '2026-01-09', kind: 'day-off', transferredFrom: '2026-01-03' },
      { date: '2026-04-30', kind: 'shortened' },
      { date: '2026-11-01', kind: 'working' },
      { date: '2026-12-30', kind: 'day-off' },
    ]);
  });

  it('sorts the days by date', () => {
    const xml = calendar('<day d="05.01" t="1"/><day d="01.01" t="1" h="1"/>');
    expect(parseXmlCalendar(xml, 2026).map((e) => e.date)).toEqual(['2026-01-01', '2026-05-01']);
  });

  it('accepts an empty <days/> and a file without <holidays>', () => {
    expect(parseXmlCalendar('<calendar year="2026"><days/></calendar>', 2026)).toEqual([]);
    expect(parseXmlCalendar('<calendar><days><day d="02.23" t="1"/></days></calendar>', 2026)).toEqual([
      { date: '2026-02-23', kind: 'day-off' },
    ]);
  });

  it('reads the year attribute', () => {
    expect(readXmlCalendarYear(calendar(''))).toBe(2026);
    expect(readXmlCalendarYear('<calendar><days/></calendar>')).toBeNull();
  });

  describe('rejects bad input with a clear English and Russian message', () => {
    const cases: [what: string, xml: string, code: XmlCalendarError['code'], en: RegExp, ru: RegExp][] = [
      ['an empty file', '  ', 'bad-xml', /empty/, /пуст/],
      [
        'broken XML',
        '<calendar year="2026"><days>',
        'bad-xml',
        /Not well-formed XML at line 1/,
        /Некорректный XML/,
      ],
      [
        'a DOCTYPE',
        '<!DOCTYPE calendar [<!ENTITY a "b">]><calendar><days/></calendar>',
        'doctype',
        /DOCTYPE/,
        /DOCTYPE/,
      ],
      ['another root element', '<holidays/>', 'no-calendar', /<calendar>/, /<calendar>/],
      ['another year', calendar('', 'year="2025"'), 'year-mismatch', /year "2025", expected 2026/, /2025/],
      ['no <days>', `<calendar year="2026">${HOLIDAYS}</calendar>`, 'no-days', /<days>/, /<days>/],
      ['a day 13.45', calendar('<day d="13.45" t="1"/>'), 'bad-day', /Day "13.45"/, /День «13.45»/],
      ['29 February in 2026', calendar('<day d="02.29" t="1"/>'), 'bad-day', /"02.29"/, /02.29/],
      ['a day written 1.1', calendar('<day d="1.1" t="1"/>'), 'bad-day', /'MM.DD'/, /'ММ.ДД'/],
      ['a day without d', calendar('<day t="1"/>'), 'bad-day', /Day ""/, /День/],
      [
        'a day listed twice',
        calendar('<day d="05.01" t="1"/><day d="05.01" t="2"/>'),
        'duplicate-day',
        /listed twice/,
        /дважды/,
      ],
      ['t="4"', calendar('<day d="05.01" t="4"/>'), 'bad-type', /unknown type t="4"/, /неизвестный тип/],
      ['no t', calendar('<day d="05.01"/>'), 'bad-type', /unknown type t=""/, /неизвестный тип/],
      [
        'an unknown holiday id',
        calendar('<day d="05.01" t="1" h="9"/>'),
        'unknown-holiday',
        /holiday id "9"/,
        /праздник с id «9»/,
      ],
      [
        'a bad transferred-from date',
        calendar('<day d="05.04" t="1" f="02.30"/>'),
        'bad-transfer',
        /transferred-from "02.30"/,
        /дата переноса/,
      ],
      [
        'a holiday without id',
        '<calendar><holidays><holiday/></holidays><days/></calendar>',
        'bad-holiday',
        /id/,
        /id/,
      ],
    ];
    for (const [what, xml, code, en, ru] of cases) {
      it(`rejects ${what}`, () => {
        const error = errorOf(() => parseXmlCalendar(xml, 2026));
        expect(error.code).toBe(code);
        expect(error.en).toMatch(en);
        expect(error.ru).toMatch(ru);
        expect(error.message).toBe(`${error.en} / ${error.ru}`);
        expect(error).toBeInstanceOf(Error);
        expect(error.name).toBe('XmlCalendarError');
      });
    }

    it('rejects an impossible year argument', () => {
      expect(errorOf(() => parseXmlCalendar(calendar(''), 26)).code).toBe('bad-year');
    });
  });
});
