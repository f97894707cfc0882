import { z } from 'zod';
import { CLOSE_REASONS, RoleSchema, WorkflowStatusSchema } from '../workflow';
import { HotspotRowSchema, HotspotRuleSchema } from './hotspots';
import { MonthSchema } from './month';

/** The monthly report to the head as data: what the screen, the XLSX and the PDF all show. */

const Count = z.number().int().nonnegative();
/** A fraction 0…1; null when there is nothing to divide by. */
const Share = z.number().min(0).max(1).nullable();
const Instant = z.number().int();

export const REACTIONS = ['positive', 'neutral', 'negative'] as const;
export const ReactionSchema = z.enum(REACTIONS);
export type Reaction = z.infer<typeof ReactionSchema>;

export const CloseReasonCountsSchema = z.object(
  Object.fromEntries(CLOSE_REASONS.map((r) => [r, Count])) as Record<
    (typeof CLOSE_REASONS)[number],
    typeof Count
  >,
);

/** The figures of one department, or of the whole administration (see docs/reports.md for each). */
export const FiguresSchema = z.object({
  received: Count,
  highImportance: Count,
  /** A first answer (final or interim) was published. */
  answered: Count,
  answeredOnTime: Count,
  answeredLate: Count,
  /** answeredOnTime / answered. */
  onTimeShare: Share,
  /** Not published and not closed at the report's moment (an interim answer waits for its final). */
  open: Count,
  /** Open and no answer of any kind yet. */
  awaitingAnswer: Count,
  /** Open and past the running deadline (the answer, or after an interim answer the final one). */
  overdueNow: Count,
  /** Returns by a department as not its competence. */
  misroutedReturns: Count,
  /** Incidents returned for rework at least once. */
  reworkIncidents: Count,
  /** Returns for rework, all of them. */
  reworkReturns: Count,
  /** Returns citing each criterion (a return may cite several). */
  reworkByCriterion: z.record(z.string(), Count),
  /** Answers (interim and final count apart) sent for review. */
  reviewedAnswers: Count,
  /** Answers approved at the last level. */
  approvedAnswers: Count,
  /** Approved without a single return. */
  firstPassAnswers: Count,
  /** firstPassAnswers / approvedAnswers. */
  firstPassShare: Share,
  /** Incidents with an interim answer published. */
  interim: Count,
  /** The final obligation after an interim answer (final answer or final draft, per profile) met in time. */
  finalOnTime: Count,
  finalLate: Count,
  /** Not met and past its deadline. */
  finalOverdue: Count,
  /** Not met, still within its deadline. */
  finalPending: Count,
  /** Working minutes from detection to the first published answer. */
  publishMinutesAvg: z.number().nonnegative().nullable(),
  publishMinutesMedian: z.number().nonnegative().nullable(),
  closedNoAnswer: Count,
  closedByReason: CloseReasonCountsSchema,
  /** Linked as a repeat of an earlier message (Ухта p.17). */
  repeats: Count,
  repeatsWithNewFacts: Count,
  closedAsRepeat: Count,
  reactions: z.object({ positive: Count, neutral: Count, negative: Count }),
  /** positive / recorded reactions. */
  satisfactionShare: Share,
});
export type Figures = z.infer<typeof FiguresSchema>;

export const DepartmentRowSchema = z.object({
  /** null: not routed to any department (closed by МЦУ or still new). */
  departmentId: z.string().nullable(),
  name: z.string(),
  shortName: z.string(),
  figures: FiguresSchema,
  previous: FiguresSchema,
});
export type DepartmentRow = z.infer<typeof DepartmentRowSchema>;

export const DynamicsRowSchema = z.object({
  key: z.string(),
  label: z.string(),
  unit: z.enum(['count', 'share', 'hours']),
  previous: z.number().nullable(),
  current: z.number().nullable(),
  /** current − previous, in the unit (a share in fractions, hours in hours). */
  delta: z.number().nullable(),
  /** Whether a rise is good (on-time share) or bad (overdue): for the colour of the arrow. */
  better: z.enum(['up', 'down', 'neutral']),
});
export type DynamicsRow = z.infer<typeof DynamicsRowSchema>;

export const CriterionRowSchema = z.object({
  key: z.string(),
  label: z.string(),
  clause: z.string(),
  returns: Count,
  /** returns / reviewed answers. */
  share: Share,
});
export type CriterionRow = z.infer<typeof CriterionRowSchema>;

