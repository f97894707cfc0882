import { z } from 'zod';
import { Importance } from '../domain/importance';
import { ActorSchema } from './roles';
import {
  AnswerKindSchema,
  CloseReasonSchema,
  CriterionKeySchema,
  RepeatLinkSchema,
  RoutingSchema,
} from './state';

/**
 * What happened, one event per accepted command. Events are self-contained: `evolve` folds them without the
 * profile or the directory, so the hub and every workstation rebuild the same state from the same log.
 * `version` is the incident's version after the event.
 */
const Id = z.string().min(1);
const Instant = z.number().int().nonnegative();

const envelope = {
  incidentId: Id,
  version: z.number().int().positive(),
  at: Instant,
  actor: ActorSchema,
};

export const WorkflowEventSchema = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('classified'),
    ...envelope,
    topic: z.string().trim().min(1),
    location: z.string().trim().min(1),
    importance: Importance,
  }),
  z.strictObject({ type: z.literal('routed'), ...envelope, ...RoutingSchema.shape }),
  z.strictObject({
    type: z.literal('returned-misrouted'),
    ...envelope,
    departmentId: Id,
    reason: z.string().trim().min(1),
  }),
  z.strictObject({
    type: z.literal('draft-saved'),
    ...envelope,
    text: z.string(),
    kind: AnswerKindSchema,
    attachmentIds: z.array(Id),
  }),
  z.strictObject({
    type: z.literal('part-submitted'),
    ...envelope,
    departmentId: Id,
    text: z.string().trim().min(1),
    attachmentIds: z.array(Id),
    /** Every co-executor's part is in after this one: the co-executors' stage is done. */
    allPartsIn: z.boolean(),
  }),
  z.strictObject({
    type: z.literal('summary-compiled'),
    ...envelope,
    text: z.string().trim().min(1),
    kind: AnswerKindSchema,
    attachmentIds: z.array(Id),
  }),
  z.strictObject({ type: z.literal('sent-for-review'), ...envelope, levelId: Id }),
  z.strictObject({
    type: z.literal('approved'),
    ...envelope,
    levelId: Id,
    levelIndex: z.number().int().nonnegative(),
    /** The next level of the chain, or null when this was the last one (approved). */
    nextLevelId: Id.nullable(),
  }),
  z.strictObject({
    type: z.literal('returned-for-rework'),
    ...envelope,
    levelId: Id,
    criteria: z.array(CriterionKeySchema),
    comment: z.string(),
  }),
  z.strictObject({
    type: z.literal('published'),
    ...envelope,
    url: z.string().min(1),
    kind: AnswerKindSchema,
  }),
  z.strictObject({
    type: z.literal('postponement-agreed'),
    ...envelope,
    until: Instant,
    authorInformed: z.literal(true),
  }),
  z.strictObject({
    type: z.literal('closed-no-answer'),
    ...envelope,
    reason: CloseReasonSchema,
    comment: z.string(),
  }),
  z.strictObject({
    type: z.literal('repeat-linked'),
    ...envelope,
    ...RepeatLinkSchema.shape,
    /** With new facts: the new routing (Ухта p.17); null when closed as a repeat. */
    routing: RoutingSchema.nullable(),
  }),
  z.strictObject({ type: z.literal('reopened'), ...envelope, reason: z.string().trim().min(1) }),
]);
export type WorkflowEvent = z.infer<typeof WorkflowEventSchema>;
export type WorkflowEventType = WorkflowEvent['type'];
export type EventOf<T extends WorkflowEventType> = Extract<WorkflowEvent, { type: T }>;
