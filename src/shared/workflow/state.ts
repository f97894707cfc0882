import { z } from 'zod';
import { Importance } from '../domain/importance';
import { CRITERION_KEYS, type RegulationProfile } from '../regulations';

/**
 * The state of one incident in the workflow: a discriminated union on `status`. Every variant carries the
 * common part (identity, version, classification, counters, the interim answer and the repeat link) and what
 * its status needs for the guards in `policy.ts`.
 */
export const WORKFLOW_STATUSES = [
  /** Registered; classified or not yet (Новороссийск p.4; Ставрополь p.9.1). */
  'new',
  /** At the main department (no co-executors), nobody has started writing. */
  'routed',
  /** Returned by a department as not its competence, back to the operator to route again (Ставрополь p.10; Ухта p.9). */
  'returned',
  /** Waiting for the co-executors' parts of a summary answer (Новороссийск p.16; Ставрополь p.18; Ухта p.16). */
  'coexecutors',
  /** The main executor is writing the answer. */
  'drafting',
  /** At approval level `levelIndex` of the profile's chain (Ставрополь p.13: several levels). */
  'in-review',
  /** Returned by a reviewer with reasons (Новороссийск p.10–11; Ставрополь p.15–16; Ухта p.12–13). */
  'rework',
  /** Passed every level; waiting to be published (Новороссийск p.13; Ставрополь p.14; Ухта p.14). */
  'approved',
  /** The final answer is published: done. */
  'published',
  /** An interim answer is published; the final one is due (Новороссийск p.15; Ставрополь p.17; Ухта p.15). */
  'interim-published',
  /** A new date agreed with the controller, the author informed (Новороссийск p.9). */
  'postponed',
  /** No answer is given (Новороссийск p.18; Ставрополь p.22; Ухта p.18). */
  'closed-no-answer',
  /** A repeat of an answered message: the author gets the link to the earlier answer (Ухта p.17). */
  'closed-repeat',
] as const;
export const WorkflowStatusSchema = z.enum(WORKFLOW_STATUSES);
export type WorkflowStatus = z.infer<typeof WorkflowStatusSchema>;

/** Statuses that end the workflow. Only `reopen` (supervisor) leaves a closed one; nothing leaves `published`. */
export const TERMINAL_STATUSES: readonly WorkflowStatus[] = [
  'published',
  'closed-no-answer',
  'closed-repeat',
];
export const OPEN_STATUSES: readonly WorkflowStatus[] = WORKFLOW_STATUSES.filter(
  (s) => !TERMINAL_STATUSES.includes(s),
);
export function isTerminal(status: WorkflowStatus): boolean {
  return TERMINAL_STATUSES.includes(status);
}

/** Statuses an incident may be in after its interim answer was published (waiting for the final one). */
export const AFTER_INTERIM_STATUSES: readonly WorkflowStatus[] = [
  'interim-published',
  'postponed',
  'drafting',
  'in-review',
  'rework',
  'approved',
  'published',
];

const Id = z.string().min(1);
const Instant = z.number().int().nonnegative();
const Count = z.number().int().nonnegative();

export const AnswerKindSchema = z.enum(['final', 'interim']);
export type AnswerKind = z.infer<typeof AnswerKindSchema>;

/** Reasons to give no answer (Новороссийск p.18; Ставрополь p.22; Ухта p.18). */
export const CLOSE_REASONS = ['obscene', 'insulting', 'threats', 'intent-to-harm'] as const;
export const CloseReasonSchema = z.enum(CLOSE_REASONS);
export type CloseReason = z.infer<typeof CloseReasonSchema>;

export const CriterionKeySchema = z.enum(CRITERION_KEYS);

export const ClassificationSchema = z.strictObject({
  topic: z.string().trim().min(1),
  location: z.string().trim().min(1),
});
export type Classification = z.infer<typeof ClassificationSchema>;

export const RoutingSchema = z.strictObject({
  mainDepartmentId: Id,
  /** Co-executors (соисполнители): each sends its part of a summary answer. */
  coDepartmentIds: z.array(Id),
});
export type Routing = z.infer<typeof RoutingSchema>;

export const DraftSchema = z.strictObject({
  text: z.string(),
  kind: AnswerKindSchema,
  /** Ids of attachments (photo, video, scanned act) kept by the core. */
  attachmentIds: z.array(Id),
  savedAt: Instant,
  savedBy: Id,
});
export type Draft = z.infer<typeof DraftSchema>;

