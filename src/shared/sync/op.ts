import { z } from 'zod';

/**
 * Version of the op payload format and of the sync protocol. The hub refuses ops from a newer schema than
 * it knows, and clients older than its minimum (see `versions.ts`).
 */
export const SYNC_SCHEMA_VERSION = 2;

/**
 * One replicated change, written to `sync_outbox` in the same transaction as the change itself.
 * Kinds (payloads in `payloads.ts`):
 * - `incident.create`: the new incident in full; its descriptive fields start their LWW clocks;
 * - `incident.update`: some descriptive fields, last-writer-wins per field by HLC;
 * - `audit.append`: one audit event, an append-only set keyed by id;
 * - `workflow.command`: a workflow command, validated by the hub with the shared state machine;
 * - `attachment.add` (version 2): a file attached to an incident, its bytes sent to the hub first.
 */
export const OpKind = z.enum([
  'incident.create',
  'incident.update',
  'audit.append',
  'workflow.command',
  'attachment.add',
]);
export type OpKind = z.infer<typeof OpKind>;

export const Op = z.object({
  opId: z.string().uuid(),
  kind: OpKind,
  entity: z.string().min(1).max(100),
  entityId: z.string().min(1).max(200),
  payload: z.unknown(),
  hlc: z.string().max(200),
  deviceId: z.string().min(1).max(200),
  userId: z.string().max(200).nullable(),
  schemaVersion: z.number().int().positive(),
});
export type Op = z.infer<typeof Op>;
