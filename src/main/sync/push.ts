import { createHmac } from 'node:crypto';
import { sql } from 'kysely';
import { canonicalOpText } from '../../shared/sync/canonical';
import type { Op } from '../../shared/sync/op';
import type { AuditEventWire } from '../../shared/sync/payloads';
import { OWN_ECHO_KINDS, type PushItem, type PushResult } from '../../shared/sync/wire';
import type { SyncConn } from './schema';
import { runBulk } from '../db/bulk';
import { opFromRow, type OpColumns } from '../db/outbox';
import { confirmOwn } from './apply';
import { readHubUsers, readOwnEchoes, writeOwnEchoes } from './state';

export type Outgoing = {
  items: PushItem[];
  entityIds: Map<string, string>;
  waitingFor: string | null;
  /** The outbox position of the last op taken (the next batch starts after it). */
  lastSeq: number;
};

type Row = OpColumns & {
  seq: number;
  a_id: string | null;
  a_at: number | null;
  a_actor_id: string | null;
  a_actor_role: string | null;
  a_device_id: string | null;
  a_incident_id: string | null;
  a_action: string | null;
  a_before: string | null;
  a_after: string | null;
};

/**
 * The next ops to push, oldest first, each with its audit event (same id) and, for a person's op, the
 * signature of that person's hub session. Stops before the first op whose author has no session here yet:
 * ops go in order (a later one may depend on it), and the author's next sign-in with the hub reachable
 * opens one. Nothing is dropped.
 */
export async function collectOutgoing(
  db: SyncConn,
  limit: number,
  now: number,
  afterSeq = 0,
): Promise<Outgoing> {
  const { rows } = await sql<Row>`
    SELECT o.seq, o.op_id, o.kind, o.entity, o.entity_id, o.payload, o.hlc, o.device_id, o.user_id,
           o.schema_version,
           a.id AS a_id, a.at AS a_at, a.actor_id AS a_actor_id, a.actor_role AS a_actor_role,
           a.device_id AS a_device_id, a.incident_id AS a_incident_id, a.action AS a_action,
           a.before_json AS a_before, a.after_json AS a_after
    FROM sync_outbox o LEFT JOIN audit_events a ON a.id = o.op_id
    WHERE o.sent_at IS NULL AND o.seq > ${afterSeq}
    ORDER BY o.seq
    LIMIT ${limit}`.execute(db);
  const userIds = [...new Set(rows.flatMap((r) => (r.user_id ? [r.user_id] : [])))];
  const sessions = new Map<string, { sessionId: string; secret: string }>();
  if (userIds.length > 0) {
    const found = await db
      .selectFrom('sync_sessions')
      .selectAll()
      .where('user_id', 'in', userIds)
      .where('expires_at', '>', now)
      .execute();
    for (const s of found) sessions.set(s.user_id, { sessionId: s.session_id, secret: s.secret });
  }
  const items: PushItem[] = [];
  const entityIds = new Map<string, string>();
  let waitingFor: string | null = null;
  let lastSeq = afterSeq;
  for (const r of rows) {
    const op: Op = opFromRow(r);
    const audit: AuditEventWire | null =
      r.a_id === null
        ? null
        : {
            id: r.a_id,
            at: r.a_at ?? 0,
            actorId: r.a_actor_id,
            actorRole: r.a_actor_role,
            deviceId: r.a_device_id ?? r.device_id,
            incidentId: r.a_incident_id,
            action: r.a_action ?? '',
            before: r.a_before === null ? null : (JSON.parse(r.a_before) as unknown),
            after: r.a_after === null ? null : (JSON.parse(r.a_after) as unknown),
          };
    let sessionId: string | null = null;
    let sig: string | null = null;
    if (op.userId) {
      const session = sessions.get(op.userId);
      if (!session) {
        waitingFor = op.userId;
        break;
      }
      sessionId = session.sessionId;
      sig = createHmac('sha256', session.secret).update(canonicalOpText(op, audit), 'utf8').digest('hex');
    }
    items.push({ op, audit, sessionId, sig });
    entityIds.set(op.opId, op.entityId);
    lastSeq = r.seq;
  }
  return { items, entityIds, waitingFor, lastSeq };
}

/** The pending ops of people not in the hub's last directory (none before it arrives). */
export async function strangersOps(db: SyncConn): Promise<OpColumns[]> {
  const hubUsers = await readHubUsers(db);
  if (hubUsers === null) return [];
  const { rows } = await sql<OpColumns>`
    SELECT op_id, kind, entity, entity_id, payload, hlc, device_id, user_id, schema_version FROM sync_outbox
    WHERE sent_at IS NULL AND rejected_json IS NULL AND user_id IS NOT NULL
      AND user_id NOT IN (SELECT value FROM json_each(${JSON.stringify(hubUsers)}))
    ORDER BY seq`.execute(db);
  return rows;
}

