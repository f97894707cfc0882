import type { Op } from '../../shared/sync/op';
import type { Selectable } from 'kysely';
import type { Conn } from './incidents';
import type { SyncOutboxTable } from './schema';

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

/** The columns an op is stored in, on a workstation's outbox and in the hub's log alike. */
export type OpColumns = Pick<
  Selectable<SyncOutboxTable>,
  'op_id' | 'kind' | 'entity' | 'entity_id' | 'payload' | 'hlc' | 'device_id' | 'user_id' | 'schema_version'
>;

/** The inverse of `appendOutboxOp`'s row: an op read back from its columns. */
export function opFromRow(r: OpColumns): Op {
  return {
    opId: r.op_id,
    kind: r.kind as Op['kind'],
    entity: r.entity,
    entityId: r.entity_id,
    payload: JSON.parse(r.payload) as unknown,
    hlc: r.hlc,
    deviceId: r.device_id,
    userId: r.user_id,
    schemaVersion: r.schema_version,
  };
}
