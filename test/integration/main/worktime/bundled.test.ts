import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, it, expect } from 'vitest';
import { loadBundledExceptions } from '../../../../src/main/worktime/bundled';
import { buildWorkCalendar, DEFAULT_SCHEDULE, XmlCalendarError } from '../../../../src/shared/worktime';

const RESOURCES = fileURLToPath(new URL('../../../../resources', import.meta.url));

/**
 * The production calendars exactly as docs/production-calendar.md lists them (from the decrees): days off
 * beyond ordinary weekends as [month, from day, to day], shortened days, and worked weekend days.
 */
const DOC: Record<
  number,
  { off: [number, number, number][]; shortened: [number, number][]; workedWeekend: [number, number][] }
> = {
  // Постановление Правительства РФ от 04.10.2024 № 1335
  2025: {
    off: [
      [1, 1, 8],
      [2, 23, 23],
      [3, 8, 8],
      [5, 1, 4],
      [5, 8, 11],
      [6, 12, 15],
      [11, 2, 4],
      [12, 31, 31],
    ],
    shortened: [
      [3, 7],
      [4, 30],
      [6, 11],
      [11, 1],
    ],
    workedWeekend: [[11, 1]],
  },
  // Постановление Правительства РФ от 24.09.2025 № 1466
  2026: {
    off: [
      [1, 1, 11],
      [2, 21, 23],
      [3, 7, 9],
      [5, 1, 3],
      [5, 9, 11],
      [6, 12, 14],
      [11, 4, 4],
      [12, 31, 31],
    ],
    shortened: [
      [4, 30],
      [5, 8],
      [6, 11],
      [11, 3],
    ],
    workedWeekend: [],
  },
  // Постановление Правительства РФ от 17.09.2026 № 1187
  2027: {
    off: [
      [1, 1, 10],
      [2, 21, 23],
      [3, 6, 8],
      [5, 1, 3],
      [5, 8, 10],
      [6, 12, 14],
      [11, 4, 7],
      [12, 31, 31],
    ],
    shortened: [
      [2, 20],
      [4, 30],
      [6, 11],
      [11, 3],
    ],
    workedWeekend: [[2, 20]],
  },
};

const msk = (y: number, mo: number, d: number, h = 0): number => Date.UTC(y, mo - 1, d, h - 3);

describe('loadBundledExceptions', () => {
  const exceptions = loadBundledExceptions();
  const cal = buildWorkCalendar(DEFAULT_SCHEDULE, exceptions);

  it('loads the three bundled years from the default resources directory', () => {
    expect(loadBundledExceptions(RESOURCES)).toEqual(exceptions);
    expect(new Set(exceptions.map((e) => e.date.slice(0, 4)))).toEqual(new Set(['2025', '2026', '2027']));
    expect(exceptions.map((e) => e.date)).toEqual(exceptions.map((e) => e.date).sort());
  });

  for (const year of [2025, 2026, 2027]) {
    it(`matches the decree for ${year} on every day of the year`, () => {
      const doc = DOC[year]!;
      const key = (m: number, d: number): string => `${m}-${d}`;
      const off = new Set(
        doc.off.flatMap(([m, from, to]) => Array.from({ length: to - from + 1 }, (_, i) => key(m, from + i))),
      );
      const shortened = new Set(doc.shortened.map(([m, d]) => key(m, d)));
      const worked = new Set(doc.workedWeekend.map(([m, d]) => key(m, d)));
      for (let t = Date.UTC(year, 0, 1); new Date(t).getUTCFullYear() === year; t += 86_400_000) {
        const date = new Date(t);
        const [m, d] = [date.getUTCMonth() + 1, date.getUTCDate()];
        const weekend = date.getUTCDay() === 0 || date.getUTCDay() === 6;
        const k = key(m, d);
        // ТК РФ ст. 95: a shortened day is 8 h − 1 h = 420 min with the default schedule.
        const expected = off.has(k) || (weekend && !worked.has(k)) ? 0 : shortened.has(k) ? 420 : 480;
        expect(cal.between(msk(year, m, d), msk(year, m, d + 1)), `${year}-${m}-${d}`).toBe(expected);
      }
    });
  }

  it('names the holidays', () => {
    expect(exceptions.find((e) => e.date === '2026-01-07')).toEqual({
      date: '2026-01-07',
      kind: 'holiday',
      title: 'Рождество Христово',
    });
    expect(exceptions.find((e) => e.date === '2027-11-05')).toEqual({
      date: '2027-11-05',
      kind: 'day-off',
      transferredFrom: '2027-01-02',
    });
  });
});

describe('loadBundledExceptions with other resource directories', () => {
  let dir = '';
  const make = (files: Record<string, string>): string => {
    dir = mkdtempSync(join(tmpdir(), 'otklik-calendars-'));
    mkdirSync(join(dir, 'calendars'));
    for (const [name, xml] of Object.entries(files)) writeFileSync(join(dir, 'calendars', name), xml);
    return dir;
  };
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
    dir = '';
  });

  it('takes the year from the XML when the file name has none, and ignores other files', () => {
    const root = make({
      'ru-custom.xml': '<calendar year="2030"><days><day d="05.01" t="1"/></days></calendar>',
      'README.md': 'not a calendar',
      'by-2030.xml': '<calendar year="2030"><days><day d="05.02" t="1"/></days></calendar>',
    });
    expect(loadBundledExceptions(root)).toEqual([{ date: '2030-05-01', kind: 'day-off' }]);
  });

  it('names the broken file in the error', () => {
    const xml = readFileSync(join(RESOURCES, 'calendars', 'ru-2026.xml'), 'utf8').replace(
      'd="04.30"',
      'd="04.31"',
    );
    const root = make({ 'ru-2026.xml': xml });
    expect(() => loadBundledExceptions(root)).toThrow(XmlCalendarError);
    expect(() => loadBundledExceptions(root)).toThrow(
      /ru-2026\.xml: Day "04\.31".*\/ ru-2026\.xml: День «04\.31»/,
    );
  });

  it('refuses a file whose year attribute contradicts its name, and two files for one year', () => {
    expect(() =>
      loadBundledExceptions(make({ 'ru-2031.xml': '<calendar year="2030"><days/></calendar>' })),
    ).toThrow(/ru-2031\.xml: The file is for year "2030", expected 2031/);
    rmSync(dir, { recursive: true, force: true });
    const twice = make({
      'ru-2030.xml': '<calendar year="2030"><days/></calendar>',
      'ru-extra.xml': '<calendar year="2030"><days/></calendar>',
    });
    expect(() => loadBundledExceptions(twice)).toThrow(/ru-extra\.xml: Another file already holds/);
  });
});
