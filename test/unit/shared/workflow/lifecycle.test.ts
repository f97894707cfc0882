import { describe, expect, it } from 'vitest';
import { replay, workflowStateSchemaFor, type IncidentWorkflowState } from '../../../../src/shared/workflow';
import {
  A,
  Flow,
  INCIDENT,
  newIncident,
  novorossiysk,
  stavropol,
  ukhta,
  withDepartmentLevel,
} from './support';

const T_LATER = Date.UTC(2026, 5, 1);

function statuses(f: Flow): string[] {
  let s: IncidentWorkflowState = newIncident();
  return f.events.map((e) => {
    s = replay(s, [e]);
    return s.status;
  });
}

describe('the answer lifecycle', () => {
  it.each([
    ['Новороссийск', novorossiysk, ['controller']],
    ['Ухта', ukhta, ['information-department']],
  ])('%s: one approval level, then the operator publishes', (_name, profile, levels) => {
    const f = new Flow(profile).inReview();
    expect(f.state).toMatchObject({ status: 'in-review', levelIndex: 0, levelId: levels[0] });
    f.step(A.controller, 'approve').do(A.operator, 'publish', { url: 'https://vk.com/wall-1_1?reply=5' });
    expect(statuses(f)).toEqual(['new', 'routed', 'drafting', 'in-review', 'approved', 'published']);
    expect(f.state).toMatchObject({
      status: 'published',
      version: 6,
      answer: { kind: 'final', url: 'https://vk.com/wall-1_1?reply=5', by: 'u-op' },
    });
    expect(workflowStateSchemaFor(profile).safeParse(f.state).success).toBe(true);
  });

  it('Ставрополь: the draft climbs отдел приема → МЦУ → ЦУР before it is approved (p.13)', () => {
    const f = new Flow(stavropol).inReview();
    expect(f.state).toMatchObject({ status: 'in-review', levelIndex: 0, levelId: 'reception' });
    f.step(A.controller, 'approve');
    expect(f.state).toMatchObject({ status: 'in-review', levelIndex: 1, levelId: 'mcu' });
    f.step(A.supervisor, 'approve');
    expect(f.state).toMatchObject({ status: 'in-review', levelIndex: 2, levelId: 'cur' });
    f.step(A.controller, 'approve');
    expect(f.state.status).toBe('approved');
    expect(
      f.events.filter((e) => e.type === 'approved').map((e) => e.type === 'approved' && e.nextLevelId),
    ).toEqual(['mcu', 'cur', null]);
  });

  it('Ставрополь: a return at the МЦУ level sends the draft back, and the next review starts at the first level', () => {
    const f = new Flow(stavropol).inReview().step(A.controller, 'approve');
    f.do(A.controller, 'return-for-rework', { criteria: ['objects'], comment: 'Нет ответа про освещение' });
    expect(f.state).toMatchObject({
      status: 'rework',
      reworkCount: 1,
      remarks: { levelId: 'mcu', criteria: ['objects'], comment: 'Нет ответа про освещение', by: 'u-ctl' },
    });
    f.do(A.execRoads, 'save-draft', { text: 'Исправленный ответ', kind: 'final', attachmentIds: ['att-1'] });
    expect(f.state.status).toBe('rework');
    f.step(A.execRoads, 'send-for-review');
    expect(f.state).toMatchObject({ status: 'in-review', levelIndex: 0, levelId: 'reception' });
  });

  it('a department approval level is decided by the head of the main department, then the controller', () => {
    const f = new Flow(withDepartmentLevel).inReview();
    expect(f.state).toMatchObject({ levelId: 'department' });
    f.rejects(A.controller, 'approve', {}, 'level-forbidden');
    f.rejects(A.headZhkh, 'approve', {}, 'not-your-department');
    f.rejects(A.execRoads, 'approve', {}, 'role-forbidden');
    f.step(A.headRoads, 'approve');
    expect(f.state).toMatchObject({ status: 'in-review', levelId: 'controller' });
    f.rejects(A.headRoads, 'approve', {}, 'level-forbidden');
    f.step(A.controller, 'approve');
    expect(f.state.status).toBe('approved');
  });

  it('the controller returns with reasons, the executor reworks, the controller approves, the operator publishes', () => {
    const f = new Flow(novorossiysk).inReview();
    f.do(A.controller, 'return-for-rework', {
      criteria: ['addressee', 'deadline'],
      comment: 'Ошибка в имени',
    });
    f.do(A.execRoads, 'save-draft', { text: 'Уважаемая Анна Ивановна! …', kind: 'final', attachmentIds: [] });
    f.step(A.execRoads, 'send-for-review').step(A.controller, 'approve').step(A.operator, 'publish');
    expect(statuses(f)).toEqual([
      'new',
      'routed',
      'drafting',
      'in-review',
      'rework',
      'rework',
      'in-review',
      'approved',
      'published',
    ]);
    expect(f.state).toMatchObject({ reworkCount: 1, version: 9 });
  });
});

