import { sql } from 'kysely';
import { stableStringify } from '../../shared/sync/canonical';
import { clocksFromText, clocksToText } from '../../shared/sync/clocks-text';
import {
  AttachmentPayload,
  AuditEventWire,
  IncidentCreatePayload,
  IncidentUpdatePayload,
  WorkflowCommandPayload,
} from '../../shared/sync/payloads';
import {
  applyIncidentChange,
  departmentsOf,
  visibleIncident,
  type IncidentChange,
  type IncidentReplica,
} from '../../shared/sync/replica';
import type { Directory, PulledOp, ReplicaBundle } from '../../shared/sync/wire';
import type { Op } from '../../shared/sync/op';
import type { IncidentDoc } from '../../shared/sync/payloads';
import type { WorkflowEvent } from '../../shared/workflow';
import type { Identity } from '../core/identity';
import { applyDirectory } from './directory';
import { insertMany, runBulk } from '../db/bulk';
import { asConn, type SyncConn } from './schema';
import { writeCursor, writeDirVersion } from './state';

/**
 * Applying what the hub sent, in one transaction (docs/sync.md, «Apply and rebase»):
 * 1. the hub-ordered ops (and incidents that came into scope, in full) update the confirmed layer
 *    (`sync_shadow`) with the same reducer the hub runs;
 * 2. every touched incident is rebuilt as the confirmed state plus this workstation's still-pending ops,
 *    re-applied in their order; a pending workflow command that no longer fits (another one came first)
 *    is left out, and the hub will refuse it;
 * 3. the incident row, its workflow events and the audit trail are written to match.
 */

type Shadow = { replica: IncidentReplica; seq: number };

export type PullBatch = {
  ops: readonly PulledOp[];
  bundles: readonly ReplicaBundle[];
  cursor: number;
  directory: Directory | null;
  /** The departments this workstation is served (null: all); undefined from hubs that do not say. */
  scope?: readonly string[] | null;
};

const CHUNK = 400;
/** Rows per bulk statement (one JSON parameter each). */
const BULK = 2000;

async function chunked<T>(
  items: readonly T[],
  size: number,
  fn: (chunk: T[]) => Promise<void>,
): Promise<void> {
  for (let i = 0; i < items.length; i += size) await fn(items.slice(i, i + size));
}

/** Ids as one JSON parameter: one short statement however many ids (no per-size prepare, no parameter limit). */
const ids = (list: readonly string[]) => JSON.stringify(list);

export async function loadShadows(
  trx: SyncConn,
  incidentIds: readonly string[],
): Promise<Map<string, Shadow>> {
  const out = new Map<string, Shadow>();
  await chunked([...new Set(incidentIds)], BULK, async (chunk) => {
    const { rows } = await sql<{
      incident_id: string;
      doc: string;
      clocks: string;
      workflow: string | null;
      seq: number;
    }>`
      SELECT incident_id, doc, clocks, workflow, seq FROM sync_shadow
      WHERE incident_id IN (SELECT value FROM json_each(${ids(chunk)}))`.execute(trx);
    for (const r of rows) {
      out.set(r.incident_id, {
        replica: {
          doc: JSON.parse(r.doc) as IncidentDoc,
          clocks: clocksFromText(r.clocks),
          workflow: r.workflow === null ? null : (JSON.parse(r.workflow) as IncidentReplica['workflow']),
        },
        seq: r.seq,
      });
    }
  });
  return out;
}

async function storeShadows(trx: SyncConn, shadows: ReadonlyMap<string, Shadow>): Promise<void> {
  await insertMany(
    trx,
    5,
    (values) => `INSERT INTO sync_shadow (incident_id, doc, clocks, workflow, seq) VALUES ${values}
     ON CONFLICT (incident_id) DO UPDATE SET
       doc = excluded.doc, clocks = excluded.clocks, workflow = excluded.workflow, seq = excluded.seq`,
    [...shadows].map(([id, s]) => [
      id,
      JSON.stringify(s.replica.doc),
      clocksToText(s.replica.clocks),
      s.replica.workflow === null ? null : JSON.stringify(s.replica.workflow),
      s.seq,
    ]),
  );
}

/**
 * This workstation's own registrations and edits the hub accepted with their own clocks, recorded in the
 * confirmed layer as the push answer arrives (the hub leaves them out of this workstation's pulls:
 * `OwnEchoes`). Their fields are last-writer-wins by clock, so the confirmed state is the same whatever
 * order they and other workstations' ops are applied in.
 */
