import { ViewState, type SavedView } from '../../shared/api/queue';
import type { Conn } from './incidents';

/** Tables of migration 0003 (kept out of schema.ts, which the foundation and the workflow share). */
export interface QueueViewsTable {
  id: string;
  name: string;
  state_json: string;
  created_at: number;
  updated_at: number;
}

function views(db: Conn) {
  return db.withTables<{ queue_views: QueueViewsTable }>();
}

function toView(row: QueueViewsTable): SavedView {
  // A view saved by an older version may miss newer fields: the schema's defaults fill them.
  const parsed = ViewState.safeParse(JSON.parse(row.state_json));
  return {
    id: row.id,
    name: row.name,
    state: parsed.success ? parsed.data : ViewState.parse({}),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export async function listQueueViews(db: Conn): Promise<SavedView[]> {
  const rows = await views(db)
    .selectFrom('queue_views')
    .selectAll()
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return rows.map(toView);
}

export async function findQueueView(db: Conn, id: string): Promise<SavedView | null> {
  const row = await views(db).selectFrom('queue_views').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toView(row) : null;
}

export async function upsertQueueView(
  db: Conn,
  view: { id: string; name: string; state: ViewState },
  now: number,
): Promise<void> {
  const state_json = JSON.stringify(view.state);
  await views(db)
    .insertInto('queue_views')
    .values({ id: view.id, name: view.name, state_json, created_at: now, updated_at: now })
    .onConflict((oc) => oc.column('id').doUpdateSet({ name: view.name, state_json, updated_at: now }))
    .execute();
}

export async function deleteQueueView(db: Conn, id: string): Promise<boolean> {
  const result = await views(db).deleteFrom('queue_views').where('id', '=', id).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}
