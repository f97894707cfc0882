import type { Importance } from '../domain/importance';
import {
  initialWorkflowState,
  replay,
  WorkflowReplayError,
  type IncidentWorkflowState,
  type WorkflowEvent,
} from '../workflow';

/**
 * The state a log leads to, or null when the log does not replay (a gap left by sync, a corrupt row): the
 * report then falls back to the stored columns instead of failing as a whole.
 */
export function stateAfter(
  incidentId: string,
  importance: Importance,
  events: readonly WorkflowEvent[],
): IncidentWorkflowState | null {
  if (events.length === 0) return null;
  try {
    return replay(initialWorkflowState({ incidentId, importance }), events);
  } catch (e) {
    if (e instanceof WorkflowReplayError) return null;
    throw e;
  }
}

/** The main department of the latest routing in the log (a repeat with new facts routes too). */
export function lastRoutedDepartment(events: readonly WorkflowEvent[]): string | null {
  for (let i = events.length - 1; i >= 0; i--) {
    const e = events[i]!;
    if (e.type === 'routed') return e.mainDepartmentId;
    if (e.type === 'repeat-linked' && e.routing) return e.routing.mainDepartmentId;
  }
  return null;
}