export async function confirmOwn(trx: SyncConn, accepted: readonly { op: Op; seq: number }[]): Promise<void> {
  if (accepted.length === 0) return;
  const shadows = await loadShadows(
    trx,
    accepted.map((a) => a.op.entityId),
  );
  const dirty = new Map<string, Shadow>();
  for (const { op, seq } of accepted) {
    const change = changeOf(op);
    if (!change) continue;
    const current = shadows.get(op.entityId);
    const outcome = applyIncidentChange(current?.replica ?? null, change);
    if (outcome.kind !== 'applied') continue;
    const next = { replica: outcome.replica, seq: Math.max(current?.seq ?? 0, seq) };
    shadows.set(op.entityId, next);
    dirty.set(op.entityId, next);
  }
  await storeShadows(trx, dirty);
}

/** An op as the reducer takes it; null when it does not change an incident (or cannot be read). */
export function changeOf(op: Pick<Op, 'kind' | 'payload' | 'hlc'>): IncidentChange | null {
  switch (op.kind) {
    case 'incident.create': {
      const p = IncidentCreatePayload.safeParse(op.payload);
      return p.success ? { kind: 'incident.create', hlc: op.hlc, doc: p.data } : null;
    }
    case 'incident.update': {
      const p = IncidentUpdatePayload.safeParse(op.payload);
      return p.success ? { kind: 'incident.update', hlc: op.hlc, fields: p.data.fields } : null;
    }
    case 'workflow.command': {
      const p = WorkflowCommandPayload.safeParse(op.payload);
      return p.success ? { kind: 'workflow.command', hlc: op.hlc, events: p.data.events } : null;
    }
    case 'audit.append':
    case 'attachment.add':
      return null;
    default: {
      const kind: never = op.kind;
      throw new Error(`Unknown op kind ${String(kind)}`);
    }
  }
}

/** Merges a full replica from the hub into what this workstation has confirmed: field by field, by clock. */
function mergeReplica(current: IncidentReplica | null, incoming: IncidentReplica): IncidentReplica {
  if (!current) return incoming;
  const doc = { ...current.doc } as Record<string, unknown>;
  const clocks = { ...current.clocks };
  for (const [field, clock] of Object.entries(incoming.clocks) as [
    keyof IncidentReplica['clocks'],
    string,
  ][]) {
    const seen = clocks[field];
    if (seen === undefined || clock > seen) {
      doc[field] = (incoming.doc as Record<string, unknown>)[field];
      clocks[field] = clock;
    }
  }
  const workflow =
    (incoming.workflow?.version ?? -1) >= (current.workflow?.version ?? -1)
      ? incoming.workflow
      : current.workflow;
  return { doc: doc as IncidentDoc, clocks, workflow };
}

export type ApplyResult = { touched: string[]; applied: number; ownConfirmed: number };

