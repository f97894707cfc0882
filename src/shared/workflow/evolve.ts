import { assertNever } from '../assert';
import { type WorkflowEvent } from './events';
import {
  baseOf,
  OPEN_STATUSES,
  type IncidentWorkflowState,
  type Part,
  type StateOf,
  type WorkflowBase,
  type WorkflowStatus,
} from './state';

/** An event that cannot follow the state: a corrupt or misordered log, never a user's mistake. */
export class WorkflowReplayError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WorkflowReplayError';
  }
}

function expect<S extends WorkflowStatus>(
  state: IncidentWorkflowState,
  event: WorkflowEvent,
  statuses: readonly S[],
): StateOf<S> {
  if (!(statuses as readonly WorkflowStatus[]).includes(state.status)) {
    throw new WorkflowReplayError(`event «${event.type}» cannot follow status «${state.status}»`);
  }
  return state as StateOf<S>;
}

/**
 * The state after `event`: the transitions of the workflow, with no guards (`decide` has checked them when
 * the event was made). Pure; the input is never mutated. Throws `WorkflowReplayError` on an event that does
 * not fit (another incident, a version gap, an impossible status).
 */
export function evolve(state: IncidentWorkflowState, event: WorkflowEvent): IncidentWorkflowState {
  if (event.incidentId !== state.incidentId) {
    throw new WorkflowReplayError(`event of «${event.incidentId}» applied to «${state.incidentId}»`);
  }
  if (event.version !== state.version + 1) {
    throw new WorkflowReplayError(`event version ${event.version} after state version ${state.version}`);
  }
  const base: WorkflowBase = { ...baseOf(state), version: event.version };
  const by = event.actor.userId;

  switch (event.type) {
    case 'classified':
      expect(state, event, OPEN_STATUSES);
      return {
        ...state,
        version: event.version,
        importance: event.importance,
        classification: { topic: event.topic, location: event.location },
      };
    case 'routed': {
      expect(state, event, ['new', 'returned', 'routed', 'coexecutors']);
      return routedState(base, event);
    }
    case 'returned-misrouted': {
      expect(state, event, ['routed', 'coexecutors', 'drafting']);
      return {
        status: 'returned',
        ...base,
        misroutedReturns: base.misroutedReturns + 1,
        lastReturn: { departmentId: event.departmentId, reason: event.reason, at: event.at, by },
      };
    }
    case 'draft-saved': {
      const s = expect(state, event, [
        'routed',
        'coexecutors',
        'drafting',
        'rework',
        'interim-published',
        'postponed',
      ]);
      const draft = {
        text: event.text,
        kind: event.kind,
        attachmentIds: event.attachmentIds,
        savedAt: event.at,
        savedBy: by,
      };
      const at = { ...base, routing: s.routing, parts: s.parts };
      switch (s.status) {
        case 'coexecutors':
          return { status: 'coexecutors', ...at, draft };
        case 'rework':
          return { status: 'rework', ...at, draft, remarks: s.remarks };
        case 'routed':
        case 'drafting':
        case 'interim-published':
        case 'postponed':
          return { status: 'drafting', ...at, draft };
        default:
          return assertNever(s);
      }
    }
    case 'part-submitted': {
      const s = expect(state, event, ['coexecutors']);
      const part: Part = {
        departmentId: event.departmentId,
        text: event.text,
        attachmentIds: event.attachmentIds,
        submittedAt: event.at,
        submittedBy: by,
      };
      const parts = [...s.parts.filter((p) => p.departmentId !== event.departmentId), part];
      return { ...s, version: event.version, parts };
    }
    case 'summary-compiled': {
      const s = expect(state, event, ['coexecutors']);
      return {
        status: 'drafting',
        ...base,
        routing: s.routing,
        parts: s.parts,
        draft: {
          text: event.text,
          kind: event.kind,
          attachmentIds: event.attachmentIds,
          savedAt: event.at,
          savedBy: by,
        },
      };
    }
    case 'sent-for-review': {
      const s = expect(state, event, ['drafting', 'rework']);
      return {
        status: 'in-review',
        ...base,
        routing: s.routing,
        parts: s.parts,
        draft: s.draft,
        levelIndex: 0,
        levelId: event.levelId,
      };
    }
    case 'approved': {
      const s = expect(state, event, ['in-review']);
      const at = { ...base, routing: s.routing, parts: s.parts, draft: s.draft };
      return event.nextLevelId === null
        ? { status: 'approved', ...at }
        : { status: 'in-review', ...at, levelIndex: s.levelIndex + 1, levelId: event.nextLevelId };
    }
    case 'returned-for-rework': {
      const s = expect(state, event, ['in-review']);
      return {
        status: 'rework',
        ...base,
        reworkCount: base.reworkCount + 1,
        routing: s.routing,
        parts: s.parts,
        draft: s.draft,
        remarks: {
          levelId: event.levelId,
          criteria: event.criteria,
          comment: event.comment,
          at: event.at,
          by,
        },
      };
    }
    case 'published': {
      const s = expect(state, event, ['approved']);
      const answer = { kind: event.kind, text: s.draft.text, url: event.url, at: event.at, by };
      const at = { routing: s.routing, parts: s.parts };
      return event.kind === 'final'
        ? { status: 'published', ...base, ...at, answer }
        : { status: 'interim-published', ...base, ...at, interim: answer };
    }
    case 'postponement-agreed': {
      const s = expect(state, event, ['interim-published', 'postponed']);
      return {
        status: 'postponed',
        ...base,
        postponedUntil: event.until,
        routing: s.routing,
        parts: s.parts,
        authorInformed: true,
      };
    }
    case 'closed-no-answer':
      expect(state, event, OPEN_STATUSES);
      return {
        status: 'closed-no-answer',
        ...base,
        closure: { reason: event.reason, comment: event.comment, at: event.at, by },
      };
    case 'repeat-linked': {
      expect(state, event, ['new', 'returned']);
      const repeatOf = {
        earlierIncidentId: event.earlierIncidentId,
        earlierAnswerUrl: event.earlierAnswerUrl,
        newFacts: event.newFacts,
      };
      if (event.routing === null) {
        return { status: 'closed-repeat', ...base, repeatOf, closure: { at: event.at, by } };
      }
      return routedState({ ...base, repeatOf }, event.routing);
    }
    case 'reopened': {
      expect(state, event, ['closed-no-answer', 'closed-repeat']);
      // A message wrongly closed as a repeat is not a repeat.
      return { status: 'new', ...base, repeatOf: state.status === 'closed-repeat' ? null : base.repeatOf };
    }
    default:
      return assertNever(event);
  }
}

function routedState(
  base: WorkflowBase,
  routing: { mainDepartmentId: string; coDepartmentIds: readonly string[] },
): StateOf<'routed'> | StateOf<'coexecutors'> {
  const r = { mainDepartmentId: routing.mainDepartmentId, coDepartmentIds: [...routing.coDepartmentIds] };
  return r.coDepartmentIds.length > 0
    ? { status: 'coexecutors', ...base, routing: r, parts: [], draft: null }
    : { status: 'routed', ...base, routing: r, parts: [] };
}

/** Folds `events` over `state` (event sourcing): the state a log leads to. */
export function replay(
  state: IncidentWorkflowState,
  events: readonly WorkflowEvent[],
): IncidentWorkflowState {
  return events.reduce(evolve, state);
}