describe('summary answers with co-executors (Новороссийск p.16, Ставрополь p.18, Ухта p.16)', () => {
  const routedToThree = () => new Flow(stavropol).routed('dep-roads', ['dep-zhkh', 'dep-blago']);

  it('routing with co-executors waits for their parts', () => {
    const f = routedToThree();
    expect(f.state).toMatchObject({
      status: 'coexecutors',
      routing: { mainDepartmentId: 'dep-roads', coDepartmentIds: ['dep-zhkh', 'dep-blago'] },
      parts: [],
    });
  });

  it('each co-executor sends its own part; the main executor compiles once all are in', () => {
    const f = routedToThree();
    f.rejects(
      A.execRoads,
      'compile-summary',
      { text: 'Сводный', kind: 'final', attachmentIds: [] },
      'parts-missing',
    );
    f.rejects(
      A.execRoads,
      'submit-part',
      { departmentId: 'dep-zhkh', text: 'x', attachmentIds: [] },
      'not-your-department',
    );
    f.rejects(
      A.execZhkh,
      'submit-part',
      { departmentId: 'dep-blago', text: 'x', attachmentIds: [] },
      'not-your-department',
    );
    f.rejects(
      A.execZhkh,
      'submit-part',
      { departmentId: 'dep-zhkh', text: '  ', attachmentIds: [] },
      'text-required',
    );
    f.do(A.execZhkh, 'submit-part', {
      departmentId: 'dep-zhkh',
      text: 'Трубу заменят 5 марта',
      attachmentIds: ['p1'],
    });
    expect(f.events.at(-1)).toMatchObject({ type: 'part-submitted', allPartsIn: false });
    // The main executor may write while waiting.
    f.do(A.execRoads, 'save-draft', { text: 'Черновик', kind: 'final', attachmentIds: [] });
    expect(f.state).toMatchObject({ status: 'coexecutors', draft: { text: 'Черновик' } });
    f.rejects(A.execRoads, 'send-for-review', {}, 'wrong-status');
    f.do(A.headBlago, 'submit-part', {
      departmentId: 'dep-blago',
      text: 'Благоустройство в мае',
      attachmentIds: [],
    });
    expect(f.events.at(-1)).toMatchObject({ type: 'part-submitted', allPartsIn: true });
    f.rejects(
      A.execZhkh,
      'compile-summary',
      { text: 'Сводный', kind: 'final', attachmentIds: [] },
      'not-your-department',
    );
    f.rejects(
      A.execRoads,
      'compile-summary',
      { text: ' ', kind: 'final', attachmentIds: [] },
      'text-required',
    );
    f.do(A.execRoads, 'compile-summary', { text: 'Сводный ответ', kind: 'final', attachmentIds: ['p1'] });
    expect(f.state).toMatchObject({
      status: 'drafting',
      draft: { text: 'Сводный ответ', kind: 'final', attachmentIds: ['p1'], savedBy: 'u-exec-roads' },
    });
    expect(f.state.status === 'drafting' && f.state.parts.map((p) => p.departmentId)).toEqual([
      'dep-zhkh',
      'dep-blago',
    ]);
  });

  it('a co-executor may replace its part until the summary is compiled', () => {
    const f = routedToThree();
    f.do(A.execZhkh, 'submit-part', { departmentId: 'dep-zhkh', text: 'Первая версия', attachmentIds: [] });
    f.do(A.execZhkh, 'submit-part', { departmentId: 'dep-zhkh', text: 'Вторая версия', attachmentIds: [] });
    expect(f.state.status === 'coexecutors' && f.state.parts).toMatchObject([{ text: 'Вторая версия' }]);
  });

  it('a part from a department that is not a co-executor is refused', () => {
    const f = routedToThree();
    f.rejects(
      A.execRoads,
      'submit-part',
      { departmentId: 'dep-roads', text: 'x', attachmentIds: [] },
      'not-your-department',
    );
    const g = new Flow(stavropol).routed('dep-roads', ['dep-zhkh']);
    g.rejects(
      A.execZhkh,
      'submit-part',
      { departmentId: 'dep-edu', text: 'x', attachmentIds: [] },
      'part-not-expected',
    );
  });
});

