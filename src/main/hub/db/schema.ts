/** Kysely's view of the hub database: the same on SQLite and PostgreSQL (snake_case as in SQL). */
export interface HubDB {
  hub_counter: HubCounterTable;
  hub_departments: HubDepartmentsTable;
  hub_users: HubUsersTable;
  hub_workstations: HubWorkstationsTable;
  hub_sessions: HubSessionsTable;
  hub_ops: HubOpsTable;
  hub_op_scope: HubOpScopeTable;
  hub_rejections: HubRejectionsTable;
  hub_incidents: HubIncidentsTable;
  hub_audit: HubAuditTable;
  hub_events: HubEventsTable;
  hub_blobs: HubBlobsTable;
}

/** The workflow events the hub accepted, per incident: snapshots carry them (the queue's clocks read them). */
export interface HubEventsTable {
  incident_id: string;
  version: number;
  event: string;
  seq: number;
}

/** The one row (id = 1) whose lock orders every push: `head` is the last sequence number given out. */
export interface HubCounterTable {
  id: number;
  head: number;
  /** The hub's own hybrid logical clock, for ops it makes (intake) and for capping future clocks. */
  hlc: string;
  /** Bumped when departments or users change, so clients refetch the directory. */
  dir_version: number;
}

export interface HubDepartmentsTable {
  id: string;
  name: string;
  short_name: string;
  created_at: number;
}

export interface HubUsersTable {
  id: string;
  login: string;
  display_name: string;
  role: string;
  department_id: string | null;
  password_hash: string;
  active: number;
  created_at: number;
}

export interface HubWorkstationsTable {
  id: string;
  name: string;
  /** `workstation` syncs; `intake` may only post incidents to the intake endpoint. */
  kind: string;
  /** SHA-256 of the token (tokens are 256 random bits: a slow hash adds nothing). */
  token_hash: string;
  /** JSON array of department ids the workstation serves; null: the whole control centre. */
  departments: string | null;
  /** The device id the token was first used from; another device with the same token is refused. */
  device_id: string | null;
  created_at: number;
  revoked_at: number | null;
  last_seen_at: number | null;
}

export interface HubSessionsTable {
  id: string;
  user_id: string;
  workstation_id: string;
  /** The HMAC key the workstation signs this user's ops with (kept by the hub to verify them). */
  secret: string;
  created_at: number;
  expires_at: number;
  revoked_at: number | null;
}

export interface HubOpsTable {
  seq: number;
  op_id: string;
  kind: string;
  entity: string;
  entity_id: string;
  /** As served: for workflow commands, with the hub's events. */
  payload: string;
  /** The HLC replicas order by: the workstation's, or the hub's when that one ran too far ahead. */
  hlc: string;
  /** The HLC the workstation sent. */
  hlc_sent: string;
  device_id: string;
  user_id: string | null;
  workstation_id: string;
  schema_version: number;
  audit: string | null;
  received_at: number;
}

export interface HubOpScopeTable {
  department_id: string;
  seq: number;
  /** 1 when the incident came into this department's scope with this op. */
  entered: number;
}

export interface HubRejectionsTable {
  op_id: string;
  workstation_id: string;
  user_id: string | null;
  kind: string;
  entity_id: string;
  code: string;
  message: string;
  clause: string | null;
  op: string;
  received_at: number;
}

export interface HubIncidentsTable {
  id: string;
  doc: string;
  clocks: string;
  workflow: string | null;
  /** JSON array of the departments the incident concerns. */
  departments: string;
  external_id: string | null;
  last_seq: number;
}

export interface HubAuditTable {
  id: string;
  incident_id: string | null;
  event: string;
  seq: number;
}

export interface HubBlobsTable {
  sha256: string;
  bytes: Buffer;
  size: number;
  created_at: number;
}