export const PartSchema = z.strictObject({
  departmentId: Id,
  text: z.string().trim().min(1),
  attachmentIds: z.array(Id),
  submittedAt: Instant,
  submittedBy: Id,
});
export type Part = z.infer<typeof PartSchema>;

export const PublishedAnswerSchema = z.strictObject({
  kind: AnswerKindSchema,
  text: z.string(),
  url: z.string().min(1),
  at: Instant,
  by: Id,
});
export type PublishedAnswer = z.infer<typeof PublishedAnswerSchema>;

export const RemarksSchema = z.strictObject({
  levelId: Id,
  criteria: z.array(CriterionKeySchema),
  comment: z.string(),
  at: Instant,
  by: Id,
});
export type Remarks = z.infer<typeof RemarksSchema>;

export const MisroutedReturnSchema = z.strictObject({
  departmentId: Id,
  reason: z.string().trim().min(1),
  at: Instant,
  by: Id,
});
export type MisroutedReturn = z.infer<typeof MisroutedReturnSchema>;

export const RepeatLinkSchema = z.strictObject({
  earlierIncidentId: Id,
  /** The link to the earlier answer the author is pointed to (Ухта p.17). */
  earlierAnswerUrl: z.string().min(1),
  /** New facts: the message was routed again instead of being closed (Ухта p.17). */
  newFacts: z.boolean(),
});
export type RepeatLink = z.infer<typeof RepeatLinkSchema>;

const baseShape = {
  incidentId: Id,
  /** +1 per accepted command; commands carry the version they expect (optimistic concurrency, sync). */
  version: Count,
  importance: Importance,
  classification: ClassificationSchema.nullable(),
  /** How many times departments returned the message as misrouted. */
  misroutedReturns: Count,
  /** How many times reviewers returned a draft for rework. */
  reworkCount: Count,
  /** The published interim answer, once there is one: the final answer is then due. */
  interim: PublishedAnswerSchema.nullable(),
  /** The latest agreed postponement (Новороссийск p.9). */
  postponedUntil: Instant.nullable(),
  repeatOf: RepeatLinkSchema.nullable(),
};

const atDepartment = { ...baseShape, routing: RoutingSchema, parts: z.array(PartSchema) };
const withDraft = { ...atDepartment, draft: DraftSchema };

const NewState = z.strictObject({ status: z.literal('new'), ...baseShape });
const RoutedState = z.strictObject({ status: z.literal('routed'), ...atDepartment });
const ReturnedState = z.strictObject({
  status: z.literal('returned'),
  ...baseShape,
  lastReturn: MisroutedReturnSchema,
});
const CoexecutorsState = z.strictObject({
  status: z.literal('coexecutors'),
  ...atDepartment,
  /** The main executor may write while the parts come in. */
  draft: DraftSchema.nullable(),
});
const DraftingState = z.strictObject({ status: z.literal('drafting'), ...withDraft });
const InReviewState = z.strictObject({
  status: z.literal('in-review'),
  ...withDraft,
  levelIndex: Count,
  levelId: Id,
});
const ReworkState = z.strictObject({ status: z.literal('rework'), ...withDraft, remarks: RemarksSchema });
const ApprovedState = z.strictObject({ status: z.literal('approved'), ...withDraft });
const PublishedState = z.strictObject({
  status: z.literal('published'),
  ...atDepartment,
  answer: PublishedAnswerSchema,
});
const InterimPublishedState = z.strictObject({ status: z.literal('interim-published'), ...atDepartment });
const PostponedState = z.strictObject({
  status: z.literal('postponed'),
  ...atDepartment,
  authorInformed: z.literal(true),
});
const ClosedNoAnswerState = z.strictObject({
  status: z.literal('closed-no-answer'),
  ...baseShape,
  closure: z.strictObject({ reason: CloseReasonSchema, comment: z.string(), at: Instant, by: Id }),
});
const ClosedRepeatState = z.strictObject({
  status: z.literal('closed-repeat'),
  ...baseShape,
  closure: z.strictObject({ at: Instant, by: Id }),
});

const StateUnion = z.discriminatedUnion('status', [
  NewState,
  RoutedState,
  ReturnedState,
  CoexecutorsState,
  DraftingState,
  InReviewState,
  ReworkState,
  ApprovedState,
  PublishedState,
  InterimPublishedState,
  PostponedState,
  ClosedNoAnswerState,
  ClosedRepeatState,
]);

type Issue = { addIssue(issue: { code: 'custom'; message: string; path: PropertyKey[] }): void };

