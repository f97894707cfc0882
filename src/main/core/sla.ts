import type { Incident } from '../../shared/domain/incident';

export type Deadline = { deadlineAt: number; budgetMinutes: number };

/** Computes an incident's answer deadline. The queue reads deadlines only through this. */
export type SlaClock = (incident: Incident) => Deadline;

const HOUR = 3_600_000;

/**
 * Foundation clock: 8 hours from detection, 4 for high importance (Новороссийск p.7, p.14), in wall time.
 * Replaced by the working-time incident clock (issue #3).
 */
export const wallClockSla: SlaClock = (incident) => {
  const hours = incident.importance === 'high' ? 4 : 8;
  return { deadlineAt: incident.detectedAt + hours * HOUR, budgetMinutes: hours * 60 };
};
