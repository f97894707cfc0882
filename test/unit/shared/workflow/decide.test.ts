import { describe, expect, it } from 'vitest';
import {
  decide,
  evolve,
  WorkflowEventSchema,
  type Command,
  type IncidentWorkflowState,
} from '../../../../src/shared/workflow';
import { A, command, DIRECTORY, Flow, INCIDENT, newIncident, novorossiysk, stavropol, T0 } from './support';

function deepFreeze<T>(o: T): T {
  if (o && typeof o === 'object') {
    Object.values(o).forEach(deepFreeze);
    Object.freeze(o);
  }
  return o;
}

const ctx = (actor = A.operator, profile = novorossiysk, now = T0) => ({
  profile,
  actor,
  now,
  departments: DIRECTORY,
});

describe('decide: the envelope', () => {
  const state = deepFreeze(newIncident());
  const classify = (over: Partial<Command> = {}) =>
    ({
      ...command(state, A.operator, 'classify', {
        topic: 'ЖКХ',
        location: 'ул. Мира, 1',
        importance: 'high',
      }),
      ...over,
    }) as Command;

  it('an accepted command yields exactly one event, stamped with the new version, the time and the actor', () => {
    const d = decide(state, classify(), ctx());
    expect(d.ok).toBe(true);
    if (!d.ok) return;
    expect(d.events).toHaveLength(1);
    const [e] = d.events;
    expect(e).toEqual({
      type: 'classified',
      incidentId: INCIDENT,
      version: 1,
      at: T0,
      actor: A.operator,
      topic: 'ЖКХ',
      location: 'ул. Мира, 1',
      importance: 'high',
    });
    expect(WorkflowEventSchema.parse(e)).toEqual(e);
    expect(d.next).toEqual(evolve(state, e!));
    expect(d.next).toMatchObject({ status: 'new', version: 1, importance: 'high' });
  });

  it('is stale when the version or the status the issuer saw is not the current one', () => {
    for (const over of [{ expectedVersion: 1 }, { expectedStatus: 'routed' as const }]) {
      const d = decide(state, classify(over), ctx());
      expect(d).toMatchObject({ ok: false, reason: { code: 'stale' } });
    }
  });

  it('rejects a command signed by someone else than the session, or for another incident', () => {
    expect(decide(state, classify(), ctx(A.supervisor))).toMatchObject({
      reason: { code: 'actor-mismatch' },
    });
    expect(decide(state, classify({ incidentId: 'inc-2' }), ctx())).toMatchObject({
      reason: { code: 'wrong-incident' },
    });
  });

  it('rejects a malformed command without throwing', () => {
    const bad = { ...classify(), importance: 'urgent' } as unknown as Command;
    expect(decide(state, bad, ctx())).toMatchObject({ ok: false, reason: { code: 'invalid-command' } });
    const extra = { ...classify(), sneaky: true } as unknown as Command;
    expect(decide(state, extra, ctx())).toMatchObject({ ok: false, reason: { code: 'invalid-command' } });
    const noType = { ...classify(), type: 'delete' } as unknown as Command;
    expect(decide(state, noType, ctx())).toMatchObject({ ok: false, reason: { code: 'invalid-command' } });
  });

  it('the wall issues nothing and the admin does no workflow step', () => {
    const wall = decide(state, { ...classify(), actor: A.wall }, ctx(A.wall));
    expect(wall).toMatchObject({ ok: false, reason: { code: 'read-only' } });
    const admin = decide(state, { ...classify(), actor: A.admin }, ctx(A.admin));
    expect(admin).toMatchObject({ ok: false, reason: { code: 'role-forbidden' } });
    if (!admin.ok) expect(admin.reason.message).toMatch(/Администратор/);
  });
});

