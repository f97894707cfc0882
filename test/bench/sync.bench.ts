import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { formatHlc } from '../../src/shared/sync/hlc';
import type { PushItem } from '../../src/shared/sync/wire';
import { openCore, type Core } from '../../src/main/core/core';
import { createIncidents } from '../../src/main/core/incidents';
import { SYSTEM_ACTOR } from '../../src/main/core/changes';
import { countPendingOps } from '../../src/main/db/outbox';
import { addWorkstation } from '../../src/main/hub/admin';
import { startHub } from '../../src/main/hub/hub';
import { silentLogger } from '../../src/main/hub/log';
import { SyncClient } from '../../src/main/sync/client';
import { SyncLoop } from '../../src/main/sync/loop';
import { openHubDatabase } from '../../src/main/hub/db/open';
import { openSqlite } from '../../src/main/db/open';
import { IdleCheckpoints } from '../../src/main/db/checkpoint';
import { DATABASE_FILE } from '../../src/main/core/data-dir';
import { killHard, onLines, spawnCli, spawnHub } from '../integration/sync/processes';
import type { Report } from './report';

/**
 * Sync on loopback (issue #7): 10,000 incidents from A through the hub to B (goal ≤ 1,000 ms), one live
 * change A → hub → B with both clients running (goal ≤ 10 ms at the median), and the hub's accepted ops per
 * second with 50 workstations pushing at once.
 */

const dirs: string[] = [];
function dir(): string {
  const d = mkdtempSync(join(tmpdir(), 'otklik-bench-'));
  dirs.push(d);
  return d;
}

/** One of the bench's incidents (as an import or ИМ registers them). */
function benchIncident(i: number, now: number) {
  return {
    source: 'im' as const,
    network: 'vk' as const,
    url: null,
    externalId: `bench-${randomUUID()}`,
    authorName: 'Житель',
    text: `Сообщение ${i}: во дворе дома не убран снег, просим принять меры`,
    publishedAt: now - 60_000,
    detectedAt: now,
    topic: 'Благоустройство',
    location: 'ул. Ленина, 10',
    importance: 'normal' as const,
  };
}

async function create(core: Core, n: number): Promise<string[]> {
  const now = Date.now();
  const items = Array.from({ length: n }, (_, i) => benchIncident(i, now));
  const { created } = await createIncidents(core.db, core.identity, SYSTEM_ACTOR, now, items);
  return created.map((c) => c.id);
}

/** The hub in its own process, as deployed (otherwise hub and clients share one thread), on loopback. */
async function hubProcess(
  names: string[],
): Promise<{ url: string; tokens: string[]; stop(): Promise<void> }> {
  const hubDir = dir();
  const { db } = await openHubDatabase({ dataDir: hubDir });
  const tokens: string[] = [];
  for (const n of names) tokens.push((await addWorkstation(db, n)).token);
  await db.destroy();
  const hub = await spawnHub(hubDir);
  return { url: hub.url, tokens, stop: () => killHard(hub.proc) };
}

async function stationAt(url: string, token: string, options: { batch?: number } = {}) {
  const core = await openCore({
    dataDir: dir(),
    transport: 'cli',
    demo: false,
    demoFeed: false,
    watchExternalChanges: false,
  });
  const client = new SyncClient({
    db: core.db,
    identity: core.identity,
    hub: { url, token },
    pushBatch: options.batch ?? 5000,
    pullBatch: options.batch ?? 5000,
  });
  return { core, client };
}

/**
 * Workstation B as deployed: `sync --watch` in its own process, printing a line per round. Resolves once
 * it has caught up; `pulled(n)` then resolves when its rounds have pulled `n` more ops.
 */
