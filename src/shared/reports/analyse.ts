import type { Importance } from '../domain/importance';
import {
  computeIncidentClock,
  stageKind,
  type ClockStage,
  type CriterionKey,
  type IncidentClock,
  type RegulationProfile,
} from '../regulations';
import {
  isTerminal,
  toClockEvents,
  type CloseReason,
  type IncidentWorkflowState,
  type WorkflowEvent,
  type WorkflowStatus,
} from '../workflow';
import type { WorkCalendar } from '../worktime';
import type { ReportIncident } from './input';
import { lastRoutedDepartment, stateAfter } from './replay';
import type { Reaction } from './schema';

export type FinalOutcome = 'on-time' | 'late' | 'overdue' | 'pending';

/** Everything the report needs to know about one incident at the report's moment. */
export type IncidentFacts = {
  incident: ReportIncident;
  /** The log up to the report's moment. */
  events: WorkflowEvent[];
  state: IncidentWorkflowState | null;
  status: WorkflowStatus;
  importance: Importance;
  /** The department the incident is counted for; null: МЦУ (not routed). */
  departmentId: string | null;
  clock: IncidentClock;
  answered: boolean;
  answeredOnTime: boolean;
  answeredLate: boolean;
  open: boolean;
  awaitingAnswer: boolean;
  overdueNow: boolean;
  misroutedReturns: number;
  reworkReturns: number;
  /** Criteria of every return for rework, one entry per criterion per return. */
  reworkCriteria: CriterionKey[];
  reviewedAnswers: number;
  approvedAnswers: number;
  firstPassAnswers: number;
  interim: boolean;
  final: FinalOutcome | null;
  /** Working minutes from detection to the first published answer. */
  publishMinutes: number | null;
  closedReason: CloseReason | null;
  repeat: { earlierIncidentId: string; earlierAnswerUrl: string; newFacts: boolean } | null;
  closedAsRepeat: boolean;
  reaction: Reaction | null;
  /** Stages done late, or running past their deadline, at the report's moment. */
  breaches: ClockStage[];
  firstAnswerAt: number | null;
};

export type AnalyseContext = {
  profile: RegulationProfile;
  calendar: WorkCalendar;
  asOf: number;
  /** The department of an earlier incident, for a repeat closed with a link to it. */
  departmentOfIncident: (id: string) => string | null;
  reactionOf: (incidentId: string) => Reaction | null;
};

/** Review cycles: an answer is sent, maybe returned and re-sent, and approved at the last level. */
function reviewCycles(events: readonly WorkflowEvent[]) {
  let reviewed = 0;
  let approved = 0;
  let firstPass = 0;
  let open = false;
  let returned = false;
  for (const e of events) {
    if (e.type === 'sent-for-review' && !open) {
      reviewed++;
      open = true;
      returned = false;
    } else if (e.type === 'returned-for-rework') {
      returned = true;
    } else if (e.type === 'approved' && e.nextLevelId === null) {
      approved++;
      if (!returned) firstPass++;
      open = false;
    }
  }
  return { reviewed, approved, firstPass };
}

function closureAt(status: WorkflowStatus, events: readonly WorkflowEvent[]): number | null {
  if (status !== 'closed-no-answer' && status !== 'closed-repeat') return null;
  const e = [...events].reverse().find((x) => x.type === 'closed-no-answer' || x.type === 'repeat-linked');
  return e?.at ?? null;
}

function finalOutcome(clock: IncidentClock): FinalOutcome | null {
  const stage = clock.stages.find((s) => stageKind(s.id) === 'final-after-interim');
  if (!stage) return null;
  switch (stage.state) {
    case 'done':
      return 'on-time';
    case 'done-late':
      return 'late';
    case 'breached':
      return 'overdue';
    default:
      return 'pending';
  }
}

/**
 * One incident at the report's moment (`asOf`): its log cut there, its state, and its clock (the regulation
 * profile and the organisation's working calendar: `computeIncidentClock`). An answer is on time when the
 * clock's `answer` stage was done by its deadline (an interim answer is the answer within the normal period:
 * Новороссийск p.9, 15); the final answer after an interim one is judged by the `final-after-interim` stage.
 * A closed incident's clock stops when it was closed: only stages already done late count as breaches.
 */
export function analyseIncident(incident: ReportIncident, ctx: AnalyseContext): IncidentFacts {
  const events = incident.events.filter((e) => e.at <= ctx.asOf);
  const state = stateAfter(incident.id, incident.importance, events);
  const status = state?.status ?? incident.status;
  const importance = state?.importance ?? incident.importance;
  const closedAt = closureAt(status, events);
  const clock = computeIncidentClock({
    profile: ctx.profile,
    calendar: ctx.calendar,
    importance,
    events: toClockEvents(events, incident.detectedAt),
    now: closedAt ?? ctx.asOf,
  });

  const repeatEvent = [...events].reverse().find((e) => e.type === 'repeat-linked');
  const repeat =
    repeatEvent?.type === 'repeat-linked'
      ? {
          earlierIncidentId: repeatEvent.earlierIncidentId,
          earlierAnswerUrl: repeatEvent.earlierAnswerUrl,
          newFacts: repeatEvent.newFacts,
        }
      : null;

  let departmentId: string | null;
  if (!state) departmentId = incident.departmentId;
  else if ('routing' in state) departmentId = state.routing.mainDepartmentId;
  else if (state.status === 'returned' || state.status === 'new') departmentId = null;
  else if (state.status === 'closed-repeat' && repeat)
    departmentId = ctx.departmentOfIncident(repeat.earlierIncidentId);
  else departmentId = lastRoutedDepartment(events);

  const answer = clock.stages.find((s) => stageKind(s.id) === 'answer');
  const firstAnswer = events.find((e) => e.type === 'published');
  const answered = answer?.doneAt != null;
  const open = !isTerminal(status);
  const cycles = reviewCycles(events);
  const returns = events.filter((e) => e.type === 'returned-for-rework');
  const closedEvent = [...events].reverse().find((e) => e.type === 'closed-no-answer');

  return {
    incident,
    events,
    state,
    status,
    importance,
    departmentId,
    clock,
    answered,
    answeredOnTime: answered && answer?.state === 'done',
    answeredLate: answered && answer?.state === 'done-late',
    open,
    awaitingAnswer: open && !answered,
    overdueNow: open && clock.state === 'breached',
    misroutedReturns: events.filter((e) => e.type === 'returned-misrouted').length,
    reworkReturns: returns.length,
    reworkCriteria: returns.flatMap((e) => (e.type === 'returned-for-rework' ? e.criteria : [])),
    reviewedAnswers: cycles.reviewed,
    approvedAnswers: cycles.approved,
    firstPassAnswers: cycles.firstPass,
    interim: events.some((e) => e.type === 'published' && e.kind === 'interim'),
    final: finalOutcome(clock),
    publishMinutes: firstAnswer ? ctx.calendar.between(incident.detectedAt, firstAnswer.at) : null,
    closedReason:
      status === 'closed-no-answer' && closedEvent?.type === 'closed-no-answer' ? closedEvent.reason : null,
    repeat,
    closedAsRepeat: status === 'closed-repeat',
    reaction: ctx.reactionOf(incident.id),
    breaches: clock.stages.filter(
      (s) => s.state === 'done-late' || (s.state === 'breached' && closedAt === null),
    ),
    firstAnswerAt: firstAnswer?.at ?? null,
  };
}
