import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { kyselyOver, openSqlite } from '../../../../src/main/db/open';

const dirs: string[] = [];
afterEach(() => {
  vi.useRealTimers();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function open() {
  const dir = mkdtempSync(join(tmpdir(), 'otklik-checkpoint-'));
  dirs.push(dir);
  const sqlite = openSqlite(join(dir, 'db.sqlite'));
  const pragma = vi.spyOn(sqlite, 'pragma');
  const db = kyselyOver(sqlite);
  const checkpoints = () => pragma.mock.calls.filter(([p]) => p === 'wal_checkpoint(PASSIVE)').length;
  return { sqlite, db, checkpoints };
}

describe('checkpoints of the write-ahead log', () => {
  it('waits for half a second without commits, then checkpoints once', async () => {
    vi.useFakeTimers();
    const { sqlite, db, checkpoints } = open();
    expect(sqlite.pragma('wal_autocheckpoint', { simple: true })).toBe(16_384);
    await sql`CREATE TABLE t (n INTEGER)`.execute(db);
    for (let i = 0; i < 5; i++) {
      await db.transaction().execute((trx) => sql`INSERT INTO t VALUES (${i})`.execute(trx));
      vi.advanceTimersByTime(300);
    }
    // Each commit moved the checkpoint: none yet, 300 ms after the last.
    expect(checkpoints()).toBe(0);
    vi.advanceTimersByTime(250);
    expect(checkpoints()).toBe(1);
    vi.advanceTimersByTime(5_000);
    expect(checkpoints()).toBe(1);
    await db.destroy();
  });

  it('does nothing after the connection closed', async () => {
    vi.useFakeTimers();
    const { db, checkpoints } = open();
    await sql`CREATE TABLE t (n INTEGER)`.execute(db);
    await db.transaction().execute((trx) => sql`INSERT INTO t VALUES (1)`.execute(trx));
    await db.destroy();
    vi.advanceTimersByTime(1_000);
    expect(checkpoints()).toBe(0);
  });
});
