import { describe, expect, it } from 'vitest';
import {
  deriveCustomProfile,
  parseProfile,
  RegulationProfileError,
  type RegulationProfile,
} from '../../../../src/shared/regulations';
import { novorossiysk, profiles, rawProfile, stavropol, ukhta } from './fixtures';

const CITY: Record<string, string> = { novorossiysk: 'Новороссийск', stavropol: 'Ставрополь', ukhta: 'Ухта' };

function durations(p: RegulationProfile) {
  return Object.fromEntries(p.stages.map((s) => [s.id, [s.minutes ?? `${s.workingDays} wd`, s.clause]]));
}

function issuesOf(json: unknown): string[] {
  try {
    parseProfile(json);
  } catch (e) {
    expect(e).toBeInstanceOf(RegulationProfileError);
    return (e as RegulationProfileError).issues.map((i) => `${i.path}: ${i.message}`);
  }
  throw new Error('expected the profile to be rejected');
}

describe('bundled regulation profiles', () => {
  it('times Новороссийск as its Порядок does (pp. 4, 7–16)', () => {
    expect(durations(novorossiysk)).toEqual({
      classify: [30, 'Новороссийск p.4'],
      route: [30, 'Новороссийск p.8'],
      coexecutors: [120, 'Новороссийск p.16'],
      draft: [180, 'Новороссийск p.9'],
      review: [30, 'Новороссийск p.10'],
      rework: [60, 'Новороссийск p.11'],
      upload: [30, 'Новороссийск p.12'],
      publish: [30, 'Новороссийск p.13'],
      answer: [480, 'Новороссийск p.7'],
      'final-after-interim': ['7 wd', 'Новороссийск p.15'],
    });
    expect(novorossiysk.highImportance).toMatchObject({ answerMinutes: 240, halveStages: 'all-marked' });
    expect(novorossiysk.stages.filter((s) => s.halvedWhenHigh).map((s) => s.clause)).toEqual([
      'Новороссийск p.9',
      'Новороссийск p.10',
      'Новороссийск p.11',
      'Новороссийск p.12',
      'Новороссийск p.13',
    ]);
    expect(novorossiysk.approvalChain).toHaveLength(1);
  });

  it('times Ставрополь as its Положение does (pp. 9–18), counting the answer from routing', () => {
    expect(durations(stavropol)).toEqual({
      route: [30, 'Ставрополь p.9.2'],
      'return-misrouted': [30, 'Ставрополь p.10'],
      coexecutors: [120, 'Ставрополь p.18'],
      'coexecutors-forward': [30, 'Ставрополь p.18'],
      draft: [90, 'Ставрополь p.12'],
      review: [30, 'Ставрополь p.13'],
      remarks: [10, 'Ставрополь p.15'],
      rework: [15, 'Ставрополь p.16'],
      publish: [30, 'Ставрополь p.14'],
      answer: [240, 'Ставрополь p.11'],
      'final-after-interim': ['3 wd', 'Ставрополь p.17'],
    });
    expect(stavropol.stages.find((s) => s.id === 'answer')?.anchor).toEqual({ kind: 'routed' });
    expect(stavropol.approvalChain.map((l) => l.id)).toEqual(['reception', 'mcu', 'cur']);
    expect(stavropol.interimToFinal).toMatchObject({ workingDays: 3, due: 'final-draft' });
  });

  it('times Ухта as its Порядок does (pp. 8–15)', () => {
    expect(durations(ukhta)).toEqual({
      route: [60, 'Ухта p.8'],
      'return-misrouted': [60, 'Ухта p.9'],
      reroute: [60, 'Ухта p.9'],
      draft: [240, 'Ухта p.10'],
      review: [60, 'Ухта p.11'],
      rework: [120, 'Ухта p.13'],
      publish: [60, 'Ухта p.14'],
      answer: [480, 'Ухта p.8'],
      'final-after-interim': ['7 wd', 'Ухта p.15'],
    });
    expect(ukhta.interimToFinal).toMatchObject({ workingDays: 7, due: 'final-draft' });
  });

  it('cites a clause of its own regulation for every number', () => {
    for (const p of Object.values(profiles)) {
      const city = CITY[p.id]!;
      const clauses = [
        ...p.stages.map((s) => s.clause),
        ...p.approvalChain.map((l) => l.clause),
        ...p.criteria.map((c) => c.clause),
        p.interimToFinal.clause,
        p.highImportance.clause,
      ];
      for (const c of clauses) expect(c.startsWith(`${city} `), `${p.id}: ${c}`).toBe(true);
      expect(p.thresholds).toEqual({ warningFraction: 0.25, clause: 'product default' });
    }
  });

  it('lists the criteria each regulation states, with their clauses', () => {
    expect(novorossiysk.criteria.map((c) => c.key)).toEqual([
      'substance',
      'objects',
      'addressee',
      'deadline',
      'plain-language',
      'legal-references',
      'spelling',
      'internal-index',
      'redirect',
      'evidence',
    ]);
    expect(ukhta.criteria.map((c) => [c.key, c.clause])).toEqual([
      ['substance', 'Ухта p.12'],
      ['deadline', 'Ухта p.12'],
      ['legal-references', 'Ухта p.12'],
      ['emotional', 'Ухта p.12'],
      ['accusations', 'Ухта p.12'],
      ['personal-data', 'Ухта p.12'],
      ['abbreviations', 'Ухта p.12'],
      ['evidence', 'Ухта p.10'],
    ]);
    expect(stavropol.criteria.map((c) => [c.key, c.clause])).toEqual([
      ['substance', 'Ставрополь p.20'],
      ['objects', 'Ставрополь p.20'],
      ['plain-language', 'Ставрополь p.20'],
    ]);
  });
});

