import { z } from 'zod';
import { Incident } from '../domain/incident';
import { CommandTypeSchema, IncidentWorkflowStateSchema, WorkflowEventSchema } from '../workflow';
import { StageDeadline } from './clock';

export const AttachmentKind = z.enum(['photo', 'video', 'act', 'other']);
export type AttachmentKind = z.infer<typeof AttachmentKind>;

export const Attachment = z.object({
  id: z.string(),
  fileName: z.string(),
  mime: z.string(),
  size: z.number().int().nonnegative(),
  kind: AttachmentKind,
  sha256: z.string(),
  createdAt: z.number(),
});
export type Attachment = z.infer<typeof Attachment>;

export const AuditEntry = z.object({
  id: z.string(),
  at: z.number(),
  actorId: z.string().nullable(),
  actorName: z.string().nullable(),
  actorRole: z.string().nullable(),
  action: z.string(),
  before: z.unknown(),
  after: z.unknown(),
  /**
   * A change made here that the hub refused (another came first): its reason. The attempt stays in the
   * journal, marked, while the incident shows what the hub accepted (docs/sync.md, «Conflicts»).
   */
  refused: z.string().nullable().default(null),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

/** Everything the incident card shows, in one call. */
export const IncidentCard = z.object({
  incident: Incident,
  state: IncidentWorkflowStateSchema,
  events: z.array(WorkflowEventSchema),
  /** The commands the signed-in person may issue now: the card shows only these. */
  allowed: z.array(CommandTypeSchema),
  clock: z.object({
    deadlineAt: z.number(),
    budgetMinutes: z.number(),
    state: z.enum(['on-time', 'warning', 'breached', 'done', 'done-late']),
    currentStage: z.string().nullable(),
    stages: z.array(StageDeadline),
    finalDeadline: z.number().nullable(),
  }),
  attachments: z.array(Attachment),
  audit: z.array(AuditEntry),
  /**
   * The incident left this workstation's departments (sync, docs/sync.md «Scope»): the copy here is no
   * longer updated and is read-only. The departments it went to (names; empty: back to the control
   * centre), and when this workstation learnt it.
   */
  away: z
    .object({
      departments: z.array(z.string()),
      since: z.number(),
      /** The hub refused this workstation's registration of it (a duplicate): its reason. */
      refused: z.string().nullable().default(null),
    })
    .nullable(),
});
export type IncidentCard = z.infer<typeof IncidentCard>;

/** A command as the UI sends it: the core fills in the actor from the connection's session. */
export const CommandRequest = z.object({ command: z.record(z.string(), z.unknown()) }).strict();

/** The largest file a person may attach; the hub keeps files up to this size too. */
export const MAX_ATTACHMENT_BYTES = 50 * 1024 * 1024;

export const workflowMethods = {
  'incidents.card': { request: z.object({ id: z.string().min(1) }).strict(), response: IncidentCard },
  'workflow.execute': { request: CommandRequest, response: IncidentCard },
  'attachments.add': {
    request: z
      .object({
        incidentId: z.string().min(1),
        fileName: z.string().trim().min(1).max(255),
        mime: z.string().max(200),
        kind: AttachmentKind,
        // base64 of at most 50 MB
        dataBase64: z.string().max(Math.ceil(MAX_ATTACHMENT_BYTES / 3) * 4),
      })
      .strict(),
    response: Attachment,
  },
  'audit.list': {
    request: z.object({ incidentId: z.string().min(1).optional() }).strict(),
    response: z.array(AuditEntry),
  },
} as const;
