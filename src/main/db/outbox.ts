import type { Op } from '../../shared/sync/op';
import type { Conn } from './incidents';

/** Written in the same transaction as the change it replicates (architecture: Sync). */
export async function appendOutboxOp(db: Conn, op: Op, createdAt: number): Promise<void> {
  await db
    .insertInto('sync_outbox')
    .values({
      op_id: op.opId,
      kind: op.kind,
      entity: op.entity,
      entity_id: op.entityId,
      payload: JSON.stringify(op.payload),
      hlc: op.hlc,
      device_id: op.deviceId,
      user_id: op.userId,
      schema_version: op.schemaVersion,
      created_at: createdAt,
      sent_at: null,
    })
    .execute();
}

export async function countPendingOps(db: Conn): Promise<number> {
  const row = await db
    .selectFrom('sync_outbox')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('sent_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
