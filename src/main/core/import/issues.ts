/** Import problems: where they are, and a message in Russian and English. */

export type ImportFormat = 'json' | 'csv';

/**
 * `line` is the CSV line number (the header is line 1; a record spanning several lines is named
 * by its first line) or, for JSON, the record's position in the array counted from 1.
 * 0 means the file as a whole (empty file, broken JSON syntax, too many errors).
 */
export interface ImportIssue {
  line: number;
  field: string | null;
  message: string;
}

/** Thrown when a file cannot be imported; nothing of it is imported then. */
export class ImportError extends Error {
  constructor(readonly issues: ImportIssue[]) {
    super(issues.map((i) => i.message).join('\n'));
    this.name = 'ImportError';
  }
}

/** Enough to fix a file in one go without flooding the screen. */
export const MAX_ISSUES = 50;

/** A message in both languages; the Russian one goes first. */
export interface Bilingual {
  ru: string;
  en: string;
}

export class IssueList {
  private readonly issues: ImportIssue[] = [];
  private overflow = false;

  constructor(private readonly format: ImportFormat) {}

  get count(): number {
    return this.issues.length;
  }

  get full(): boolean {
    return this.overflow;
  }

  add(line: number, field: string | null, text: Bilingual): void {
    if (this.issues.length >= MAX_ISSUES) {
      this.overflow = true;
      return;
    }
    this.issues.push({ line, field, message: formatIssue(this.format, line, field, text) });
  }

  /** Records are referred to as lines in CSV and as records in JSON, in messages about other records too. */
  recordNoun(line: number): Bilingual {
    return this.format === 'csv'
      ? { ru: `в строке ${line}`, en: `on line ${line}` }
      : { ru: `в записи ${line}`, en: `in record ${line}` };
  }

  throwIfAny(): void {
    if (this.issues.length === 0) return;
    const all = [...this.issues];
    if (this.overflow) {
      all.push({
        line: 0,
        field: null,
        message: `Показаны первые ${MAX_ISSUES} ошибок: исправьте их и повторите импорт / Only the first ${MAX_ISSUES} errors are shown: fix them and import again`,
      });
    }
    throw new ImportError(all);
  }
}

function formatIssue(format: ImportFormat, line: number, field: string | null, text: Bilingual): string {
  let ru: string;
  let en: string;
  if (line === 0) {
    ru = 'Файл';
    en = 'File';
  } else if (format === 'csv') {
    ru = `Строка ${line}`;
    en = `Line ${line}`;
  } else {
    ru = `Запись ${line}`;
    en = `Record ${line}`;
  }
  if (field !== null) {
    ru += `, поле «${field}»`;
    en += `, field "${field}"`;
  }
  return `${ru}: ${text.ru} / ${en}: ${text.en}`;
}

/** A bad value quoted back to the user, short enough for one line of a message. */
export function quote(value: string): string {
  const oneLine = value.replace(/\s+/g, ' ');
  return oneLine.length > 40 ? `${oneLine.slice(0, 40)}…` : oneLine;
}
