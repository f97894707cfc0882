import type { Op } from './op';
import type { AuditEventWire } from './payloads';

/** JSON with object keys sorted at every level: the same value always gives the same text. */
export function stableStringify(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value))
    return `[${value.map((v) => stableStringify(v === undefined ? null : v)).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableStringify(v)}`).join(',')}}`;
}

/**
 * The text a user's session signs for one op: every field that gives the op its meaning, so that neither
 * the actor, the payload nor the audit event can be changed on the way without the hub noticing.
 */
export function canonicalOpText(op: Op, audit: AuditEventWire | null): string {
  return stableStringify({
    opId: op.opId,
    kind: op.kind,
    entity: op.entity,
    entityId: op.entityId,
    payload: op.payload,
    hlc: op.hlc,
    deviceId: op.deviceId,
    userId: op.userId,
    schemaVersion: op.schemaVersion,
    audit,
  });
}
