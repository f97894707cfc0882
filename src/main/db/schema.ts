import type { Generated } from 'kysely';

/** Kysely's view of the workstation database. Column names are snake_case as in SQL. */
export interface DB {
  departments: DepartmentsTable;
  users: UsersTable;
  incidents: IncidentsTable;
  audit_events: AuditEventsTable;
  sync_outbox: SyncOutboxTable;
  settings: SettingsTable;
}

export interface DepartmentsTable {
  id: string;
  name: string;
  short_name: string;
  created_at: number;
}

export interface UsersTable {
  id: string;
  login: string;
  display_name: string;
  role: string;
  department_id: string | null;
  password_hash: string | null;
  active: number;
  created_at: number;
}

export interface IncidentsTable {
  id: string;
  source: string;
  network: string;
  url: string | null;
  external_id: string | null;
  author_name: string;
  text: string;
  published_at: number;
  detected_at: number;
  topic: string;
  location: string;
  importance: string;
  status: string;
  department_id: string | null;
  version: number;
  created_at: number;
  updated_at: number;
}

export interface AuditEventsTable {
  id: string;
  at: number;
  actor_id: string | null;
  actor_role: string | null;
  device_id: string;
  incident_id: string | null;
  action: string;
  before_json: string | null;
  after_json: string | null;
}

export interface SyncOutboxTable {
  seq: Generated<number>;
  op_id: string;
  kind: string;
  entity: string;
  entity_id: string;
  payload: string;
  hlc: string;
  device_id: string;
  user_id: string | null;
  schema_version: number;
  created_at: number;
  sent_at: number | null;
}

export interface SettingsTable {
  key: string;
  value: string;
}
