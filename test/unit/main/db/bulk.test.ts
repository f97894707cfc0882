import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { insertMany, runBulk } from '../../../../src/main/db/bulk';
import { kyselyOver } from '../../../../src/main/db/open';

function open() {
  const sqlite = new Database(':memory:');
  sqlite.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT NOT NULL) STRICT');
  return { sqlite, db: kyselyOver(sqlite) };
}

describe('bulk statements', () => {
  it('runs a statement once per row, inside the caller’s transaction', async () => {
    const { sqlite, db } = open();
    const changed = await db.transaction().execute(async (trx) => {
      const n = await runBulk(trx, 'INSERT INTO t (id, name) VALUES (?, ?)', [
        [1, 'один'],
        [2, 'два'],
      ]);
      await runBulk(trx, 'UPDATE t SET name = ? WHERE id = ?', [['первый', 1]]);
      return n;
    });
    expect(changed).toBe(2);
    expect(sqlite.prepare('SELECT id, name FROM t ORDER BY id').all()).toEqual([
      { id: 1, name: 'первый' },
      { id: 2, name: 'два' },
    ]);
  });

  it('writes rows of any count in multi-row statements, and nothing when one row fails', async () => {
    const { sqlite, db } = open();
    const rows = Array.from({ length: 1234 }, (_, i) => [i + 1, `строка ${i + 1}`]);
    const statement = (values: string) => `INSERT INTO t (id, name) VALUES ${values}`;
    expect(await insertMany(db, 2, statement, rows)).toBe(1234);
    expect(sqlite.prepare('SELECT count(*) AS n, sum(id) AS s FROM t').get()).toEqual({
      n: 1234,
      s: 761_995,
    });

    const more = [...Array.from({ length: 600 }, (_, i) => [5000 + i, 'ещё']), [5000, 'повтор']];
    await expect(db.transaction().execute((trx) => insertMany(trx, 2, statement, more))).rejects.toThrow(
      /UNIQUE/,
    );
    expect(sqlite.prepare('SELECT count(*) AS n FROM t').get()).toEqual({ n: 1234 });
  });

  it('leaves plain statements to Kysely as before', async () => {
    const { db } = open();
    await runBulk(db, 'INSERT INTO t (id, name) VALUES (?, ?)', [[7, 'семь']]);
    const rows = await db
      .selectFrom('t' as never)
      .selectAll()
      .execute();
    expect(rows).toEqual([{ id: 7, name: 'семь' }]);
  });
});
