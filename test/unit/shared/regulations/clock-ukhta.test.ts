import { describe, expect, it } from 'vitest';
import { slaForDetection, type ClockEvent } from '../../../../src/shared/regulations';
import { ukhta as profile } from './fixtures';
import { cal, clockOf, stageOf } from './clock-helpers';
import { t } from './test-calendar';

const detected: ClockEvent = { kind: 'detected', at: t(2, 9) };
const routed: ClockEvent = { kind: 'routed', at: t(2, 9, 30) };

describe('Ухта incident clock', () => {
  it('gives 8 working hours from receipt and 1 hour to route (p.8)', () => {
    const c = clockOf(profile, [detected], t(2, 9));
    expect(c.answerDeadline).toBe(t(2, 17));
    expect(stageOf(c, 'route')).toMatchObject({ deadline: t(2, 10), clause: 'Ухта p.8' });
    expect(stageOf(c, 'answer').clause).toBe('Ухта p.8');
  });

  it('wants the draft 4 working hours before the deadline (p.10)', () => {
    expect(stageOf(clockOf(profile, [detected], t(2, 9)), 'draft').deadline).toBe(t(2, 13));
    // Detected Mon 14:00 → due Tue 13:00 → draft by Tue 09:00, not the evening before.
    const c = clockOf(profile, [{ kind: 'detected', at: t(2, 14) }], t(2, 14));
    expect(stageOf(c, 'draft')).toMatchObject({ deadline: t(3, 9), clause: 'Ухта p.10' });
  });

  it('reviews in 1 h (p.11), reworks in 2 h (p.13), publishes 1 h after the final approval (p.14)', () => {
    const events: ClockEvent[] = [
      detected,
      routed,
      { kind: 'draft-sent', at: t(2, 12) },
      { kind: 'returned-for-rework', at: t(2, 12, 30) },
    ];
    const rework = clockOf(profile, events, t(2, 12, 40));
    expect(stageOf(rework, 'review')).toMatchObject({ deadline: t(2, 13), state: 'done' });
    expect(stageOf(rework, 'rework')).toMatchObject({ deadline: t(2, 14, 30), clause: 'Ухта p.13' });

    const again = [...events, { kind: 'draft-sent', at: t(2, 14) } as const];
    expect(stageOf(clockOf(profile, again, t(2, 14)), 'review').deadline).toBe(t(2, 15));
    const approved = clockOf(profile, [...again, { kind: 'approved', at: t(2, 14, 30) }], t(2, 14, 30));
    expect(stageOf(approved, 'publish')).toMatchObject({ deadline: t(2, 15, 30), clause: 'Ухта p.14' });
    expect(approved.current).toBe('publish');
  });

  it('returns a misrouted message within 1 h and routes it again within 1 h (p.9)', () => {
    const events: ClockEvent[] = [detected, routed, { kind: 'returned', at: t(2, 10) }];
    const waiting = clockOf(profile, events, t(2, 10, 10));
    expect(stageOf(waiting, 'return-misrouted')).toMatchObject({ deadline: t(2, 10, 30), state: 'done' });
    expect(stageOf(waiting, 'reroute')).toMatchObject({
      deadline: t(2, 11),
      state: 'on-time',
      clause: 'Ухта p.9',
    });
    expect(waiting.current).toBe('reroute');
    expect(waiting.answerDeadline).toBe(t(2, 17)); // p.8 counts from receipt, not routing

    const rerouted = clockOf(profile, [...events, { kind: 'routed', at: t(2, 10, 40) }], t(2, 10, 45));
    expect(stageOf(rerouted, 'reroute')).toMatchObject({ doneAt: t(2, 10, 40), state: 'done' });
    expect(rerouted.current).toBe('draft');
  });

  it('wants the final draft within 7 working days of the interim answer (p.15)', () => {
    const c = clockOf(profile, [detected, routed, { kind: 'interim-published', at: t(2, 12) }], t(3, 9));
    expect(c.finalDeadline).toBe(t(11, 12));
    expect(stageOf(c, 'final-after-interim').clause).toBe('Ухта p.15');
  });

  it('has no special deadlines for important messages', () => {
    expect(slaForDetection(profile, cal, t(2, 9), 'high')).toEqual(
      slaForDetection(profile, cal, t(2, 9), 'normal'),
    );
  });
});
