import type { SelectQueryBuilder } from 'kysely';
import { opFromRow, type OpColumns } from '../db/outbox';
import type { AttachmentPayload, AuditEventWire } from '../../shared/sync/payloads';
import { SYNC_SCHEMA_VERSION } from '../../shared/sync/op';
import {
  OWN_ECHO_KINDS,
  type OwnEchoes,
  type PulledOp,
  type PullResponse,
  type ReplicaBundle,
  type SnapshotResponse,
} from '../../shared/sync/wire';
import type { WorkflowEvent } from '../../shared/workflow';
import { inChunks, type Caller, type HubContext } from './context';
import { loadAuditTrail } from './audit';
import { requireWorkstation } from './caller';
import { loadClientDirectory } from './directory';
import type { HubDB } from './db/schema';
import { loadReplicas, replicaFromRow, type HubConn } from './replicas';

export const MAX_PULL = 5000;

/** Whether a workstation of `protocol` is served ops of `kind`: protocol 1 does not know attachments. */
export function servedTo(protocol: number, kind: string): boolean {
  return protocol >= 2 || kind !== 'attachment.add';
}

/** An op as the hub stored it: its payload and audit event as JSON text. */
export type OpRow = OpColumns & { seq: number; audit: string | null };

/** A page of a pull: the ops as the hub stored them, the rest as sent. */
export type PullPage = Omit<PullResponse, 'ops'> & { rows: OpRow[] };

function toPulled(r: OpRow): PulledOp {
  return {
    seq: r.seq,
    op: opFromRow(r),
    audit: r.audit === null ? null : (JSON.parse(r.audit) as AuditEventWire),
  };
}

const OP_COLUMNS = [
  'seq',
  'op_id',
  'kind',
  'entity',
  'entity_id',
  'payload',
  'hlc',
  'device_id',
  'user_id',
  'schema_version',
  'audit',
] as const;

/** The attachments' records of these incidents, from their `attachment.add` ops, in order. */
async function loadAttachments(
  db: HubConn,
  ids: readonly string[],
): Promise<Map<string, AttachmentPayload[]>> {
  const rows = await inChunks(ids, 500, (chunk) =>
    db
      .selectFrom('hub_ops')
      .select(['entity_id', 'payload'])
      .where('kind', '=', 'attachment.add')
      .where('entity_id', 'in', chunk)
      .orderBy('seq')
      .execute(),
  );
  const out = new Map<string, AttachmentPayload[]>();
  for (const r of rows) {
    const list = out.get(r.entity_id) ?? [];
    list.push(JSON.parse(r.payload) as AttachmentPayload);
    out.set(r.entity_id, list);
  }
  return out;
}

/** Incidents in full with their events and audit trail. */
async function loadBundles(db: HubConn, ids: readonly string[]): Promise<ReplicaBundle[]> {
  if (ids.length === 0) return [];
  const replicas = await loadReplicas(db, ids);
  const [events, audit] = await Promise.all([
    inChunks([...replicas.keys()], 500, (chunk) =>
      db
        .selectFrom('hub_events')
        .select(['incident_id', 'event'])
        .where('incident_id', 'in', chunk)
        .orderBy('incident_id')
        .orderBy('version')
        .execute(),
    ),
    loadAuditTrail(db, [...replicas.keys()]),
  ]);
  const attachments = await loadAttachments(db, [...replicas.keys()]);
  const eventsOf = new Map<string, WorkflowEvent[]>();
  for (const e of events) {
    const list = eventsOf.get(e.incident_id) ?? [];
    list.push(JSON.parse(e.event) as WorkflowEvent);
    eventsOf.set(e.incident_id, list);
  }
  return [...replicas.entries()].map(([id, s]) => ({
    replica: s.replica,
    events: eventsOf.get(id) ?? [],
    audit: (audit.get(id) ?? []).map((a) => a.event),
    attachments: attachments.get(id) ?? [],
  }));
}

/**
 * The accepted ops after `after`, in sequence order, filtered to the workstation's departments. The head
 * is read first and nothing above it is served: since numbers commit in order (see `pushOps`), everything
 * at or below the head is already visible, and the returned cursor never passes an op still to come.
 * `own`: the caller's registrations and edits it confirmed from its push answers, left out (see `OwnEchoes`).
 * `upTo`: serve nothing above this number (a poke's page covers its push and no later one).
 */
