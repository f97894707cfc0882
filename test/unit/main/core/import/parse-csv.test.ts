import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MAX_ISSUES, parseImportFile } from '../../../../../src/main/core/import/parse';
import { csvOf, issuesOf, makeRow } from './helpers';

const HEADER = 'externalId;network;authorName;text;publishedAt;topic';
const row = (id: string, extra = ''): string =>
  `${id};vk;Иван Петров;Яма на дороге${extra};2026-03-02T10:15:00+03:00;Дороги`;

describe('parseImportFile (CSV)', () => {
  it('reads semicolon-delimited CSV with a BOM, as Russian Excel saves it', () => {
    const records = parseImportFile(
      `\uFEFF${csvOf([makeRow(), makeRow({ externalId: 'im-2026-000002' })])}`,
      'csv',
    );
    expect(records).toHaveLength(2);
    expect(records[0]).toMatchObject({
      externalId: 'im-2026-000001',
      network: 'vk',
      publishedAt: Date.parse('2026-03-02T06:41:00Z'),
    });
  });

  it('reads comma-delimited CSV without a BOM', () => {
    const records = parseImportFile(
      csvOf([makeRow({ location: 'Центральный район, ул. Советская, 14' })], ','),
      'csv',
    );
    expect(records[0]?.location).toBe('Центральный район, ул. Советская, 14');
  });

  it('keeps delimiters, quotes and line breaks inside quoted values', () => {
    const text = 'Первая строка; вторая.\n«Цитата» и "кавычки".';
    const [record] = parseImportFile(csvOf([makeRow({ text })]), 'csv');
    expect(record?.text).toBe(text);
  });

  it('keeps a stray quote inside an unquoted value', () => {
    const [record] = parseImportFile(`${HEADER}\n${row('a', ' у магазина "Ромашка"')}\n`, 'csv');
    expect(record?.text).toBe('Яма на дороге у магазина "Ромашка"');
  });

  it('allows columns in any order and leaves out optional ones', () => {
    const [record] = parseImportFile(
      'topic,text,authorName,network,publishedAt\nЖКХ,Нет воды,Ольга,ok,2026-03-02T10:15:00Z\n',
      'csv',
    );
    expect(record).toMatchObject({ topic: 'ЖКХ', source: 'import', importance: 'normal', externalId: null });
  });

  it('skips blank lines and empty rows, and allows an empty unnamed last column', () => {
    const records = parseImportFile(`${HEADER};\n\n${row('a')};\n;;;;;;\n${row('b')};\n\n`, 'csv');
    expect(records.map((r) => r.externalId)).toEqual(['a', 'b']);
  });

  describe('errors', () => {
    it('rejects an empty file and a file with a header only', () => {
      expect(issuesOf(() => parseImportFile('\uFEFF', 'csv'))).toMatchObject([{ line: 0, field: null }]);
      expect(issuesOf(() => parseImportFile(`${HEADER}\n`, 'csv'))[0]?.message).toContain(
        'нет ни одного инцидента',
      );
    });

    it('names the header line and the column for an unknown, repeated or missing column', () => {
      const issues = issuesOf(() =>
        parseImportFile('externalId;network;authorName;Text;text;publishedAt;priority\n', 'csv'),
      );
      expect(issues).toMatchObject([
        { line: 1, field: 'text', message: expect.stringContaining('поле указано дважды') },
        {
          line: 1,
          field: 'priority',
          message: expect.stringMatching(
            /^Строка 1, поле «priority»: неизвестное поле; .* \/ Line 1, field "priority": unknown field/,
          ),
        },
        { line: 1, field: 'topic', message: expect.stringContaining('нет обязательного столбца') },
      ]);
    });

    it('names the line of a row with the wrong number of values', () => {
      const issues = issuesOf(() => parseImportFile(`${HEADER}\n${row('a')}\n${row('b')};лишнее\n`, 'csv'));
      expect(issues).toMatchObject([
        { line: 3, field: null, message: expect.stringContaining('ожидается 6 значений') },
      ]);
    });

    it('names the line and field of every bad value', () => {
      const csv = csvOf([
        makeRow({ externalId: 'a' }),
        makeRow({ externalId: 'b', network: 'facebook', importance: 'срочно', url: 'javascript:alert(1)' }),
        makeRow({ externalId: 'c', authorName: '', detectedAt: '2026-03-02T09:00:00+03:00' }),
        makeRow({
          externalId: 'd',
          source: 'email',
          publishedAt: '02.03.2026 10:15',
          text: 'я'.repeat(20_001),
        }),
      ]);
      const issues = issuesOf(() => parseImportFile(csv, 'csv'));
      expect(issues.map((i) => [i.line, i.field])).toEqual([
        [3, 'network'],
        [3, 'url'],
        [3, 'importance'],
        [4, 'authorName'],
        [4, 'detectedAt'],
        [5, 'source'],
        [5, 'text'],
        [5, 'publishedAt'],
      ]);
      expect(issues[0]?.message).toBe(
        'Строка 3, поле «network»: ожидается одно из значений: vk, ok, telegram, pos, other; получено «facebook» / Line 3, field "network": expected one of vk, ok, telegram, pos, other; got "facebook"',
      );
      expect(issues[3]?.message).toBe(
        'Строка 4, поле «authorName»: обязательное поле не заполнено / Line 4, field "authorName": required field is empty',
      );
      expect(issues[6]?.message).toContain('слишком длинное значение: 20001 символов');
      expect(issues[7]?.message).toContain('получено «02.03.2026 10:15»');
    });

    it('names a record spanning several lines by its first line', () => {
      const csv = `${HEADER}\n${row('a', '\n"')}`.replace(
        'Яма на дороге\n"',
        '"Яма на дороге\nвторая строка"',
      );
      const broken = `${csv}\n${row('b').replace('vk', 'myspace')}\n`;
      expect(issuesOf(() => parseImportFile(broken, 'csv'))).toMatchObject([{ line: 4, field: 'network' }]);
    });

    it('names the line where an unclosed quote starts', () => {
      const csv = `${HEADER}\n${row('a')}\n\nb;vk;Иван;"Без конца;2026-03-02T10:15:00+03:00;Дороги\n${row('c')}\n`;
      expect(issuesOf(() => parseImportFile(csv, 'csv'))).toMatchObject([
        { line: 4, field: null, message: expect.stringContaining('незакрытая кавычка') },
      ]);
    });

    it('reports a value in an unnamed column', () => {
      expect(issuesOf(() => parseImportFile(`${HEADER};\n${row('a')};что-то\n`, 'csv'))).toMatchObject([
        { line: 2, field: null, message: expect.stringContaining('столбце 7 без названия') },
      ]);
    });

    it('reports a repeated externalId even when the record has other errors', () => {
      const issues = issuesOf(() =>
        parseImportFile(`${HEADER}\n${row('a')}\n${row('a').replace('vk', 'x')}\n`, 'csv'),
      );
      expect(issues).toMatchObject([
        { line: 3, field: 'externalId', message: expect.stringContaining('уже встречается в строке 2') },
        { line: 3, field: 'network' },
      ]);
    });

    it('collects every issue of a file, up to the limit', () => {
      const bad = Array.from({ length: 80 }, (_, i) => row(`id-${i}`).replace('vk', 'x'));
      const issues = issuesOf(() => parseImportFile([HEADER, ...bad].join('\n'), 'csv'));
      expect(issues).toHaveLength(MAX_ISSUES + 1);
      expect(issues[MAX_ISSUES - 1]).toMatchObject({ line: MAX_ISSUES + 1, field: 'network' });
      expect(issues[MAX_ISSUES]).toMatchObject({
        line: 0,
        field: null,
        message: expect.stringContaining('первые 50 ошибок'),
      });
    });
  });
});

describe('fixtures for the CLI tests', () => {
  const fixture = (name: string): string =>
    readFileSync(new URL(`../../../../fixtures/import/${name}`, import.meta.url), 'utf8');

  it('imports incidents.json and incidents.csv', () => {
    expect(parseImportFile(fixture('incidents.json'), 'json')).toHaveLength(4);
    const csv = parseImportFile(fixture('incidents.csv'), 'csv');
    expect(csv).toHaveLength(4);
    expect(csv.filter((r) => r.importance === 'high')).toHaveLength(1);
  });

  it('finds the two errors of broken.csv', () => {
    expect(issuesOf(() => parseImportFile(fixture('broken.csv'), 'csv'))).toMatchObject([
      { line: 3, field: 'publishedAt' },
      { line: 4, field: 'network' },
    ]);
  });
});