async function watchingStation(
  url: string,
  token: string,
): Promise<{ pulled(n: number): Promise<void>; stop(): Promise<void> }> {
  const proc = spawnCli(['sync', '--data-dir', dir(), '--hub', url, '--token', token, '--watch']);
  let total = 0;
  let waiting: { target: number; resolve: () => void } | null = null;
  let caughtUp: (() => void) | null = null;
  const logs: string[] = [];
  proc.stderr!.on('data', (d: Buffer) => logs.push(d.toString()));
  onLines(proc.stdout!, (text) => {
    const line = JSON.parse(text) as { result?: { pulled: number } };
    if (!line.result) return;
    total += line.result.pulled;
    caughtUp?.();
    if (waiting && total >= waiting.target) waiting.resolve();
  });
  const exited = new Promise<never>((_, reject) =>
    proc.on('exit', (code) => reject(new Error(`sync --watch exited with ${code}: ${logs.join('')}`))),
  );
  exited.catch(() => undefined);
  await Promise.race([new Promise<void>((resolve) => (caughtUp = resolve)), exited]);
  caughtUp = null;
  return {
    pulled: (n) => {
      const target = total + n;
      return Promise.race([new Promise<void>((resolve) => (waiting = { target, resolve })), exited]);
    },
    stop: () => killHard(proc),
  };
}

async function pushPull10k(report: Report): Promise<void> {
  const hub = await hubProcess(['a', 'b', 'c', 'd']);
  const a = await stationAt(hub.url, hub.tokens[0]!, { batch: 1000 });
  const c = await stationAt(hub.url, hub.tokens[2]!);
  const d = await stationAt(hub.url, hub.tokens[3]!);
  for (const s of [a, c, d]) await s.client.syncOnce();
  const b = await watchingStation(hub.url, hub.tokens[1]!);
  try {
    await create(a.core, 10_000);
    // A's sync loop, as in the app, pushes batches while B (its own process, as on its own machine) pulls
    // what the hub has: pipelined. Done when B has applied all 10,000.
    const arrived = b.pulled(10_000);
    const loop = new SyncLoop({ client: a.client, pullIntervalMs: 60_000 });
    const t0 = performance.now();
    loop.start();
    await arrived;
    const t1 = performance.now();
    await loop.stop();
    report('sync.push_pull_10k_ms', t1 - t0, 'ms', {
      goal: 1000,
      database: 'sqlite',
      push_batch: 1000,
      pipelined: true,
      processes: 'A bench, hub and B (sync --watch) each their own',
    });

    // The same without overlap: C pushes, then D pulls and applies (both first catch up with A's ops).
    await c.client.syncOnce();
    await d.client.syncOnce();
    await create(c.core, 10_000);
    const s0 = performance.now();
    await c.client.pushAll();
    const s1 = performance.now();
    await d.client.pullAll();
    const s2 = performance.now();
    report('sync.push_then_pull_10k_ms', s2 - s0, 'ms', {
      push_ms: Math.round(s1 - s0),
      pull_apply_ms: Math.round(s2 - s1),
    });
  } finally {
    await b.stop();
    for (const s of [a, c, d]) await s.core.close();
    await hub.stop();
  }
}

async function liveLatency(report: Report): Promise<void> {
  // As deployed: the hub and workstation B (`sync --watch`) in processes of their own; A's sync loop here.
  const hub = await hubProcess(['a', 'b']);
  const a = await stationAt(hub.url, hub.tokens[0]!);
  const loop = new SyncLoop({
    client: a.client,
    pullIntervalMs: 60_000,
    pendingCount: () => countPendingOps(a.core.db),
  });
  const b = await watchingStation(hub.url, hub.tokens[1]!);
  try {
    loop.start();
    await new Promise((r) => setTimeout(r, 300));
    const samples: number[] = [];
    for (let i = 0; i < 60; i++) {
      const seen = b.pulled(1);
      const t0 = performance.now();
      // A change on A, as a command handler makes it (the core then tells the loop at once).
      await create(a.core, 1);
      loop.kick();
      // B's round has applied it and reported (one JSON line on its stdout).
      await seen;
      samples.push(performance.now() - t0);
      await new Promise((r) => setTimeout(r, 20));
    }
    samples.sort((x, y) => x - y);
    const at = (q: number) => samples[Math.min(samples.length - 1, Math.floor(q * samples.length))]!;
    report('sync.live_latency_ms_p50', at(0.5), 'ms', {
      goal: 10,
      p90: Math.round(at(0.9) * 10) / 10,
      samples: samples.length,
      processes: 'A bench, hub and B (sync --watch) each their own',
    });
  } finally {
    await loop.stop();
    await b.stop();
    await a.core.close();
    await hub.stop();
  }
}

