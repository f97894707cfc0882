import { z } from 'zod';
import { Importance } from './importance';
import {
  OPEN_STATUSES as WORKFLOW_OPEN_STATUSES,
  WorkflowStatusSchema,
  type WorkflowStatus,
} from '../workflow/state';

/** Where an incident came from: the federal monitoring system, the feedback platform, typed by hand, or a file. */
export const IncidentSource = z.enum(['im', 'pos', 'manual', 'import']);
export type IncidentSource = z.infer<typeof IncidentSource>;

/** The social network (or platform) the citizen wrote in; the answer is published in the same one (Ставрополь p.11, Ухта p.14). */
export const Network = z.enum(['vk', 'ok', 'telegram', 'pos', 'other']);
export type Network = z.infer<typeof Network>;

export { Importance };

/** An incident's status is its workflow state's (src/shared/workflow). */
export const IncidentStatus = WorkflowStatusSchema;
export type IncidentStatus = WorkflowStatus;

/** Statuses the queue shows: everything not published or closed (an interim answer still waits for the final). */
export const OPEN_STATUSES: readonly IncidentStatus[] = WORKFLOW_OPEN_STATUSES;

/** Epoch milliseconds, UTC. */
export const Instant = z.number().int().nonnegative();

export const Incident = z.object({
  id: z.string().min(1),
  source: IncidentSource,
  network: Network,
  url: z.string().nullable(),
  externalId: z.string().nullable(),
  authorName: z.string(),
  text: z.string(),
  publishedAt: Instant,
  detectedAt: Instant,
  topic: z.string(),
  location: z.string(),
  importance: Importance,
  status: IncidentStatus,
  departmentId: z.string().nullable(),
  departmentName: z.string().nullable(),
  version: z.number().int().nonnegative(),
  updatedAt: Instant,
});
export type Incident = z.infer<typeof Incident>;

export const Department = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  shortName: z.string(),
});
export type Department = z.infer<typeof Department>;
