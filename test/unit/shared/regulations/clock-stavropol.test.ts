import { describe, expect, it } from 'vitest';
import { slaForDetection, type ClockEvent } from '../../../../src/shared/regulations';
import { stavropol as profile } from './fixtures';
import { cal, clockOf, stageOf } from './clock-helpers';
import { t } from './test-calendar';

const detected: ClockEvent = { kind: 'detected', at: t(2, 9) };
const routed: ClockEvent = { kind: 'routed', at: t(2, 9, 20) };

describe('Ставрополь incident clock', () => {
  it('routes within 30 min of receipt (p.9.2)', () => {
    const c = clockOf(profile, [detected], t(2, 9, 10));
    expect(stageOf(c, 'route')).toMatchObject({
      deadline: t(2, 9, 30),
      state: 'on-time',
      clause: 'Ставрополь p.9.2',
    });
    expect(c.current).toBe('route');
  });

  it('counts the 4 working hours from routing, not from detection (p.11)', () => {
    const before = clockOf(profile, [detected], t(2, 9, 10));
    expect(before.answerDeadline).toBe(t(2, 13, 30)); // projected from the routing deadline
    expect(stageOf(before, 'answer').state).toBe('pending');

    const c = clockOf(profile, [detected, routed], t(2, 9, 30));
    expect(c.answerDeadline).toBe(t(2, 13, 20));
    expect(c.budgetMinutes).toBe(240);
    expect(stageOf(c, 'answer')).toMatchObject({ state: 'on-time', clause: 'Ставрополь p.11' });
  });

  it('wants the draft 1.5 working hours before the deadline (p.12)', () => {
    const c = clockOf(profile, [detected, routed], t(2, 9, 30));
    expect(stageOf(c, 'draft')).toMatchObject({
      deadline: t(2, 11, 50),
      state: 'on-time',
      clause: 'Ставрополь p.12',
    });
    expect(c.current).toBe('draft');
  });

  it('returns remarks within 10 min (p.15) and wants them fixed within 15 min (p.16)', () => {
    const events: ClockEvent[] = [
      detected,
      routed,
      { kind: 'draft-sent', at: t(2, 11) },
      { kind: 'returned-for-rework', at: t(2, 11, 12) },
    ];
    const c = clockOf(profile, events, t(2, 11, 15));
    expect(stageOf(c, 'remarks')).toMatchObject({
      deadline: t(2, 11, 10),
      doneAt: t(2, 11, 12),
      state: 'done-late',
    });
    expect(stageOf(c, 'review')).toMatchObject({ deadline: t(2, 11, 30), state: 'done' });
    expect(stageOf(c, 'rework')).toMatchObject({
      deadline: t(2, 11, 27),
      state: 'on-time',
      clause: 'Ставрополь p.16',
    });
    expect(c.current).toBe('rework');
  });

  it('agrees the draft with МЦУ within 30 min (p.13): a reception-level approval alone does not finish it', () => {
    const base: ClockEvent[] = [detected, routed, { kind: 'draft-sent', at: t(2, 11) }];
    const reception = clockOf(
      profile,
      [...base, { kind: 'approved', level: 'reception', at: t(2, 11, 5) }],
      t(2, 11, 6),
    );
    expect(stageOf(reception, 'review')).toMatchObject({
      deadline: t(2, 11, 30),
      doneAt: null,
      state: 'on-time',
    });

    const mcu = clockOf(
      profile,
      [
        ...base,
        { kind: 'approved', level: 'reception', at: t(2, 11, 5) },
        { kind: 'approved', level: 'mcu', at: t(2, 11, 25) },
      ],
      t(2, 11, 26),
    );
    expect(stageOf(mcu, 'review')).toMatchObject({ doneAt: t(2, 11, 25), state: 'done' });
    // Publication counts from the final agreement (after ЦУР), projected until then.
    expect(stageOf(mcu, 'publish')).toMatchObject({ deadline: t(2, 11, 55), state: 'pending' });
  });

  it('publishes within 30 min of approval, but not after the 4-hour deadline (p.14)', () => {
    const base: ClockEvent[] = [detected, routed, { kind: 'draft-sent', at: t(2, 11) }];
    const early = clockOf(profile, [...base, { kind: 'approved', at: t(2, 11, 20) }], t(2, 11, 25));
    expect(stageOf(early, 'publish')).toMatchObject({ deadline: t(2, 11, 50), state: 'on-time' });
    expect(early.current).toBe('publish');
    const late = clockOf(profile, [...base, { kind: 'approved', level: 'cur', at: t(2, 13) }], t(2, 13, 5));
    expect(stageOf(late, 'publish').deadline).toBe(t(2, 13, 20));
  });

  it('returns a misrouted message within 30 min (p.10) and restarts the 4 hours at the new routing (p.11)', () => {
    const events: ClockEvent[] = [detected, routed, { kind: 'returned', at: t(2, 9, 45) }];
    const waiting = clockOf(profile, events, t(2, 9, 50));
    expect(stageOf(waiting, 'return-misrouted')).toMatchObject({
      deadline: t(2, 9, 50),
      doneAt: t(2, 9, 45),
      state: 'done',
      clause: 'Ставрополь p.10',
    });
    expect(stageOf(waiting, 'draft').state).toBe('pending');
    expect(waiting.current).toBe('route');

    const rerouted = clockOf(profile, [...events, { kind: 'routed', at: t(2, 10) }], t(2, 10, 5));
    expect(rerouted.answerDeadline).toBe(t(2, 14));
    expect(rerouted.current).toBe('draft');
  });

  it('gives co-executors 2 working hours, then 30 min to agree and forward their input (p.18)', () => {
    const c = clockOf(
      profile,
      [detected, { kind: 'routed', at: t(2, 9, 20), coexecutors: true }],
      t(2, 9, 30),
    );
    expect(stageOf(c, 'coexecutors')).toMatchObject({ deadline: t(2, 11, 20), state: 'on-time' });
    expect(stageOf(c, 'coexecutors-forward')).toMatchObject({ deadline: t(2, 11, 50), state: 'pending' });
    const received = clockOf(
      profile,
      [
        detected,
        { kind: 'routed', at: t(2, 9, 20), coexecutors: true },
        { kind: 'stage-done', stage: 'coexecutors', at: t(2, 11) },
      ],
      t(2, 11, 5),
    );
    expect(stageOf(received, 'coexecutors-forward')).toMatchObject({
      deadline: t(2, 11, 30),
      state: 'on-time',
    });
  });

  it('keeps the same deadlines for a high-importance message: it only gets a category (p.9.1)', () => {
    expect(slaForDetection(profile, cal, t(2, 9), 'high')).toEqual(
      slaForDetection(profile, cal, t(2, 9), 'normal'),
    );
    expect(profile.highImportance).toMatchObject({ answerMinutes: null, halveStages: [] });
  });

  it('wants the final draft within 3 working days of the interim answer (p.17)', () => {
    const events: ClockEvent[] = [detected, routed, { kind: 'interim-published', at: t(2, 13) }];
    const c = clockOf(profile, events, t(3, 9));
    expect(c.finalDeadline).toBe(t(5, 13));
    expect(c).toMatchObject({ state: 'on-time', current: 'final-after-interim', budgetMinutes: 3 * 540 });
    const sent = clockOf(profile, [...events, { kind: 'draft-sent', at: t(4, 10) }], t(5, 15));
    expect(sent).toMatchObject({ state: 'on-time', current: null });
    expect(stageOf(sent, 'final-after-interim')).toMatchObject({ doneAt: t(4, 10), state: 'done' });
    const published = clockOf(
      profile,
      [...events, { kind: 'draft-sent', at: t(4, 10) }, { kind: 'published', at: t(6, 10) }],
      t(6, 11),
    );
    expect(published.state).toBe('done');
  });
});
