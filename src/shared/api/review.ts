import { z } from 'zod';
import { CRITERION_KEYS } from '../regulations';
import { IncidentCard } from './workflow';

const Key = z.enum(CRITERION_KEYS);

export const ReviewCriterion = z.object({
  key: Key,
  title: z.string(),
  status: z.enum(['pass', 'fail', 'manual']),
  clause: z.string(),
  hint: z.string().optional(),
});

export const ReviewFinding = z.object({
  key: Key,
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  message: z.string(),
  clause: z.string(),
  suggestion: z.string().optional(),
});

export const ReviewReport = z.object({
  criteria: z.array(ReviewCriterion),
  findings: z.array(ReviewFinding),
});
export type ReviewReport = z.infer<typeof ReviewReport>;

/** The answer checks of the active profile (issue #5): live while drafting, and the reviewer's checklist. */
export const reviewMethods = {
  'review.check': {
    request: z
      .object({
        incidentId: z.string().min(1),
        answer: z.string().max(50_000),
        kind: z.enum(['final', 'interim']),
      })
      .strict(),
    response: ReviewReport,
  },
  /**
   * Approves the draft under review. Refused while an automatic check fails, unless the reviewer
   * overrides that criterion with a comment; overrides go into the journal.
   */
  'review.approve': {
    request: z
      .object({
        incidentId: z.string().min(1),
        expectedVersion: z.number().int().nonnegative(),
        overrides: z.partialRecord(Key, z.string().max(2000)),
      })
      .strict(),
    response: IncidentCard,
  },
} as const;
