import type { Incident } from '../../shared/domain/incident';
import { computeIncidentClock, type IncidentClock } from '../../shared/regulations';
import { toClockEvents, type WorkflowEvent } from '../../shared/workflow';
import type { Organisation } from './organisation';

/**
 * Computes an incident's clock from the organisation's calendar and regulation profile and the
 * incident's workflow history (no history: only its detection is known).
 */
export type SlaClock = (incident: Incident, now: number, history?: readonly WorkflowEvent[]) => IncidentClock;

export function workingTimeSla(org: Organisation): SlaClock {
  return (incident, now, history = []) =>
    computeIncidentClock({
      profile: org.profile,
      calendar: org.calendar,
      importance: incident.importance,
      events: toClockEvents(history, incident.detectedAt),
      now,
    });
}
