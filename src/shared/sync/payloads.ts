import { z } from 'zod';
import { Incident } from '../domain/incident';
import { Attachment, MAX_ATTACHMENT_BYTES } from '../api/workflow';
import { CommandSchema, WorkflowEventSchema } from '../workflow';

/** An incident as replicated: everything but the joined department name. */
export const IncidentDoc = Incident.omit({ departmentName: true });
export type IncidentDoc = z.infer<typeof IncidentDoc>;

/** Fields an `incident.update` may carry: the descriptive ones. The status and the routing change only by workflow commands. */
export const DESCRIPTIVE_FIELDS = [
  'source',
  'network',
  'url',
  'externalId',
  'authorName',
  'text',
  'publishedAt',
  'detectedAt',
  'topic',
  'location',
  'importance',
] as const;
export type DescriptiveField = (typeof DESCRIPTIVE_FIELDS)[number];

/** Every field of the document but its id; each has its own LWW clock. */
export const DOC_FIELDS = [...DESCRIPTIVE_FIELDS, 'status', 'departmentId', 'version', 'updatedAt'] as const;
export type DocField = (typeof DOC_FIELDS)[number];

export const IncidentCreatePayload = IncidentDoc;
export type IncidentCreatePayload = IncidentDoc;

export const IncidentUpdatePayload = z.strictObject({
  fields: IncidentDoc.pick({
    source: true,
    network: true,
    url: true,
    externalId: true,
    authorName: true,
    text: true,
    publishedAt: true,
    detectedAt: true,
    topic: true,
    location: true,
    importance: true,
  })
    .partial()
    .strict()
    .refine((f) => Object.keys(f).length > 0, { message: 'нет изменённых полей' }),
});
export type IncidentUpdatePayload = z.infer<typeof IncidentUpdatePayload>;

/** One audit event as it crosses the wire (the `audit_events` row, JSON fields decoded). */
export const AuditEventWire = z.strictObject({
  id: z.string().min(1).max(200),
  at: z.number().int().nonnegative(),
  actorId: z.string().nullable(),
  actorRole: z.string().nullable(),
  deviceId: z.string().min(1),
  incidentId: z.string().nullable(),
  action: z.string().min(1).max(200),
  before: z.unknown(),
  after: z.unknown(),
});
export type AuditEventWire = z.infer<typeof AuditEventWire>;

export const AuditAppendPayload = AuditEventWire;

/**
 * A workflow command. `events` are what the issuing workstation's `decide` produced (it shows them at once);
 * the hub decides again against its own state and replaces them with its events in what it serves.
 */
export const WorkflowCommandPayload = z.strictObject({
  command: CommandSchema,
  events: z.array(WorkflowEventSchema).default([]),
});
export type WorkflowCommandPayload = z.infer<typeof WorkflowCommandPayload>;

/** An `attachment.add` op: the file's record (its bytes travel separately, by hash). */
export const AttachmentPayload = Attachment.extend({
  id: z.string().min(1).max(200),
  fileName: z.string().min(1).max(255),
  mime: z.string().min(1).max(200),
  size: z.number().int().nonnegative().max(MAX_ATTACHMENT_BYTES),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  createdAt: z.number().int().nonnegative(),
  incidentId: z.string().min(1).max(200),
  createdBy: z.string().min(1).max(200),
}).strict();
export type AttachmentPayload = z.infer<typeof AttachmentPayload>;
