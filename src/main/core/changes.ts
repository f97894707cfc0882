import { randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { DB } from '../db/schema';
import { appendAuditEvent } from '../db/audit';
import { appendOutboxOp } from '../db/outbox';
import { SYNC_SCHEMA_VERSION, type OpKind } from '../../shared/sync/op';
import type { Identity } from './identity';

export type Actor = { userId: string | null; role: string };

/** The built-in actor for changes no person made: imports, the intake feed, the demo feed. */
export const SYSTEM_ACTOR: Actor = { userId: null, role: 'system' };

export type Change = {
  action: string;
  incidentId: string | null;
  before: unknown;
  after: unknown;
  op: { kind: OpKind; entity: string; entityId: string; payload: unknown };
};

/**
 * Writes a change's audit event and its sync op. Call inside the transaction that makes the change,
 * so the three are committed together or not at all (architecture: Data and time).
 */
export async function recordChange(
  trx: Transaction<DB>,
  identity: Identity,
  actor: Actor,
  at: number,
  change: Change,
): Promise<void> {
  // The audit event and the op share one id: the sync client sends the event with its op, and every
  // replica stores it once under that id (docs/sync.md).
  const id = randomUUID();
  await appendAuditEvent(trx, {
    id,
    at,
    actorId: actor.userId,
    actorRole: actor.role,
    deviceId: identity.deviceId,
    incidentId: change.incidentId,
    action: change.action,
    before: change.before,
    after: change.after,
  });
  await appendOutboxOp(
    trx,
    {
      opId: id,
      kind: change.op.kind,
      entity: change.op.entity,
      entityId: change.op.entityId,
      payload: change.op.payload,
      hlc: await identity.nextHlc(trx, at),
      deviceId: identity.deviceId,
      userId: actor.userId,
      schemaVersion: SYNC_SCHEMA_VERSION,
    },
    at,
  );
}
