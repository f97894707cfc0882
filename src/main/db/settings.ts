import { CompiledQuery } from 'kysely';
import type { Conn } from './incidents';

/**
 * Fixed SQL, not built with the query builder: the sync client reads and writes a handful of settings in
 * every round and every applied change (the cursor, the clock), and building and compiling the query each
 * time cost more than SQLite's work (the statement itself is prepared once, in the connection's cache).
 */
const READ = 'SELECT value FROM settings WHERE key = ?';
const WRITE =
  'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value';

/** Settings are JSON values under a key; callers validate what they read with zod. */
export async function readSetting(db: Conn, key: string): Promise<unknown> {
  const { rows } = await db.executeQuery<{ value: string }>(CompiledQuery.raw(READ, [key]));
  const row = rows[0];
  return row ? (JSON.parse(row.value) as unknown) : undefined;
}

export async function writeSetting(db: Conn, key: string, value: unknown): Promise<void> {
  await db.executeQuery(CompiledQuery.raw(WRITE, [key, JSON.stringify(value)]));
}
