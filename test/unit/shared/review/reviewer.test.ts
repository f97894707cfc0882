import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadBundledProfilesSync } from '../../../../src/main/regulations/bundled';
import { CRITERION_KEYS, type CriterionKey } from '../../../../src/shared/regulations';
import type { ReviewCase } from '../../../../src/shared/review';
import { allCriteria, makeCase, sharedReviewer } from './helpers';

type Labelled = { id: string; broken: CriterionKey[]; case: ReviewCase };

describe('createReviewer', () => {
  const profiles = loadBundledProfilesSync();

  it('answers every criterion of the profile, in its order, with its clause', () => {
    for (const profile of profiles) {
      const r = sharedReviewer().check(
        profile,
        makeCase({ answer: 'Анна, добрый день! Фонарь заменят до 5 мая.' }),
      );
      expect(r.criteria.map((c) => [c.key, c.clause])).toEqual(
        profile.criteria.map((c) => [c.key, c.clause]),
      );
    }
  });

  it('gives every finding its key and clause, sorted by position', () => {
    const ukhta = profiles.find((p) => p.id === 'ukhta')!;
    const r = sharedReviewer().check(
      ukhta,
      makeCase({ answer: 'Анна, добрый день! Фонарь заменили!! Работы по ЦТП выполнят в ближайшее время.' }),
    );
    expect(r.findings.map((f) => f.key)).toEqual(['evidence', 'emotional', 'abbreviations', 'deadline']);
    for (const f of r.findings) expect(f.clause).toBe(ukhta.criteria.find((c) => c.key === f.key)!.clause);
    const starts = r.findings.map((f) => f.start);
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
  });

  it('never passes a criterion a machine cannot judge without a hint for the reviewer', () => {
    const r = sharedReviewer().check(
      allCriteria(),
      makeCase({ answer: 'Анна, добрый день! Подрядчик заменит фонарь до 5 мая.' }),
    );
    for (const c of r.criteria.filter((x) => x.status === 'manual')) expect(c.hint).toMatch(/[а-я]/);
    expect(r.criteria.find((c) => c.key === 'substance')?.status).toBe('manual');
    expect(r.criteria.map((c) => c.key).sort()).toEqual([...CRITERION_KEYS].sort());
  });

  it('finds ≥ 95% of the labelled defects and fails ≤ 5% of the good answers of the labelled set', () => {
    const { cases } = JSON.parse(
      readFileSync(new URL('../../../fixtures/review/answers.json', import.meta.url), 'utf8'),
    ) as { cases: Labelled[] };
    expect(cases.length).toBeGreaterThanOrEqual(80);
    let labelled = 0;
    let found = 0;
    let alarms = 0;
    let good = 0;
    for (const c of cases) {
      const fails = sharedReviewer()
        .check(allCriteria(), c.case)
        .criteria.filter((x) => x.status === 'fail')
        .map((x) => x.key);
      if (c.broken.length === 0) {
        good++;
        if (fails.length > 0) alarms++;
      }
      for (const k of c.broken) {
        labelled++;
        if (fails.includes(k)) found++;
      }
    }
    expect(found / labelled).toBeGreaterThanOrEqual(0.95);
    expect(alarms / good).toBeLessThanOrEqual(0.05);
  });
});
