import { canonicalField, isImportField, KNOWN_FIELD_LIST, type ImportField } from './record';
import type { IssueList } from './issues';

/**
 * Maps the names a record or a header uses to canonical field names, reporting unknown and repeated
 * ones. Returns, per position, the import field it feeds, or null for a field that is read but not
 * imported (export-only) or is wrong.
 */
export function mapFieldNames(
  names: readonly string[],
  line: number,
  issues: IssueList,
  options: { skipBlank: boolean } = { skipBlank: false },
): Array<ImportField | null> {
  const seen = new Set<string>();
  return names.map((name) => {
    if (options.skipBlank && name.trim() === '') return null;
    const canonical = canonicalField(name);
    if (canonical === null) {
      issues.add(line, name.trim(), {
        ru: `неизвестное поле; допустимые поля: ${KNOWN_FIELD_LIST}`,
        en: `unknown field; known fields: ${KNOWN_FIELD_LIST}`,
      });
      return null;
    }
    if (seen.has(canonical)) {
      issues.add(line, canonical, { ru: 'поле указано дважды', en: 'the field appears twice' });
      return null;
    }
    seen.add(canonical);
    return isImportField(canonical) ? canonical : null;
  });
}

/** Remembers external ids by the line that first used them: one file may not name an incident twice. */
export class ExternalIds {
  private readonly firstLine = new Map<string, number>();

  /** Takes the raw value, so that a repeated id is reported even on a record with other errors. */
  check(value: unknown, line: number, issues: IssueList): void {
    if (typeof value !== 'string' || value.trim() === '') return;
    const externalId = value.trim();
    const first = this.firstLine.get(externalId);
    if (first === undefined) {
      this.firstLine.set(externalId, line);
      return;
    }
    const where = issues.recordNoun(first);
    issues.add(line, 'externalId', {
      ru: `externalId «${externalId}» уже встречается ${where.ru}`,
      en: `externalId "${externalId}" already appears ${where.en}`,
    });
  }
}
