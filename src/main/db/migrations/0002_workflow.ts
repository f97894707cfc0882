import { sql, type Kysely } from 'kysely';

/**
 * The workflow (issue #4): each incident's state machine state, its event log, the department
 * directory (responsible persons, executors, substitutes — Новороссийск p.6) and attachments.
 *
 * Foundation statuses become workflow statuses: an incident with a department is «routed», any
 * other open one «new» (the foundation had no command that published or closed an incident).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  // NULL: derive the state from the row (rows written before this migration).
  await sql`ALTER TABLE incidents ADD COLUMN workflow_json TEXT`.execute(db);
  await sql`
    UPDATE incidents
    SET status = CASE WHEN department_id IS NULL THEN 'new' ELSE 'routed' END
    WHERE status IN ('new', 'routed', 'drafting', 'in_review', 'approved', 'published', 'closed')`.execute(
    db,
  );

  await sql`
    CREATE TABLE workflow_events (
      id TEXT PRIMARY KEY,
      incident_id TEXT NOT NULL REFERENCES incidents(id),
      version INTEGER NOT NULL,
      type TEXT NOT NULL,
      at INTEGER NOT NULL,
      actor_id TEXT NOT NULL,
      actor_role TEXT NOT NULL,
      event_json TEXT NOT NULL,
      UNIQUE (incident_id, version)
    ) STRICT`.execute(db);
  await sql`
    CREATE TRIGGER workflow_events_no_update BEFORE UPDATE ON workflow_events
    BEGIN SELECT RAISE(ABORT, 'workflow events are append-only'); END`.execute(db);
  await sql`
    CREATE TRIGGER workflow_events_no_delete BEFORE DELETE ON workflow_events
    BEGIN SELECT RAISE(ABORT, 'workflow events are append-only'); END`.execute(db);

  await sql`
    CREATE TABLE department_members (
      department_id TEXT NOT NULL REFERENCES departments(id),
      user_id TEXT NOT NULL REFERENCES users(id),
      kind TEXT NOT NULL CHECK (kind IN ('responsible', 'executor')),
      PRIMARY KEY (department_id, user_id)
    ) STRICT`.execute(db);

  await sql`
    CREATE TABLE substitutions (
      id TEXT PRIMARY KEY,
      absent_user_id TEXT NOT NULL REFERENCES users(id),
      substitute_user_id TEXT NOT NULL REFERENCES users(id),
      from_at INTEGER NOT NULL,
      until_at INTEGER NOT NULL,
      created_at INTEGER NOT NULL,
      CHECK (from_at < until_at),
      CHECK (absent_user_id <> substitute_user_id)
    ) STRICT`.execute(db);

  await sql`
    CREATE TABLE attachments (
      id TEXT PRIMARY KEY,
      incident_id TEXT NOT NULL REFERENCES incidents(id),
      sha256 TEXT NOT NULL,
      file_name TEXT NOT NULL,
      mime TEXT NOT NULL,
      size INTEGER NOT NULL,
      kind TEXT NOT NULL CHECK (kind IN ('photo', 'video', 'act', 'other')),
      created_at INTEGER NOT NULL,
      created_by TEXT NOT NULL
    ) STRICT`.execute(db);
  await sql`CREATE INDEX attachments_incident ON attachments(incident_id)`.execute(db);
}
