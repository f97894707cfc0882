import { CLOSE_REASONS } from '../workflow';
import type { IncidentFacts } from './analyse';
import { median } from './hotspots';
import type { Figures } from './schema';

function share(part: number, whole: number): number | null {
  return whole === 0 ? null : part / whole;
}

function count(facts: readonly IncidentFacts[], pred: (f: IncidentFacts) => boolean): number {
  let n = 0;
  for (const f of facts) if (pred(f)) n++;
  return n;
}

function sum(facts: readonly IncidentFacts[], of: (f: IncidentFacts) => number): number {
  let n = 0;
  for (const f of facts) n += of(f);
  return n;
}

/** The figures of a set of incidents (a department's, or all of the month's). */
export function figuresOf(facts: readonly IncidentFacts[]): Figures {
  const answered = count(facts, (f) => f.answered);
  const answeredOnTime = count(facts, (f) => f.answeredOnTime);
  const approvedAnswers = sum(facts, (f) => f.approvedAnswers);
  const firstPassAnswers = sum(facts, (f) => f.firstPassAnswers);
  const minutes = facts.flatMap((f) => (f.publishMinutes === null ? [] : [f.publishMinutes]));
  const reworkByCriterion: Record<string, number> = {};
  for (const f of facts) {
    for (const c of f.reworkCriteria) reworkByCriterion[c] = (reworkByCriterion[c] ?? 0) + 1;
  }
  const closedByReason = Object.fromEntries(
    CLOSE_REASONS.map((r) => [r, count(facts, (f) => f.closedReason === r)]),
  ) as Figures['closedByReason'];
  const reactions = {
    positive: count(facts, (f) => f.reaction === 'positive'),
    neutral: count(facts, (f) => f.reaction === 'neutral'),
    negative: count(facts, (f) => f.reaction === 'negative'),
  };
  const recorded = reactions.positive + reactions.neutral + reactions.negative;
  return {
    received: facts.length,
    highImportance: count(facts, (f) => f.importance === 'high'),
    answered,
    answeredOnTime,
    answeredLate: count(facts, (f) => f.answeredLate),
    onTimeShare: share(answeredOnTime, answered),
    open: count(facts, (f) => f.open),
    awaitingAnswer: count(facts, (f) => f.awaitingAnswer),
    overdueNow: count(facts, (f) => f.overdueNow),
    misroutedReturns: sum(facts, (f) => f.misroutedReturns),
    reworkIncidents: count(facts, (f) => f.reworkReturns > 0),
    reworkReturns: sum(facts, (f) => f.reworkReturns),
    reworkByCriterion,
    reviewedAnswers: sum(facts, (f) => f.reviewedAnswers),
    approvedAnswers,
    firstPassAnswers,
    firstPassShare: share(firstPassAnswers, approvedAnswers),
    interim: count(facts, (f) => f.interim),
    finalOnTime: count(facts, (f) => f.final === 'on-time'),
    finalLate: count(facts, (f) => f.final === 'late'),
    finalOverdue: count(facts, (f) => f.final === 'overdue'),
    finalPending: count(facts, (f) => f.final === 'pending'),
    publishMinutesAvg: minutes.length === 0 ? null : minutes.reduce((a, b) => a + b, 0) / minutes.length,
    publishMinutesMedian: minutes.length === 0 ? null : median(minutes),
    closedNoAnswer: count(facts, (f) => f.status === 'closed-no-answer'),
    closedByReason,
    repeats: count(facts, (f) => f.repeat !== null),
    repeatsWithNewFacts: count(facts, (f) => f.repeat?.newFacts === true),
    closedAsRepeat: count(facts, (f) => f.closedAsRepeat),
    reactions,
    satisfactionShare: share(reactions.positive, recorded),
  };
}
