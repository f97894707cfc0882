import { ExternalIds, mapFieldNames } from './fields';
import { IssueList } from './issues';
import { readRecord, type ImportField, type ImportRecord } from './record';

/** JSON: an array of incident objects, or `{ "incidents": [...] }` (other keys of that object are ignored). */
export function parseJson(content: string): ImportRecord[] {
  const issues = new IssueList('json');
  const text = content.replace(/^\uFEFF/, '');
  if (text.trim() === '') {
    issues.add(0, null, { ru: 'файл пуст', en: 'the file is empty' });
    issues.throwIfAny();
  }

  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (e) {
    issues.add(0, null, syntaxErrorText(text, e instanceof Error ? e.message : String(e)));
    issues.throwIfAny();
  }

  const items = incidentsOf(document);
  if (items === null) {
    issues.add(0, null, {
      ru: 'ожидается массив инцидентов или объект с полем «incidents»',
      en: 'expected an array of incidents or an object with an "incidents" array',
    });
    issues.throwIfAny();
    return [];
  }
  if (items.length === 0) {
    issues.add(0, null, { ru: 'в файле нет ни одного инцидента', en: 'the file contains no incidents' });
    issues.throwIfAny();
  }

  const records: ImportRecord[] = [];
  const externalIds = new ExternalIds();
  items.forEach((item, index) => {
    if (issues.full) return;
    const line = index + 1;
    if (typeof item !== 'object' || item === null || Array.isArray(item)) {
      issues.add(line, null, {
        ru: 'ожидается объект с полями инцидента',
        en: 'expected an object with incident fields',
      });
      return;
    }
    const entries = Object.entries(item);
    const fields = mapFieldNames(
      entries.map(([name]) => name),
      line,
      issues,
    );
    const raw = new Map<ImportField, unknown>();
    fields.forEach((field, i) => {
      if (field !== null) raw.set(field, entries[i]?.[1]);
    });
    externalIds.check(raw.get('externalId'), line, issues);
    const record = readRecord(raw, line, issues);
    if (record !== null) records.push(record);
  });
  issues.throwIfAny();
  return records;
}

function incidentsOf(document: unknown): unknown[] | null {
  if (Array.isArray(document)) return document;
  if (typeof document === 'object' && document !== null && 'incidents' in document) {
    const incidents = (document as { incidents: unknown }).incidents;
    if (Array.isArray(incidents)) return incidents;
  }
  return null;
}

/** V8 reports the offset of a syntax error; people need the line and column of the file. */
function syntaxErrorText(text: string, message: string): { ru: string; en: string } {
  const position = /position (\d+)/.exec(message)?.[1];
  if (position === undefined) {
    return { ru: 'ошибка синтаксиса JSON', en: `JSON syntax error: ${message}` };
  }
  const before = text.slice(0, Number(position));
  const line = before.split(/\r\n|\n|\r/).length;
  const column = before.length - Math.max(before.lastIndexOf('\n'), before.lastIndexOf('\r'));
  return {
    ru: `ошибка синтаксиса JSON в строке текста ${line}, столбец ${column}`,
    en: `JSON syntax error at text line ${line}, column ${column}: ${message}`,
  };
}
