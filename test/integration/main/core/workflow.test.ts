import { afterEach, describe, expect, it } from 'vitest';
import { openCore, type Core } from '../../../../src/main/core/core';
import type { IncidentCard } from '../../../../src/shared/api/workflow';
import type { SessionState } from '../../../../src/shared/api/session';
import type { QueueSnapshot } from '../../../../src/shared/api/contract';
import { countPendingOps } from '../../../../src/main/db/outbox';
import { listAuditEvents } from '../../../../src/main/db/audit';
import type { Connection } from '../../../../src/main/core/session';
import { syncDb } from '../../../../src/main/sync/schema';
import { useTempDirs } from '../../../support/temp-dir';

const tempDir = useTempDirs();
const cores: Core[] = [];
afterEach(async () => {
  for (const c of cores.splice(0)) await c.close();
});

async function demoCore(): Promise<Core> {
  const core = await openCore({ dataDir: tempDir(), transport: 'web', demo: true, demoFeed: false });
  cores.push(core);
  return core;
}

async function call<T>(core: Core, connection: Connection, method: string, request: unknown): Promise<T> {
  const r = await core.dispatch(method, request, connection);
  if (!r.ok) throw new Error(`${method}: ${r.error.code} ${r.error.message}`);
  return r.value as T;
}

async function as(core: Core, login: string): Promise<Connection> {
  const connection = core.connect();
  const users = await call<{ id: string; login: string }[]>(core, connection, 'users.list', {});
  const user = users.find((u) => u.login === login);
  if (!user) throw new Error(`no demo user ${login}`);
  await call(core, connection, 'session.switch', { userId: user.id });
  return connection;
}

async function newIncident(core: Core): Promise<string> {
  const q = await call<QueueSnapshot>(core, core.connect(), 'queue.list', {});
  const item =
    q.items.find((i) => i.status === 'new' && i.topic === 'ЖКХ') ?? q.items.find((i) => i.status === 'new');
  if (!item) throw new Error('no new demo incident');
  return item.id;
}

async function run(
  core: Core,
  connection: Connection,
  id: string,
  command: Record<string, unknown>,
): Promise<IncidentCard> {
  const card = await call<IncidentCard>(core, connection, 'incidents.card', { id });
  return call<IncidentCard>(core, connection, 'workflow.execute', {
    command: {
      ...command,
      incidentId: id,
      expectedStatus: card.state.status,
      expectedVersion: card.state.version,
    },
  });
}

