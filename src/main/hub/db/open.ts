import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect, SqliteDialect, type SqliteDatabase } from 'kysely';
import pg from 'pg';
import { dialectDatabase } from '../../db/open';
import type { HubDB } from './schema';
import { hubMigrationProvider, type HubDialect } from './migrations';

export type HubDb = Kysely<HubDB>;
export type HubDatabase = { db: HubDb; dialect: HubDialect; describe: string };

export const HUB_DATABASE_FILE = 'hub.sqlite';

// BIGINT (int8) and NUMERIC counts arrive as strings by default; every one the hub stores fits in a double.
pg.types.setTypeParser(20, (v) => Number(v));

/**
 * Kysely prepares every query anew; a push runs the same few statements (multi-row inserts of a fixed size)
 * thousands of times, and preparing them was a third of its time. Statements are reusable in better-sqlite3.
 */
function withStatementCache(sqlite: Database.Database): SqliteDatabase {
  const cache = new Map<string, Database.Statement>();
  const prepare = (text: string) => {
    let stmt = cache.get(text);
    if (!stmt) {
      stmt = sqlite.prepare(text);
      if (cache.size >= 200) cache.delete(cache.keys().next().value!);
      cache.set(text, stmt);
    }
    return stmt;
  };
  return dialectDatabase(sqlite, prepare);
}

export type OpenHubOptions = {
  /** `postgres://…`: PostgreSQL; otherwise SQLite in `dataDir` (or `:memory:` for tests). */
  databaseUrl?: string;
  dataDir?: string;
  /** PostgreSQL pool size. */
  poolSize?: number;
};

/** Opens the hub's database and brings its schema up to date. */
export async function openHubDatabase(options: OpenHubOptions): Promise<HubDatabase> {
  let db: HubDb;
  let dialect: HubDialect;
  let describe: string;
  if (options.databaseUrl && /^postgres(ql)?:\/\//.test(options.databaseUrl)) {
    dialect = 'postgres';
    const pool = new pg.Pool({ connectionString: options.databaseUrl, max: options.poolSize ?? 10 });
    // A lost connection must not crash the process: the query that used it fails, the pool replaces it.
    pool.on('error', () => undefined);
    db = new Kysely<HubDB>({ dialect: new PostgresDialect({ pool }) });
    const url = new URL(options.databaseUrl);
    describe = `postgres://${url.host}${url.pathname}`;
  } else {
    dialect = 'sqlite';
    let file = ':memory:';
    if (options.databaseUrl && options.databaseUrl !== ':memory:') {
      throw new Error(`Unsupported --database-url (expected postgres://…): ${options.databaseUrl}`);
    }
    if (options.databaseUrl !== ':memory:') {
      if (!options.dataDir) throw new Error('The hub needs --data-dir or --database-url');
      const root = resolve(options.dataDir);
      mkdirSync(root, { recursive: true });
      file = join(root, HUB_DATABASE_FILE);
    }
    const sqlite = new Database(file);
    if (file !== ':memory:') sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('busy_timeout = 5000');
    // FULL: an op the hub acknowledged survives a power cut (the client deletes nothing on its side, but
    // would otherwise hold an op as accepted that the hub has lost).
    sqlite.pragma('synchronous = FULL');
    db = new Kysely<HubDB>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) });
    describe = `sqlite:${file}`;
  }
  const migrator = new Migrator({ db, provider: hubMigrationProvider(dialect) });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) {
    await db.destroy();
    throw new Error(
      `Hub migration ${failed?.migrationName ?? ''} failed: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  return { db, dialect, describe };
}
