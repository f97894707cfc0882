import { sql, type Kysely } from 'kysely';

/**
 * The foundation schema. Append-only: never edit a migration that has shipped, add the next number.
 * Every table is STRICT; synced rows are never hard-deleted; the audit trail refuses UPDATE and DELETE.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE departments (
      id TEXT PRIMARY KEY,
      name TEXT NOT NULL,
      short_name TEXT NOT NULL DEFAULT '',
      created_at INTEGER NOT NULL
    ) STRICT`.execute(db);

  await sql`
    CREATE TABLE users (
      id TEXT PRIMARY KEY,
      login TEXT NOT NULL UNIQUE,
      display_name TEXT NOT NULL,
      role TEXT NOT NULL,
      department_id TEXT REFERENCES departments(id),
      password_hash TEXT,
      active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
      created_at INTEGER NOT NULL
    ) STRICT`.execute(db);

  await sql`
    CREATE TABLE incidents (
      id TEXT PRIMARY KEY,
      source TEXT NOT NULL CHECK (source IN ('im', 'pos', 'manual', 'import')),
      network TEXT NOT NULL CHECK (network IN ('vk', 'ok', 'telegram', 'pos', 'other')),
      url TEXT,
      external_id TEXT,
      author_name TEXT NOT NULL,
      text TEXT NOT NULL,
      published_at INTEGER NOT NULL,
      detected_at INTEGER NOT NULL,
      topic TEXT NOT NULL,
      location TEXT NOT NULL DEFAULT '',
      importance TEXT NOT NULL CHECK (importance IN ('normal', 'high')),
      status TEXT NOT NULL,
      department_id TEXT REFERENCES departments(id),
      version INTEGER NOT NULL DEFAULT 0,
      created_at INTEGER NOT NULL,
      updated_at INTEGER NOT NULL
    ) STRICT`.execute(db);
  // Idempotent import and intake: one incident per external id (ИМ/ПОС id).
  await sql`CREATE UNIQUE INDEX incidents_external_id ON incidents(external_id) WHERE external_id IS NOT NULL`.execute(
    db,
  );
  await sql`CREATE INDEX incidents_status_detected ON incidents(status, detected_at)`.execute(db);

  await sql`
    CREATE TABLE audit_events (
      id TEXT PRIMARY KEY,
      at INTEGER NOT NULL,
      actor_id TEXT,
      actor_role TEXT,
      device_id TEXT NOT NULL,
      incident_id TEXT REFERENCES incidents(id),
      action TEXT NOT NULL,
      before_json TEXT,
      after_json TEXT
    ) STRICT`.execute(db);
  await sql`CREATE INDEX audit_events_incident ON audit_events(incident_id, at)`.execute(db);
  await sql`
    CREATE TRIGGER audit_events_no_update BEFORE UPDATE ON audit_events
    BEGIN SELECT RAISE(ABORT, 'audit events are append-only'); END`.execute(db);
  await sql`
    CREATE TRIGGER audit_events_no_delete BEFORE DELETE ON audit_events
    BEGIN SELECT RAISE(ABORT, 'audit events are append-only'); END`.execute(db);

  await sql`
    CREATE TABLE sync_outbox (
      seq INTEGER PRIMARY KEY AUTOINCREMENT,
      op_id TEXT NOT NULL UNIQUE,
      kind TEXT NOT NULL,
      entity TEXT NOT NULL,
      entity_id TEXT NOT NULL,
      payload TEXT NOT NULL,
      hlc TEXT NOT NULL,
      device_id TEXT NOT NULL,
      user_id TEXT,
      schema_version INTEGER NOT NULL,
      created_at INTEGER NOT NULL,
      sent_at INTEGER
    ) STRICT`.execute(db);

  await sql`
    CREATE TABLE settings (
      key TEXT PRIMARY KEY,
      value TEXT NOT NULL
    ) STRICT`.execute(db);
}