describe('the workflow on a workstation', () => {
  it('opens the demo signed in as an operator', async () => {
    const core = await demoCore();
    const session = await call<SessionState>(core, core.connect(), 'session.current', {});
    expect(session).toMatchObject({
      demo: true,
      needsSetup: false,
      user: { login: 'operator', role: 'operator' },
    });
  });

  it('runs the lifecycle route → draft → return → rework → approve → publish, each step one audit event and one op', async () => {
    const core = await demoCore();
    const id = await newIncident(core);
    const operator = await as(core, 'operator');
    const card0 = await call<IncidentCard>(core, operator, 'incidents.card', { id });
    expect(card0.allowed).toContain('route');
    const dep = 'dep-zhkh';
    const executor = await as(core, 'exec-zhkh');
    const controller = await as(core, 'controller');
    const auditBefore = (await listAuditEvents(core.db, id)).length;
    const opsBefore = await countPendingOps(core.db);

    const steps: Array<[Connection, Record<string, unknown>, string]> = [
      [operator, { type: 'route', mainDepartmentId: dep, coDepartmentIds: [] }, 'routed'],
      [
        executor,
        {
          type: 'save-draft',
          kind: 'final',
          attachmentIds: [],
          text: 'Мария, здравствуйте! Отопление включат 25 ноября.',
        },
        'drafting',
      ],
      [executor, { type: 'send-for-review' }, 'in-review'],
      [
        controller,
        {
          type: 'return-for-rework',
          criteria: ['addressee'],
          comment: 'Обратитесь к автору по имени без ошибок',
        },
        'rework',
      ],
      [
        executor,
        {
          type: 'save-draft',
          kind: 'final',
          attachmentIds: [],
          text: 'Анна, здравствуйте! Отопление включат 25 ноября.',
        },
        'rework',
      ],
      [executor, { type: 'send-for-review' }, 'in-review'],
      [controller, { type: 'approve' }, 'approved'],
      [operator, { type: 'publish', url: 'https://vk.com/wall-1_100?reply=5' }, 'published'],
    ];
    for (const [i, [connection, command, status]] of steps.entries()) {
      const card = await run(core, connection, id, command);
      expect(card.state.status).toBe(status);
      expect((await listAuditEvents(core.db, id)).length).toBe(auditBefore + i + 1);
      expect(await countPendingOps(core.db)).toBe(opsBefore + i + 1);
    }
    const audit = await listAuditEvents(core.db, id);
    expect(audit.at(-1)).toMatchObject({
      action: 'workflow.publish',
      actorRole: 'operator',
      after: { status: 'published' },
    });
  });

  it('rejects a command the role may not issue, with a reason, and changes nothing', async () => {
    const core = await demoCore();
    const id = await newIncident(core);
    const executor = await as(core, 'exec-zhkh');
    const before = await call<IncidentCard>(core, executor, 'incidents.card', { id });
    expect(before.allowed).not.toContain('route');
    const result = await core.dispatch(
      'workflow.execute',
      {
        command: {
          type: 'route',
          incidentId: id,
          expectedStatus: 'new',
          expectedVersion: before.state.version,
          mainDepartmentId: 'dep-zhkh',
          coDepartmentIds: [],
        },
      },
      executor,
    );
    expect(result).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const after = await call<IncidentCard>(core, executor, 'incidents.card', { id });
    expect(after.state).toEqual(before.state);
    expect(after.audit).toEqual(before.audit);
  });

  it('refuses a stale command: another workstation was faster', async () => {
    const core = await demoCore();
    const id = await newIncident(core);
    const operator = await as(core, 'operator');
    const card = await call<IncidentCard>(core, operator, 'incidents.card', { id });
    const route = {
      type: 'route',
      incidentId: id,
      expectedStatus: 'new',
      expectedVersion: card.state.version,
      mainDepartmentId: 'dep-zhkh',
      coDepartmentIds: [],
    };
    await call(core, operator, 'workflow.execute', { command: route });
    expect(await core.dispatch('workflow.execute', { command: route }, operator)).toMatchObject({
      ok: false,
      error: { code: 'conflict' },
    });
  });

  it('shows an incident away to another department read-only, and refuses commands on it', async () => {
    const core = await demoCore();
    const id = await newIncident(core);
    const operator = await as(core, 'operator');
    const here = await call<IncidentCard>(core, operator, 'incidents.card', { id });
    expect(here.away).toBeNull();
    expect(here.allowed).toContain('route');
    await syncDb(core.db)
      .insertInto('sync_away')
      .values({ incident_id: id, departments: '["dep-zhkh"]', since: 1_700_000_000_000 })
      .execute();
    const away = await call<IncidentCard>(core, operator, 'incidents.card', { id });
    expect(away.away).toEqual({
      departments: ['Управление жилищно-коммунального хозяйства'],
      since: 1_700_000_000_000,
      refused: null,
    });
    expect(away.allowed).toEqual([]);
    const pending = await countPendingOps(core.db);
    const refused = await core.dispatch(
      'workflow.execute',
      {
        command: {
          type: 'route',
          incidentId: id,
          expectedStatus: here.state.status,
          expectedVersion: here.state.version,
          mainDepartmentId: 'dep-zhkh',
          coDepartmentIds: [],
        },
      },
      operator,
    );
    expect(refused).toMatchObject({ ok: false, error: { code: 'conflict', message: /только для чтения/ } });
    expect(await countPendingOps(core.db)).toBe(pending);
  });

  it('refuses workflow commands without a signed-in person, and on a read-only connection', async () => {
    const core = await demoCore();
    const id = await newIncident(core);
    const anonymous = core.connect();
    await call(core, anonymous, 'session.signOut', {});
    const command = {
      type: 'route',
      incidentId: id,
      expectedStatus: 'new',
      expectedVersion: 0,
      mainDepartmentId: 'dep-zhkh',
      coDepartmentIds: [],
    };
    expect(await core.dispatch('workflow.execute', { command }, anonymous)).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    const wall = core.connect({ readOnly: true });
    expect(await core.dispatch('workflow.execute', { command }, wall)).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect((await core.dispatch('queue.list', {}, wall)).ok).toBe(true);
  });

  it('asks for the administrator on a real first start, then signs in with the password only', async () => {
    const core = await openCore({ dataDir: tempDir(), transport: 'web', demo: false, demoFeed: false });
    cores.push(core);
    const connection = core.connect();
    expect(await call<SessionState>(core, connection, 'session.current', {})).toMatchObject({
      needsSetup: true,
      user: null,
      demo: false,
    });
    await call(core, connection, 'session.setupAdmin', {
      login: 'admin',
      displayName: 'Администратор',
      password: 'correct horse',
    });
    const other = core.connect();
    expect(
      await core.dispatch('session.signIn', { login: 'admin', password: 'wrong password' }, other),
    ).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(
      await call<SessionState>(core, other, 'session.signIn', { login: 'admin', password: 'correct horse' }),
    ).toMatchObject({ user: { role: 'admin' } });
    expect(await core.dispatch('session.switch', { userId: 'x' }, other)).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    // The administrator sets up a department and its executor, who can then sign in.
    await call(core, other, 'departments.create', {
      id: 'dep-roads',
      name: 'Управление дорог',
      shortName: 'Дороги',
    });
    await call(core, other, 'users.create', {
      login: 'roads.exec',
      displayName: 'Исполнитель Дорог',
      role: 'executor',
      departmentId: 'dep-roads',
      password: 'executor pass',
    });
    const executor = core.connect();
    expect(
      await call<SessionState>(core, executor, 'session.signIn', {
        login: 'roads.exec',
        password: 'executor pass',
      }),
    ).toMatchObject({ user: { role: 'executor', departmentName: 'Управление дорог' } });
    expect(
      await core.dispatch('departments.create', { id: 'dep-x', name: 'Чужое', shortName: '' }, executor),
    ).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('keeps an attachment by its content hash', async () => {
    const core = await demoCore();
    const id = await newIncident(core);
    const operator = await as(core, 'operator');
    const data = Buffer.from('акт выполненных работ').toString('base64');
    const a = await call<{ sha256: string; size: number }>(core, operator, 'attachments.add', {
      incidentId: id,
      fileName: 'акт.pdf',
      mime: 'application/pdf',
      kind: 'act',
      dataBase64: data,
    });
    const b = await call<{ sha256: string }>(core, operator, 'attachments.add', {
      incidentId: id,
      fileName: 'копия.pdf',
      mime: 'application/pdf',
      kind: 'act',
      dataBase64: data,
    });
    expect(a.sha256).toBe(b.sha256);
    const card = await call<IncidentCard>(core, operator, 'incidents.card', { id });
    expect(card.attachments).toHaveLength(2);
  });

  it('refuses to approve an answer with a failed check until the reviewer justifies it, and journals the override', async () => {
    const core = await demoCore();
    const id = await newIncident(core);
    const operator = await as(core, 'operator');
    const executor = await as(core, 'exec-zhkh');
    const controller = await as(core, 'controller');
    await run(core, operator, id, { type: 'route', mainDepartmentId: 'dep-zhkh', coDepartmentIds: [] });
    await run(core, executor, id, {
      type: 'save-draft',
      kind: 'final',
      attachmentIds: [],
      text: 'Вопрос решим в ближайшее время.',
    });
    const card = await run(core, executor, id, { type: 'send-for-review' });
    const report = await call<{ criteria: { key: string; status: string }[] }>(
      core,
      controller,
      'review.check',
      {
        incidentId: id,
        answer: 'Вопрос решим в ближайшее время.',
        kind: 'final',
      },
    );
    expect(report.criteria.find((c) => c.key === 'deadline')?.status).toBe('fail');
    const refused = await core.dispatch(
      'review.approve',
      { incidentId: id, expectedVersion: card.state.version, overrides: {} },
      controller,
    );
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'bad_request', message: expect.stringMatching(/Новороссийск/) },
    });
    const overrides = Object.fromEntries(
      report.criteria.filter((c) => c.status === 'fail').map((c) => [c.key, 'Согласовано с главой']),
    );
    const approved = await call<IncidentCard>(core, controller, 'review.approve', {
      incidentId: id,
      expectedVersion: card.state.version,
      overrides,
    });
    expect(approved.state.status).toBe('approved');
    expect(approved.audit.map((a) => a.action)).toContain('review.override');
  });

  for (const profileId of ['novorossiysk', 'stavropol', 'ukhta']) {
    it(`runs the whole lifecycle under the ${profileId} profile, through every level of its approval chain`, async () => {
      const core = await demoCore();
      const admin = await as(core, 'admin');
      await call(core, admin, 'org.setProfile', { profileId });
      const id = await newIncident(core);
      const operator = await as(core, 'operator');
      const executor = await as(core, 'exec-zhkh');
      const controller = await as(core, 'controller');
      await run(core, operator, id, { type: 'route', mainDepartmentId: 'dep-zhkh', coDepartmentIds: [] });
      await run(core, executor, id, { type: 'save-draft', kind: 'final', attachmentIds: [], text: 'Ответ' });
      let card = await run(core, executor, id, { type: 'send-for-review' });
      const levels: string[] = [];
      while (card.state.status === 'in-review') {
        levels.push(card.state.levelId);
        expect(card.clock.stages.length).toBeGreaterThan(3);
        card = await run(core, controller, id, { type: 'approve' });
      }
      const chain = core.organisation().profile.approvalChain.map((l) => l.id);
      expect(levels).toEqual(chain);
      expect(card.state.status).toBe('approved');
      card = await run(core, operator, id, { type: 'publish', url: 'https://ok.ru/group/1/topic/2' });
      expect(card.state.status).toBe('published');
      expect(card.clock.state === 'done' || card.clock.state === 'done-late').toBe(true);
    });
  }
});
