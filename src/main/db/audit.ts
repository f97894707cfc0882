import { CompiledQuery, sql } from 'kysely';
import type { Conn } from './incidents';

export type AuditEvent = {
  id: string;
  at: number;
  actorId: string | null;
  actorRole: string | null;
  deviceId: string;
  incidentId: string | null;
  action: string;
  before: unknown;
  after: unknown;
};

/** Every change writes one: fixed SQL, not built by the query builder each time (see `db/settings.ts`). */
const APPEND = `INSERT INTO audit_events (id, at, actor_id, actor_role, device_id, incident_id, action,
  before_json, after_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`;

/** The audit trail is append-only (triggers refuse UPDATE and DELETE). */
export async function appendAuditEvent(db: Conn, e: AuditEvent): Promise<void> {
  await db.executeQuery(
    CompiledQuery.raw(APPEND, [
      e.id,
      e.at,
      e.actorId,
      e.actorRole,
      e.deviceId,
      e.incidentId,
      e.action,
      e.before === undefined ? null : JSON.stringify(e.before),
      e.after === undefined ? null : JSON.stringify(e.after),
    ]),
  );
}

export async function listAuditEvents(db: Conn, incidentId?: string): Promise<AuditEvent[]> {
  let q = db.selectFrom('audit_events').selectAll().orderBy('at').orderBy('id');
  if (incidentId) q = q.where('incident_id', '=', incidentId);
  const rows = await q.execute();
  return rows.map((r) => ({
    id: r.id,
    at: r.at,
    actorId: r.actor_id,
    actorRole: r.actor_role,
    deviceId: r.device_id,
    incidentId: r.incident_id,
    action: r.action,
    before: r.before_json === null ? null : (JSON.parse(r.before_json) as unknown),
    after: r.after_json === null ? null : (JSON.parse(r.after_json) as unknown),
  }));
}

/**
 * The hub's refusals of this workstation's changes, by the id of their audit event (a change's audit event
 * has its op's id), with the hub's reason: `sync_conflicts` keeps each one, dismissed or not.
 */
export async function refusedOps(db: Conn, incidentId?: string): Promise<Map<string, string>> {
  const { rows } = await sql<{ op_id: string; message: string }>`
    SELECT op_id, message FROM sync_conflicts
    WHERE ${incidentId === undefined ? sql`1` : sql`incident_id = ${incidentId}`}`.execute(db);
  return new Map(rows.map((r) => [r.op_id, r.message]));
}
