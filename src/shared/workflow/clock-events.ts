import { assertNever } from '../assert';
import { type ClockEvent } from '../regulations';
import { type WorkflowEvent } from './events';

/**
 * The incident clock's view of a workflow log (`computeIncidentClock` in src/shared/regulations/clock.ts):
 * each stage's deadline and state follows from these. Pass `detectedAt` to get the `detected` event first.
 *
 * - `classified` ends the `classify` stage (Новороссийск p.4);
 * - the last co-executor's part ends `coexecutors` (Новороссийск p.16; Ставрополь p.18), and the compiled
 *   summary ends `coexecutors-forward` (Ставрополь p.18: the parts are agreed and passed to the main
 *   executor; the product models that as the main executor compiling them);
 * - a repeat with new facts is a routing (Ухта p.17); a repeat without them, a closure and a reopening leave
 *   no mark on the clock (the caller stops the timers of a closed incident);
 * - drafts saved and parts before the last one are not timed.
 */
export function toClockEvents(events: readonly WorkflowEvent[], detectedAt?: number): ClockEvent[] {
  const out: ClockEvent[] = detectedAt === undefined ? [] : [{ kind: 'detected', at: detectedAt }];
  for (const e of events) out.push(...toClock(e));
  return out;
}

function toClock(e: WorkflowEvent): ClockEvent[] {
  const at = e.at;
  switch (e.type) {
    case 'classified':
      return [{ kind: 'stage-done', at, stage: 'classify' }];
    case 'routed':
      return [{ kind: 'routed', at, coexecutors: e.coDepartmentIds.length > 0 }];
    case 'returned-misrouted':
      return [{ kind: 'returned', at }];
    case 'draft-saved':
      return [];
    case 'part-submitted':
      return e.allPartsIn ? [{ kind: 'stage-done', at, stage: 'coexecutors' }] : [];
    case 'summary-compiled':
      return [{ kind: 'stage-done', at, stage: 'coexecutors-forward' }];
    case 'sent-for-review':
      return [{ kind: 'draft-sent', at }];
    case 'approved':
      return [{ kind: 'approved', at, level: e.levelId }];
    case 'returned-for-rework':
      return [{ kind: 'returned-for-rework', at }];
    case 'published':
      return [{ kind: e.kind === 'final' ? 'published' : 'interim-published', at }];
    case 'postponement-agreed':
      return [{ kind: 'postponement-agreed', at, until: e.until }];
    case 'repeat-linked':
      return e.routing ? [{ kind: 'routed', at, coexecutors: e.routing.coDepartmentIds.length > 0 }] : [];
    case 'closed-no-answer':
    case 'reopened':
      return [];
    default:
      return assertNever(e);
  }
}
