import { DateTime } from 'luxon';
import { z } from 'zod';
import { NewIncident } from '../../../shared/api/contract';
import type { Importance, IncidentSource, Network } from '../../../shared/domain/incident';
import { quote, type IssueList } from './issues';

/**
 * One incident read from a file: exactly what `incidents.create` accepts. `externalId` is optional
 * (null when the file has none); when present, importing the same id again does not create a
 * second incident, so a file can be re-imported safely.
 */
export type ImportRecord = NewIncident;

/** Field names of the import format, in the order of docs/import-format.md. */
export const IMPORT_FIELDS = [
  'externalId',
  'source',
  'network',
  'url',
  'authorName',
  'text',
  'publishedAt',
  'detectedAt',
  'topic',
  'location',
  'importance',
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

/** Written by `export --json` and accepted back, but not imported: a new incident starts its own workflow. */
export const EXPORT_ONLY_FIELDS = ['id', 'status', 'departmentId', 'department'] as const;

export const REQUIRED_FIELDS: readonly ImportField[] = [
  'network',
  'authorName',
  'text',
  'publishedAt',
  'topic',
];

const KNOWN_FIELDS: ReadonlyMap<string, string> = new Map(
  [...IMPORT_FIELDS, ...EXPORT_ONLY_FIELDS].map((name) => [name.toLowerCase(), name]),
);

/** The canonical spelling of a field name (names are case-insensitive), or null for an unknown one. */
export function canonicalField(name: string): string | null {
  return KNOWN_FIELDS.get(name.trim().toLowerCase()) ?? null;
}

export function isImportField(name: string): name is ImportField {
  return (IMPORT_FIELDS as readonly string[]).includes(name);
}

export const KNOWN_FIELD_LIST = [...IMPORT_FIELDS, ...EXPORT_ONLY_FIELDS].join(', ');

const MAX_LENGTH: Partial<Record<ImportField, number>> = {
  externalId: 200,
  url: 2000,
  authorName: 300,
  text: 20_000,
  topic: 200,
  location: 500,
};

/** Codes, plus the words people use for them in Russian spreadsheets. Compared lowercased, ё as е. */
const SOURCE_VALUES: Record<string, IncidentSource> = {
  im: 'im',
  им: 'im',
  pos: 'pos',
  пос: 'pos',
  manual: 'manual',
  вручную: 'manual',
  import: 'import',
  импорт: 'import',
};

const NETWORK_VALUES: Record<string, Network> = {
  vk: 'vk',
  вк: 'vk',
  вконтакте: 'vk',
  ok: 'ok',
  ок: 'ok',
  одноклассники: 'ok',
  telegram: 'telegram',
  tg: 'telegram',
  телеграм: 'telegram',
  телеграмм: 'telegram',
  pos: 'pos',
  пос: 'pos',
  госуслуги: 'pos',
  'решаем вместе': 'pos',
  other: 'other',
  другое: 'other',
};

const IMPORTANCE_VALUES: Record<string, Importance> = {
  normal: 'normal',
  обычная: 'normal',
  'обычной важности': 'normal',
  high: 'high',
  высокая: 'high',
  повышенная: 'high',
  'повышенной важности': 'high',
};

const IsoWithOffset = z.iso.datetime({ offset: true });

/**
 * Checks one record and converts it, adding every problem found to `issues`.
 * `raw` holds the record's import fields by canonical name; absent, null and blank values are "not given".
 */
export function readRecord(
  raw: ReadonlyMap<ImportField, unknown>,
  line: number,
  issues: IssueList,
): ImportRecord | null {
  const before = issues.count;
  const text = (field: ImportField): string | undefined => {
    const value = raw.get(field);
    if (REQUIRED_FIELDS.includes(field) && (value === undefined || isBlank(value))) {
      issues.add(line, field, { ru: 'обязательное поле не заполнено', en: 'required field is empty' });
      return undefined;
    }
    return readText(value, field, line, issues);
  };

  const externalId = text('externalId');
  const source = readCode(text('source'), 'source', SOURCE_VALUES, line, issues) ?? 'import';
  const network = readCode(text('network'), 'network', NETWORK_VALUES, line, issues);
  const url = readUrl(text('url'), line, issues);
  const authorName = text('authorName');
  const body = text('text');
  const publishedAt = readInstant(text('publishedAt'), 'publishedAt', line, issues);
  const detectedText = text('detectedAt');
  const detectedAt = readInstant(detectedText, 'detectedAt', line, issues);
  const topic = text('topic');
  const location = text('location') ?? '';
  const importance = readCode(text('importance'), 'importance', IMPORTANCE_VALUES, line, issues) ?? 'normal';

  if (publishedAt !== undefined && detectedAt !== undefined && detectedAt < publishedAt) {
    issues.add(line, 'detectedAt', {
      ru: 'время обнаружения раньше времени публикации (publishedAt)',
      en: 'detectedAt is earlier than publishedAt',
    });
  }
  if (issues.count > before || issues.full) return null;

  const candidate = {
    source,
    network,
    url: url ?? null,
    externalId: externalId ?? null,
    authorName,
    text: body,
    publishedAt,
    detectedAt: detectedText === undefined ? publishedAt : detectedAt,
    topic,
    location,
    importance,
  };
  // The contract is the final word: whatever slipped through the checks above is still reported.
  const parsed = NewIncident.safeParse(candidate);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = typeof issue.path[0] === 'string' ? issue.path[0] : null;
      issues.add(line, field, {
        ru: `недопустимое значение (${issue.message})`,
        en: `invalid value (${issue.message})`,
      });
    }
    return null;
  }
  return parsed.data;
}

