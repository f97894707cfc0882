import { expect } from 'vitest';
import { ImportError, type ImportIssue } from '../../../../../src/main/core/import/parse';

/** The issues a parse throws; fails the test when it does not throw an ImportError. */
export function issuesOf(parse: () => unknown): ImportIssue[] {
  try {
    parse();
  } catch (e) {
    expect(e).toBeInstanceOf(ImportError);
    return (e as ImportError).issues;
  }
  throw new Error('expected an ImportError, but the file was accepted');
}

/** A CSV value quoted the way Excel does it. */
export function csvCell(value: string | null, delimiter: string): string {
  if (value === null) return '';
  return /["\r\n]/.test(value) || value.includes(delimiter) ? `"${value.replaceAll('"', '""')}"` : value;
}

export function csvOf(rows: ReadonlyArray<Record<string, string | null>>, delimiter = ';'): string {
  const header = Object.keys(rows[0] ?? {});
  const lines = [header.join(delimiter)];
  for (const row of rows)
    lines.push(header.map((name) => csvCell(row[name] ?? null, delimiter)).join(delimiter));
  return `${lines.join('\r\n')}\r\n`;
}

/** A valid record in the import format, with overrides. */
export function makeRow(overrides: Record<string, string | null> = {}): Record<string, string | null> {
  return {
    externalId: 'im-2026-000001',
    source: 'im',
    network: 'vk',
    url: 'https://vk.com/wall-41236587_215643',
    authorName: 'Наталья Смирнова',
    text: 'Третий день нет отопления. Примите меры!',
    publishedAt: '2026-03-02T09:41:00+03:00',
    detectedAt: '2026-03-02T09:52:00+03:00',
    topic: 'ЖКХ',
    location: 'Центральный район, ул. Советская, 14',
    importance: 'normal',
    ...overrides,
  };
}
