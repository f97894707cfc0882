import type { Selectable } from 'kysely';
import type { Db } from './open';
import type { IncidentsTable } from './schema';
import type { Transaction } from 'kysely';
import type { DB } from './schema';
import { Incident, OPEN_STATUSES } from '../../shared/domain/incident';

export type Conn = Db | Transaction<DB>;

type IncidentRow = Selectable<IncidentsTable> & { department_name: string | null };

function toIncident(row: IncidentRow): Incident {
  return Incident.parse({
    id: row.id,
    source: row.source,
    network: row.network,
    url: row.url,
    externalId: row.external_id,
    authorName: row.author_name,
    text: row.text,
    publishedAt: row.published_at,
    detectedAt: row.detected_at,
    topic: row.topic,
    location: row.location,
    importance: row.importance,
    status: row.status,
    departmentId: row.department_id,
    departmentName: row.department_name,
    version: row.version,
    updatedAt: row.updated_at,
  });
}

function selectIncidents(db: Conn) {
  return db
    .selectFrom('incidents')
    .leftJoin('departments', 'departments.id', 'incidents.department_id')
    .selectAll('incidents')
    .select('departments.name as department_name');
}

export async function insertIncident(db: Conn, incident: Incident, createdAt: number): Promise<void> {
  await db
    .insertInto('incidents')
    .values({
      id: incident.id,
      source: incident.source,
      network: incident.network,
      url: incident.url,
      external_id: incident.externalId,
      author_name: incident.authorName,
      text: incident.text,
      published_at: incident.publishedAt,
      detected_at: incident.detectedAt,
      topic: incident.topic,
      location: incident.location,
      importance: incident.importance,
      status: incident.status,
      department_id: incident.departmentId,
      version: incident.version,
      created_at: createdAt,
      updated_at: incident.updatedAt,
    })
    .execute();
}

export async function findIncidentById(db: Conn, id: string): Promise<Incident | null> {
  const row = await selectIncidents(db).where('incidents.id', '=', id).executeTakeFirst();
  return row ? toIncident(row) : null;
}

export async function findIncidentIdsByExternalIds(
  db: Conn,
  externalIds: readonly string[],
): Promise<Set<string>> {
  const found = new Set<string>();
  // SQLite limits bound parameters per statement; chunk well below it.
  for (let i = 0; i < externalIds.length; i += 500) {
    const chunk = externalIds.slice(i, i + 500);
    const rows = await db
      .selectFrom('incidents')
      .select('external_id')
      .where('external_id', 'in', chunk)
      .execute();
    for (const r of rows) if (r.external_id) found.add(r.external_id);
  }
  return found;
}

export async function listOpenIncidents(db: Conn): Promise<Incident[]> {
  const rows = await selectIncidents(db)
    .where('incidents.status', 'in', [...OPEN_STATUSES])
    .orderBy('incidents.detected_at')
    .execute();
  return rows.map(toIncident);
}

export async function listAllIncidents(db: Conn): Promise<Incident[]> {
  const rows = await selectIncidents(db).orderBy('incidents.detected_at').orderBy('incidents.id').execute();
  return rows.map(toIncident);
}

export async function countIncidents(db: Conn): Promise<number> {
  const row = await db
    .selectFrom('incidents')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