function isBlank(value: unknown): boolean {
  return value === null || (typeof value === 'string' && value.trim() === '');
}

function readText(value: unknown, field: ImportField, line: number, issues: IssueList): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') {
    const kind = Array.isArray(value) ? 'array' : typeof value;
    issues.add(line, field, {
      ru: `ожидается строка, получено: ${KIND[kind]?.ru ?? kind}`,
      en: `expected a string, got ${KIND[kind]?.en ?? kind}`,
    });
    return undefined;
  }
  const trimmed = value.trim();
  if (trimmed === '') return undefined;
  const max = MAX_LENGTH[field];
  if (max !== undefined && trimmed.length > max) {
    issues.add(line, field, {
      ru: `слишком длинное значение: ${trimmed.length} символов, допускается не более ${max}`,
      en: `value too long: ${trimmed.length} characters, at most ${max}`,
    });
    return undefined;
  }
  return trimmed;
}

const KIND: Record<string, { ru: string; en: string }> = {
  number: { ru: 'число', en: 'a number' },
  boolean: { ru: 'логическое значение', en: 'a boolean' },
  object: { ru: 'объект', en: 'an object' },
  array: { ru: 'массив', en: 'an array' },
};

function readCode<T extends string>(
  value: string | undefined,
  field: ImportField,
  allowed: Record<string, T>,
  line: number,
  issues: IssueList,
): T | undefined {
  if (value === undefined) return undefined;
  const code = allowed[value.toLowerCase().replaceAll('ё', 'е').replace(/\s+/g, ' ')];
  if (code !== undefined) return code;
  const codes = [...new Set(Object.values(allowed))].join(', ');
  issues.add(line, field, {
    ru: `ожидается одно из значений: ${codes}; получено «${quote(value)}»`,
    en: `expected one of ${codes}; got "${quote(value)}"`,
  });
  return undefined;
}

function readInstant(
  value: string | undefined,
  field: ImportField,
  line: number,
  issues: IssueList,
): number | undefined {
  if (value === undefined) return undefined;
  const parsed = IsoWithOffset.safeParse(value);
  const at = parsed.success ? DateTime.fromISO(value, { setZone: true }) : null;
  if (at === null || !at.isValid) {
    issues.add(line, field, {
      ru: `ожидается дата ISO 8601 со смещением (например 2026-03-02T10:15:00+03:00), получено «${quote(value)}»`,
      en: `expected an ISO 8601 date with offset (e.g. 2026-03-02T10:15:00+03:00), got "${quote(value)}"`,
    });
    return undefined;
  }
  const ms = at.toMillis();
  if (ms < 0) {
    issues.add(line, field, { ru: 'дата раньше 1970 года', en: 'date before 1970' });
    return undefined;
  }
  return ms;
}

function readUrl(value: string | undefined, line: number, issues: IssueList): string | undefined {
  if (value === undefined) return undefined;
  let ok = false;
  try {
    const protocol = new URL(value).protocol;
    ok = protocol === 'https:' || protocol === 'http:';
  } catch {
    ok = false;
  }
  if (!ok) {
    // Only web links: the UI opens them in a browser, and nothing else belongs there.
    issues.add(line, 'url', {
      ru: `ожидается ссылка http:// или https://, получено «${quote(value)}»`,
      en: `expected an http:// or https:// link, got "${quote(value)}"`,
    });
    return undefined;
  }
  return value;
}
