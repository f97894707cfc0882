import { loadBundledProfilesSync } from '../../../../src/main/regulations/bundled';
import { loadReviewResourcesSync } from '../../../../src/main/review/resources';
import {
  deriveCustomProfile,
  type CriterionKey,
  type RegulationProfile,
} from '../../../../src/shared/regulations';
import {
  createReviewer,
  type CriterionResult,
  type Finding,
  type ReviewCase,
  type Reviewer,
} from '../../../../src/shared/review';

let reviewer: Reviewer | undefined;
let profile: RegulationProfile | undefined;

/** One reviewer for the whole file: the bundled dictionary and lists. */
export function sharedReviewer(): Reviewer {
  reviewer ??= createReviewer(loadReviewResourcesSync());
  return reviewer;
}

/** Every criterion once: Новороссийск p.10 and what Ухта p.10, p.12 add. */
export function allCriteria(): RegulationProfile {
  if (!profile) {
    const all = loadBundledProfilesSync();
    const nov = all.find((p) => p.id === 'novorossiysk')!;
    const ukhta = all.find((p) => p.id === 'ukhta')!;
    profile = deriveCustomProfile(
      nov,
      { criteria: ukhta.criteria.filter((c) => !nov.criteria.some((n) => n.key === c.key)) },
      'all-criteria',
      'Все критерии',
    );
  }
  return profile;
}

export type CaseParts = {
  answer: string;
  author?: string;
  text?: string;
  id?: string;
  kind?: ReviewCase['kind'];
  attachments?: string[];
};

/** A review case with a plausible message around the answer under test. */
export function makeCase(p: CaseParts): ReviewCase {
  return {
    message: {
      id: p.id ?? '100500',
      author: p.author ?? 'Анна Петрова',
      text: p.text ?? 'Не горит фонарь у дома 12 на ул. Ленина.',
    },
    answer: p.answer,
    kind: p.kind ?? 'final',
    attachments: p.attachments ?? [],
  };
}

/** The result of one criterion for an answer, with its findings and the text they cover. */
export function checkKey(
  key: CriterionKey,
  parts: CaseParts,
): CriterionResult & { findings: Finding[]; spans: string[] } {
  const c = makeCase(parts);
  const result = sharedReviewer().check(allCriteria(), c);
  const criterion = result.criteria.find((x) => x.key === key)!;
  const findings = result.findings.filter((f) => f.key === key);
  return { ...criterion, findings, spans: findings.map((f) => c.answer.slice(f.start, f.end)) };
}
