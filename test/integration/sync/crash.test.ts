import { afterEach, describe, expect, it } from 'vitest';
import type { ChildProcess } from 'node:child_process';
import { openCore, type Core } from '../../../src/main/core/core';
import { createIncidents } from '../../../src/main/core/incidents';
import { SYSTEM_ACTOR } from '../../../src/main/core/changes';
import { countPendingOps } from '../../../src/main/db/outbox';
import { openHubDatabase } from '../../../src/main/hub/db/open';
import { addWorkstation } from '../../../src/main/hub/admin';
import { SyncClient } from '../../../src/main/sync/client';
import { SyncLoop } from '../../../src/main/sync/loop';
import { syncDb } from '../../../src/main/sync/schema';
import { readCursor, writeHubConfig } from '../../../src/main/sync/state';
import { makeNewIncident } from '../../support/builders';
import {
  hubFile,
  killHard,
  peek,
  spawnCli,
  spawnHub,
  stationFile,
  until,
  waitExit,
  type HubProcess,
} from './processes';
import { stationState, tempDir } from './support';

/**
 * kill -9 of a workstation and of the hub, during push and during pull (issue #7): every op takes effect
 * exactly once, and sync resumes by itself. Real processes, real SQLite files.
 */
const N = 5000;
const cleanups: (() => Promise<void> | void)[] = [];
const children: ChildProcess[] = [];
afterEach(async () => {
  for (const c of children.splice(0)) await killHard(c);
  for (const f of cleanups.splice(0).reverse()) await f();
});

function dir(): string {
  const d = tempDir();
  cleanups.push(d.remove);
  return d.path;
}

async function enrol(hubDir: string, names: string[]): Promise<string[]> {
  const { db } = await openHubDatabase({ dataDir: hubDir });
  try {
    const tokens: string[] = [];
    for (const n of names) tokens.push((await addWorkstation(db, n)).token);
    return tokens;
  } finally {
    await db.destroy();
  }
}

async function station(dataDir: string, url: string, token: string, incidents = 0): Promise<Core> {
  const core = await openCore({
    dataDir,
    transport: 'cli',
    demo: false,
    demoFeed: false,
    watchExternalChanges: false,
  });
  await writeHubConfig(syncDb(core.db), { url, token });
  if (incidents > 0) {
    const items = Array.from({ length: incidents }, () => makeNewIncident());
    await createIncidents(core.db, core.identity, SYSTEM_ACTOR, Date.now(), items);
  }
  return core;
}

const hubHead = (hubDir: string) =>
  peek<{ head: number }>(hubFile(hubDir), 'SELECT head FROM hub_counter')?.head ?? 0;
const hubOps = (hubDir: string) =>
  peek<{ n: number; ids: number; entities: number }>(
    hubFile(hubDir),
    'SELECT count(*) AS n, count(DISTINCT op_id) AS ids, count(DISTINCT entity_id) AS entities FROM hub_ops',
  );
const stationCursor = (dataDir: string) => {
  const row = peek<{ value: string }>(
    stationFile(dataDir),
    "SELECT value FROM settings WHERE key = 'sync.cursor'",
  );
  return row ? Number(JSON.parse(row.value)) : null;
};

async function runSync(dataDir: string): Promise<void> {
  const child = spawnCli(['sync', '--data-dir', dataDir]);
  children.push(child);
  let err = '';
  child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  const code = await waitExit(child);
  expect(code, err).toBe(0);
}