/** Applies one pull (or a snapshot: ops empty, bundles full) in the caller's transaction. */
export async function applyPull(
  trx: SyncConn,
  identity: Identity,
  batch: PullBatch,
  now: number,
): Promise<ApplyResult> {
  if (batch.directory) {
    await applyDirectory(trx, batch.directory, now);
    await writeDirVersion(trx, batch.directory.version);
  }
  const touched = new Set<string>();
  for (const b of batch.bundles) touched.add(b.replica.doc.id);
  for (const p of batch.ops)
    if (p.op.entity === 'incident' && p.op.kind !== 'audit.append') touched.add(p.op.entityId);
  const shadows = await loadShadows(trx, [...touched]);
  const baseVersion = new Map<string, number>();
  for (const id of touched) baseVersion.set(id, shadows.get(id)?.replica.workflow?.version ?? 0);
  const confirmedEvents = new Map<string, WorkflowEvent[]>();
  const addEvents = (id: string, from: number, events: readonly WorkflowEvent[]) => {
    const list = confirmedEvents.get(id) ?? [];
    for (const e of events) if (e.version > from && !list.some((x) => x.version === e.version)) list.push(e);
    confirmedEvents.set(id, list);
  };
  const audits: AuditEventWire[] = [];
  const files: AttachmentPayload[] = [];
  const dirty = new Map<string, Shadow>();
  let maxHlc = '';

  for (const b of batch.bundles) {
    const id = b.replica.doc.id;
    const current = shadows.get(id) ?? null;
    const merged = mergeReplica(current?.replica ?? null, b.replica as IncidentReplica);
    const next = { replica: merged, seq: Math.max(current?.seq ?? 0, batch.cursor) };
    shadows.set(id, next);
    dirty.set(id, next);
    if (merged.workflow === b.replica.workflow)
      addEvents(id, current?.replica.workflow?.version ?? 0, b.events);
    audits.push(...b.audit);
    files.push(...b.attachments);
  }

  const own: { opId: string; seq: number; hlc: string }[] = [];
  for (const pulled of [...batch.ops].sort((a, b) => a.seq - b.seq)) {
    const { op } = pulled;
    if (op.hlc > maxHlc) maxHlc = op.hlc;
    const mine = op.deviceId === identity.deviceId;
    if (mine) own.push({ opId: op.opId, seq: pulled.seq, hlc: op.hlc });
    // This workstation's own op came with the audit event it already holds (same id).
    if (pulled.audit && !mine) audits.push(pulled.audit);
    if (op.kind === 'audit.append') {
      const a = AuditEventWire.safeParse(op.payload);
      if (a.success) audits.push(a.data);
      continue;
    }
    if (op.kind === 'attachment.add') {
      const f = AttachmentPayload.safeParse(op.payload);
      if (f.success) files.push(f.data);
      continue;
    }
    if (op.entity !== 'incident') continue;
    const change = changeOf(op);
    if (!change) continue;
    const current = shadows.get(op.entityId);
    const before = current?.replica.workflow?.version ?? 0;
    const outcome = applyIncidentChange(current?.replica ?? null, change);
    if (outcome.kind !== 'applied') continue;
    const next = { replica: outcome.replica, seq: pulled.seq };
    shadows.set(op.entityId, next);
    dirty.set(op.entityId, next);
    if (change.kind === 'workflow.command') addEvents(op.entityId, before, change.events);
  }

  await storeShadows(trx, dirty);
  await runBulk(
    trx,
    'UPDATE sync_outbox SET server_seq = ?, sent_at = coalesce(sent_at, ?) WHERE op_id = ?',
    own.map((o) => [o.seq, now, o.opId]),
  );
  await writeCursor(trx, batch.cursor);
  const unchanged = await echoesOnly(trx, batch, touched, own);
  const changed = [...touched].filter((id) => !unchanged.has(id));
  await rebase(trx, changed, batch.cursor, { shadows, baseVersion, confirmedEvents, now });
  if (batch.scope !== undefined) await markAway(trx, dirty, batch.scope, now);
  await insertAudits(trx, audits);
  await insertAttachments(trx, files);
  if (maxHlc) await identity.observe(asConn(trx), maxHlc);
  return {
    touched: changed,
    applied: batch.ops.length + batch.bundles.length,
    ownConfirmed: own.length,
  };
}

/**
 * Which of the incidents the hub just confirmed have left this workstation's departments (`sync_away`),
 * and which are back in them (docs/sync.md, «Scope»). The hub serves a department's workstation the op
 * that takes an incident elsewhere, and nothing after it: by the confirmed state, not by this workstation's
 * pending ops (its own «return as misrouted» counts once the hub has accepted it).
 */
async function markAway(
  trx: SyncConn,
  shadows: ReadonlyMap<string, Shadow>,
  scope: readonly string[] | null,
  now: number,
): Promise<void> {
  if (scope === null) {
    // A workstation of the whole control centre: nothing is away from it.
    await sql`DELETE FROM sync_away`.execute(trx);
    return;
  }
  const away: [string, string][] = [];
  const back: string[] = [];
  for (const [id, shadow] of shadows) {
    const departments = departmentsOf(shadow.replica);
    if (departments.some((d) => scope.includes(d))) back.push(id);
    else away.push([id, JSON.stringify(departments)]);
  }
  await chunked(back, BULK, async (chunk) => {
    await sql`DELETE FROM sync_away WHERE incident_id IN (SELECT value FROM json_each(${ids(chunk)}))`.execute(
      trx,
    );
  });
  // Only incidents held here (an op may name one this workstation never had); the first time it left counts.
  await chunked(away, BULK, async (chunk) => {
    await sql`
      INSERT INTO sync_away (incident_id, departments, since)
      SELECT value ->> 0, value ->> 1, ${now} FROM json_each(${JSON.stringify(chunk)})
      WHERE EXISTS (SELECT 1 FROM incidents WHERE id = value ->> 0)
      ON CONFLICT (incident_id) DO UPDATE SET departments = excluded.departments`.execute(trx);
  });
}

