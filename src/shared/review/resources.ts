import { z } from 'zod';

/**
 * The linguistic resources of the answer review, in the form every process can hold: the spelling
 * dictionary as bytes and the curated lists as plain JSON data (`resources/review/*.json`). The Node side
 * reads them from files (`src/main/review/resources.ts`); the renderer can receive the same bytes and objects.
 */

const Phrase = z.string().min(1);
const PhraseRule = z.strictObject({ phrase: Phrase, message: z.string().min(1) });

export const StampSchema = z.strictObject({
  phrase: Phrase,
  /** Russian: the plain word to use instead. */
  replacement: z.string().min(1),
  kind: z.enum(['канцелярит', 'штамп']),
  /** strong: one is enough to send the answer back; mild: only several together. */
  severity: z.enum(['strong', 'mild']),
  /** Which of the sources in resources/review/README.md describes it. */
  source: z.enum(['Галь', 'Чуковский', 'Главред', 'Ильяхов']),
});
export type Stamp = z.infer<typeof StampSchema>;

export const ReviewPatternsSchema = z.strictObject({
  $comment: z.string().optional(),
  deadline: z.strictObject({
    vague: z.array(PhraseRule),
    deferred: z.array(Phrase),
    notDeferred: z.array(Phrase),
  }),
  redirect: z.array(PhraseRule),
  emotional: z.array(PhraseRule),
  accusations: z.array(PhraseRule),
  thirdParties: z.array(Phrase),
  internalIndex: z.array(PhraseRule),
  measures: z.array(Phrase),
  refutation: z.array(Phrase),
  futureMarkers: Phrase,
  formal: z.array(PhraseRule),
  legalActs: z.array(Phrase),
});
export type ReviewPatterns = z.infer<typeof ReviewPatternsSchema>;

export const ObjectGroupSchema = z.strictObject({
  label: z.string().min(1),
  /** Words that make the group an object of the message (and count in the answer). */
  stems: z.array(Phrase).min(1),
  /** Words that count only in the answer: too often incidental in a message («машины», «дорога»). */
  also: z.array(Phrase).optional(),
});

export const ReviewDataSchema = z.strictObject({
  stamps: z.array(StampSchema).min(1),
  patterns: ReviewPatternsSchema,
  /** Common abbreviations that need no explanation. */
  abbreviations: z.array(z.string().min(2)),
  names: z.strictObject({ female: z.array(z.string()), male: z.array(z.string()) }),
  objects: z.array(ObjectGroupSchema),
});
export type ReviewData = z.infer<typeof ReviewDataSchema>;

export type ReviewResources = {
  /** The bytes of `resources/dictionaries/ru_RU.dawg` (see `dawg.ts`). */
  dictionary: ArrayBuffer | Uint8Array;
  data: ReviewData;
};