/**
 * The floor under `sync.push_pull_10k_ms` on this machine: what workstation B cannot do without, alone. The
 * rows of 10,000 new incidents (with the queue's search index), their audit events and their confirmed
 * layer, built beforehand, written through the same 500-row statements the apply uses, in one transaction
 * of a fresh workstation database with the app's pragmas. No network, no JSON, no checks, no hub, no A.
 */
async function storeFloor(report: Report): Promise<void> {
  const ROWS = 10_000;
  const CHUNK = 500;
  const runs: number[] = [];
  for (let run = 0; run < 4; run++) {
    const dataDir = dir();
    const core = await openCore({
      dataDir,
      transport: 'cli',
      demo: false,
      demoFeed: false,
      watchExternalChanges: false,
    });
    await core.close();
    const sqlite = openSqlite(join(dataDir, DATABASE_FILE));
    const checkpoints = new IdleCheckpoints(sqlite);
    const insert = (table: string, columns: string[]) => {
      const row = `(${columns.map(() => '?').join(', ')})`;
      const statement = sqlite.prepare(
        `INSERT INTO ${table} (${columns.join(', ')}) VALUES ${Array<string>(CHUNK).fill(row).join(', ')}`,
      );
      return (rows: unknown[][]) => {
        for (let i = 0; i < rows.length; i += CHUNK) statement.run(...rows.slice(i, i + CHUNK).flat());
      };
    };
    const incidents = insert(
      'incidents',
      `id source network url external_id author_name text published_at detected_at topic location importance
       status department_id version created_at updated_at workflow_json`.split(/\s+/),
    );
    const audit = insert(
      'audit_events',
      'id at actor_id actor_role device_id incident_id action before_json after_json'.split(' '),
    );
    const shadow = insert('sync_shadow', ['incident_id', 'doc', 'clocks', 'workflow', 'seq']);
    const now = Date.now();
    const hlc = formatHlc({ millis: now, counter: 0, node: randomUUID() });
    const docs = Array.from({ length: ROWS }, (_, i) => ({
      id: randomUUID(),
      ...benchIncident(i, now),
      status: 'new',
      departmentId: null,
      version: 1,
      updatedAt: now,
    }));
    const texts = docs.map((d) => JSON.stringify(d));
    const clocks = JSON.stringify({
      ...Object.fromEntries(Object.keys(docs[0]!).flatMap((k) => (k === 'id' ? [] : [[k, 0]]))),
      '#': [hlc],
    });
    // A document's fields are in the table's column order, from `id` to `version`.
    const incidentRows = docs.map((d) => [...Object.values(d).slice(0, 15), now, now, null]);
    const auditRows = docs.map((d, i) => [
      randomUUID(),
      now,
      null,
      'system',
      'bench',
      d.id,
      'incident.create',
      null,
      texts[i],
    ]);
    const shadowRows = docs.map((d, i) => [d.id, texts[i], clocks, null, i + 1]);
    const t0 = performance.now();
    sqlite.transaction(() => {
      incidents(incidentRows);
      audit(auditRows);
      shadow(shadowRows);
    })();
    runs.push(performance.now() - t0);
    checkpoints.close();
    sqlite.close();
  }
  runs.sort((x, y) => x - y);
  report('sync.store_floor_10k_ms', runs[Math.floor(runs.length / 2)]!, 'ms', {
    min: Math.round(runs[0]!),
    max: Math.round(runs.at(-1)!),
    runs: runs.length,
    what: "B's rows alone: incidents with the search index, audit events, confirmed layer; one transaction",
  });
}

