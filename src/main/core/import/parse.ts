import { assertNever } from '../../../shared/assert';
import { parseCsv } from './csv';
import type { ImportFormat } from './issues';
import { parseJson } from './json';
import type { ImportRecord } from './record';

export { ImportError, MAX_ISSUES, type ImportFormat, type ImportIssue } from './issues';
export { EXPORT_ONLY_FIELDS, IMPORT_FIELDS, REQUIRED_FIELDS, type ImportRecord } from './record';
export { toExportRecord, type ExportRecord } from './export';

/**
 * Reads a whole import file (docs/import-format.md). All or nothing: either every record is valid
 * and all are returned, or an `ImportError` lists the problems (up to MAX_ISSUES of them).
 */
export function parseImportFile(content: string, format: ImportFormat): ImportRecord[] {
  switch (format) {
    case 'json':
      return parseJson(content);
    case 'csv':
      return parseCsv(content);
    default:
      return assertNever(format);
  }
}

/** The format a file name implies, or null when its extension says nothing. */
export function detectFormat(fileName: string): ImportFormat | null {
  const lower = fileName.trim().toLowerCase();
  if (lower.endsWith('.json')) return 'json';
  if (lower.endsWith('.csv')) return 'csv';
  return null;
}