export async function pullPage(
  ctx: HubContext,
  caller: Caller,
  after: number,
  limit: number,
  dirVersion: number,
  options: { protocol?: number; own?: OwnEchoes | null; upTo?: number } = {},
): Promise<PullPage> {
  const { protocol = SYNC_SCHEMA_VERSION, own = null } = options;
  requireWorkstation(caller);
  const take = Math.max(1, Math.min(limit, MAX_PULL));
  const device = caller.deviceId;
  const notOwnEcho = <O>(
    q: SelectQueryBuilder<HubDB, 'hub_ops', O>,
  ): SelectQueryBuilder<HubDB, 'hub_ops', O> =>
    own === null || device === null
      ? q
      : q.where((eb) =>
          eb.not(
            eb.and([
              eb('device_id', '=', device),
              eb('seq', '>=', own.from),
              eb('seq', '<=', own.to),
              eb('kind', 'in', OWN_ECHO_KINDS),
              eb('hlc', '=', eb.ref('hlc_sent')),
            ]),
          ),
        );
  return ctx.db.transaction().execute(async (trx) => {
    const counter = await trx
      .selectFrom('hub_counter')
      .select(['head', 'dir_version'])
      .where('id', '=', 1)
      .executeTakeFirstOrThrow();
    const head = Math.min(counter.head, options.upTo ?? counter.head);
    let rows: OpRow[];
    let entered: string[] = [];
    // The last number this page covers, when it is full (the next page starts after it).
    let lastTaken: number | null = null;
    if (caller.departments === null) {
      rows = await notOwnEcho(
        trx.selectFrom('hub_ops').select(OP_COLUMNS).where('seq', '>', after).where('seq', '<=', head),
      )
        .orderBy('seq')
        .limit(take)
        .execute();
      if (rows.length === take) lastTaken = rows[rows.length - 1]!.seq;
    } else if (caller.departments.length === 0) {
      rows = [];
    } else {
      const scoped = await trx
        .selectFrom('hub_op_scope')
        .select((eb) => ['seq', eb.fn.max('entered').as('entered')])
        .where('department_id', 'in', caller.departments)
        .where('seq', '>', after)
        .where('seq', '<=', head)
        .groupBy('seq')
        .orderBy('seq')
        .limit(take)
        .execute();
      const seqs = scoped.map((s) => s.seq);
      if (seqs.length === take) lastTaken = seqs[seqs.length - 1]!;
      rows = seqs.length
        ? await inChunks(seqs, 500, (chunk) =>
            notOwnEcho(trx.selectFrom('hub_ops').select(OP_COLUMNS).where('seq', 'in', chunk))
              .orderBy('seq')
              .execute(),
          )
        : [];
      const enteredSeqs = new Set(scoped.filter((s) => Number(s.entered) === 1).map((s) => s.seq));
      entered = [...new Set(rows.filter((r) => enteredSeqs.has(r.seq)).map((r) => r.entity_id))];
    }
    const more = lastTaken !== null;
    const cursor = lastTaken ?? head;
    return {
      // A client of protocol 1 is served the ops it knows, and its cursor moves on.
      rows: rows.filter((r) => servedTo(protocol, r.kind)),
      bundles: await loadBundles(trx, entered),
      cursor: Math.max(cursor, after),
      more,
      head,
      hubTime: ctx.now(),
      directory:
        counter.dir_version === dirVersion ? null : await loadClientDirectory(trx, counter.dir_version),
      scope: caller.departments,
    };
  });
}

/** The page as the wire's `PullResponse` (tests and in-process callers). */
export async function pullOps(
  ctx: HubContext,
  caller: Caller,
  after: number,
  limit: number,
  dirVersion: number,
): Promise<PullResponse> {
  const { rows, ...rest } = await pullPage(ctx, caller, after, limit, dirVersion);
  return { ...rest, ops: rows.map(toPulled) };
}

/**
 * The page as the JSON text of a `PullResponse`, with each op's payload and audit event spliced in as the
 * hub stored them (JSON it wrote itself): a pull of 10,000 ops parsed and serialized them again only to
 * send the same text.
 */
export function pullResponseText(page: PullPage): string {
  const { rows, ...rest } = page;
  const ops = rows.map(
    (r) =>
      `{"seq":${r.seq},"op":{"opId":${JSON.stringify(r.op_id)},"kind":${JSON.stringify(r.kind)},` +
      `"entity":${JSON.stringify(r.entity)},"entityId":${JSON.stringify(r.entity_id)},"payload":${r.payload},` +
      `"hlc":${JSON.stringify(r.hlc)},"deviceId":${JSON.stringify(r.device_id)},` +
      `"userId":${JSON.stringify(r.user_id)},"schemaVersion":${r.schema_version}},"audit":${r.audit ?? 'null'}}`,
  );
  const tail = JSON.stringify(rest);
  return `{"ops":[${ops.join(',')}],${tail.slice(1)}`;
}

/** A new workstation starts from the hub's state at a known sequence number, then pulls after it. */
export async function snapshot(ctx: HubContext, caller: Caller): Promise<SnapshotResponse> {
  requireWorkstation(caller);
  let tx = ctx.db.transaction();
  // One consistent view of the state and the head it is at.
  if (ctx.dialect === 'postgres') tx = tx.setIsolationLevel('repeatable read');
  return tx.execute(async (trx) => {
    const counter = await trx
      .selectFrom('hub_counter')
      .select(['head', 'dir_version'])
      .where('id', '=', 1)
      .executeTakeFirstOrThrow();
    const rows = await trx
      .selectFrom('hub_incidents')
      .select(['id', 'doc', 'clocks', 'workflow', 'departments', 'last_seq'])
      .orderBy('id')
      .execute();
    const scope = caller.departments;
    const ids = rows
      .filter((r) => scope === null || replicaFromRow(r).departments.some((d) => scope.includes(d)))
      .map((r) => r.id);
    return {
      cursor: counter.head,
      bundles: await loadBundles(trx, ids),
      directory: await loadClientDirectory(trx, counter.dir_version),
      hubTime: ctx.now(),
    };
  });
}