function createItem(deviceId: string, i: number): PushItem {
  const id = randomUUID();
  const now = Date.now();
  return {
    op: {
      opId: randomUUID(),
      kind: 'incident.create',
      entity: 'incident',
      entityId: id,
      payload: {
        id,
        source: 'im',
        network: 'vk',
        url: null,
        externalId: null,
        authorName: 'Житель',
        text: 'Яма на дороге у остановки',
        publishedAt: now - 60_000,
        detectedAt: now,
        topic: 'Дороги',
        location: 'ул. Мира, 1',
        importance: 'normal',
        status: 'new',
        departmentId: null,
        version: 1,
        updatedAt: now,
      },
      hlc: formatHlc({ millis: now, counter: i % 0xffff, node: deviceId }),
      deviceId,
      userId: null,
      schemaVersion: 1,
    },
    audit: null,
    sessionId: null,
    sig: null,
  };
}

async function hubThroughput(
  report: Report,
  database: 'sqlite' | 'postgres',
  databaseUrl?: string,
): Promise<void> {
  const hub = await startHub({
    port: 0,
    dataDir: databaseUrl ? undefined : dir(),
    databaseUrl,
    logger: silentLogger,
  });
  try {
    const WORKSTATIONS = 50;
    const PUSHES = 10;
    const BATCH = 100;
    const clients = await Promise.all(
      Array.from({ length: WORKSTATIONS }, async (_, i) => ({
        token: (await addWorkstation(hub.context.db, `w${i}`)).token,
        deviceId: randomUUID(),
      })),
    );
    const t0 = performance.now();
    await Promise.all(
      clients.map(async (c) => {
        for (let p = 0; p < PUSHES; p++) {
          const items = Array.from({ length: BATCH }, (_, i) => createItem(c.deviceId, p * BATCH + i));
          const res = await fetch(`${hub.url}/v1/push`, {
            method: 'POST',
            headers: {
              Authorization: `Bearer ${c.token}`,
              'Content-Type': 'application/json',
              'x-otklik-protocol': '1',
              'x-otklik-device': c.deviceId,
            },
            body: JSON.stringify({ items }),
          });
          if (!res.ok) throw new Error(`push failed: ${res.status} ${await res.text()}`);
          await res.arrayBuffer();
        }
      }),
    );
    const seconds = (performance.now() - t0) / 1000;
    const total = WORKSTATIONS * PUSHES * BATCH;
    report('sync.hub_ops_per_s_50_workstations', total / seconds, 'ops/s', {
      database,
      ops: total,
      batch: BATCH,
    });
  } finally {
    await hub.close();
  }
}

async function freshPostgres(): Promise<{ url: string; drop(): Promise<void> } | null> {
  const base = process.env.OTKLIK_TEST_DATABASE_URL;
  if (!base) return null;
  const name = `otklik_bench_${Date.now().toString(36)}`;
  const admin = new pg.Client({ connectionString: base });
  try {
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
  } catch {
    return null;
  } finally {
    await admin.end().catch(() => undefined);
  }
  const url = new URL(base);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const c = new pg.Client({ connectionString: base });
      await c.connect();
      // Autovacuum may still be on it after 50,000 inserts: a leftover database is harmless.
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => undefined);
      await c.end();
    },
  };
}

export async function bench(report: Report): Promise<void> {
  try {
    await pushPull10k(report);
    await storeFloor(report);
    await liveLatency(report);
    await hubThroughput(report, 'sqlite');
    const pgdb = await freshPostgres();
    if (pgdb) {
      try {
        await hubThroughput(report, 'postgres', pgdb.url);
      } finally {
        await pgdb.drop();
      }
    } else {
      process.stderr.write(
        'sync bench: PostgreSQL not reachable (OTKLIK_TEST_DATABASE_URL), hub throughput measured on SQLite only\n',
      );
    }
  } finally {
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  }
}
