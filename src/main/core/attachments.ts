import { createHash, randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, extname, join } from 'node:path';
import type { Attachment, AttachmentKind } from '../../shared/api/workflow';

/**
 * Where an attachment's bytes live: `<data dir>/attachments/<sha256><ext>`: content-addressed, so the
 * same photo attached twice is kept once, and a file can never be swapped under its record.
 */
export function attachmentFile(dataRoot: string, sha256: string, fileName: string): string {
  const ext = extname(fileName)
    .toLowerCase()
    .replace(/[^.a-z0-9]/g, '')
    .slice(0, 10);
  return join(dataRoot, 'attachments', `${sha256}${ext}`);
}

/** Writes the bytes under their name unless they are there: via a temporary name, so a crash never leaves a half-written file under the hash. */
export function writeAttachmentBytes(
  dataRoot: string,
  sha256: string,
  fileName: string,
  bytes: Buffer,
): void {
  const target = attachmentFile(dataRoot, sha256, fileName);
  if (existsSync(target)) return;
  mkdirSync(dirname(target), { recursive: true });
  const temp = `${target}.${randomUUID()}.tmp`;
  writeFileSync(temp, bytes);
  renameSync(temp, target);
}

/** Stores a file a person attached and describes it. */
export function storeAttachmentFile(
  dataRoot: string,
  input: { fileName: string; mime: string; kind: AttachmentKind; bytes: Buffer },
  now: number,
): Attachment {
  const sha256 = createHash('sha256').update(input.bytes).digest('hex');
  writeAttachmentBytes(dataRoot, sha256, input.fileName, input.bytes);
  return {
    id: randomUUID(),
    fileName: input.fileName,
    mime: input.mime || 'application/octet-stream',
    size: input.bytes.length,
    kind: input.kind,
    sha256,
    createdAt: now,
  };
}
