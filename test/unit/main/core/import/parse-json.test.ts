import { describe, expect, it } from 'vitest';
import { parseImportFile } from '../../../../../src/main/core/import/parse';
import { issuesOf, makeRow } from './helpers';

const json = (value: unknown): string => JSON.stringify(value, null, 2);

describe('parseImportFile (JSON)', () => {
  it('reads an array of incidents', () => {
    const [record] = parseImportFile(json([makeRow()]), 'json');
    expect(record).toEqual({
      externalId: 'im-2026-000001',
      source: 'im',
      network: 'vk',
      url: 'https://vk.com/wall-41236587_215643',
      authorName: 'Наталья Смирнова',
      text: 'Третий день нет отопления. Примите меры!',
      publishedAt: Date.parse('2026-03-02T06:41:00Z'),
      detectedAt: Date.parse('2026-03-02T06:52:00Z'),
      topic: 'ЖКХ',
      location: 'Центральный район, ул. Советская, 14',
      importance: 'normal',
    });
  });

  it('reads an object with an incidents array, ignoring its other keys, with a BOM', () => {
    const records = parseImportFile(
      `\uFEFF${json({ exportedAt: 'today', incidents: [makeRow(), makeRow({ externalId: 'x2' })] })}`,
      'json',
    );
    expect(records.map((r) => r.externalId)).toEqual(['im-2026-000001', 'x2']);
  });

  it('fills defaults for the optional fields', () => {
    const [record] = parseImportFile(
      json([
        {
          network: 'ok',
          authorName: 'Галина Петровна',
          text: 'Текст',
          publishedAt: '2026-03-02T10:15:00Z',
          topic: 'Дороги',
        },
      ]),
      'json',
    );
    expect(record).toEqual({
      externalId: null,
      source: 'import',
      network: 'ok',
      url: null,
      authorName: 'Галина Петровна',
      text: 'Текст',
      publishedAt: Date.parse('2026-03-02T10:15:00Z'),
      detectedAt: Date.parse('2026-03-02T10:15:00Z'),
      topic: 'Дороги',
      location: '',
      importance: 'normal',
    });
  });

  it('treats null and blank values as not given and trims the rest', () => {
    const [record] = parseImportFile(
      json([makeRow({ url: null, externalId: '  ', location: '', authorName: '  Иван  ' })]),
      'json',
    );
    expect(record).toMatchObject({ url: null, externalId: null, location: '', authorName: 'Иван' });
  });

  it('accepts Russian words for source, network and importance, and any letter case in names', () => {
    const [record] = parseImportFile(
      json([{ ...makeRow(), source: 'ПОС', network: 'ВКонтакте', importance: 'Повышенной важности' }]),
      'json',
    );
    expect(record).toMatchObject({ source: 'pos', network: 'vk', importance: 'high' });
    const [other] = parseImportFile(
      json([{ ...makeRow({ network: 'Телеграм', importance: 'высокая' }) }]),
      'json',
    );
    expect(other).toMatchObject({ network: 'telegram', importance: 'high' });
  });

  it('reads the same instant whatever the offset', () => {
    const [a, b] = parseImportFile(
      json([
        makeRow({ externalId: 'a', publishedAt: '2026-03-02T10:15:00+03:00', detectedAt: null }),
        makeRow({ externalId: 'b', publishedAt: '2026-03-02T07:15:00Z', detectedAt: null }),
      ]),
      'json',
    );
    expect(a?.publishedAt).toBe(b?.publishedAt);
  });

  it('accepts the export-only fields and does not import them', () => {
    const [record] = parseImportFile(
      json([
        {
          ...makeRow(),
          id: 'inc-1',
          status: 'published',
          departmentId: 'dep-zhkh',
          department: 'Управление ЖКХ',
        },
      ]),
      'json',
    );
    expect(record).not.toHaveProperty('status');
    expect(record).not.toHaveProperty('id');
  });

  describe('errors', () => {
    it('rejects an empty file', () => {
      expect(issuesOf(() => parseImportFile(' \n', 'json'))).toEqual([
        { line: 0, field: null, message: 'Файл: файл пуст / File: the file is empty' },
      ]);
    });

    it('rejects an empty array', () => {
      const [issue] = issuesOf(() => parseImportFile('[]', 'json'));
      expect(issue).toMatchObject({ line: 0, field: null });
      expect(issue?.message).toContain('нет ни одного инцидента');
    });

    it('names the text line and column of a JSON syntax error', () => {
      const [issue] = issuesOf(() => parseImportFile('[\n  {"network": "vk",}\n]', 'json'));
      expect(issue).toMatchObject({ line: 0, field: null });
      expect(issue?.message).toMatch(
        /^Файл: ошибка синтаксиса JSON в строке текста 2, столбец \d+ \/ File: JSON syntax error/,
      );
    });

    it('rejects a root that is neither an array nor { incidents }', () => {
      const [issue] = issuesOf(() => parseImportFile('{"items": []}', 'json'));
      expect(issue?.message).toContain('«incidents»');
    });

    it('numbers records from 1 and names the field', () => {
      const issues = issuesOf(() =>
        parseImportFile(
          json([
            makeRow({ externalId: 'a' }),
            makeRow({ externalId: 'b', publishedAt: '2026-03-02T10:15:00' }),
          ]),
          'json',
        ),
      );
      expect(issues).toEqual([
        {
          line: 2,
          field: 'publishedAt',
          message:
            'Запись 2, поле «publishedAt»: ожидается дата ISO 8601 со смещением (например 2026-03-02T10:15:00+03:00), получено «2026-03-02T10:15:00» / Record 2, field "publishedAt": expected an ISO 8601 date with offset (e.g. 2026-03-02T10:15:00+03:00), got "2026-03-02T10:15:00"',
        },
      ]);
    });

    it('rejects a record that is not an object', () => {
      expect(issuesOf(() => parseImportFile(json([makeRow(), 'text']), 'json'))).toMatchObject([
        { line: 2, field: null },
      ]);
    });

    it('rejects an unknown field and a field given twice in different case', () => {
      const issues = issuesOf(() =>
        parseImportFile(json([{ ...makeRow(), Text: 'again', colour: 'red' }]), 'json'),
      );
      expect(issues).toMatchObject([
        { line: 1, field: 'text', message: expect.stringContaining('поле указано дважды') },
        { line: 1, field: 'colour', message: expect.stringContaining('неизвестное поле') },
      ]);
    });

    it('rejects values that are not strings', () => {
      const issues = issuesOf(() =>
        parseImportFile(json([{ ...makeRow(), text: 42, publishedAt: 1772433660000 }]), 'json'),
      );
      expect(issues).toMatchObject([
        { line: 1, field: 'text', message: expect.stringContaining('ожидается строка, получено: число') },
        {
          line: 1,
          field: 'publishedAt',
          message: expect.stringContaining('expected a string, got a number'),
        },
      ]);
    });

    it('reports a repeated externalId on the second record, naming the first', () => {
      const issues = issuesOf(() =>
        parseImportFile(json([makeRow(), makeRow({ authorName: 'Другой' })]), 'json'),
      );
      expect(issues).toEqual([
        {
          line: 2,
          field: 'externalId',
          message:
            'Запись 2, поле «externalId»: externalId «im-2026-000001» уже встречается в записи 1 / Record 2, field "externalId": externalId "im-2026-000001" already appears in record 1',
        },
      ]);
    });
  });
});
