import type { Incident } from '../../shared/domain/incident';
import { computeIncidentClock, type ClockEvent, type IncidentClock } from '../../shared/regulations';
import type { Organisation } from './organisation';

/** Computes an incident's clock from the organisation's calendar and regulation profile. */
export type SlaClock = (incident: Incident, now: number) => IncidentClock;

/**
 * The history the clock reads. Until the workflow issue (#4) records each step with its instant, an
 * incident's only known event is its detection.
 */
function clockEvents(incident: Incident): ClockEvent[] {
  return [{ kind: 'detected', at: incident.detectedAt }];
}

export function workingTimeSla(org: Organisation): SlaClock {
  return (incident, now) =>
    computeIncidentClock({
      profile: org.profile,
      calendar: org.calendar,
      importance: incident.importance,
      events: clockEvents(incident),
      now,
    });
}