/**
 * Incidents this pull changes only by echoing this workstation's own registrations and edits, as it made
 * them (the hub kept their clocks): the confirmed layer catches up with what the incident already shows,
 * so there is nothing to rebuild. A workflow command is always rebuilt (the hub decides its events), and so
 * is anything another workstation touched, or an op whose clock the hub capped.
 */
async function echoesOnly(
  trx: SyncConn,
  batch: PullBatch,
  touched: ReadonlySet<string>,
  own: readonly { opId: string; hlc: string }[],
): Promise<Set<string>> {
  if (own.length === 0) return new Set();
  const sent = new Map<string, string>();
  await chunked(own, BULK, async (chunk) => {
    const { rows } = await sql<{ op_id: string; hlc: string }>`
      SELECT op_id, hlc FROM sync_outbox
      WHERE op_id IN (SELECT value FROM json_each(${ids(chunk.map((o) => o.opId))}))`.execute(trx);
    for (const r of rows) sent.set(r.op_id, r.hlc);
  });
  const unchanged = new Set(touched);
  for (const b of batch.bundles) unchanged.delete(b.replica.doc.id);
  for (const { op } of batch.ops) {
    if (op.entity !== 'incident' || op.kind === 'audit.append' || op.kind === 'attachment.add') continue;
    const echo =
      (op.kind === 'incident.create' || op.kind === 'incident.update') && sent.get(op.opId) === op.hlc;
    if (!echo) unchanged.delete(op.entityId);
  }
  return unchanged;
}

type PendingRow = {
  seq: number;
  op_id: string;
  kind: string;
  entity_id: string;
  payload: string;
  hlc: string;
};

export type RebaseContext = {
  shadows?: Map<string, Shadow>;
  /** The confirmed workflow version of each incident before this apply: rows up to it are the hub's. */
  baseVersion?: Map<string, number>;
  /** Events the hub confirmed in this apply, per incident. */
  confirmedEvents?: Map<string, WorkflowEvent[]>;
  now: number;
};

/**
 * Rebuilds incidents as confirmed state + still-pending local ops. Pending: not refused, and either not yet
 * acknowledged or acknowledged with a number above the cursor (accepted, not yet pulled back).
 */
