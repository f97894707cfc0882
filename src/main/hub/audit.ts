import type { AuditEventWire } from '../../shared/sync/payloads';
import { inChunks } from './context';
import type { HubConn } from './replicas';

export type StoredAudit = { seq: number; event: AuditEventWire };

/**
 * The audit trail the hub holds, per incident, in the order it accepted the events: an op's own event is
 * stored with the op (`hub_ops.audit`, found through the op's incident), the others in `hub_audit` (see
 * `writeBatch`). An event is listed once even if it came twice. `null` reads every incident's trail and the
 * events that name none (under the key `null`).
 */
export async function loadAuditTrail(
  db: HubConn,
  incidentIds: readonly string[] | null,
): Promise<Map<string | null, StoredAudit[]>> {
  const fromOps = (chunk: readonly string[] | null) => {
    let q = db
      .selectFrom('hub_ops')
      .select(['seq', 'audit'])
      .where('entity', '=', 'incident')
      .where('audit', 'is not', null);
    if (chunk) q = q.where('entity_id', 'in', chunk);
    return q.execute();
  };
  const fromTable = (chunk: readonly string[] | null) => {
    let q = db.selectFrom('hub_audit').select(['seq', 'event']);
    if (chunk) q = q.where('incident_id', 'in', chunk);
    return q.execute();
  };
  const ids = incidentIds === null ? null : [...new Set(incidentIds)];
  const [ops, table] = await Promise.all([
    ids === null ? fromOps(null) : inChunks(ids, 500, fromOps),
    ids === null ? fromTable(null) : inChunks(ids, 500, fromTable),
  ]);
  const all: StoredAudit[] = [
    ...ops.map((r) => ({ seq: r.seq, event: JSON.parse(r.audit!) as AuditEventWire })),
    ...table.map((r) => ({ seq: r.seq, event: JSON.parse(r.event) as AuditEventWire })),
  ];
  all.sort((a, b) => a.seq - b.seq || (a.event.id < b.event.id ? -1 : a.event.id > b.event.id ? 1 : 0));
  const seen = new Set<string>();
  const trail = new Map<string | null, StoredAudit[]>();
  for (const a of all) {
    if (seen.has(a.event.id)) continue;
    seen.add(a.event.id);
    // An op's own event names its incident (the hub checks it) or none.
    const key = a.event.incidentId;
    const list = trail.get(key) ?? [];
    list.push(a);
    trail.set(key, list);
  }
  return trail;
}
