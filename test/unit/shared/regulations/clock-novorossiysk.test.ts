import { describe, expect, it } from 'vitest';
import { slaForDetection, type ClockEvent } from '../../../../src/shared/regulations';
import { novorossiysk as profile } from './fixtures';
import { cal, clockOf, stageOf } from './clock-helpers';
import { t, testCalendar } from './test-calendar';

const detected: ClockEvent = { kind: 'detected', at: t(2, 9) };

describe('Новороссийск incident clock', () => {
  it('gives a Новороссийск incident 8 working hours from detection (p.7)', () => {
    const c = clockOf(profile, [{ kind: 'detected', at: t(2, 14) }], t(2, 14));
    expect(c.answerDeadline).toBe(t(3, 13)); // Mon 14–18 + Tue 09–13
    expect(c.budgetMinutes).toBe(480);
    expect(c.leftMinutes).toBe(480);
    expect(stageOf(c, 'answer')).toMatchObject({ deadline: t(3, 13), clause: 'Новороссийск p.7' });
  });

  it('registers within 30 min of detection (p.4) and routes 30 min after registration (p.8)', () => {
    const c = clockOf(
      profile,
      [detected, { kind: 'stage-done', stage: 'classify', at: t(2, 9, 10) }],
      t(2, 9, 20),
    );
    expect(stageOf(c, 'classify')).toMatchObject({
      deadline: t(2, 9, 30),
      state: 'done',
      clause: 'Новороссийск p.4',
    });
    expect(stageOf(c, 'route')).toMatchObject({
      deadline: t(2, 9, 40),
      state: 'on-time',
      clause: 'Новороссийск p.8',
    });
    expect(c.current).toBe('route');
  });

  it('chains the routing from a late registration, and marks the registration late (p.4, p.8)', () => {
    const c = clockOf(
      profile,
      [detected, { kind: 'stage-done', stage: 'classify', at: t(2, 9, 45) }],
      t(2, 9, 50),
    );
    expect(stageOf(c, 'classify').state).toBe('done-late');
    expect(stageOf(c, 'route').deadline).toBe(t(2, 10, 15));
  });

  it('wants the draft at the controller 3 working hours before the deadline (p.9)', () => {
    const c = clockOf(profile, [{ kind: 'detected', at: t(2, 14) }], t(2, 14));
    expect(stageOf(c, 'draft')).toMatchObject({
      deadline: t(3, 10),
      state: 'pending',
      clause: 'Новороссийск p.9',
    });
  });

  it('lays out an on-time incident stage by stage for the `sla` command (pp. 4, 7–13, 16)', () => {
    const sla = slaForDetection(profile, cal, t(2, 9), 'normal');
    expect(sla.deadline).toBe(t(2, 17));
    expect(sla.stages.map((s) => [s.id, s.deadline, s.optional])).toEqual([
      ['classify', t(2, 9, 30), false],
      ['route', t(2, 10), false],
      ['coexecutors', t(2, 12), true],
      ['draft', t(2, 14), false],
      ['review', t(2, 14, 30), false],
      ['upload', t(2, 15), false],
      ['publish', t(2, 15, 30), false],
      ['answer', t(2, 17), false],
    ]);
  });

  it('halves every p.9–13 stage for a high-importance incident, with 4 h overall (Новороссийск p.14)', () => {
    const sla = slaForDetection(profile, cal, t(2, 9), 'high');
    expect(sla.deadline).toBe(t(2, 13));
    const at = Object.fromEntries(sla.stages.map((s) => [s.id, s.deadline]));
    expect(at).toEqual({
      classify: t(2, 9, 30), // p.4: not halved
      route: t(2, 10), // p.8: not halved
      coexecutors: t(2, 12), // p.16: not halved
      draft: t(2, 11, 30), // p.9: 1.5 h before the 4-hour deadline
      review: t(2, 11, 45), // p.10: 15 min
      upload: t(2, 12), // p.12: 15 min
      publish: t(2, 12, 15), // p.13: 15 min
      answer: t(2, 13), // p.14: 4 h
    });
    const events: ClockEvent[] = [
      detected,
      { kind: 'routed', at: t(2, 9, 30) },
      { kind: 'draft-sent', at: t(2, 10) },
      { kind: 'returned-for-rework', at: t(2, 10, 10) },
    ];
    const c = clockOf(profile, events, t(2, 10, 15), { importance: 'high' });
    expect(stageOf(c, 'rework').deadline).toBe(t(2, 10, 40)); // p.11: 30 min
  });

  it('restarts the review from the resubmitted draft after a return for rework (p.10, p.11)', () => {
    const events: ClockEvent[] = [
      detected,
      { kind: 'routed', at: t(2, 9, 30) },
      { kind: 'draft-sent', at: t(2, 11) },
      { kind: 'returned-for-rework', at: t(2, 11, 20) },
    ];
    const during = clockOf(profile, events, t(2, 11, 30));
    expect(stageOf(during, 'review')).toMatchObject({
      deadline: t(2, 11, 30),
      doneAt: t(2, 11, 20),
      state: 'done',
    });
    expect(stageOf(during, 'rework')).toMatchObject({ deadline: t(2, 12, 20), state: 'on-time' });
    expect(during.current).toBe('rework');
    // Upload and publish are projected through the rework and a new review.
    expect(stageOf(during, 'upload').deadline).toBe(t(2, 13, 20));

    const after = clockOf(profile, [...events, { kind: 'draft-sent', at: t(2, 12) }], t(2, 12, 5));
    expect(stageOf(after, 'rework')).toMatchObject({ doneAt: t(2, 12), state: 'done' });
    expect(stageOf(after, 'review')).toMatchObject({
      deadline: t(2, 12, 30),
      doneAt: null,
      state: 'on-time',
    });
    expect(stageOf(after, 'draft').doneAt).toBe(t(2, 11));
    expect(after.current).toBe('review');
  });

  it('breaches a rework not resubmitted within 1 working hour, and records it late (p.11)', () => {
    const events: ClockEvent[] = [
      detected,
      { kind: 'routed', at: t(2, 9, 30) },
      { kind: 'draft-sent', at: t(2, 11) },
      { kind: 'returned-for-rework', at: t(2, 11, 20) },
    ];
    expect(stageOf(clockOf(profile, events, t(2, 12, 30)), 'rework').state).toBe('breached');
    const late = clockOf(profile, [...events, { kind: 'draft-sent', at: t(2, 12, 40) }], t(2, 12, 45));
    expect(stageOf(late, 'rework').state).toBe('done-late');
  });

  it('counts the upload as done when the answer is published without an upload event (p.12, p.13)', () => {
    const events: ClockEvent[] = [
      detected,
      { kind: 'routed', at: t(2, 9, 30) },
      { kind: 'draft-sent', at: t(2, 11) },
      { kind: 'approved', at: t(2, 11, 20) },
      { kind: 'published', at: t(2, 12, 10) },
    ];
    const c = clockOf(profile, events, t(2, 13));
    expect(stageOf(c, 'classify').state).toBe('done');
    expect(stageOf(c, 'upload')).toMatchObject({ state: 'done', doneAt: t(2, 12, 10) });
    expect(stageOf(c, 'publish')).toMatchObject({ deadline: t(2, 12, 20), state: 'done' });
    expect(c).toMatchObject({ state: 'done', current: null, leftMinutes: 290 });
  });

  it('shows the co-executors’ 2 working hours only for an incident sent to several departments (p.16)', () => {
    const single = clockOf(profile, [detected, { kind: 'routed', at: t(2, 9, 40) }], t(2, 10));
    expect(single.stages.map((s) => s.id)).not.toContain('coexecutors');
    const several = clockOf(
      profile,
      [detected, { kind: 'routed', at: t(2, 9, 40), coexecutors: true }],
      t(2, 10),
    );
    expect(stageOf(several, 'coexecutors')).toMatchObject({ deadline: t(2, 11, 40), state: 'on-time' });
    expect(several.current).toBe('coexecutors');
  });

  it('moves to waiting for the final answer, due 7 working days after the interim one (p.15)', () => {
    const events: ClockEvent[] = [
      detected,
      { kind: 'routed', at: t(2, 9, 30) },
      { kind: 'draft-sent', at: t(2, 13) },
      { kind: 'approved', at: t(2, 13, 20) },
      { kind: 'interim-published', at: t(2, 14) },
    ];
    const c = clockOf(profile, events, t(3, 9));
    expect(c.answerDeadline).toBe(t(2, 17));
    expect(c.finalDeadline).toBe(t(11, 14)); // Tue, Wed, Thu, Fri, Mon, Tue, Wed
    expect(c).toMatchObject({ state: 'on-time', current: 'final-after-interim', budgetMinutes: 7 * 540 });
    expect(c.leftMinutes).toBe(7 * 540 - 240);
    expect(stageOf(c, 'answer').state).toBe('done');
    expect(stageOf(c, 'publish').state).toBe('done');
    expect(stageOf(c, 'final-after-interim')).toMatchObject({
      deadline: t(11, 14),
      clause: 'Новороссийск p.15',
    });

    const holiday = clockOf(profile, events, t(3, 9), {
      calendar: testCalendar({ holidays: ['2026-03-09'] }),
    });
    expect(holiday.finalDeadline).toBe(t(12, 14));

    const done = clockOf(profile, [...events, { kind: 'published', at: t(10, 12) }], t(12, 9));
    expect(done).toMatchObject({ state: 'done', current: null });
    const late = clockOf(profile, [...events, { kind: 'published', at: t(12, 10) }], t(12, 11));
    expect(late.state).toBe('done-late');
    expect(stageOf(late, 'final-after-interim').state).toBe('done-late');
    expect(clockOf(profile, events, t(11, 15)).state).toBe('breached');
  });

  it('replaces the overall deadline with the date agreed with the controller (p.9)', () => {
    const events: ClockEvent[] = [
      detected,
      { kind: 'routed', at: t(2, 9, 30) },
      { kind: 'postponement-agreed', at: t(2, 12), until: t(3, 15) },
    ];
    const c = clockOf(profile, events, t(2, 12));
    expect(c.answerDeadline).toBe(t(3, 15));
    expect(c.budgetMinutes).toBe(540 + 360);
    expect(stageOf(c, 'draft').deadline).toBe(t(3, 12)); // still 3 h before the (new) deadline
    expect(stageOf(c, 'answer').deadline).toBe(t(3, 15));
  });

  it('replaces the final answer’s deadline when a postponement is agreed after the interim answer (p.9, p.15)', () => {
    const events: ClockEvent[] = [
      detected,
      { kind: 'interim-published', at: t(2, 16) },
      { kind: 'postponement-agreed', at: t(5, 10), until: t(20, 12) },
    ];
    const c = clockOf(profile, events, t(6, 10));
    expect(c.answerDeadline).toBe(t(2, 17));
    expect(c.finalDeadline).toBe(t(20, 12));
    expect(stageOf(c, 'final-after-interim').deadline).toBe(t(20, 12));
  });

  describe('overall state', () => {
    const at = (now: number, more: ClockEvent[] = []) => clockOf(profile, [detected, ...more], now);

    it('is on time with more than a quarter of the working time left', () => {
      expect(at(t(2, 12))).toMatchObject({ state: 'on-time', leftMinutes: 300 });
      expect(at(t(2, 14, 59))).toMatchObject({ state: 'on-time', leftMinutes: 121 });
    });

    it('warns once a quarter or less of the working time is left (product default)', () => {
      expect(at(t(2, 15))).toMatchObject({ state: 'warning', leftMinutes: 120 });
    });

    it('is breached past the deadline, counting working minutes since', () => {
      expect(at(t(2, 17, 1))).toMatchObject({ state: 'breached', leftMinutes: -1 });
      expect(at(t(3, 10))).toMatchObject({ state: 'breached', leftMinutes: -120 });
    });

    it('stops the clock when the answer is published: done, or done late', () => {
      expect(at(t(3, 12), [{ kind: 'published', at: t(2, 16) }])).toMatchObject({
        state: 'done',
        leftMinutes: 60,
      });
      expect(at(t(3, 12), [{ kind: 'published', at: t(2, 17, 30) }])).toMatchObject({
        state: 'done-late',
        leftMinutes: -30,
      });
    });

    it('rates each running stage against its own time', () => {
      expect(stageOf(at(t(2, 9, 20)), 'classify').state).toBe('on-time');
      expect(stageOf(at(t(2, 9, 23)), 'classify').state).toBe('warning');
      expect(stageOf(at(t(2, 9, 31)), 'classify').state).toBe('breached');
    });
  });
});