describe('parseProfile', () => {
  it('names the path of a bad field', () => {
    const raw = rawProfile('novorossiysk');
    (raw['stages'] as Record<string, unknown>[])[3]!['minutes'] = '180';
    const issues = issuesOf(raw);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatch(/^stages\[3\]\{draft\}\.minutes: /);
  });

  it('rejects a misspelt field instead of ignoring it', () => {
    const raw = rawProfile('ukhta');
    (raw['stages'] as Record<string, unknown>[])[0]!['minuts'] = 60;
    expect(issuesOf(raw)[0]).toMatch(/^stages\[0\]\{route\}: .*minuts/);
  });

  it('requires a clause for every number', () => {
    const raw = rawProfile('stavropol');
    (raw['approvalChain'] as Record<string, unknown>[])[1]!['clause'] = ' ';
    expect(issuesOf(raw)).toEqual(['approvalChain[1]{mcu}.clause: Укажите пункт регламента (clause)']);
  });

  it('wants exactly one of minutes and workingDays', () => {
    const raw = rawProfile('novorossiysk');
    (raw['stages'] as Record<string, unknown>[])[0]!['workingDays'] = 1;
    expect(issuesOf(raw)[0]).toMatch(/^stages\[0\]\{classify\}\.minutes: .*ровно одно/);
  });

  it('rejects an unknown stage, an anchor pointing forward, and a review level missing from the chain', () => {
    const raw = rawProfile('ukhta');
    const stages = raw['stages'] as Record<string, unknown>[];
    stages[0]!['id'] = 'triage';
    expect(issuesOf(raw)[0]).toMatch(/^stages\[0\]\{triage\}\.id: Неизвестный этап/);

    const fwd = rawProfile('ukhta');
    (fwd['stages'] as Record<string, unknown>[])[3]!['anchor'] = { kind: 'stage-end', stage: 'publish' };
    expect(issuesOf(fwd)).toEqual([
      'stages[3]{draft}.anchor.stage: Этап «publish» должен стоять раньше этапа «draft»',
    ]);

    const lvl = rawProfile('ukhta');
    (lvl['stages'] as Record<string, unknown>[])[4]!['level'] = 'mayor';
    expect(issuesOf(lvl)).toEqual(['stages[4]{review}.level: Нет уровня «mayor» в approvalChain']);
  });

  it('keeps the halving list and the stage flags in agreement', () => {
    const raw = rawProfile('ukhta');
    (raw['highImportance'] as Record<string, unknown>)['halveStages'] = ['review'];
    expect(issuesOf(raw)).toEqual([
      'stages[4]{review}.halvedWhenHigh: Этап «review» указан в highImportance.halveStages',
    ]);
  });

  it('rejects an unknown criterion and a warning fraction outside (0, 1)', () => {
    const raw = rawProfile('novorossiysk');
    (raw['criteria'] as Record<string, unknown>[])[0]!['key'] = 'politeness';
    (raw['thresholds'] as Record<string, unknown>)['warningFraction'] = 1.5;
    const issues = issuesOf(raw);
    expect(issues.some((i) => i.startsWith('criteria[0]{politeness}.key: '))).toBe(true);
    expect(issues.some((i) => i.startsWith('thresholds.warningFraction: '))).toBe(true);
  });

  it('requires the overall deadline and the final answer after an interim one', () => {
    const raw = rawProfile('ukhta');
    raw['stages'] = (raw['stages'] as Record<string, unknown>[]).filter((s) => s['id'] !== 'answer');
    expect(issuesOf(raw)).toContain('stages: Нужен этап «answer» (общий срок ответа)');
  });

  it('explains the whole error in Russian with the context', () => {
    const raw = rawProfile('ukhta');
    raw['name'] = 42;
    expect(() => parseProfile(raw, 'ukhta.json')).toThrow(
      /^ukhta\.json: профиль регламента не прошел проверку:\n {2}name: /,
    );
  });
});