/**
 * The pending ops of people the hub does not know: local accounts (made on this workstation before it joined
 * a hub, or by its administrator since). No hub session can sign them, so they would hold every later op
 * back for good (pushing stops before an op whose author has no session). They are refused here instead,
 * as the hub would refuse them: kept in the outbox and the journal, rolled back, and listed as conflicts for
 * their authors. Nothing before the hub's directory arrives: until then every author may be a hub person.
 */
export async function refuseStrangersOps(trx: SyncConn, now: number): Promise<{ rollback: string[] }> {
  const rows = await strangersOps(trx);
  if (rows.length === 0) return { rollback: [] };
  const items: PushItem[] = rows.map((r) => ({ op: opFromRow(r), audit: null, sessionId: null, sig: null }));
  const outgoing: Outgoing = {
    items,
    entityIds: new Map(items.map((i) => [i.op.opId, i.op.entityId])),
    waitingFor: null,
    lastSeq: 0,
  };
  const reason = {
    code: 'not-on-hub',
    message:
      'автор — местный пользователь этого рабочего места, которого нет на хабе. Войдите под учётной записью хаба и повторите действие',
  };
  const results: PushResult[] = items.map((i) => ({ opId: i.op.opId, status: 'rejected', reason }));
  return recordResults(trx, outgoing, results, now);
}

const ECHO_KINDS: readonly string[] = OWN_ECHO_KINDS;

/**
 * The registrations and edits the hub accepted with their own clocks go into the confirmed layer now, and
 * the range of numbers so confirmed grows to cover this answer (`OwnEchoes`): the hub will not send them
 * back. An answer without clocks (a hub from before this) breaks the range: those ops come back in pulls.
 */
async function confirmOwnEchoes(
  trx: SyncConn,
  items: ReadonlyMap<string, PushItem>,
  accepted: readonly Extract<PushResult, { status: 'accepted' }>[],
): Promise<number[]> {
  if (accepted.length === 0) return [];
  if (accepted.some((a) => a.hlc === undefined)) {
    await writeOwnEchoes(trx, null);
    return [];
  }
  const confirmed = accepted.flatMap((a) => {
    const item = items.get(a.opId);
    return item && ECHO_KINDS.includes(item.op.kind) && item.op.hlc === a.hlc
      ? [{ op: item.op, seq: a.seq }]
      : [];
  });
  await confirmOwn(trx, confirmed);
  const seqs = accepted.map((a) => a.seq);
  const range = await readOwnEchoes(trx);
  await writeOwnEchoes(trx, {
    from: Math.min(range?.from ?? Infinity, ...seqs),
    to: Math.max(range?.to ?? 0, ...seqs),
  });
  return confirmed.map((c) => c.seq);
}

/**
 * Records the hub's answer: accepted ops get their number; refused ones are marked, kept, and listed as
 * conflicts for their author. Returns the incidents whose refused ops must be rolled back here, and the
 * numbers of the ops confirmed from the answer (`confirmOwnEchoes`).
 */
export async function recordResults(
  trx: SyncConn,
  outgoing: Outgoing,
  results: readonly PushResult[],
  now: number,
): Promise<{ rollback: string[]; confirmed: number[] }> {
  const accepted = results.flatMap((r) => (r.status === 'accepted' ? [r] : []));
  await runBulk(
    trx,
    'UPDATE sync_outbox SET server_seq = ?, sent_at = ? WHERE op_id = ?',
    accepted.map((a) => [a.seq, now, a.opId]),
  );
  const byId = new Map(outgoing.items.map((i) => [i.op.opId, i]));
  const confirmed = await confirmOwnEchoes(trx, byId, accepted);
  const rollback: string[] = [];
  for (const r of results) {
    if (r.status !== 'rejected') continue;
    const item = byId.get(r.opId);
    await trx
      .updateTable('sync_outbox')
      .set({ sent_at: now, rejected_json: JSON.stringify(r.reason) })
      .where('op_id', '=', r.opId)
      .execute();
    await trx
      .insertInto('sync_conflicts')
      .values({
        op_id: r.opId,
        incident_id: item?.op.entity === 'incident' ? item.op.entityId : null,
        kind: item?.op.kind ?? 'unknown',
        user_id: item?.op.userId ?? null,
        code: r.reason.code,
        message: r.reason.message,
        op_json: JSON.stringify(item?.op ?? null),
        created_at: now,
        seen_at: null,
      })
      .onConflict((oc) => oc.column('op_id').doNothing())
      .execute();
    const entity = outgoing.entityIds.get(r.opId);
    if (entity && item?.op.entity === 'incident') rollback.push(entity);
  }
  return { rollback, confirmed };
}