export async function rebase(
  trx: SyncConn,
  incidentIds: readonly string[],
  cursor: number,
  ctx: RebaseContext,
): Promise<void> {
  if (incidentIds.length === 0) return;
  const shadows = ctx.shadows ?? (await loadShadows(trx, incidentIds));
  const pending = new Map<string, PendingRow[]>();
  await chunked([...new Set(incidentIds)], BULK, async (chunk) => {
    const { rows } = await sql<PendingRow>`
      SELECT seq, op_id, kind, entity_id, payload, hlc FROM sync_outbox
      WHERE entity_id IN (SELECT value FROM json_each(${ids(chunk)}))
        AND rejected_json IS NULL AND (server_seq IS NULL OR server_seq > ${cursor})
      ORDER BY seq`.execute(trx);
    for (const r of rows) {
      const list = pending.get(r.entity_id) ?? [];
      list.push(r);
      pending.set(r.entity_id, list);
    }
  });

  const rows: { doc: IncidentDoc; workflow: string | null; updatedAt: number }[] = [];
  const eventPlans: { incidentId: string; base: number; desired: WorkflowEvent[] }[] = [];
  for (const id of new Set(incidentIds)) {
    const shadow = shadows.get(id)?.replica ?? null;
    let visible = shadow;
    const localEvents: WorkflowEvent[] = [];
    for (const p of pending.get(id) ?? []) {
      const change = changeOf({
        kind: p.kind as Op['kind'],
        payload: JSON.parse(p.payload) as unknown,
        hlc: p.hlc,
      });
      if (!change) continue;
      const outcome = applyIncidentChange(visible, change, { strict: true });
      if (outcome.kind !== 'applied') continue;
      visible = outcome.replica;
      if (change.kind === 'workflow.command') localEvents.push(...change.events);
    }
    if (!visible) continue;
    const doc = visibleIncident(visible);
    const lastEventAt = [...(ctx.confirmedEvents?.get(id) ?? []), ...localEvents].reduce(
      (m, e) => Math.max(m, e.at),
      0,
    );
    rows.push({
      doc,
      workflow: visible.workflow ? JSON.stringify(visible.workflow) : null,
      updatedAt: Math.max(doc.updatedAt, lastEventAt),
    });
    const base = ctx.baseVersion?.get(id) ?? shadow?.workflow?.version ?? 0;
    eventPlans.push({
      incidentId: id,
      base,
      desired: [...(ctx.confirmedEvents?.get(id) ?? []).filter((e) => e.version > base), ...localEvents],
    });
  }
  await ensureDepartments(
    trx,
    rows.flatMap((r) => (r.doc.departmentId ? [r.doc.departmentId] : [])),
    ctx.now,
  );
  await releaseExternalIds(
    trx,
    rows.map((r) => r.doc),
  );
  await insertMany(
    trx,
    18,
    (
      values,
    ) => `INSERT INTO incidents (id, source, network, url, external_id, author_name, text, published_at,
       detected_at, topic, location, importance, status, department_id, version, created_at, updated_at, workflow_json)
     VALUES ${values}
     ON CONFLICT (id) DO UPDATE SET
       source = excluded.source, network = excluded.network, url = excluded.url, external_id = excluded.external_id,
       author_name = excluded.author_name, text = excluded.text, published_at = excluded.published_at,
       detected_at = excluded.detected_at, topic = excluded.topic, location = excluded.location,
       importance = excluded.importance, status = excluded.status, department_id = excluded.department_id,
       version = excluded.version, updated_at = excluded.updated_at, workflow_json = excluded.workflow_json
     -- An incident that did not change (the echo of this workstation's own op) is not rewritten: no trigger
     -- (the queue's search index) runs for it.
     WHERE source IS NOT excluded.source OR network IS NOT excluded.network OR url IS NOT excluded.url
       OR external_id IS NOT excluded.external_id OR author_name IS NOT excluded.author_name
       OR text IS NOT excluded.text OR published_at IS NOT excluded.published_at
       OR detected_at IS NOT excluded.detected_at OR topic IS NOT excluded.topic
       OR location IS NOT excluded.location OR importance IS NOT excluded.importance
       OR status IS NOT excluded.status OR department_id IS NOT excluded.department_id
       OR version IS NOT excluded.version OR workflow_json IS NOT excluded.workflow_json`,
    rows.map(({ doc, workflow, updatedAt }) => [
      doc.id,
      doc.source,
      doc.network,
      doc.url,
      doc.externalId,
      doc.authorName,
      doc.text,
      doc.publishedAt,
      doc.detectedAt,
      doc.topic,
      doc.location,
      doc.importance,
      doc.status,
      doc.departmentId,
      doc.version,
      doc.updatedAt,
      updatedAt,
      workflow,
    ]),
  );
  await reconcileEvents(trx, eventPlans);
}

/**
 * Another incident holding the same external id here can only be a local registration the hub refuses
 * as a duplicate (it keeps one incident per external id): it gives the id up, and the conflict is shown.
 */
async function releaseExternalIds(trx: SyncConn, docs: readonly IncidentDoc[]): Promise<void> {
  const withExt = docs.filter((d) => d.externalId !== null);
  await chunked(withExt, BULK, async (chunk) => {
    const { rows } = await sql<{ id: string }>`
      SELECT i.id FROM incidents i
      JOIN (SELECT value ->> 'e' AS ext, value ->> 'i' AS owner FROM json_each(${JSON.stringify(
        chunk.map((d) => ({ e: d.externalId, i: d.id })),
      )})) w ON i.external_id = w.ext
      WHERE i.id <> w.owner`.execute(trx);
    for (const c of rows)
      await trx.updateTable('incidents').set({ external_id: null }).where('id', '=', c.id).execute();
  });
}

/** Departments an incident names but the directory has not brought yet get a placeholder row (foreign key). */
async function ensureDepartments(
  trx: SyncConn,
  departmentIds: readonly string[],
  now: number,
): Promise<void> {
  const unique = [...new Set(departmentIds)];
  if (unique.length === 0) return;
  await sql`
    INSERT INTO departments (id, name, short_name, created_at)
    SELECT value, value, '', ${now} FROM json_each(${ids(unique)}) WHERE true
    ON CONFLICT (id) DO NOTHING`.execute(trx);
}

