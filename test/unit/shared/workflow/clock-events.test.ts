import { describe, expect, it } from 'vitest';
import {
  addWorkingDays,
  computeIncidentClock,
  type RegulationProfile,
} from '../../../../src/shared/regulations';
import { toClockEvents, type WorkflowEvent } from '../../../../src/shared/workflow';
import { testCalendar } from '../regulations/test-calendar';
import { A, Flow, minutes, newIncident, novorossiysk, stavropol, T0, ukhta } from './support';

const cal = testCalendar();

function clockOf(f: Flow, profile: RegulationProfile = f.profile) {
  return computeIncidentClock({
    profile,
    calendar: cal,
    importance: f.state.importance,
    events: toClockEvents(f.events, T0),
    now: f.now,
  });
}
const stage = (c: ReturnType<typeof clockOf>, id: string) => c.stages.find((s) => s.id === id);

describe('toClockEvents', () => {
  it('maps each workflow event to what the incident clock counts', () => {
    const f = new Flow(stavropol).routed('dep-roads', ['dep-zhkh']);
    f.step(A.execZhkh, 'submit-part')
      .step(A.execRoads, 'compile-summary')
      .step(A.execRoads, 'send-for-review');
    f.do(A.controller, 'return-for-rework', { criteria: [], comment: 'Срок?' });
    f.step(A.execRoads, 'save-draft').step(A.execRoads, 'send-for-review');
    f.step(A.controller, 'approve').step(A.controller, 'approve').step(A.controller, 'approve');
    f.step(A.operator, 'publish');
    const at = (i: number) => f.events[i]!.at;
    expect(toClockEvents(f.events, T0)).toEqual([
      { kind: 'detected', at: T0 },
      { kind: 'stage-done', at: at(0), stage: 'classify' },
      { kind: 'routed', at: at(1), coexecutors: true },
      { kind: 'stage-done', at: at(2), stage: 'coexecutors' },
      { kind: 'stage-done', at: at(3), stage: 'coexecutors-forward' },
      { kind: 'draft-sent', at: at(4) },
      { kind: 'returned-for-rework', at: at(5) },
      { kind: 'draft-sent', at: at(7) },
      { kind: 'approved', at: at(8), level: 'reception' },
      { kind: 'approved', at: at(9), level: 'mcu' },
      { kind: 'approved', at: at(10), level: 'cur' },
      { kind: 'published', at: at(11) },
    ]);
  });

  it('a returned message, a repeat with new facts, an interim answer and a postponement', () => {
    const base = { incidentId: 'i', actor: A.operator } as const;
    const events: WorkflowEvent[] = [
      { ...base, version: 1, at: 1, type: 'returned-misrouted', departmentId: 'd', reason: 'r' },
      {
        ...base,
        version: 2,
        at: 2,
        type: 'repeat-linked',
        earlierIncidentId: 'i0',
        earlierAnswerUrl: 'https://x',
        newFacts: true,
        routing: { mainDepartmentId: 'd', coDepartmentIds: [] },
      },
      { ...base, version: 3, at: 3, type: 'published', url: 'https://x', kind: 'interim' },
      { ...base, version: 4, at: 4, type: 'postponement-agreed', until: 99, authorInformed: true },
      { ...base, version: 5, at: 5, type: 'closed-no-answer', reason: 'obscene', comment: '' },
      {
        ...base,
        version: 6,
        at: 6,
        type: 'part-submitted',
        departmentId: 'd',
        text: 't',
        attachmentIds: [],
        allPartsIn: false,
      },
    ];
    expect(toClockEvents(events)).toEqual([
      { kind: 'returned', at: 1 },
      { kind: 'routed', at: 2, coexecutors: false },
      { kind: 'interim-published', at: 3 },
      { kind: 'postponement-agreed', at: 4, until: 99 },
    ]);
  });
});

describe('stage timers from the workflow history', () => {
  it('Новороссийск: a high-importance incident is due in 4 working hours and its stages pp.9–13 are halved (p.14)', () => {
    const normal = new Flow(novorossiysk).routed();
    const high = new Flow(novorossiysk, newIncident({ importance: 'high' })).routed();
    expect(clockOf(normal).answerDeadline).toBe(T0 + minutes(480));
    expect(clockOf(high).answerDeadline).toBe(T0 + minutes(240));
    // The draft is due 3 h (halved: 1.5 h) before the overall deadline.
    expect(stage(clockOf(normal), 'draft')!.deadline).toBe(T0 + minutes(480 - 180));
    expect(stage(clockOf(high), 'draft')!.deadline).toBe(T0 + minutes(240 - 90));
  });

  it('Ставрополь: the overall deadline counts from routing, and the МЦУ review ends with the МЦУ approval', () => {
    const f = new Flow(stavropol).routed();
    const routedAt = f.events[1]!.at;
    expect(clockOf(f).answerDeadline).toBe(routedAt + minutes(240));
    f.step(A.execRoads, 'save-draft').step(A.execRoads, 'send-for-review').step(A.controller, 'approve');
    expect(stage(clockOf(f), 'review')!.doneAt).toBeNull();
    f.step(A.controller, 'approve');
    const mcuAt = f.events.at(-1)!.at;
    expect(stage(clockOf(f), 'review')).toMatchObject({ doneAt: mcuAt, state: 'done' });
    f.step(A.controller, 'approve').step(A.operator, 'publish');
    expect(clockOf(f).state).toBe('done');
  });

  it('co-executors’ input is timed from routing and done with the last part (Новороссийск p.16)', () => {
    const f = new Flow(novorossiysk).routed('dep-roads', ['dep-zhkh', 'dep-blago']);
    const routedAt = f.events[1]!.at;
    expect(stage(clockOf(f), 'coexecutors')).toMatchObject({
      deadline: routedAt + minutes(120),
      doneAt: null,
    });
    f.step(A.execZhkh, 'submit-part');
    expect(stage(clockOf(f), 'coexecutors')!.doneAt).toBeNull();
    f.step(A.execBlago, 'submit-part');
    expect(stage(clockOf(f), 'coexecutors')!.doneAt).toBe(f.events.at(-1)!.at);
  });

  it('after an interim answer the final one is due in the profile’s working days, or at the agreed date', () => {
    const f = new Flow(ukhta).approved('interim').step(A.operator, 'publish');
    const interimAt = f.events.at(-1)!.at;
    expect(clockOf(f).finalDeadline).toBe(addWorkingDays(cal, interimAt, 7));
    const until = addWorkingDays(cal, interimAt, 12);
    f.do(A.controller, 'agree-postponement', { until, authorInformed: true });
    expect(clockOf(f).finalDeadline).toBe(until);
    f.step(A.execRoads, 'save-draft').step(A.execRoads, 'send-for-review');
    // Ухта p.15: the final draft is what falls due.
    expect(stage(clockOf(f), 'final-after-interim')!.state).toBe('done');
  });

  it('a misrouted return opens the re-routing stage (Ухта p.9), closed by the next routing', () => {
    const f = new Flow(ukhta).routed('dep-roads').step(A.execRoads, 'return-misrouted');
    const returnedAt = f.events.at(-1)!.at;
    expect(stage(clockOf(f), 'reroute')).toMatchObject({ deadline: returnedAt + minutes(60), doneAt: null });
    f.step(A.operator, 'route');
    expect(stage(clockOf(f), 'reroute')!.state).toBe('done');
  });
});
