import {
  computeIncidentClock,
  type ClockEvent,
  type ClockStage,
  type IncidentClock,
  type RegulationProfile,
} from '../../../../src/shared/regulations';
import { type WorkCalendar } from '../../../../src/shared/worktime';
import { testCalendar } from './test-calendar';

export const cal = testCalendar();

/** The clock of an incident with `events` at `now` (normal importance unless told). */
export function clockOf(
  profile: RegulationProfile,
  events: readonly ClockEvent[],
  now: number,
  opts: { importance?: 'normal' | 'high'; calendar?: WorkCalendar } = {},
): IncidentClock {
  return computeIncidentClock({
    profile,
    calendar: opts.calendar ?? cal,
    importance: opts.importance ?? 'normal',
    events,
    now,
  });
}

export function stageOf(clock: IncidentClock, id: string): ClockStage {
  const s = clock.stages.find((x) => x.id === id);
  if (!s) throw new Error(`no stage ${id} in ${clock.stages.map((x) => x.id).join(', ')}`);
  return s;
}

export const iso = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());
