import type { Op } from '../../shared/sync/op';
import { CompiledQuery, type Selectable } from 'kysely';
import type { Conn } from './incidents';
import type { SyncOutboxTable } from './schema';

/** Every change writes one: fixed SQL, not built by the query builder each time (see `db/settings.ts`). */
const APPEND = `INSERT INTO sync_outbox (op_id, kind, entity, entity_id, payload, hlc, device_id, user_id,
  schema_version, created_at, sent_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL)`;

/** Written in the same transaction as the change it replicates (architecture: Sync). */
export async function appendOutboxOp(db: Conn, op: Op, createdAt: number): Promise<void> {
  await db.executeQuery(
    CompiledQuery.raw(APPEND, [
      op.opId,
      op.kind,
      op.entity,
      op.entityId,
      JSON.stringify(op.payload),
      op.hlc,
      op.deviceId,
      op.userId,
      op.schemaVersion,
      createdAt,
    ]),
  );
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