/**
 * Makes `workflow_events` of each incident match: rows up to `base` are the hub's already; above it, the
 * newly confirmed events and then the pending local ones. A local event the hub did not keep (its command
 * lost) is removed, under `sync_guard`, inside this transaction.
 */
async function reconcileEvents(
  trx: SyncConn,
  plans: readonly { incidentId: string; base: number; desired: WorkflowEvent[] }[],
): Promise<void> {
  const existing = new Map<string, { id: string; version: number; event_json: string }[]>();
  await chunked(
    plans.map((p) => p.incidentId),
    BULK,
    async (chunk) => {
      const { rows } = await sql<{ id: string; incident_id: string; version: number; event_json: string }>`
        SELECT id, incident_id, version, event_json FROM workflow_events
        WHERE incident_id IN (SELECT value FROM json_each(${ids(chunk)}))`.execute(trx);
      for (const r of rows) {
        const list = existing.get(r.incident_id) ?? [];
        list.push(r);
        existing.set(r.incident_id, list);
      }
    },
  );
  const toDelete: string[] = [];
  const toInsert: WorkflowEvent[] = [];
  for (const plan of plans) {
    const rows = (existing.get(plan.incidentId) ?? []).filter((r) => r.version > plan.base);
    const byVersion = new Map(plan.desired.map((e) => [e.version, e]));
    for (const r of rows) {
      const want = byVersion.get(r.version);
      if (want && stableStringify(JSON.parse(r.event_json)) === stableStringify(want))
        byVersion.delete(r.version);
      else toDelete.push(r.id);
    }
    toInsert.push(...byVersion.values());
  }
  if (toDelete.length > 0) {
    await trx.insertInto('sync_guard').values({ open: 1 }).execute();
    await chunked(toDelete, CHUNK, async (chunk) => {
      await trx.deleteFrom('workflow_events').where('id', 'in', chunk).execute();
    });
    await trx.deleteFrom('sync_guard').execute();
  }
  await insertMany(
    trx,
    8,
    (
      values,
    ) => `INSERT INTO workflow_events (id, incident_id, version, type, at, actor_id, actor_role, event_json)
     VALUES ${values}`,
    toInsert.map((e) => [
      `${e.incidentId}/${e.version}/${e.at}`,
      e.incidentId,
      e.version,
      e.type,
      e.at,
      e.actor.userId,
      e.actor.role,
      JSON.stringify(e),
    ]),
  );
}

/** Audit events are an append-only set keyed by id: each is stored once, whoever sends it. */
async function insertAudits(trx: SyncConn, audits: readonly AuditEventWire[]): Promise<void> {
  // An event of an incident this workstation does not hold (out of its scope) is not stored (foreign key).
  await insertMany(
    trx,
    9,
    // A VALUES list names its columns column1…column9; column6 is the incident.
    (
      values,
    ) => `INSERT INTO audit_events (id, at, actor_id, actor_role, device_id, incident_id, action, before_json,
       after_json)
     SELECT * FROM (VALUES ${values}) AS v
     WHERE v.column6 IS NULL OR EXISTS (SELECT 1 FROM incidents WHERE id = v.column6)
     ON CONFLICT (id) DO NOTHING`,
    audits.map((a) => [
      a.id,
      a.at,
      a.actorId,
      a.actorRole,
      a.deviceId,
      a.incidentId,
      a.action,
      // As `appendAuditEvent` stores them, so every replica holds the same text.
      JSON.stringify(a.before ?? null),
      JSON.stringify(a.after ?? null),
    ]),
  );
}

/** Attachments' records, once each (the echo of this workstation's own is already here). */
async function insertAttachments(trx: SyncConn, files: readonly AttachmentPayload[]): Promise<void> {
  await insertMany(
    trx,
    9,
    // column2 is the incident: a record of an incident this workstation does not hold is not stored.
    (
      values,
    ) => `INSERT INTO attachments (id, incident_id, sha256, file_name, mime, size, kind, created_at, created_by)
     SELECT * FROM (VALUES ${values}) AS v
     WHERE EXISTS (SELECT 1 FROM incidents WHERE id = v.column2)
     ON CONFLICT (id) DO NOTHING`,
    files.map((f) => [
      f.id,
      f.incidentId,
      f.sha256,
      f.fileName,
      f.mime,
      f.size,
      f.kind,
      f.createdAt,
      f.createdBy,
    ]),
  );
}