describe('sync survives kill -9', () => {
  it('of a workstation during push and during pull: every op once, and the next run finishes', async () => {
    const hubDir = dir();
    const [tokenA, tokenB] = await enrol(hubDir, ['a', 'b']);
    const hub = await spawnHub(hubDir);
    children.push(hub.proc);
    const dirA = dir();
    const dirB = dir();
    await (await station(dirA, hub.url, tokenA!, N)).close();
    const coreB = await station(dirB, hub.url, tokenB!);
    // B has synced once (an empty hub): its next rounds pull ops rather than a snapshot.
    await new SyncClient({
      db: coreB.db,
      identity: coreB.identity,
      hub: { url: hub.url, token: tokenB! },
    }).syncOnce();
    await coreB.close();

    const pushing = spawnCli(['sync', '--data-dir', dirA]);
    children.push(pushing);
    await until(() => hubHead(hubDir) >= 2000, 60_000);
    await killHard(pushing);
    const partial = hubHead(hubDir);
    await runSync(dirA);
    expect(hubOps(hubDir)).toEqual({ n: N, ids: N, entities: N });

    const pulling = spawnCli(['sync', '--data-dir', dirB]);
    children.push(pulling);
    await until(() => (stationCursor(dirB) ?? 0) > 0, 60_000, 5);
    await killHard(pulling);
    const cursorAtKill = stationCursor(dirB);
    await runSync(dirB);
    expect(stationCursor(dirB)).toBe(N);

    const a = await openCore({ dataDir: dirA, transport: 'cli', demo: false, watchExternalChanges: false });
    const b = await openCore({ dataDir: dirB, transport: 'cli', demo: false, watchExternalChanges: false });
    try {
      expect(await countPendingOps(a.db)).toBe(0);
      const [sa, sb] = [await stationState(a), await stationState(b)];
      expect(sb.incidents).toHaveLength(N);
      expect(sb).toEqual(sa);
    } finally {
      await a.close();
      await b.close();
    }
    // What the kills interrupted (for the record: the test holds whatever the timing was).
    console.log(
      `killed the pushing workstation at hub head ${partial}, the pulling one at cursor ${cursorAtKill}`,
    );
  }, 180_000);

  it('of the hub during push and during pull: the workstations resume by themselves, every op once', async () => {
    const hubDir = dir();
    const [tokenA, tokenB] = await enrol(hubDir, ['a', 'b']);
    let hub: HubProcess = await spawnHub(hubDir);
    children.push(hub.proc);
    const port = hub.port;
    const restart = async () => {
      await killHard(hub.proc);
      hub = await spawnHub(hubDir, port);
      children.push(hub.proc);
    };

    const a = await station(dir(), hub.url, tokenA!, N);
    cleanups.push(() => a.close());
    const clientA = new SyncClient({
      db: a.db,
      identity: a.identity,
      hub: { url: hub.url, token: tokenA! },
      pushBatch: 1000,
    });
    const loopA = new SyncLoop({
      client: clientA,
      minBackoffMs: 50,
      maxBackoffMs: 500,
      pendingCount: () => countPendingOps(a.db),
    });
    cleanups.push(() => loopA.stop());
    loopA.start();
    await until(() => hubHead(hubDir) >= 1000, 60_000, 5);
    await restart();
    await until(async () => (await countPendingOps(a.db)) === 0, 90_000, 50);
    expect(hubOps(hubDir)).toEqual({ n: N, ids: N, entities: N });

    const b = await station(dir(), hub.url, tokenB!);
    cleanups.push(() => b.close());
    // B starts at cursor 0 (not from a snapshot), so it pulls the ops in batches.
    await syncDb(b.db).insertInto('settings').values({ key: 'sync.cursor', value: '0' }).execute();
    const clientB = new SyncClient({
      db: b.db,
      identity: b.identity,
      hub: { url: hub.url, token: tokenB! },
      pullBatch: 500,
    });
    const loopB = new SyncLoop({ client: clientB, minBackoffMs: 50, maxBackoffMs: 500 });
    cleanups.push(() => loopB.stop());
    loopB.start();
    await until(async () => ((await readCursor(syncDb(b.db))) ?? 0) > 0, 60_000, 2);
    const cursorAtKill = await readCursor(syncDb(b.db));
    await restart();
    await until(async () => (await readCursor(syncDb(b.db))) === N, 90_000, 50);
    const [sa, sb] = [await stationState(a), await stationState(b)];
    expect(sb.incidents).toHaveLength(N);
    expect(sb).toEqual(sa);
    console.log(`killed the hub during A's push, and during B's pull at cursor ${cursorAtKill}`);
  }, 240_000);
});
