import { sql } from 'kysely';
import type { Conn } from './incidents';

/** Words of a search beyond this many are ignored: no one types more, and each costs a term lookup. */
const MAX_WORDS = 12;

/**
 * The FTS5 query for what a person typed: every word must occur (AND), each as a prefix, so that
 * «мусор» finds «мусора» and «ул лен» finds «ул. Ленина». Only letters and digits pass, quoted, so no
 * input can reach FTS5's query syntax. «ё» is searched as «е», as the index stores it. Null: nothing to search.
 */
export function toFtsQuery(input: string): string | null {
  const words =
    input
      .toLowerCase()
      .replace(/ё/g, 'е')
      .match(/[\p{L}\p{N}]+/gu) ?? [];
  if (words.length === 0) return null;
  return words
    .slice(0, MAX_WORDS)
    .map((w) => `"${w}"*`)
    .join(' ');
}

/** Ids of the incidents whose text, author or location match the search (see `toFtsQuery`). */
export async function searchIncidentIds(db: Conn, input: string): Promise<Set<string> | null> {
  const query = toFtsQuery(input);
  if (query === null) return null;
  const { rows } = await sql<{ incident_id: string }>`
    SELECT k.incident_id FROM queue_search f
    JOIN queue_search_keys k ON k.rowid = f.rowid
    WHERE queue_search MATCH ${query}`.execute(db);
  return new Set(rows.map((r) => r.incident_id));
}
