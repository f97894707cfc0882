import type { Transaction } from 'kysely';
import { clocksFromText, clocksToText } from '../../shared/sync/clocks-text';
import type { IncidentReplica } from '../../shared/sync/replica';
import type { IncidentWorkflowState } from '../../shared/workflow';
import type { IncidentDoc } from '../../shared/sync/payloads';
import { insertMany } from '../db/bulk';
import type { HubDialect } from './db/migrations';
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
      clocks: clocksFromText(row.clocks),
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
  dialect: HubDialect,
  replicas: ReadonlyMap<string, StoredReplica>,
): Promise<void> {
  await insertMany(
    db,
    7,
    (values) => `INSERT INTO hub_incidents (id, doc, clocks, workflow, departments, external_id, last_seq)
     VALUES ${values}
     ON CONFLICT (id) DO UPDATE SET doc = excluded.doc, clocks = excluded.clocks, workflow = excluded.workflow,
       departments = excluded.departments, external_id = excluded.external_id, last_seq = excluded.last_seq`,
    [...replicas].map(([id, s]) => [
      id,
      JSON.stringify(s.replica.doc),
      clocksToText(s.replica.clocks),
      s.replica.workflow === null ? null : JSON.stringify(s.replica.workflow),
      JSON.stringify(s.departments),
      s.replica.doc.externalId,
      s.lastSeq,
    ]),
    dialect,
  );
}
