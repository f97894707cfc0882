import { z } from 'zod';
import { CRITERION_KEYS, type CriterionKey } from '../regulations';

/** One answer to review: the citizen's message, the draft answer, and what is attached to it. */
export const ReviewCaseSchema = z.strictObject({
  message: z.strictObject({
    id: z.string(),
    /** The author's display name as the social network shows it, e.g. «Анна Петрова». */
    author: z.string(),
    text: z.string(),
  }),
  answer: z.string(),
  kind: z.enum(['final', 'interim']),
  /** File names of the attachments (photos, videos, scanned acts). */
  attachments: z.array(z.string()),
});
export type ReviewCase = z.infer<typeof ReviewCaseSchema>;

/** pass: the machine checked and found nothing; fail: found a breach; manual: a person must judge. */
export const CRITERION_STATUSES = ['pass', 'fail', 'manual'] as const;
export type CriterionStatus = (typeof CRITERION_STATUSES)[number];

/** A place in the answer that breaks (or may break) a criterion; `start`/`end` are UTF-16 offsets. */
export type Finding = {
  key: CriterionKey;
  start: number;
  end: number;
  /** Russian, for the user. */
  message: string;
  /** The clause of the profile the criterion comes from. */
  clause: string;
  /** Russian: what to write instead. */
  suggestion?: string;
};

export type CriterionResult = { key: CriterionKey; status: CriterionStatus; clause: string; hint?: string };

export type ReviewResult = { criteria: CriterionResult[]; findings: Finding[] };

export const CriterionKeySchema = z.enum(CRITERION_KEYS);
