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

/** The audit trail is append-only (triggers refuse UPDATE and DELETE). */
export async function appendAuditEvent(db: Conn, e: AuditEvent): Promise<void> {
  await db
    .insertInto('audit_events')
    .values({
      id: e.id,
      at: e.at,
      actor_id: e.actorId,
      actor_role: e.actorRole,
      device_id: e.deviceId,
      incident_id: e.incidentId,
      action: e.action,
      before_json: e.before === undefined ? null : JSON.stringify(e.before),
      after_json: e.after === undefined ? null : JSON.stringify(e.after),
    })
    .execute();
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
