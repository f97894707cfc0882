import { randomUUID } from 'node:crypto';
import { formatHlc } from '../../shared/sync/hlc';
import { SYNC_SCHEMA_VERSION } from '../../shared/sync/op';
import type { IncidentDoc } from '../../shared/sync/payloads';
import type { IntakeResponse, PushItem } from '../../shared/sync/wire';
import { ImportError, parseImportFile, type ImportFormat } from '../core/import/parse';
import type { Caller, HubContext } from './context';
import { HubError } from './errors';
import { pushOps } from './push';
import { findIncidentsByExternalIds } from './replicas';

export const HUB_DEVICE_ID = 'hub';
export const MAX_INTAKE_RECORDS = 5000;

/**
 * Incidents from ИМ/ПОС or any script, in the import format (docs/import-format.md): all or nothing on a bad
 * file; idempotent by external id (a record already registered is skipped, also under concurrent calls:
 * the check runs again inside the push's locked transaction). Each becomes an ordinary `incident.create` op,
 * so workstations receive it like any other.
 */
export async function intake(
  ctx: HubContext,
  caller: Caller,
  content: string,
  format: ImportFormat,
): Promise<IntakeResponse> {
  if (caller.kind !== 'intake')
    throw new HubError('forbidden', 'Нужен токен приёма обращений (hub add-intake)');
  let records;
  try {
    records = parseImportFile(content, format);
  } catch (e) {
    if (e instanceof ImportError) {
      throw new HubError(
        'bad_request',
        ['Файл не принят, ничего не изменено:', ...e.issues.map((i) => `  ${i.message}`)].join('\n'),
      );
    }
    throw e;
  }
  if (records.length > MAX_INTAKE_RECORDS) {
    throw new HubError('too_large', `Не более ${MAX_INTAKE_RECORDS} записей за один запрос`);
  }
  const known = await findIncidentsByExternalIds(
    ctx.db,
    records.flatMap((r) => (r.externalId ? [r.externalId] : [])),
  );
  const now = ctx.now();
  const seen = new Set<string>();
  const items: PushItem[] = [];
  let skipped = 0;
  for (const [i, r] of records.entries()) {
    if (r.externalId && (known.has(r.externalId) || seen.has(r.externalId))) {
      skipped += 1;
      continue;
    }
    if (r.externalId) seen.add(r.externalId);
    const id = randomUUID();
    const doc: IncidentDoc = {
      id,
      source: r.source,
      network: r.network,
      url: r.url,
      externalId: r.externalId,
      authorName: r.authorName,
      text: r.text,
      publishedAt: r.publishedAt,
      detectedAt: r.detectedAt,
      topic: r.topic,
      location: r.location,
      importance: r.importance,
      status: 'new',
      departmentId: null,
      version: 1,
      updatedAt: now,
    };
    items.push({
      op: {
        opId: id,
        kind: 'incident.create',
        entity: 'incident',
        entityId: id,
        payload: doc,
        hlc: formatHlc({ millis: now, counter: i % 0x10000, node: HUB_DEVICE_ID }),
        deviceId: HUB_DEVICE_ID,
        userId: null,
        schemaVersion: SYNC_SCHEMA_VERSION,
      },
      audit: {
        id,
        at: now,
        actorId: null,
        actorRole: 'intake',
        deviceId: HUB_DEVICE_ID,
        incidentId: id,
        action: 'intake',
        before: null,
        after: { ...doc, intake: caller.name },
      },
      sessionId: null,
      sig: null,
    });
  }
  const results = items.length ? (await pushOps(ctx, caller, items)).results : [];
  const ids = results.flatMap((r) => (r.status === 'accepted' ? [r.opId] : []));
  const rejected = results.filter((r) => r.status === 'rejected');
  // Only a concurrent intake of the same external id can be refused here.
  skipped += rejected.length;
  ctx.logger.info('intake', { client: caller.name, imported: ids.length, skipped });
  return { imported: ids.length, skipped, ids };
}