describe('interim answer → final answer (Новороссийск p.9, 15; Ставрополь p.17; Ухта p.15)', () => {
  it('an interim answer is published, then the final one is drafted, reviewed and published', () => {
    const f = new Flow(ukhta).approved('interim');
    f.do(A.operator, 'publish', { url: 'https://ok.ru/group/1/topic/2' });
    expect(f.state).toMatchObject({
      status: 'interim-published',
      interim: { kind: 'interim', url: 'https://ok.ru/group/1/topic/2' },
    });
    f.rejects(
      A.execRoads,
      'save-draft',
      { text: 'Еще промежуточный', kind: 'interim', attachmentIds: [] },
      'interim-not-allowed',
    );
    f.rejects(A.operator, 'close-no-answer', { reason: 'obscene', comment: '' }, 'wrong-status');
    f.do(A.execRoads, 'save-draft', {
      text: 'Окончательно: яма заделана.',
      kind: 'final',
      attachmentIds: ['photo'],
    });
    expect(f.state.status).toBe('drafting');
    f.rejects(
      A.execRoads,
      'return-misrouted',
      { departmentId: 'dep-roads', reason: 'не наше' },
      'answer-already-published',
    );
    f.rejects(A.operator, 'close-no-answer', { reason: 'obscene', comment: '' }, 'answer-already-published');
    f.step(A.execRoads, 'send-for-review').step(A.controller, 'approve');
    f.do(A.operator, 'publish', { url: 'https://ok.ru/group/1/topic/2?final' });
    expect(f.state).toMatchObject({
      status: 'published',
      interim: { kind: 'interim' },
      answer: { kind: 'final', text: 'Окончательно: яма заделана.' },
    });
  });
});

describe('postponement (Новороссийск p.9)', () => {
  const afterInterim = () => new Flow(novorossiysk).approved('interim').step(A.operator, 'publish');

  it('the controller agrees a new date once the author has been told', () => {
    const f = afterInterim();
    const until = f.now + 10 * 24 * 3_600_000;
    f.do(A.controller, 'agree-postponement', { until, authorInformed: true });
    expect(f.state).toMatchObject({ status: 'postponed', postponedUntil: until, authorInformed: true });
    // A later agreement replaces it.
    f.do(A.supervisor, 'agree-postponement', { until: until + 3_600_000, authorInformed: true });
    expect(f.state).toMatchObject({ status: 'postponed', postponedUntil: until + 3_600_000 });
    // Then the final answer is written.
    f.step(A.execRoads, 'save-draft');
    expect(f.state).toMatchObject({ status: 'drafting', postponedUntil: until + 3_600_000 });
  });

  it('is refused without informing the author, with a date in the past, by the operator, or before any answer', () => {
    const f = afterInterim();
    f.rejects(
      A.controller,
      'agree-postponement',
      { until: f.now + 3_600_000, authorInformed: false },
      'author-not-informed',
    );
    f.rejects(A.controller, 'agree-postponement', { until: f.now, authorInformed: true }, 'date-in-past');
    f.rejects(
      A.operator,
      'agree-postponement',
      { until: f.now + 3_600_000, authorInformed: true },
      'role-forbidden',
    );
    new Flow()
      .drafted()
      .rejects(A.controller, 'agree-postponement', { until: T_LATER, authorInformed: true }, 'wrong-status');
  });
});

describe('repeated messages (Ухта p.17; Ставрополь p.19)', () => {
  const link = { earlierIncidentId: 'inc-0', earlierAnswerUrl: 'https://vk.com/wall-1_50?reply=2' };

  it('without new facts the message is closed with the link to the earlier answer', () => {
    const f = new Flow(ukhta).do(A.operator, 'link-repeat', { ...link, newFacts: false, routing: null });
    expect(f.state).toMatchObject({
      status: 'closed-repeat',
      repeatOf: { ...link, newFacts: false },
      closure: { by: 'u-op' },
    });
    f.rejects(A.operator, 'route', { mainDepartmentId: 'dep-roads', coDepartmentIds: [] }, 'terminal');
  });

  it('with new facts it is routed again, keeping the link', () => {
    const f = new Flow(ukhta).classified();
    f.do(A.operator, 'link-repeat', {
      ...link,
      newFacts: true,
      routing: { mainDepartmentId: 'dep-roads', coDepartmentIds: ['dep-zhkh'] },
    });
    expect(f.state).toMatchObject({ status: 'coexecutors', repeatOf: { newFacts: true } });
  });

  it('rejects a self-link, a bad link, new facts without routing or classification, and a routing without new facts', () => {
    const f = new Flow(ukhta);
    f.rejects(
      A.operator,
      'link-repeat',
      { ...link, earlierIncidentId: INCIDENT, newFacts: false, routing: null },
      'self-repeat',
    );
    f.rejects(
      A.operator,
      'link-repeat',
      { ...link, earlierAnswerUrl: 'vk.com/x', newFacts: false, routing: null },
      'url-invalid',
    );
    f.rejects(A.operator, 'link-repeat', { ...link, newFacts: true, routing: null }, 'routing-required');
    const routing = { mainDepartmentId: 'dep-roads', coDepartmentIds: [] };
    f.rejects(A.operator, 'link-repeat', { ...link, newFacts: true, routing }, 'not-classified');
    f.rejects(A.operator, 'link-repeat', { ...link, newFacts: false, routing }, 'routing-invalid');
    f.rejects(A.execRoads, 'link-repeat', { ...link, newFacts: false, routing: null }, 'role-forbidden');
  });

  it('a wrong repeat closure is reopened by the supervisor only, and is no longer a repeat', () => {
    const f = new Flow(ukhta).do(A.operator, 'link-repeat', { ...link, newFacts: false, routing: null });
    f.rejects(A.operator, 'reopen', { reason: 'Ошибка' }, 'role-forbidden');
    f.rejects(A.supervisor, 'reopen', { reason: ' ' }, 'reasons-required');
    f.do(A.supervisor, 'reopen', { reason: 'Это новый вопрос' });
    expect(f.state).toMatchObject({ status: 'new', repeatOf: null });
  });
});

