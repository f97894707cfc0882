import { CsvError, parse } from 'csv-parse/sync';
import { ExternalIds, mapFieldNames } from './fields';
import { IssueList } from './issues';
import { readRecord, REQUIRED_FIELDS, type ImportField, type ImportRecord } from './record';

/**
 * CSV with a header row, `;` (Russian Excel) or `,` as the delimiter, UTF-8 with or without BOM.
 * The delimiter is the one of the two that the header line uses more.
 */
export function parseCsv(content: string): ImportRecord[] {
  const issues = new IssueList('csv');
  const text = content.replace(/^\uFEFF/, '');
  if (text.trim() === '') {
    issues.add(0, null, { ru: 'файл пуст', en: 'the file is empty' });
    issues.throwIfAny();
  }

  const rows = readRows(text, issues);
  const header = rows[0];
  if (header === undefined) {
    issues.add(0, null, { ru: 'файл пуст', en: 'the file is empty' });
    issues.throwIfAny();
    return [];
  }
  const headerLine = header.start;
  // Spreadsheets often save an unnamed empty column at the end; it is fine as long as it stays empty.
  const unnamed = header.cells.map((name) => name.trim() === '');
  const columns = mapFieldNames(header.cells, headerLine, issues, { skipBlank: true });
  for (const field of REQUIRED_FIELDS) {
    if (!columns.includes(field)) {
      issues.add(headerLine, field, { ru: 'нет обязательного столбца', en: 'required column is missing' });
    }
  }
  // Rows cannot be read reliably against a broken header: report the header alone.
  issues.throwIfAny();

  const records: ImportRecord[] = [];
  const externalIds = new ExternalIds();
  for (const row of rows.slice(1)) {
    if (issues.full) break;
    if (row.cells.every((cell) => cell.trim() === '')) continue;
    if (row.cells.length !== columns.length) {
      issues.add(row.start, null, {
        ru: `ожидается ${columns.length} значений, как в заголовке, найдено ${row.cells.length}`,
        en: `expected ${columns.length} values as in the header, found ${row.cells.length}`,
      });
      continue;
    }
    const raw = new Map<ImportField, unknown>();
    columns.forEach((field, i) => {
      const cell = row.cells[i] ?? '';
      if (field !== null) raw.set(field, cell);
      else if (unnamed[i] === true && cell.trim() !== '') {
        issues.add(row.start, null, {
          ru: `значение в столбце ${i + 1} без названия в заголовке`,
          en: `a value in column ${i + 1}, which has no name in the header`,
        });
      }
    });
    externalIds.check(raw.get('externalId'), row.start, issues);
    const record = readRecord(raw, row.start, issues);
    if (record !== null) records.push(record);
  }
  if (records.length === 0 && issues.count === 0) {
    issues.add(0, null, { ru: 'в файле нет ни одного инцидента', en: 'the file contains no incidents' });
  }
  issues.throwIfAny();
  return records;
}

interface Line {
  cells: string[];
  /** First line of the record in the file (a quoted value may span several lines). */
  start: number;
}

function readRows(text: string, issues: IssueList): Line[] {
  const rows: Line[] = [];
  const starts = lineStarts(text);
  let lastEnd = 0;
  try {
    parse(text, {
      delimiter: detectDelimiter(text),
      relax_column_count: true,
      // A stray quote inside an unquoted value («Магазин "Ромашка"») is kept as written.
      relax_quotes: true,
      skip_empty_lines: true,
      on_record: (cells, context) => {
        rows.push({ cells, start: firstFilledLine(text, starts, lastEnd + 1) });
        lastEnd = context.lines;
        return cells;
      },
    });
  } catch (e) {
    if (!(e instanceof CsvError)) throw e;
    const line = firstFilledLine(text, starts, lastEnd + 1);
    issues.add(line, null, csvErrorText(e));
    issues.throwIfAny();
  }
  return rows;
}

function csvErrorText(e: CsvError): { ru: string; en: string } {
  switch (e.code) {
    case 'CSV_QUOTE_NOT_CLOSED':
      return {
        ru: 'незакрытая кавычка: значение тянется до конца файла',
        en: 'unclosed quote: the value runs to the end of the file',
      };
    case 'CSV_INVALID_CLOSING_QUOTE':
      return {
        ru: 'после закрывающей кавычки ожидается разделитель',
        en: 'a delimiter is expected after a closing quote',
      };
    default:
      return { ru: `ошибка разбора CSV (${e.code})`, en: `CSV syntax error: ${e.message}` };
  }
}

/** The first line at or after `from` that is not blank: skipped empty lines do not count as records. */
function firstFilledLine(text: string, starts: readonly number[], from: number): number {
  for (let n = from; n <= starts.length; n++) {
    if (!isBlankLine(text, starts, n)) return n;
  }
  return from;
}

/** Offsets where each line begins; line n starts at index n - 1. */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\n' || (c === '\r' && text[i + 1] !== '\n')) starts.push(i + 1);
  }
  return starts;
}

function isBlankLine(text: string, starts: readonly number[], n: number): boolean {
  const start = starts[n - 1] ?? text.length;
  const end = starts[n] ?? text.length;
  return text.slice(start, end).trim() === '';
}

/** Looks at the header line only: values may contain either character freely. */
function detectDelimiter(text: string): ';' | ',' {
  let semicolons = 0;
  let commas = 0;
  let quoted = false;
  for (const c of text) {
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === '\n' || c === '\r')) break;
    else if (!quoted && c === ';') semicolons++;
    else if (!quoted && c === ',') commas++;
  }
  return semicolons >= commas && semicolons > 0 ? ';' : ',';
}
