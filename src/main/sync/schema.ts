import type { Kysely, Transaction } from 'kysely';
import type { DB, SyncOutboxTable } from '../db/schema';
import type { Db } from '../db/open';
import type { Conn } from '../db/incidents';

/** The tables migration 0004 adds, and the columns it adds to `sync_outbox` (docs/sync.md). */
export interface SyncTables {
  sync_outbox: SyncOutboxTable & {
    /** The hub's sequence number for this op, once it accepted it. */
    server_seq: number | null;
    /** Why the hub refused it (JSON `{code, message}`); the op is then rolled back here. */
    rejected_json: string | null;
  };
  sync_shadow: { incident_id: string; doc: string; clocks: string; workflow: string | null; seq: number };
  sync_conflicts: {
    op_id: string;
    incident_id: string | null;
    kind: string;
    user_id: string | null;
    code: string;
    message: string;
    op_json: string;
    created_at: number;
    seen_at: number | null;
  };
  sync_sessions: {
    user_id: string;
    session_id: string;
    secret: string;
    expires_at: number;
    created_at: number;
  };
  sync_guard: { open: number };
  /** Migration 0005: incidents that left this workstation's departments (JSON array of where they went). */
  sync_away: { incident_id: string; departments: string; since: number };
}

export type SyncDB = Omit<DB, 'sync_outbox'> & SyncTables;
export type SyncConn = Kysely<SyncDB> | Transaction<SyncDB>;

/** The workstation database, seen with the sync tables. */
export function syncDb(db: Db): Kysely<SyncDB> {
  return db as unknown as Kysely<SyncDB>;
}

export function syncConn(conn: Conn): SyncConn {
  return conn as unknown as SyncConn;
}

export function asConn(conn: SyncConn): Conn {
  return conn as unknown as Conn;
}
