import type { Transaction } from 'kysely';
import type { IncidentReplica } from '../../shared/sync/replica';
import type { IncidentWorkflowState } from '../../shared/workflow';
import type { IncidentDoc } from '../../shared/sync/payloads';
import type { HubDB } from './db/schema';
import type { HubDb } from './db/open';
import { inChunks } from './context';

export type HubConn = HubDb | Transaction<HubDB>;

/** The hub's current state of one incident, as the ops so far made it. */
export type StoredReplica = { replica: IncidentReplica; departments: string[]; lastSeq: number };

type Row = {
  id: string;
  doc: string;
  clocks: string;
  workflow: string | null;
  departments: string;
  last_seq: number;
};

export function replicaFromRow(row: Row): StoredReplica {
  return {
    replica: {
      doc: JSON.parse(row.doc) as IncidentDoc,
      clocks: JSON.parse(row.clocks) as IncidentReplica['clocks'],
      workflow: row.workflow === null ? null : (JSON.parse(row.workflow) as IncidentWorkflowState),
    },
    departments: JSON.parse(row.departments) as string[],
    lastSeq: row.last_seq,
  };
}

export async function loadReplicas(db: HubConn, ids: readonly string[]): Promise<Map<string, StoredReplica>> {
  const rows = await inChunks([...new Set(ids)], 500, (chunk) =>
    db
      .selectFrom('hub_incidents')
      .select(['id', 'doc', 'clocks', 'workflow', 'departments', 'last_seq'])
      .where('id', 'in', chunk)
      .execute(),
  );
  return new Map(rows.map((r) => [r.id, replicaFromRow(r)]));
}

export async function findIncidentsByExternalIds(
  db: HubConn,
  externalIds: readonly string[],
): Promise<Map<string, string>> {
  const rows = await inChunks([...new Set(externalIds)], 500, (chunk) =>
    db.selectFrom('hub_incidents').select(['id', 'external_id']).where('external_id', 'in', chunk).execute(),
  );
  return new Map(rows.flatMap((r) => (r.external_id ? [[r.external_id, r.id] as const] : [])));
}

export async function storeReplicas(
  db: HubConn,
  replicas: ReadonlyMap<string, StoredReplica>,
): Promise<void> {
  const rows = [...replicas.entries()].map(([id, s]) => ({
    id,
    doc: JSON.stringify(s.replica.doc),
    clocks: JSON.stringify(s.replica.clocks),
    workflow: s.replica.workflow === null ? null : JSON.stringify(s.replica.workflow),
    departments: JSON.stringify(s.departments),
    external_id: s.replica.doc.externalId,
    last_seq: s.lastSeq,
  }));
  await inChunks(rows, 500, async (chunk) => {
    await db
      .insertInto('hub_incidents')
      .values(chunk)
      .onConflict((oc) =>
        oc.column('id').doUpdateSet((eb) => ({
          doc: eb.ref('excluded.doc'),
          clocks: eb.ref('excluded.clocks'),
          workflow: eb.ref('excluded.workflow'),
          departments: eb.ref('excluded.departments'),
          external_id: eb.ref('excluded.external_id'),
          last_seq: eb.ref('excluded.last_seq'),
        })),
      )
      .execute();
    return [];
  });
}
