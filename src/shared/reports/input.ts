import { z } from 'zod';
import type { Importance } from '../domain/importance';
import type { RegulationProfile } from '../regulations';
import type { WorkflowEvent, WorkflowStatus } from '../workflow';
import type { WorkCalendar } from '../worktime';
import type { HotspotRule, Signal } from './hotspots';
import { ReactionSchema } from './schema';

/** What the monthly report is computed from: plain data, so that it is testable without SQL. */

export type ReportIncident = {
  id: string;
  detectedAt: number;
  topic: string;
  location: string;
  /** As registered; a `classified` event overrides it. */
  importance: Importance;
  /** The stored status: used only when the incident has no workflow events (rows from before the workflow). */
  status: WorkflowStatus;
  departmentId: string | null;
  authorName: string;
  text: string;
  /** The incident's workflow log, in version order. */
  events: readonly WorkflowEvent[];
};

export type ReportDepartment = { id: string; name: string; shortName: string };
export type ReportUser = { id: string; displayName: string; role: string; departmentId: string | null };

/** An audit row (only the actions the report reads: recorded author reactions). */
export type ReportAuditRow = {
  incidentId: string | null;
  at: number;
  actorId: string | null;
  action: string;
  after: unknown;
};

/**
 * An author's reaction to the answer, recorded by МЦУ (Сочи 2.4: citizens' satisfaction): an audit event of its
 * own, so that it replicates like every other audit event. The latest one per incident counts.
 */
export const REACTION_ACTION = 'reports.reaction';
export const ReactionAuditAfterSchema = z.object({
  reaction: ReactionSchema,
  note: z.string().default(''),
});

export type MonthlyInput = {
  month: string;
  zone: string;
  /** The report's moment: events after it are ignored, «overdue now» is judged at it. */
  now: number;
  profile: RegulationProfile;
  calendar: WorkCalendar;
  departments: readonly ReportDepartment[];
  users: readonly ReportUser[];
  /**
   * Incidents detected in the month and in the month before (for the dynamics), and the earlier incidents
   * that repeats of the month point at; others are ignored.
   */
  incidents: readonly ReportIncident[];
  /** Detections of the weeks before the month, for the hot spots; by default taken from `incidents`. */
  signals?: readonly Signal[];
  /** The first detection the database holds: weeks before it are unknown to the hot-spot rule. */
  historyFrom?: number;
  audit: readonly ReportAuditRow[];
  rule?: HotspotRule;
};
