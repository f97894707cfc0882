import { sql, type Kysely } from 'kysely';

/**
 * `sync_away`: incidents that left this workstation's departments (docs/sync.md, «Scope»). A department's
 * workstation is served an incident while it is the department's; the op that takes it elsewhere (returned
 * as misrouted, routed to another department) is the last one it gets about it. Its copy stays, for the
 * record, but leaves the queue: it would otherwise stand there unchanged for ever. `departments` is where
 * the incident went (JSON array; empty: back to the control centre), `since` when this workstation learnt it.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE sync_away (
      incident_id TEXT PRIMARY KEY REFERENCES incidents(id),
      departments TEXT NOT NULL,
      since INTEGER NOT NULL
    ) STRICT`.execute(db);
}
