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
  // Foundation rows in each foundation status; 0002 maps them onto workflow statuses.
  '0002_workflow': async (db) => {
    await sql`INSERT INTO departments (id, name, short_name, created_at) VALUES ('dep-1', 'Управление ЖКХ', 'ЖКХ', 1)`.execute(
      db,
    );
    const statuses = ['new', 'routed', 'drafting', 'in_review', 'approved'];
    for (const [i, status] of statuses.entries()) {
      await sql`INSERT INTO incidents (id, source, network, url, external_id, author_name, text, published_at, detected_at,
        topic, location, importance, status, department_id, version, created_at, updated_at)
        VALUES (${`i-${i}`}, 'im', 'vk', NULL, ${`ext-${i}`}, 'Анна', 'Текст', 1, 2, 'ЖКХ', '', 'normal', ${status},
        ${status === 'new' ? null : 'dep-1'}, 1, 3, 3)`.execute(db);
    }
  },
  // Incidents stored before search existed: 0003 indexes them (text, author, location; «ё» as «е»).
  '0003_queue': async (db) => {
    const rows = [
      ['q-1', 'Пётр Смирнов', 'Во дворе не вывозят мусор', 'ул. Ленина, 5'],
      ['q-2', 'Анна Котова', 'Яма на дороге', 'пр. Мира, 12'],
    ];
    for (const [id, author, text, location] of rows) {
      await sql`INSERT INTO incidents (id, source, network, url, external_id, author_name, text, published_at, detected_at,
        topic, location, importance, status, department_id, version, created_at, updated_at)
        VALUES (${id}, 'im', 'vk', NULL, ${id}, ${author}, ${text}, 1, 2, 'ЖКХ', ${location}, 'normal', 'new', NULL, 1, 3, 3)`.execute(
        db,
      );
    }
  },
  // An op waiting in the outbox and a workflow event: 0004 keeps both (sync, issue #7).
  '0004_sync': async (db) => {
    await sql`INSERT INTO departments (id, name, short_name, created_at) VALUES ('dep-s', 'Дороги', '', 1)`.execute(
      db,
    );
    await sql`INSERT INTO incidents (id, source, network, url, external_id, author_name, text, published_at, detected_at,
      topic, location, importance, status, department_id, version, created_at, updated_at)
      VALUES ('i-s', 'im', 'vk', NULL, 'ext-s', 'Анна', 'Текст', 1, 2, 'ЖКХ', 'ул. Мира', 'normal', 'new', NULL, 0, 3, 3)`.execute(
      db,
    );
    await sql`INSERT INTO sync_outbox (op_id, kind, entity, entity_id, payload, hlc, device_id, user_id, schema_version,
      created_at, sent_at) VALUES ('op-s', 'incident.create', 'incident', 'i-s', '{}', '2026-01-01T00:00:00.000Z-0000-d', 'd',
      NULL, 1, 3, NULL)`.execute(db);
    await sql`INSERT INTO workflow_events (id, incident_id, version, type, at, actor_id, actor_role, event_json)
      VALUES ('e-s', 'i-s', 1, 'routed', 4, 'u', 'operator', '{}')`.execute(db);
  },
  // An incident this workstation holds: 0005 leaves it where it is (in the queue, nothing is away).
  '0005_sync_away': async (db) => {
    await sql`INSERT INTO incidents (id, source, network, url, external_id, author_name, text, published_at, detected_at,
      topic, location, importance, status, department_id, version, created_at, updated_at)
      VALUES ('i-a', 'im', 'vk', NULL, 'ext-a', 'Анна', 'Текст', 1, 2, 'ЖКХ', 'ул. Мира', 'normal', 'new', NULL, 0, 3, 3)`.execute(
      db,
    );
  },
};

/** What each migration's populated data must look like afterwards. */
const checkAfter: Record<string, (db: ReturnType<typeof kyselyOver>) => Promise<void>> = {
  '0003_queue': async (db) => {
    const found = async (query: string) =>
      (
        await sql<{ incident_id: string }>`SELECT k.incident_id FROM queue_search f
          JOIN queue_search_keys k ON k.rowid = f.rowid WHERE queue_search MATCH ${query} ORDER BY 1`.execute(
          db,
        )
      ).rows.map((r) => r.incident_id);
    expect(await found('"мусор"*')).toEqual(['q-1']);
    expect(await found('"петр"*')).toEqual(['q-1']);
    expect(await found('"мира"*')).toEqual(['q-2']);
    // Rows written after the migration are indexed by its triggers, and an edit reindexes.
    await sql`UPDATE incidents SET text = 'Упало дерево' WHERE id = 'q-2'`.execute(db);
    expect(await found('"дерево"*')).toEqual(['q-2']);
    expect(await found('"яма"*')).toEqual([]);
  },
  '0004_sync': async (db) => {
    const outbox = await sql<{
      op_id: string;
      sent_at: number | null;
      server_seq: number | null;
      rejected_json: string | null;
    }>`
      SELECT op_id, sent_at, server_seq, rejected_json FROM sync_outbox`.execute(db);
    expect(outbox.rows).toEqual([{ op_id: 'op-s', sent_at: null, server_seq: null, rejected_json: null }]);
    // Workflow events stay append-only, except inside the sync client's guarded transaction.
    await expect(sql`DELETE FROM workflow_events WHERE id = 'e-s'`.execute(db)).rejects.toThrow(
      /append-only/,
    );
    await expect(sql`UPDATE workflow_events SET type = 'x' WHERE id = 'e-s'`.execute(db)).rejects.toThrow(
      /append-only/,
    );
  },
  '0005_sync_away': async (db) => {
    expect((await sql`SELECT * FROM sync_away`.execute(db)).rows).toEqual([]);
    await sql`INSERT INTO sync_away (incident_id, departments, since) VALUES ('i-a', '["dep-s"]', 5)`.execute(
      db,
    );
    // Only an incident this workstation holds can be away.
    await expect(
      sql`INSERT INTO sync_away (incident_id, departments, since) VALUES ('nope', '[]', 5)`.execute(db),
    ).rejects.toThrow(/FOREIGN KEY/);
  },
  '0002_workflow': async (db) => {
    const rows = await sql<{ id: string; status: string; workflow_json: string | null }>`
      SELECT id, status, workflow_json FROM incidents ORDER BY id`.execute(db);
    expect(rows.rows.map((r) => [r.id, r.status, r.workflow_json])).toEqual([
      ['i-0', 'new', null],
      ['i-1', 'routed', null],
      ['i-2', 'routed', null],
      ['i-3', 'routed', null],
      ['i-4', 'routed', null],
    ]);
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
      await checkAfter[name]?.(db);
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
        `SELECT name, strict FROM pragma_table_list WHERE schema = 'main' AND type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'kysely_%'`,
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
