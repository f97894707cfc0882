import type { Selectable } from 'kysely';
import type { HubWorkstationsTable } from './db/schema';
import type { HubContext, Caller } from './context';
import { hashToken } from './auth';
import { HubError } from './errors';

const SEEN_THROTTLE_MS = 60_000;

/**
 * Who is calling: the workstation (or intake client) whose token this is. A revoked token, an unknown
 * one, or a token used from another device than the one it was first used from, is refused.
 */
export async function authenticate(
  ctx: HubContext,
  authorization: string | undefined,
  deviceId: string | undefined,
): Promise<Caller> {
  const token = /^Bearer\s+(\S+)$/i.exec(authorization ?? '')?.[1];
  if (!token) throw new HubError('unauthorized', 'Нет токена рабочего места');
  const row = await ctx.db
    .selectFrom('hub_workstations')
    .selectAll()
    .where('token_hash', '=', hashToken(token))
    .executeTakeFirst();
  if (!row) throw new HubError('unauthorized', 'Токен рабочего места не опознан');
  if (row.revoked_at !== null) throw new HubError('revoked', `Доступ рабочего места «${row.name}» отозван`);
  if (deviceId !== undefined && (deviceId === 'hub' || deviceId.length > 200)) {
    throw new HubError('forbidden', 'Недопустимый идентификатор устройства');
  }
  const now = ctx.now();
  let bound = row.device_id;
  if (deviceId && row.kind === 'workstation') {
    if (bound === null) {
      // First use binds the token to this device: a copied token is useless elsewhere.
      const updated = await ctx.db
        .updateTable('hub_workstations')
        .set({ device_id: deviceId, last_seen_at: now })
        .where('id', '=', row.id)
        .where('device_id', 'is', null)
        .executeTakeFirst();
      if (Number(updated.numUpdatedRows) === 0) {
        const again = await ctx.db
          .selectFrom('hub_workstations')
          .select('device_id')
          .where('id', '=', row.id)
          .executeTakeFirstOrThrow();
        bound = again.device_id;
      } else bound = deviceId;
    }
    if (bound !== deviceId) {
      throw new HubError('forbidden', `Токен «${row.name}» выдан другому рабочему месту`);
    }
  }
  if (row.last_seen_at === null || now - row.last_seen_at > SEEN_THROTTLE_MS) {
    await ctx.db
      .updateTable('hub_workstations')
      .set({ last_seen_at: now })
      .where('id', '=', row.id)
      .execute();
  }
  return callerOf({ ...row, device_id: bound });
}

/** The caller a workstation's (or intake client's) row describes. */
export function callerOf(
  row: Pick<Selectable<HubWorkstationsTable>, 'id' | 'name' | 'kind' | 'departments' | 'device_id'>,
): Caller {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind === 'intake' ? 'intake' : 'workstation',
    departments: row.departments ? (JSON.parse(row.departments) as string[]) : null,
    deviceId: row.device_id,
  };
}

/** Sync (pulls, snapshots, files) is for workstations; an intake token only delivers incidents. */
export function requireWorkstation(caller: Caller): void {
  if (caller.kind !== 'workstation')
    throw new HubError('forbidden', 'Этот токен не предназначен для синхронизации');
}
