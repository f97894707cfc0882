import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadAuditTrail } from '../../../src/main/hub/audit';
import { sql } from 'kysely';
import { stableStringify } from '../../../src/shared/sync/canonical';
import { visibleIncident } from '../../../src/shared/sync/replica';
import { openCore, type Core } from '../../../src/main/core/core';
import { addDepartment, addUser, addWorkstation } from '../../../src/main/hub/admin';
import { startHub, type Hub, type HubOptions } from '../../../src/main/hub/hub';
import { silentLogger } from '../../../src/main/hub/log';
import { replicaFromRow } from '../../../src/main/hub/replicas';
import { SyncClient, type SyncClientOptions } from '../../../src/main/sync/client';
import { writeHubConfig } from '../../../src/main/sync/state';
import { syncDb } from '../../../src/main/sync/schema';

export function tempDir(): { path: string; remove(): void } {
  const path = mkdtempSync(join(tmpdir(), 'otklik-sync-'));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}

export type TestHub = Hub & { dir: string; dispose(): Promise<void> };

/** An in-process hub on 127.0.0.1 (SQLite in a temp folder unless told otherwise). */
export async function startTestHub(options: Partial<HubOptions> = {}): Promise<TestHub> {
  const dir = tempDir();
  const hub = await startHub({ port: 0, dataDir: dir.path, logger: silentLogger, ...options });
  return Object.assign(hub, {
    dir: dir.path,
    async dispose() {
      await hub.close();
      dir.remove();
    },
  });
}

export type Station = {
  core: Core;
  client: SyncClient;
  dir: string;
  name: string;
  close(): Promise<void>;
};

/** A workstation (its own data folder, real SQLite) enrolled with the hub and joined to it. */
export async function openStation(
  hub: { url: string; context: Hub['context'] },
  name: string,
  options: {
    departments?: string[] | null;
    now?: () => number;
    client?: Partial<SyncClientOptions>;
    dataDir?: string;
  } = {},
): Promise<Station> {
  const dir = options.dataDir ? { path: options.dataDir, remove: () => {} } : tempDir();
  const core = await openCore({
    dataDir: dir.path,
    transport: 'cli',
    demo: false,
    demoFeed: false,
    watchExternalChanges: false,
    now: options.now,
  });
  const { token } = await addWorkstation(hub.context.db, name, { departments: options.departments ?? null });
  const config = { url: hub.url, token };
  await writeHubConfig(syncDb(core.db), config);
  const client = new SyncClient({
    db: core.db,
    identity: core.identity,
    hub: config,
    now: options.now,
    ...options.client,
  });
  return {
    core,
    client,
    dir: dir.path,
    name,
    async close() {
      await core.close();
      dir.remove();
    },
  };
}

/** A comparable picture of a workstation: incidents as shown, workflow events, audit trail. */
export async function stationState(core: { db: Core['db'] }) {
  const incidents = await core.db
    .selectFrom('incidents')
    .select([
      'id',
      'source',
      'network',
      'url',
      'external_id',
      'author_name',
      'text',
      'published_at',
      'detected_at',
      'topic',
      'location',
      'importance',
      'status',
      'department_id',
      'version',
      'workflow_json',
    ])
    .orderBy('id')
    .execute();
  const events = await core.db
    .selectFrom('workflow_events')
    .select(['incident_id', 'version', 'event_json'])
    .orderBy('incident_id')
    .orderBy('version')
    .execute();
  const audit = await core.db
    .selectFrom('audit_events')
    .select(['id', 'incident_id', 'action'])
    .orderBy('id')
    .execute();
  return {
    incidents: incidents.map((r) => ({
      ...r,
      workflow_json: r.workflow_json === null ? null : stableStringify(JSON.parse(r.workflow_json)),
    })),
    events: events.map((e) => ({ ...e, event_json: stableStringify(JSON.parse(e.event_json)) })),
    audit,
  };
}

/** The hub's picture, in the same shape as `stationState` (incidents and events). */
export async function hubState(hub: Hub) {
  const rows = await hub.context.db.selectFrom('hub_incidents').selectAll().orderBy('id').execute();
  const events = await hub.context.db
    .selectFrom('hub_events')
    .select(['incident_id', 'version', 'event'])
    .orderBy('incident_id')
    .orderBy('version')
    .execute();
  const audit = [...(await loadAuditTrail(hub.context.db, null)).values()]
    .flat()
    .map((a) => a.event)
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return {
    incidents: rows.map((r) => {
      const { replica } = replicaFromRow(r);
      const d = visibleIncident(replica);
      return {
        id: d.id,
        source: d.source,
        network: d.network,
        url: d.url,
        external_id: d.externalId,
        author_name: d.authorName,
        text: d.text,
        published_at: d.publishedAt,
        detected_at: d.detectedAt,
        topic: d.topic,
        location: d.location,
        importance: d.importance,
        status: d.status,
        department_id: d.departmentId,
        version: d.version,
        workflow_json: replica.workflow ? stableStringify(replica.workflow) : null,
      };
    }),
    events: events.map((e) => ({
      incident_id: e.incident_id,
      version: e.version,
      event_json: stableStringify(JSON.parse(e.event)),
    })),
    audit: audit.map((a) => ({ id: a.id, incident_id: a.incidentId, action: a.action })),
  };
}

/** Departments and people every scenario uses. */
export async function seedDirectory(hub: Hub): Promise<{
  operator: string;
  operator2: string;
  roadsHead: string;
  roadsExec: string;
  parksExec: string;
  supervisor: string;
}> {
  const db = hub.context.db;
  await addDepartment(db, { id: 'roads', name: 'Дорожное хозяйство' });
  await addDepartment(db, { id: 'parks', name: 'Благоустройство' });
  const ids = {
    operator: (await addUser(db, { login: 'op1', role: 'operator', password: 'password1' })).id,
    operator2: (await addUser(db, { login: 'op2', role: 'operator', password: 'password2' })).id,
    roadsHead: (
      await addUser(db, {
        login: 'roads-head',
        role: 'department-head',
        departmentId: 'roads',
        password: 'password3',
      })
    ).id,
    roadsExec: (
      await addUser(db, {
        login: 'roads-exec',
        role: 'executor',
        departmentId: 'roads',
        password: 'password4',
      })
    ).id,
    parksExec: (
      await addUser(db, {
        login: 'parks-exec',
        role: 'executor',
        departmentId: 'parks',
        password: 'password5',
      })
    ).id,
    supervisor: (await addUser(db, { login: 'boss', role: 'supervisor', password: 'password6' })).id,
  };
  return ids;
}

export async function countRows(
  core: Core,
  table: 'incidents' | 'audit_events' | 'workflow_events',
): Promise<number> {
  const r = await sql<{ n: number }>`SELECT count(*) AS n FROM ${sql.table(table)}`.execute(core.db);
  return Number(r.rows[0]?.n ?? 0);
}
