import { randomUUID } from 'node:crypto';
import type { NewIncident } from '../../shared/api/contract';
import type { Incident, IncidentStatus } from '../../shared/domain/incident';
import type { Db } from '../db/open';
import { findIncidentIdsByExternalIds, insertIncident } from '../db/incidents';
import { recordChange, type Actor } from './changes';
import type { Identity } from './identity';

export type CreateResult = { created: Incident[]; skippedExternalIds: string[] };

export type Placement = { status: IncidentStatus; departmentId: string | null };

/**
 * Creates incidents in one transaction, each with its audit event and sync op. Incidents whose
 * external id is already stored (or repeated earlier in the same batch) are skipped, so a
 * re-import or a repeated intake call never duplicates.
 */
export async function createIncidents(
  db: Db,
  identity: Identity,
  actor: Actor,
  now: number,
  items: readonly (NewIncident & Partial<Placement>)[],
  action = 'incident.create',
): Promise<CreateResult> {
  return db.transaction().execute(async (trx) => {
    const externalIds = items.flatMap((i) => (i.externalId ? [i.externalId] : []));
    const seen = await findIncidentIdsByExternalIds(trx, externalIds);
    const created: Incident[] = [];
    const skippedExternalIds: string[] = [];
    for (const item of items) {
      if (item.externalId) {
        if (seen.has(item.externalId)) {
          skippedExternalIds.push(item.externalId);
          continue;
        }
        seen.add(item.externalId);
      }
      const incident: Incident = {
        id: randomUUID(),
        source: item.source,
        network: item.network,
        url: item.url,
        externalId: item.externalId,
        authorName: item.authorName,
        text: item.text,
        publishedAt: item.publishedAt,
        detectedAt: item.detectedAt,
        topic: item.topic,
        location: item.location,
        importance: item.importance,
        status: item.status ?? 'new',
        departmentId: item.departmentId ?? null,
        departmentName: null,
        version: 1,
        updatedAt: now,
      };
      await insertIncident(trx, incident, now);
      const { departmentName: _omit, ...payload } = incident;
      await recordChange(trx, identity, actor, now, {
        action,
        incidentId: incident.id,
        before: null,
        after: payload,
        op: { kind: 'incident.create', entity: 'incident', entityId: incident.id, payload },
      });
      created.push(incident);
    }
    return { created, skippedExternalIds };
  });
}
