import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { Migrator, sql } from 'kysely';
import { kyselyOver, migrateToLatest, openSqlite } from '../../../../src/main/db/open';
import { migrations, staticMigrationProvider } from '../../../../src/main/db/migrations';
import { useTempDirs } from '../../../support/temp-dir';

const tempDir = useTempDirs();

/**
 * Data that the schema before each migration can hold. Each migration's test fills the database
 * as it was before, migrates, and checks nothing was lost. Add an entry with every new migration.
 */
const populateBefore: Record<string, (db: ReturnType<typeof kyselyOver>) => Promise<void>> = {
  // Nothing exists before the first migration; its test still runs on a file the app had opened.
  '0001_initial': async (db) => {
    await sql`PRAGMA user_version = 0`.execute(db);
  },
};

describe('migrations', () => {
  it('lists every migration with a populate step for its test', () => {
    expect(Object.keys(populateBefore).sort()).toEqual(Object.keys(migrations).sort());
  });

  for (const [index, name] of Object.keys(migrations).sort().entries()) {
    it(`migrates a populated database through ${name}`, async () => {
      const db = kyselyOver(openSqlite(join(tempDir(), 'w.sqlite')));
      const migrator = new Migrator({ db, provider: staticMigrationProvider });
      const previous = Object.keys(migrations).sort()[index - 1];
      if (previous) await migrator.migrateTo(previous);
      const before = await db.introspection.getTables();
      const counts = Object.fromEntries(
        await Promise.all(
          before
            .filter((t) => !t.name.startsWith('kysely_'))
            .map(async (t) => [
              t.name,
              Number(
                (await sql<{ n: number }>`SELECT count(*) AS n FROM ${sql.table(t.name)}`.execute(db)).rows[0]
                  ?.n,
              ),
            ]),
        ),
      );
      await populateBefore[name]?.(db);
      const { error } = await migrator.migrateTo(name);
      expect(error).toBeUndefined();
      for (const [table, n] of Object.entries(counts)) {
        const after = await sql<{ n: number }>`SELECT count(*) AS n FROM ${sql.table(table)}`.execute(db);
        expect(Number(after.rows[0]?.n)).toBeGreaterThanOrEqual(n as number);
      }
      await db.destroy();
    });
  }

  it('makes every table STRICT', async () => {
    const sqlite = openSqlite(join(tempDir(), 'w.sqlite'));
    const db = kyselyOver(sqlite);
    await migrateToLatest(db);
    const tables = sqlite
      .prepare(
        `SELECT name, strict FROM pragma_table_list WHERE schema = 'main' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'kysely_%'`,
      )
      .all() as { name: string; strict: number }[];
    expect(tables.length).toBeGreaterThanOrEqual(6);
    for (const t of tables) expect({ table: t.name, strict: t.strict }).toEqual({ table: t.name, strict: 1 });
    await db.destroy();
  });

  it('opens with WAL, foreign keys and a busy timeout', async () => {
    const sqlite = openSqlite(join(tempDir(), 'w.sqlite'));
    expect(sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(sqlite.pragma('busy_timeout', { simple: true })).toBeGreaterThan(0);
    sqlite.close();
  });

  it('is a no-op the second time', async () => {
    const file = join(tempDir(), 'w.sqlite');
    const db = kyselyOver(openSqlite(file));
    expect(await migrateToLatest(db)).toEqual(Object.keys(migrations).sort());
    expect(await migrateToLatest(db)).toEqual([]);
    await db.destroy();
  });

  it('refuses to change or delete an audit event', async () => {
    const db = kyselyOver(openSqlite(join(tempDir(), 'w.sqlite')));
    await migrateToLatest(db);
    await db
      .insertInto('audit_events')
      .values({
        id: 'a1',
        at: 1,
        actor_id: null,
        actor_role: 'system',
        device_id: 'd',
        incident_id: null,
        action: 'x',
        before_json: null,
        after_json: null,
      })
      .execute();
    await expect(db.updateTable('audit_events').set({ action: 'y' }).execute()).rejects.toThrow(
      /append-only/,
    );
    await expect(db.deleteFrom('audit_events').execute()).rejects.toThrow(/append-only/);
    await db.destroy();
  });
});
