import type { Generated } from 'kysely';

/** Kysely's view of the workstation database. Column names are snake_case as in SQL. */
export interface DB {
  departments: DepartmentsTable;
  users: UsersTable;
  incidents: IncidentsTable;
  audit_events: AuditEventsTable;
  sync_outbox: SyncOutboxTable;
  settings: SettingsTable;
  workflow_events: WorkflowEventsTable;
  department_members: DepartmentMembersTable;
  substitutions: SubstitutionsTable;
  attachments: AttachmentsTable;
}

export interface WorkflowEventsTable {
  id: string;
  incident_id: string;
  version: number;
  type: string;
  at: number;
  actor_id: string;
  actor_role: string;
  event_json: string;
}

export interface DepartmentMembersTable {
  department_id: string;
  user_id: string;
  kind: 'responsible' | 'executor';
}

export interface SubstitutionsTable {
  id: string;
  absent_user_id: string;
  substitute_user_id: string;
  from_at: number;
  until_at: number;
  created_at: number;
}

export interface AttachmentsTable {
  id: string;
  incident_id: string;
  sha256: string;
  file_name: string;
  mime: string;
  size: number;
  kind: 'photo' | 'video' | 'act' | 'other';
  created_at: number;
  created_by: string;
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
  /** The workflow state (JSON); null for rows from before migration 0002. */
  workflow_json: string | null;
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
