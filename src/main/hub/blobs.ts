import { createHash } from 'node:crypto';
import { requireWorkstation } from './caller';
import type { Caller, HubContext } from './context';
import { HubError } from './errors';
import type { HubConn } from './replicas';
import { MAX_ATTACHMENT_BYTES } from '../../shared/api/workflow';

const SHA256 = /^[0-9a-f]{64}$/;

function checkHash(sha256: string): void {
  if (!SHA256.test(sha256))
    throw new HubError('bad_request', 'Адрес файла — его SHA-256 (64 шестнадцатеричных знака)');
}

/**
 * Keeps an attachment's bytes under their SHA-256 (`PUT /v1/blobs/<sha256>`), before the workstation pushes
 * the op that names them. Idempotent; bytes that do not hash to the address are refused.
 */
export async function putBlob(ctx: HubContext, caller: Caller, sha256: string, bytes: Buffer): Promise<void> {
  requireWorkstation(caller);
  checkHash(sha256);
  if (bytes.length > MAX_ATTACHMENT_BYTES) throw new HubError('too_large', 'Файл больше 50 МБ');
  if (createHash('sha256').update(bytes).digest('hex') !== sha256) {
    throw new HubError(
      'bad_request',
      'Содержимое файла не совпадает с его SHA-256: файл повреждён при передаче',
    );
  }
  await ctx.db
    .insertInto('hub_blobs')
    .values({ sha256, bytes, size: bytes.length, created_at: ctx.now() })
    .onConflict((oc) => oc.column('sha256').doNothing())
    .execute();
}

/**
 * An attachment's bytes (`GET /v1/blobs/<sha256>`). Any enrolled workstation may read them: the address is
 * the file's hash, which only the records it was served name.
 */
export async function getBlob(ctx: HubContext, caller: Caller, sha256: string): Promise<Buffer> {
  requireWorkstation(caller);
  checkHash(sha256);
  const row = await ctx.db
    .selectFrom('hub_blobs')
    .select('bytes')
    .where('sha256', '=', sha256)
    .executeTakeFirst();
  if (!row) throw new HubError('not_found', 'Файла с таким SHA-256 на хабе нет');
  return Buffer.from(row.bytes);
}

/** Which of these files the hub holds. */
export async function blobsPresent(db: HubConn, hashes: readonly string[]): Promise<Set<string>> {
  const unique = [...new Set(hashes)];
  if (unique.length === 0) return new Set();
  const rows = await db.selectFrom('hub_blobs').select('sha256').where('sha256', 'in', unique).execute();
  return new Set(rows.map((r) => r.sha256));
}