export const TopicRowSchema = z.object({
  topic: z.string(),
  count: Count,
  previous: Count,
  /** count / received. */
  share: Share,
  answeredOnTime: Count,
  overdueNow: Count,
  repeats: Count,
});
export type TopicRow = z.infer<typeof TopicRowSchema>;

export const LocationRowSchema = z.object({
  district: z.string(),
  place: z.string(),
  count: Count,
  previous: Count,
  open: Count,
  overdueNow: Count,
  repeats: Count,
  topTopic: z.string(),
});
export type LocationRow = z.infer<typeof LocationRowSchema>;

export const RepeatGroupSchema = z.object({
  earlierIncidentId: z.string(),
  earlierAnswerUrl: z.string(),
  /** The earlier message, when it is in the database. */
  earlier: z
    .object({
      detectedAt: Instant,
      topic: z.string(),
      location: z.string(),
      text: z.string(),
      departmentName: z.string().nullable(),
      answeredAt: Instant.nullable(),
    })
    .nullable(),
  repeats: z.array(
    z.object({
      incidentId: z.string(),
      detectedAt: Instant,
      authorName: z.string(),
      text: z.string(),
      newFacts: z.boolean(),
      status: WorkflowStatusSchema,
    }),
  ),
});
export type RepeatGroup = z.infer<typeof RepeatGroupSchema>;

export const RepeatCauseSchema = z.object({ topic: z.string(), repeats: Count, withNewFacts: Count });
export type RepeatCause = z.infer<typeof RepeatCauseSchema>;

export const HolderSchema = z.object({
  /** The department, or the МЦУ body / approval level that held the incident. */
  unit: z.string(),
  role: RoleSchema.nullable(),
  roleLabel: z.string(),
  /** The person: the executor who last saved the draft, the department's responsible person, the reviewer… */
  personName: z.string().nullable(),
  /** How the person was found, in Russian («автор проекта ответа», «ответственный подразделения»…). */
  basis: z.string(),
  statusLabel: z.string(),
});
export type Holder = z.infer<typeof HolderSchema>;

export const BreachRowSchema = z.object({
  incidentId: z.string(),
  detectedAt: Instant,
  topic: z.string(),
  location: z.string(),
  departmentName: z.string(),
  stageId: z.string(),
  stageTitle: z.string(),
  clause: z.string(),
  /** The answer or the final answer: the breaches the head is told about first. */
  primary: z.boolean(),
  deadline: Instant,
  doneAt: Instant.nullable(),
  /** Working minutes past the deadline (to completion, or to the report's moment if not done). */
  overdueMinutes: z.number().nonnegative(),
  holder: HolderSchema,
  /** Who finally did the step, when it was done late. */
  completedBy: z.string().nullable(),
});
export type BreachRow = z.infer<typeof BreachRowSchema>;

export const StageBreachCountSchema = z.object({
  stageId: z.string(),
  stageTitle: z.string(),
  clause: z.string(),
  count: Count,
});
export type StageBreachCount = z.infer<typeof StageBreachCountSchema>;

export const MonthlyReportSchema = z.object({
  month: MonthSchema,
  monthLabel: z.string(),
  previousMonth: MonthSchema,
  previousMonthLabel: z.string(),
  /** [from, to) of the month, epoch ms. */
  from: Instant,
  to: Instant,
  /** The moment the figures describe (open, overdue now): when the report was made. */
  asOf: Instant,
  zone: z.string(),
  profile: z.object({ id: z.string(), name: z.string() }),
  /** 'YYYY-MM-DD': the 10th of the next month. */
  deadline: z.string(),
  total: FiguresSchema,
  previousTotal: FiguresSchema,
  departments: z.array(DepartmentRowSchema),
  dynamics: z.array(DynamicsRowSchema),
  criteria: z.array(CriterionRowSchema),
  topics: z.array(TopicRowSchema),
  locations: z.array(LocationRowSchema),
  repeats: z.array(RepeatGroupSchema),
  repeatCauses: z.array(RepeatCauseSchema),
  breaches: z.array(BreachRowSchema),
  stageBreaches: z.array(StageBreachCountSchema),
  hotspots: z.array(HotspotRowSchema),
  hotspotRule: HotspotRuleSchema,
});
export type MonthlyReport = z.infer<typeof MonthlyReportSchema>;
