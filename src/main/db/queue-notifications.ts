import type { AppNotification } from '../../shared/api/queue';
import type { Conn } from './incidents';

/** The table of migration 0003 (kept out of schema.ts, which the foundation and the workflow share). */
export interface QueueNotificationsTable {
  id: string;
  key: string;
  kind: AppNotification['kind'];
  incident_id: string;
  stage_id: string | null;
  title: string;
  body: string;
  at: number;
  read_at: number | null;
  audible: number;
}

function table(db: Conn) {
  return db.withTables<{ queue_notifications: QueueNotificationsTable }>();
}

function toNotification(row: QueueNotificationsTable): AppNotification {
  return {
    id: row.id,
    kind: row.kind,
    incidentId: row.incident_id,
    stageId: row.stage_id,
    title: row.title,
    body: row.body,
    at: row.at,
    readAt: row.read_at,
    audible: row.audible === 1,
  };
}

/**
 * Records notifications whose key is new; returns the ones recorded. A key already stored is skipped,
 * so the same event is never notified twice, even across restarts or by two windows at once.
 */
export async function recordNotifications<N extends AppNotification & { key: string }>(
  db: Conn,
  items: readonly N[],
): Promise<N[]> {
  const recorded: N[] = [];
  for (const n of items) {
    const result = await table(db)
      .insertInto('queue_notifications')
      .values({
        id: n.id,
        key: n.key,
        kind: n.kind,
        incident_id: n.incidentId,
        stage_id: n.stageId,
        title: n.title,
        body: n.body,
        at: n.at,
        read_at: n.readAt,
        audible: n.audible ? 1 : 0,
      })
      .onConflict((oc) => oc.column('key').doNothing())
      .executeTakeFirst();
    if (Number(result.numInsertedOrUpdatedRows ?? 0n) > 0) recorded.push(n);
  }
  return recorded;
}

export async function listNotificationKeys(db: Conn): Promise<Set<string>> {
  const rows = await table(db).selectFrom('queue_notifications').select('key').execute();
  return new Set(rows.map((r) => r.key));
}

export async function listRecentNotifications(db: Conn, limit: number): Promise<AppNotification[]> {
  const rows = await table(db)
    .selectFrom('queue_notifications')
    .selectAll()
    .orderBy('at', 'desc')
    .orderBy('id')
    .limit(limit)
    .execute();
  return rows.map(toNotification);
}

export async function countUnreadNotifications(db: Conn): Promise<number> {
  const row = await table(db)
    .selectFrom('queue_notifications')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('read_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function markNotificationsRead(db: Conn, at: number, ids?: readonly string[]): Promise<void> {
  let q = table(db).updateTable('queue_notifications').set({ read_at: at }).where('read_at', 'is', null);
  if (ids) {
    if (ids.length === 0) return;
    q = q.where('id', 'in', [...ids]);
  }
  await q.execute();
}

/** Notifications are a local log, not synced: old ones go (their events are long past). */
export async function pruneNotifications(db: Conn, before: number): Promise<void> {
  await table(db).deleteFrom('queue_notifications').where('at', '<', before).execute();
}
