import { sql, type Kysely, type Migration, type MigrationProvider } from 'kysely';

export type HubDialect = 'sqlite' | 'postgres';

/**
 * The hub's schema, one DDL text for both databases: `INT64` is INTEGER on SQLite (STRICT tables) and
 * BIGINT on PostgreSQL (epoch milliseconds and sequence numbers outgrow 32 bits). Append-only, like the
 * workstation's migrations.
 */
function ddl(dialect: HubDialect, text: string): string {
  const strict = dialect === 'sqlite' ? ' STRICT' : '';
  return text
    .replaceAll('INT64', dialect === 'sqlite' ? 'INTEGER' : 'BIGINT')
    .replaceAll('BYTES', dialect === 'sqlite' ? 'BLOB' : 'BYTEA')
    .replaceAll(') TABLE_END', `)${strict}`);
}

const V1 = [
  `CREATE TABLE hub_counter (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    head INT64 NOT NULL,
    hlc TEXT NOT NULL,
    dir_version INT64 NOT NULL
  ) TABLE_END`,
  `INSERT INTO hub_counter (id, head, hlc, dir_version) VALUES (1, 0, '', 1)`,
  `CREATE TABLE hub_departments (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    short_name TEXT NOT NULL,
    created_at INT64 NOT NULL
  ) TABLE_END`,
  `CREATE TABLE hub_users (
    id TEXT PRIMARY KEY,
    login TEXT NOT NULL UNIQUE,
    display_name TEXT NOT NULL,
    role TEXT NOT NULL,
    department_id TEXT REFERENCES hub_departments(id),
    password_hash TEXT NOT NULL,
    active INTEGER NOT NULL CHECK (active IN (0, 1)),
    created_at INT64 NOT NULL
  ) TABLE_END`,
  `CREATE TABLE hub_workstations (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    kind TEXT NOT NULL CHECK (kind IN ('workstation', 'intake')),
    token_hash TEXT NOT NULL UNIQUE,
    departments TEXT,
    device_id TEXT,
    created_at INT64 NOT NULL,
    revoked_at INT64,
    last_seen_at INT64
  ) TABLE_END`,
  `CREATE TABLE hub_sessions (
    id TEXT PRIMARY KEY,
    user_id TEXT NOT NULL REFERENCES hub_users(id),
    workstation_id TEXT NOT NULL REFERENCES hub_workstations(id),
    secret TEXT NOT NULL,
    created_at INT64 NOT NULL,
    expires_at INT64 NOT NULL,
    revoked_at INT64
  ) TABLE_END`,
  `CREATE TABLE hub_ops (
    seq INT64 PRIMARY KEY,
    op_id TEXT NOT NULL UNIQUE,
    kind TEXT NOT NULL,
    entity TEXT NOT NULL,
    entity_id TEXT NOT NULL,
    payload TEXT NOT NULL,
    hlc TEXT NOT NULL,
    hlc_sent TEXT NOT NULL,
    device_id TEXT NOT NULL,
    user_id TEXT,
    workstation_id TEXT NOT NULL,
    schema_version INTEGER NOT NULL,
    audit TEXT,
    received_at INT64 NOT NULL
  ) TABLE_END`,
  `CREATE INDEX hub_ops_entity ON hub_ops(entity_id, seq)`,
  `CREATE TABLE hub_op_scope (
    department_id TEXT NOT NULL,
    seq INT64 NOT NULL,
    entered INTEGER NOT NULL,
    PRIMARY KEY (department_id, seq)
  ) TABLE_END`,
  `CREATE TABLE hub_rejections (
    op_id TEXT PRIMARY KEY,
    workstation_id TEXT NOT NULL,
    user_id TEXT,
    kind TEXT NOT NULL,
    entity_id TEXT NOT NULL,
    code TEXT NOT NULL,
    message TEXT NOT NULL,
    clause TEXT,
    op TEXT NOT NULL,
    received_at INT64 NOT NULL
  ) TABLE_END`,
  `CREATE TABLE hub_incidents (
    id TEXT PRIMARY KEY,
    doc TEXT NOT NULL,
    clocks TEXT NOT NULL,
    workflow TEXT,
    departments TEXT NOT NULL,
    external_id TEXT UNIQUE,
    last_seq INT64 NOT NULL
  ) TABLE_END`,
  `CREATE TABLE hub_audit (
    id TEXT PRIMARY KEY,
    incident_id TEXT,
    event TEXT NOT NULL,
    seq INT64 NOT NULL
  ) TABLE_END`,
  `CREATE INDEX hub_audit_incident ON hub_audit(incident_id)`,
  `CREATE TABLE hub_events (
    incident_id TEXT NOT NULL,
    version INT64 NOT NULL,
    event TEXT NOT NULL,
    seq INT64 NOT NULL,
    PRIMARY KEY (incident_id, version)
  ) TABLE_END`,
];

/** Attachments' bytes, by SHA-256 (protocol 2): in the database, so a PostgreSQL hub needs no disk of its own. */
const V2 = [
  `CREATE TABLE hub_blobs (
    sha256 TEXT PRIMARY KEY,
    bytes BYTES NOT NULL,
    size INT64 NOT NULL,
    created_at INT64 NOT NULL
  ) TABLE_END`,
];

export function hubMigrations(dialect: HubDialect): Record<string, Migration> {
  return {
    '0001_hub': {
      async up(db: Kysely<unknown>) {
        for (const statement of V1) await sql.raw(ddl(dialect, statement)).execute(db);
      },
    },
    '0002_blobs': {
      async up(db: Kysely<unknown>) {
        for (const statement of V2) await sql.raw(ddl(dialect, statement)).execute(db);
      },
    },
  };
}

export function hubMigrationProvider(dialect: HubDialect): MigrationProvider {
  return { getMigrations: () => Promise.resolve(hubMigrations(dialect)) };
}
