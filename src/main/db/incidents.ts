import { CompiledQuery, sql, type Selectable } from 'kysely';
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

/** Fixed SQL, not built by the query builder for each registration (see `db/settings.ts`). */
const INSERT = `INSERT INTO incidents (id, source, network, url, external_id, author_name, text, published_at,
  detected_at, topic, location, importance, status, department_id, version, created_at, updated_at)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`;

export async function insertIncident(db: Conn, incident: Incident, createdAt: number): Promise<void> {
  await db.executeQuery(
    CompiledQuery.raw(INSERT, [
      incident.id,
      incident.source,
      incident.network,
      incident.url,
      incident.externalId,
      incident.authorName,
      incident.text,
      incident.publishedAt,
      incident.detectedAt,
      incident.topic,
      incident.location,
      incident.importance,
      incident.status,
      incident.departmentId,
      incident.version,
      createdAt,
      incident.updatedAt,
    ]),
  );
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

/**
 * Incidents away from this workstation's queue: those that left its departments (`sync_away`, docs/sync.md
 * «Scope»), and those whose registration here the hub refused (a second registration of the same ИМ/ПОС
 * message, kept as `sync_conflicts` of kind `incident.create`). Their copies are kept but no longer updated.
 */
const AWAY_IDS = sql`
  SELECT incident_id FROM sync_away
  UNION
  SELECT incident_id FROM sync_conflicts WHERE kind = 'incident.create' AND incident_id IS NOT NULL`;

const NOT_AWAY = sql<boolean>`incidents.id NOT IN (${AWAY_IDS})`;

/** The queue's incidents: open, and not away from it (`AWAY_IDS`). */
export async function listOpenIncidents(db: Conn): Promise<Incident[]> {
  const rows = await selectIncidents(db)
    .where('incidents.status', 'in', [...OPEN_STATUSES])
    .where(NOT_AWAY)
    .orderBy('incidents.detected_at')
    .execute();
  return rows.map(toIncident);
}

/**
 * Where the incident went when it left this workstation's departments, and when; or, for one whose
 * registration the hub refused, the hub's reason (`refused`). Null while it is here.
 */
export async function findAway(
  db: Conn,
  id: string,
): Promise<{ departments: string[]; since: number; refused: string | null } | null> {
  const { rows } = await sql<{ departments: string; since: number }>`
    SELECT departments, since FROM sync_away WHERE incident_id = ${id}`.execute(db);
  const row = rows[0];
  if (row) return { departments: JSON.parse(row.departments) as string[], since: row.since, refused: null };
  const { rows: refused } = await sql<{ message: string; created_at: number }>`
    SELECT message, created_at FROM sync_conflicts
    WHERE incident_id = ${id} AND kind = 'incident.create'`.execute(db);
  const r = refused[0];
  return r ? { departments: [], since: r.created_at, refused: r.message } : null;
}

/** Which of these incidents are away from this workstation's queue (`AWAY_IDS`). */
export async function awayIncidentIds(db: Conn, ids: readonly string[]): Promise<Set<string>> {
  const { rows } = await sql<{ incident_id: string }>`
    SELECT incident_id FROM (${AWAY_IDS})
    WHERE incident_id IN (SELECT value FROM json_each(${JSON.stringify(ids)}))`.execute(db);
  return new Set(rows.map((r) => r.incident_id));
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