describe('closing without an answer (Новороссийск p.18; Ставрополь p.22; Ухта p.18)', () => {
  it('closes with the reason and then accepts nothing but a supervisor reopening', () => {
    const f = new Flow().routed();
    f.do(A.operator, 'close-no-answer', { reason: 'threats', comment: 'Угрозы главе' });
    expect(f.state).toMatchObject({
      status: 'closed-no-answer',
      closure: { reason: 'threats', comment: 'Угрозы главе', by: 'u-op' },
    });
    f.rejects(A.operator, 'classify', { topic: 'x', location: 'y', importance: 'high' }, 'terminal');
    f.rejects(A.execRoads, 'save-draft', { text: 'x', kind: 'final', attachmentIds: [] }, 'terminal');
    f.do(A.supervisor, 'reopen', { reason: 'Угроз нет, ошибка оператора' });
    expect(f.state).toMatchObject({ status: 'new', classification: { topic: 'Дороги' } });
  });

  it('a published answer accepts nothing at all', () => {
    const f = new Flow().approved().step(A.operator, 'publish');
    f.rejects(A.supervisor, 'reopen', { reason: 'x' }, 'terminal');
    f.rejects(A.supervisor, 'close-no-answer', { reason: 'obscene', comment: '' }, 'terminal');
    f.rejects(A.operator, 'publish', { url: 'https://vk.com/x' }, 'terminal');
  });
});

describe('misrouted messages (Ставрополь p.10; Ухта p.9)', () => {
  it('the department returns with reasons; the operator routes it to another department', () => {
    const f = new Flow(ukhta).routed('dep-roads');
    f.rejects(
      A.execRoads,
      'return-misrouted',
      { departmentId: 'dep-roads', reason: ' ' },
      'reasons-required',
    );
    f.rejects(
      A.execZhkh,
      'return-misrouted',
      { departmentId: 'dep-roads', reason: 'не наше' },
      'not-your-department',
    );
    f.do(A.execRoads, 'return-misrouted', { departmentId: 'dep-roads', reason: 'Это вопрос ЖКХ' });
    expect(f.state).toMatchObject({
      status: 'returned',
      misroutedReturns: 1,
      lastReturn: { departmentId: 'dep-roads', reason: 'Это вопрос ЖКХ', by: 'u-exec-roads' },
    });
    f.rejects(
      A.operator,
      'route',
      { mainDepartmentId: 'dep-roads', coDepartmentIds: [] },
      'returned-by-same-department',
    );
    f.do(A.operator, 'route', { mainDepartmentId: 'dep-zhkh', coDepartmentIds: [] });
    expect(f.state).toMatchObject({
      status: 'routed',
      routing: { mainDepartmentId: 'dep-zhkh' },
      misroutedReturns: 1,
    });
  });

  it('the supervisor may overrule a return and route it back', () => {
    const f = new Flow(ukhta).routed('dep-roads');
    f.do(A.execRoads, 'return-misrouted', { departmentId: 'dep-roads', reason: 'не наше' });
    f.do(A.supervisor, 'route', { mainDepartmentId: 'dep-roads', coDepartmentIds: [] });
    expect(f.state.status).toBe('routed');
  });

  it('a co-executor may return it too, which sends the whole message back to the operator', () => {
    const f = new Flow(stavropol).routed('dep-roads', ['dep-zhkh']);
    f.do(A.execZhkh, 'return-misrouted', { departmentId: 'dep-zhkh', reason: 'ЖКХ тут ни при чем' });
    expect(f.state).toMatchObject({ status: 'returned', lastReturn: { departmentId: 'dep-zhkh' } });
  });

  it('is no longer possible once the draft is in review', () => {
    new Flow()
      .inReview()
      .rejects(
        A.execRoads,
        'return-misrouted',
        { departmentId: 'dep-roads', reason: 'не наше' },
        'wrong-status',
      );
  });
});
