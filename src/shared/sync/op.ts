import { z } from 'zod';

/** Version of the op payload format; the hub refuses ops from a newer schema than it knows. */
export const SYNC_SCHEMA_VERSION = 1;

/**
 * One replicated change, written to `sync_outbox` in the same transaction as the change itself.
 * The sync issue (#7) adds the hub protocol around it.
 */
export const OpKind = z.enum(['incident.create', 'incident.update', 'audit.append']);
export type OpKind = z.infer<typeof OpKind>;

export const Op = z.object({
  opId: z.string().uuid(),
  kind: OpKind,
  entity: z.string(),
  entityId: z.string(),
  payload: z.unknown(),
  hlc: z.string(),
  deviceId: z.string(),
  userId: z.string().nullable(),
  schemaVersion: z.number().int().positive(),
});
export type Op = z.infer<typeof Op>;
