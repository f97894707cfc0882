import { z } from 'zod';
import { Importance } from '../domain/importance';
import { ActorSchema } from './roles';
import { AnswerKindSchema, CloseReasonSchema, CriterionKeySchema, WorkflowStatusSchema } from './state';

/**
 * What a person asks the workflow to do. Every command names the incident, who issues it and the status and
 * version the issuer saw (`stale` when the incident has moved on: another workstation was faster).
 *
 * Payloads are deliberately permissive where a rule gives a precise Russian reason instead (an empty reason,
 * a bad link, a date in the past): `decide` explains those; the schema only rejects malformed input.
 */
export const COMMAND_TYPES = [
  'classify',
  'route',
  'return-misrouted',
  'save-draft',
  'submit-part',
  'compile-summary',
  'send-for-review',
  'approve',
  'return-for-rework',
  'publish',
  'agree-postponement',
  'close-no-answer',
  'link-repeat',
  'reopen',
] as const;
export const CommandTypeSchema = z.enum(COMMAND_TYPES);
export type CommandType = z.infer<typeof CommandTypeSchema>;

const Id = z.string().min(1);
const Instant = z.number().int().nonnegative();

const envelope = {
  incidentId: Id,
  actor: ActorSchema,
  expectedStatus: WorkflowStatusSchema,
  expectedVersion: z.number().int().nonnegative(),
};

export const RoutingInputSchema = z.strictObject({
  mainDepartmentId: Id,
  coDepartmentIds: z.array(Id),
});
export type RoutingInput = z.infer<typeof RoutingInputSchema>;

export const CommandSchema = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('classify'),
    ...envelope,
    topic: z.string(),
    location: z.string(),
    importance: Importance,
  }),
  z.strictObject({ type: z.literal('route'), ...envelope, ...RoutingInputSchema.shape }),
  z.strictObject({
    type: z.literal('return-misrouted'),
    ...envelope,
    /** The routed department that returns it (main or co-executor). */
    departmentId: Id,
    reason: z.string(),
  }),
  z.strictObject({
    type: z.literal('save-draft'),
    ...envelope,
    text: z.string(),
    kind: AnswerKindSchema,
    attachmentIds: z.array(Id),
  }),
  z.strictObject({
    type: z.literal('submit-part'),
    ...envelope,
    /** The co-executor department whose part this is. */
    departmentId: Id,
    text: z.string(),
    attachmentIds: z.array(Id),
  }),
  z.strictObject({
    type: z.literal('compile-summary'),
    ...envelope,
    text: z.string(),
    kind: AnswerKindSchema,
    attachmentIds: z.array(Id),
  }),
  z.strictObject({ type: z.literal('send-for-review'), ...envelope }),
  z.strictObject({ type: z.literal('approve'), ...envelope }),
  z.strictObject({
    type: z.literal('return-for-rework'),
    ...envelope,
    /** Criteria of the profile the answer fails (Новороссийск p.10; Ухта p.12). */
    criteria: z.array(CriterionKeySchema),
    comment: z.string(),
  }),
  z.strictObject({
    type: z.literal('publish'),
    ...envelope,
    /** The link to the published answer, in the network of the message (Ставрополь p.14; Ухта p.14). */
    url: z.string(),
  }),
  z.strictObject({
    type: z.literal('agree-postponement'),
    ...envelope,
    until: Instant,
    authorInformed: z.boolean(),
  }),
  z.strictObject({
    type: z.literal('close-no-answer'),
    ...envelope,
    reason: CloseReasonSchema,
    comment: z.string(),
  }),
  z.strictObject({
    type: z.literal('link-repeat'),
    ...envelope,
    earlierIncidentId: Id,
    earlierAnswerUrl: z.string(),
    /** New facts: route it again (with `routing`) instead of closing it (Ухта p.17). */
    newFacts: z.boolean(),
    routing: RoutingInputSchema.nullable(),
  }),
  z.strictObject({ type: z.literal('reopen'), ...envelope, reason: z.string() }),
]);
export type Command = z.infer<typeof CommandSchema>;
export type CommandOf<T extends CommandType> = Extract<Command, { type: T }>;
