import Database from 'better-sqlite3';
import { Kysely, Migrator, SqliteDialect, type SqliteDatabase } from 'kysely';
import { withBulkStatements } from './bulk';
import { IdleCheckpoints } from './checkpoint';
import type { DB } from './schema';
import { staticMigrationProvider } from './migrations';

export type Db = Kysely<DB>;

export type OpenOptions = {
  /**
   * Path of better-sqlite3's compiled addon. Under Electron the app passes a copy built for
   * Electron's ABI, so that `node_modules` keeps the one built for Node (and `npm test` works).
   */
  nativeBinding?: string;
  readonly?: boolean;
};

/** Opens (creating if needed) a workstation database with the pragmas every connection needs. */
export function openSqlite(file: string, options: OpenOptions = {}): Database.Database {
  const sqlite = new Database(file, {
    ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
    readonly: options.readonly ?? false,
  });
  if (!options.readonly) sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('synchronous = NORMAL');
  return sqlite;
}

/** How many prepared statements a connection keeps; the app issues a few hundred distinct queries. */
const STATEMENT_CACHE_SIZE = 1000;

/**
 * Kysely over one better-sqlite3 connection, with its prepared statements reused: Kysely asks for a
 * new statement per query, and compiling the same SQL again costs more than running it (sync applies
 * thousands of identical inserts). SQLite re-prepares a cached statement itself after a schema change.
 */
export function kyselyOver(sqlite: Database.Database): Db {
  const cache = new Map<string, Database.Statement>();
  const prepare = (sql: string) => {
    let statement = cache.get(sql);
    if (statement?.busy) return sqlite.prepare(sql); // a statement still iterating cannot be reused
    if (statement) {
      cache.delete(sql); // refresh its place: the least recently used go first
    } else {
      statement = sqlite.prepare(sql);
      if (cache.size >= STATEMENT_CACHE_SIZE) cache.delete(cache.keys().next().value ?? '');
    }
    cache.set(sql, statement);
    return statement;
  };
  return new Kysely<DB>({ dialect: new SqliteDialect({ database: dialectDatabase(sqlite, prepare) }) });
}

/**
 * What Kysely's SQLite dialect is given, on workstations and the hub alike: `prepare` (the caller's, with its
 * statement cache) understanding bulk statements, and a log checkpointed when quiet in WAL mode.
 */
export function dialectDatabase(
  sqlite: Database.Database,
  prepare: (sql: string) => Database.Statement,
): SqliteDatabase {
  const wal = sqlite.pragma('journal_mode', { simple: true }) === 'wal' && !sqlite.readonly;
  const checkpoints = wal ? new IdleCheckpoints(sqlite) : null;
  return {
    close: () => {
      checkpoints?.close();
      sqlite.close();
    },
    prepare: withBulkStatements(checkpoints ? checkpoints.watch(prepare) : prepare),
  } as SqliteDatabase;
}

export class MigrationFailure extends Error {
  constructor(
    readonly migration: string,
    cause: unknown,
  ) {
    super(`Migration ${migration} failed: ${cause instanceof Error ? cause.message : String(cause)}`, {
      cause,
    });
    this.name = 'MigrationFailure';
  }
}

/** Brings the schema to the newest migration; each migration runs in its own transaction. */
export async function migrateToLatest(db: Db): Promise<string[]> {
  const migrator = new Migrator({ db, provider: staticMigrationProvider });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) throw new MigrationFailure(failed?.migrationName ?? 'unknown', error);
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

export async function openDatabase(file: string, options: OpenOptions = {}): Promise<Db> {
  const db = kyselyOver(openSqlite(file, options));
  await migrateToLatest(db);
  return db;
}