describe('decide: each command', () => {
  it('classify needs a topic and a location; it may be corrected later, also to high importance', () => {
    const f = new Flow();
    f.rejects(
      A.operator,
      'classify',
      { topic: ' ', location: 'x', importance: 'normal' },
      'classification-incomplete',
    );
    f.rejects(A.execRoads, 'classify', { topic: 'a', location: 'b', importance: 'normal' }, 'role-forbidden');
    f.routed().do(A.operator, 'classify', { topic: ' Дороги ', location: ' Мира ', importance: 'high' });
    expect(f.state).toMatchObject({
      status: 'routed',
      importance: 'high',
      classification: { topic: 'Дороги', location: 'Мира' },
    });
  });

  it('route needs a classification and known, distinct departments', () => {
    const f = new Flow();
    const r = (main: string, co: string[] = []) => ({ mainDepartmentId: main, coDepartmentIds: co });
    f.rejects(A.operator, 'route', r('dep-roads'), 'not-classified');
    f.classified();
    f.rejects(A.operator, 'route', r('dep-mars'), 'department-unknown');
    f.rejects(A.operator, 'route', r('dep-roads', ['dep-moon']), 'department-unknown');
    f.rejects(A.operator, 'route', r('dep-roads', ['dep-roads']), 'routing-invalid');
    f.rejects(A.operator, 'route', r('dep-roads', ['dep-zhkh', 'dep-zhkh']), 'routing-invalid');
    f.rejects(A.execRoads, 'route', r('dep-roads'), 'role-forbidden');
    // Новороссийск p.8: the controller distributes.
    f.do(A.controller, 'route', r('dep-roads'));
    // A re-route before work starts.
    f.do(A.operator, 'route', r('dep-zhkh', ['dep-roads']));
    expect(f.state).toMatchObject({ status: 'coexecutors', routing: r('dep-zhkh', ['dep-roads']) });
    f.do(A.operator, 'route', r('dep-blago'));
    expect(f.state).toMatchObject({ status: 'routed', routing: r('dep-blago'), parts: [] });
  });

  it('save-draft belongs to the main department and moves a routed incident to drafting', () => {
    const f = new Flow().routed();
    const draft = { text: '', kind: 'final' as const, attachmentIds: ['a1'] };
    f.rejects(A.execZhkh, 'save-draft', draft, 'not-your-department');
    f.rejects(A.forged, 'save-draft', draft, 'not-your-department');
    f.rejects(A.operator, 'save-draft', draft, 'role-forbidden');
    f.do(A.headRoads, 'save-draft', draft);
    expect(f.state).toMatchObject({
      status: 'drafting',
      draft: { text: '', kind: 'final', attachmentIds: ['a1'], savedBy: 'u-head-roads' },
    });
    // An empty draft is saved but not sent.
    f.rejects(A.execRoads, 'send-for-review', {}, 'draft-empty');
  });

  it('send-for-review starts the chain at its first level', () => {
    const f = new Flow(stavropol).drafted();
    f.rejects(A.execZhkh, 'send-for-review', {}, 'not-your-department');
    f.do(A.execRoads, 'send-for-review', {});
    expect(f.events.at(-1)).toMatchObject({ type: 'sent-for-review', levelId: 'reception' });
    f.rejects(A.execRoads, 'send-for-review', {}, 'wrong-status');
    f.rejects(A.execRoads, 'save-draft', { text: 'x', kind: 'final', attachmentIds: [] }, 'wrong-status');
  });

  it('approve is for the level deciders only', () => {
    const f = new Flow(novorossiysk).inReview();
    f.rejects(A.operator, 'approve', {}, 'role-forbidden');
    f.rejects(A.execRoads, 'approve', {}, 'role-forbidden');
    f.rejects(A.headRoads, 'approve', {}, 'level-forbidden');
    f.do(A.supervisor, 'approve', {});
    expect(f.events.at(-1)).toMatchObject({
      type: 'approved',
      levelId: 'controller',
      levelIndex: 0,
      nextLevelId: null,
    });
    expect(f.state.status).toBe('approved');
  });

  it('return-for-rework needs reasons from the profile criteria or a comment', () => {
    const f = new Flow(stavropol).inReview();
    f.rejects(A.controller, 'return-for-rework', { criteria: [], comment: '  ' }, 'reasons-required');
    // Ставрополь has no spelling criterion (only p.20).
    f.rejects(
      A.controller,
      'return-for-rework',
      { criteria: ['spelling'], comment: '' },
      'unknown-criterion',
    );
    f.rejects(A.execRoads, 'return-for-rework', { criteria: [], comment: 'x' }, 'role-forbidden');
    f.do(A.controller, 'return-for-rework', { criteria: ['substance', 'substance'], comment: '' });
    expect(f.state).toMatchObject({ status: 'rework', remarks: { criteria: ['substance'], comment: '' } });
  });

  it('publish needs the link to the published answer and is the operator’s', () => {
    const f = new Flow().approved();
    f.rejects(A.operator, 'publish', { url: 'опубликовано' }, 'url-invalid');
    f.rejects(A.operator, 'publish', { url: 'ftp://vk.com/x' }, 'url-invalid');
    f.rejects(A.controller, 'publish', { url: 'https://vk.com/x' }, 'role-forbidden');
    f.rejects(A.execRoads, 'publish', { url: 'https://vk.com/x' }, 'role-forbidden');
    f.do(A.supervisor, 'publish', { url: ' https://vk.com/x ' });
    expect(f.state).toMatchObject({ status: 'published', answer: { url: 'https://vk.com/x', by: 'u-sup' } });
  });

  it('close-no-answer is possible from any open status before an answer was published', () => {
    for (const f of [
      new Flow(),
      new Flow().routed(),
      new Flow().drafted(),
      new Flow().inReview(),
      new Flow().approved(),
    ]) {
      f.rejects(A.controller, 'close-no-answer', { reason: 'insulting', comment: '' }, 'role-forbidden');
      f.do(A.operator, 'close-no-answer', { reason: 'insulting', comment: '' });
      expect(f.state.status).toBe('closed-no-answer');
    }
  });

  it('never mutates the state it is given', () => {
    const f = new Flow(stavropol).inReview();
    const frozen: IncidentWorkflowState = deepFreeze(structuredClone(f.state));
    const c = command(frozen, A.controller, 'approve', {});
    const d = decide(frozen, c, ctx(A.controller, stavropol));
    expect(d.ok).toBe(true);
  });
});
