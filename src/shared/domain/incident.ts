import { z } from 'zod';

/** Where an incident came from: the federal monitoring system, the feedback platform, typed by hand, or a file. */
export const IncidentSource = z.enum(['im', 'pos', 'manual', 'import']);
export type IncidentSource = z.infer<typeof IncidentSource>;

/** The social network (or platform) the citizen wrote in; the answer is published in the same one (Ставрополь p.11, Ухта p.14). */
export const Network = z.enum(['vk', 'ok', 'telegram', 'pos', 'other']);
export type Network = z.infer<typeof Network>;

export const Importance = z.enum(['normal', 'high']);
export type Importance = z.infer<typeof Importance>;

/**
 * Foundation statuses. The workflow issue (#4) replaces this with the full state machine;
 * until then an incident is open until it is published or closed.
 */
export const IncidentStatus = z.enum([
  'new',
  'routed',
  'drafting',
  'in_review',
  'approved',
  'published',
  'closed',
]);
export type IncidentStatus = z.infer<typeof IncidentStatus>;

export const OPEN_STATUSES: readonly IncidentStatus[] = [
  'new',
  'routed',
  'drafting',
  'in_review',
  'approved',
];

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