/** Cross-field invariants every reachable state keeps (the property test checks them after every command). */
function checkInvariants(s: z.infer<typeof StateUnion>, ctx: Issue): void {
  const issue = (path: PropertyKey[], message: string) => ctx.addIssue({ code: 'custom', message, path });
  if ('routing' in s) {
    const { mainDepartmentId, coDepartmentIds } = s.routing;
    if (coDepartmentIds.includes(mainDepartmentId))
      issue(['routing'], 'main department is also a co-executor');
    if (new Set(coDepartmentIds).size !== coDepartmentIds.length)
      issue(['routing'], 'duplicate co-executors');
    const partDeps = s.parts.map((p) => p.departmentId);
    if (new Set(partDeps).size !== partDeps.length) issue(['parts'], 'two parts from one department');
    if (partDeps.some((d) => !coDepartmentIds.includes(d))) issue(['parts'], 'a part from a non co-executor');
    const allIn = coDepartmentIds.every((d) => partDeps.includes(d));
    if (s.status === 'coexecutors' && coDepartmentIds.length === 0) issue(['routing'], 'no co-executors');
    if (s.status === 'routed' && coDepartmentIds.length > 0) issue(['routing'], 'co-executors not awaited');
    if (s.status !== 'coexecutors' && s.status !== 'routed' && !allIn) {
      issue(['parts'], 'summary answer without every part (Новороссийск p.16)');
    }
  }
  if ('draft' in s && s.draft && s.interim && s.draft.kind !== 'final') {
    issue(['draft', 'kind'], 'only the final answer follows an interim one');
  }
  if ((s.status === 'in-review' || s.status === 'approved') && s.draft.text.trim() === '') {
    issue(['draft', 'text'], 'an empty draft cannot be reviewed');
  }
  if (s.interim) {
    if (s.interim.kind !== 'interim') issue(['interim', 'kind'], 'interim answer of kind final');
    if (!AFTER_INTERIM_STATUSES.includes(s.status)) issue(['status'], `${s.status} after an interim answer`);
  } else if (s.status === 'interim-published' || s.status === 'postponed') {
    issue(['interim'], `${s.status} without an interim answer`);
  }
  if (s.status === 'postponed' && s.postponedUntil === null) issue(['postponedUntil'], 'no agreed date');
  if (s.status === 'published' && s.answer.kind !== 'final') issue(['answer', 'kind'], 'published interim');
  if (s.status === 'closed-repeat' && (!s.repeatOf || s.repeatOf.newFacts)) {
    issue(['repeatOf'], 'closed as a repeat without a link, or with new facts');
  }
}

export const IncidentWorkflowStateSchema = StateUnion.superRefine(checkInvariants);
export type IncidentWorkflowState = z.infer<typeof StateUnion>;
export type StateOf<S extends WorkflowStatus> = Extract<IncidentWorkflowState, { status: S }>;
/** The part every state carries. */
export type WorkflowBase = Omit<StateOf<'new'>, 'status'>;

/** The state schema plus the checks that need the profile: the review level exists in its approval chain. */
export function workflowStateSchemaFor(profile: RegulationProfile) {
  return IncidentWorkflowStateSchema.superRefine((s, ctx) => {
    if (s.status !== 'in-review') return;
    const level = profile.approvalChain[s.levelIndex];
    if (!level || level.id !== s.levelId) {
      ctx.addIssue({
        code: 'custom',
        message: `no level «${s.levelId}» at ${s.levelIndex} in the chain of «${profile.id}»`,
        path: ['levelIndex'],
      });
    }
  });
}

export type NewIncidentInput = {
  incidentId: string;
  importance?: Importance;
  classification?: Classification | null;
};

/** A freshly registered incident (detected by ИМ, imported or typed in): status `new`, version 0. */
export function initialWorkflowState(input: NewIncidentInput): StateOf<'new'> {
  return {
    status: 'new',
    incidentId: input.incidentId,
    version: 0,
    importance: input.importance ?? 'normal',
    classification: input.classification ?? null,
    misroutedReturns: 0,
    reworkCount: 0,
    interim: null,
    postponedUntil: null,
    repeatOf: null,
  };
}

/** The common part of a state, to build a state of another status from it. */
export function baseOf(s: IncidentWorkflowState): WorkflowBase {
  return {
    incidentId: s.incidentId,
    version: s.version,
    importance: s.importance,
    classification: s.classification,
    misroutedReturns: s.misroutedReturns,
    reworkCount: s.reworkCount,
    interim: s.interim,
    postponedUntil: s.postponedUntil,
    repeatOf: s.repeatOf,
  };
}