describe('deriveCustomProfile', () => {
  it('derives a custom profile with deep-merged overrides, matched by id', () => {
    const custom = deriveCustomProfile(
      novorossiysk,
      { stages: [{ id: 'review', minutes: 45 }], highImportance: { answerMinutes: 180 } },
      'novorossiysk-mcu',
      'Новороссийск — МЦУ, контроль 45 минут',
    );
    expect(custom).toMatchObject({
      id: 'novorossiysk-mcu',
      name: 'Новороссийск — МЦУ, контроль 45 минут',
      derivedFrom: 'novorossiysk',
    });
    expect(custom.stages.find((s) => s.id === 'review')).toMatchObject({
      minutes: 45,
      level: 'controller',
      clause: 'Новороссийск p.10',
    });
    expect(custom.stages).toHaveLength(novorossiysk.stages.length);
    expect(custom.highImportance).toMatchObject({
      answerMinutes: 180,
      halveStages: 'all-marked',
      clause: 'Новороссийск p.14',
    });
    expect(novorossiysk.stages.find((s) => s.id === 'review')?.minutes).toBe(30); // base untouched
  });

  it('derives from any profile: adds, removes and re-anchors items', () => {
    const custom = deriveCustomProfile(
      ukhta,
      {
        criteria: [
          { key: 'emotional', $remove: true },
          { key: 'spelling', clause: 'Приказ МЦУ п.3', title: 'Без орфографических ошибок' },
        ],
        stages: [{ id: 'publish', anchor: { kind: 'stage-end', stage: 'review' } }],
      },
      'ukhta-strict',
      'Ухта — строже',
    );
    expect(custom.criteria.map((c) => c.key)).not.toContain('emotional');
    expect(custom.criteria.at(-1)).toMatchObject({ key: 'spelling', clause: 'Приказ МЦУ п.3' });
    expect(custom.stages.find((s) => s.id === 'publish')?.anchor).toEqual({
      kind: 'stage-end',
      stage: 'review',
    });
    // The final stage must follow interimToFinal: the merged profile is validated again.
    expect(() =>
      deriveCustomProfile(ukhta, { interimToFinal: { workingDays: 5 } }, 'ukhta-5', 'Ухта — 5 дней'),
    ).toThrow(/stages\[8\]\{final-after-interim\}\.workingDays/);
    const five = deriveCustomProfile(
      ukhta,
      { interimToFinal: { workingDays: 5 }, stages: [{ id: 'final-after-interim', workingDays: 5 }] },
      'ukhta-5',
      'Ухта — 5 дней',
    );
    expect(five.interimToFinal.workingDays).toBe(5);
  });

  it('re-validates the result and names the bad override', () => {
    expect(() =>
      deriveCustomProfile(stavropol, { stages: [{ id: 'review', minutes: -5 }] }, 'bad', 'Плохой'),
    ).toThrow(/профиль «bad»: .*\n {2}stages\[5\]\{review\}\.minutes: /);
    expect(() => deriveCustomProfile(stavropol, {}, 'Bad Id', 'Плохой')).toThrow(/id: /);
  });

  it('swaps minutes for working days on a stage', () => {
    const custom = deriveCustomProfile(
      novorossiysk,
      { stages: [{ id: 'coexecutors', workingDays: 1 }] },
      'novorossiysk-days',
      'Новороссийск — соисполнители за день',
    );
    const s = custom.stages.find((x) => x.id === 'coexecutors');
    expect(s?.workingDays).toBe(1);
    expect(s?.minutes).toBeUndefined();
  });
});
