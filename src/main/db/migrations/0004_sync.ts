import { sql, type Kysely } from 'kysely';

/**
 * Sync with the hub (issue #7, docs/sync.md).
 *
 * - `sync_outbox` learns what the hub said: the sequence number it gave an op, or why it refused it.
 * - `sync_shadow`: each incident as the hub has confirmed it (hub-ordered ops only). The incident the user
 *   sees is this plus the workstation's still-pending ops, re-applied after every pull (Replicache's rebase).
 * - `sync_conflicts`: ops the hub refused; rolled back here and shown to their author, never dropped silently.
 * - `sync_sessions`: each user's hub session, whose secret signs their ops.
 * - `sync_guard`: a row exists only inside the sync client's own transaction; while it does, a local
 *   workflow event the hub refused (another routing won) may be removed. Everything else stays append-only.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE sync_outbox ADD COLUMN server_seq INTEGER`.execute(db);
  await sql`ALTER TABLE sync_outbox ADD COLUMN rejected_json TEXT`.execute(db);
  await sql`CREATE INDEX sync_outbox_pending ON sync_outbox(sent_at, seq)`.execute(db);
  await sql`CREATE INDEX sync_outbox_entity ON sync_outbox(entity_id, seq)`.execute(db);

  await sql`
    CREATE TABLE sync_shadow (
      incident_id TEXT PRIMARY KEY,
      doc TEXT NOT NULL,
      clocks TEXT NOT NULL,
      workflow TEXT,
      seq INTEGER NOT NULL
    ) STRICT`.execute(db);

  await sql`
    CREATE TABLE sync_conflicts (
      op_id TEXT PRIMARY KEY,
      incident_id TEXT,
      kind TEXT NOT NULL,
      user_id TEXT,
      code TEXT NOT NULL,
      message TEXT NOT NULL,
      op_json TEXT NOT NULL,
      created_at INTEGER NOT NULL,
      seen_at INTEGER
    ) STRICT`.execute(db);

  await sql`
    CREATE TABLE sync_sessions (
      user_id TEXT PRIMARY KEY,
      session_id TEXT NOT NULL,
      secret TEXT NOT NULL,
      expires_at INTEGER NOT NULL,
      created_at INTEGER NOT NULL
    ) STRICT`.execute(db);

  await sql`CREATE TABLE sync_guard (open INTEGER NOT NULL) STRICT`.execute(db);
  await sql`DROP TRIGGER IF EXISTS workflow_events_no_delete`.execute(db);
  await sql`
    CREATE TRIGGER workflow_events_no_delete BEFORE DELETE ON workflow_events
    WHEN NOT EXISTS (SELECT 1 FROM sync_guard)
    BEGIN SELECT RAISE(ABORT, 'workflow events are append-only'); END`.execute(db);
}
