import { createHash, randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import type { Attachment, AttachmentKind } from '../../shared/api/workflow';

/**
 * Stores an attachment's bytes in `<data dir>/attachments/<sha256><ext>`: content-addressed, so the
 * same photo attached twice is kept once, and a file can never be swapped under its record.
 */
export function storeAttachmentFile(
  dataRoot: string,
  input: { fileName: string; mime: string; kind: AttachmentKind; bytes: Buffer },
  now: number,
): Attachment {
  const sha256 = createHash('sha256').update(input.bytes).digest('hex');
  const dir = join(dataRoot, 'attachments');
  mkdirSync(dir, { recursive: true });
  const ext = extname(input.fileName)
    .toLowerCase()
    .replace(/[^.a-z0-9]/g, '')
    .slice(0, 10);
  const target = join(dir, `${sha256}${ext}`);
  if (!existsSync(target)) {
    // Write to a temporary name and rename: a crash never leaves a half-written file under the hash.
    const temp = `${target}.${randomUUID()}.tmp`;
    writeFileSync(temp, input.bytes);
    renameSync(temp, target);
  }
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
