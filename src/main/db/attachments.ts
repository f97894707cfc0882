import type { Attachment } from '../../shared/api/workflow';
import type { Conn } from './incidents';

export async function insertAttachment(
  db: Conn,
  a: Attachment & { incidentId: string; createdBy: string },
): Promise<void> {
  await db
    .insertInto('attachments')
    .values({
      id: a.id,
      incident_id: a.incidentId,
      sha256: a.sha256,
      file_name: a.fileName,
      mime: a.mime,
      size: a.size,
      kind: a.kind,
      created_at: a.createdAt,
      created_by: a.createdBy,
    })
    .execute();
}

export async function listAttachments(db: Conn, incidentId: string): Promise<Attachment[]> {
  const rows = await db
    .selectFrom('attachments')
    .selectAll()
    .where('incident_id', '=', incidentId)
    .orderBy('created_at')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    fileName: r.file_name,
    mime: r.mime,
    size: r.size,
    kind: r.kind,
    sha256: r.sha256,
    createdAt: r.created_at,
  }));
}
