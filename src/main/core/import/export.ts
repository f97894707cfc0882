import { DateTime } from 'luxon';
import type {
  Importance,
  Incident,
  IncidentSource,
  IncidentStatus,
  Network,
} from '../../../shared/domain/incident';

/**
 * An incident as `export --json` writes it: the import format's fields, so that the file can be
 * imported back, plus what only the workstation knows (id, status, department), which import skips.
 */
export interface ExportRecord {
  id: string;
  externalId: string | null;
  source: IncidentSource;
  network: Network;
  url: string | null;
  authorName: string;
  text: string;
  /** ISO 8601 with the organisation's offset: «2026-03-02T10:15:00+03:00». */
  publishedAt: string;
  detectedAt: string;
  topic: string;
  location: string;
  importance: Importance;
  status: IncidentStatus;
  departmentId: string | null;
  department: string | null;
}

export function toExportRecord(incident: Incident, zone: string): ExportRecord {
  return {
    id: incident.id,
    externalId: incident.externalId,
    source: incident.source,
    network: incident.network,
    url: incident.url,
    authorName: incident.authorName,
    text: incident.text,
    publishedAt: isoInZone(incident.publishedAt, zone),
    detectedAt: isoInZone(incident.detectedAt, zone),
    topic: incident.topic,
    location: incident.location,
    importance: incident.importance,
    status: incident.status,
    departmentId: incident.departmentId,
    department: incident.departmentName,
  };
}

/** Milliseconds are written only when present, so a round trip keeps the instant exactly. */
function isoInZone(ms: number, zone: string): string {
  const iso = DateTime.fromMillis(ms, { zone }).toISO({ suppressMilliseconds: true });
  if (iso === null) throw new RangeError(`Cannot write ${ms} in time zone ${zone}`);
  return iso;
}
