import { existsSync, readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import type { SyncStatus } from '../../../src/shared/api/sync';
import type { IncidentCard } from '../../../src/shared/api/workflow';
import { openCore, type Core } from '../../../src/main/core/core';
import { newConnection, type Connection } from '../../../src/main/core/session';
import { attachmentFile } from '../../../src/main/core/attachments';
import { addWorkstation } from '../../../src/main/hub/admin';
import { startHub, type Hub } from '../../../src/main/hub/hub';
import { silentLogger } from '../../../src/main/hub/log';
import { makeNewIncident } from '../../support/builders';
import { until } from './processes';
import { seedDirectory, tempDir } from './support';

/**
 * The workstation core with sync inside (what the app and the web host run): joining from settings,
 * the background loop, hub sessions opened at sign-in, the status and the conflicts the UI shows.
 */
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const f of cleanups.splice(0).reverse()) await f();
});

async function hubAt(dir: string, port = 0): Promise<Hub> {
  const hub = await startHub({ port, dataDir: dir, logger: silentLogger });
  return hub;
}

async function workstation(): Promise<Core> {
  const dir = tempDir();
  const core = await openCore({
    dataDir: dir.path,
    transport: 'web',
    demo: false,
    demoFeed: false,
    watchExternalChanges: false,
  });
  cleanups.push(() => dir.remove());
  cleanups.push(() => core.close());
  return core;
}

async function call<T>(core: Core, method: string, request: unknown, connection?: Connection): Promise<T> {
  const r = await core.dispatch(method, request, connection);
  if (!r.ok) throw new Error(`${method}: ${r.error.code} ${r.error.message}`);
  return r.value as T;
}

async function signIn(core: Core, login: string, password: string): Promise<Connection> {
  const connection = newConnection();
  await call(core, 'session.signIn', { login, password }, connection);
  return connection;
}

const status = (core: Core) => call<SyncStatus>(core, 'sync.status', {});

describe('sync in the workstation core', () => {
  it('joins from settings, syncs in the background, and shows a lost routing as a conflict to its author', async () => {
    const hubDir = tempDir();
    cleanups.push(() => hubDir.remove());
    let hub = await hubAt(hubDir.path);
    cleanups.push(() => hub.close());
    await seedDirectory(hub);
    const port = hub.port;
    const a = await workstation();
    const b = await workstation();
    expect(await status(a)).toMatchObject({ joined: false, connection: 'not-joined' });
    const bad = await a.dispatch('sync.join', { hubUrl: hub.url, token: 'otkw_not-a-real-token' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    for (const [core, name] of [
      [a, 'a'],
      [b, 'b'],
    ] as const) {
      const { token } = await addWorkstation(hub.context.db, name);
      const joined = await call<SyncStatus>(core, 'sync.join', { hubUrl: hub.url, token });
      expect(joined.joined).toBe(true);
      // The hub's people arrive, so they can sign in here.
      await until(
        async () =>
          (await core.dispatch('session.signIn', { login: 'op1', password: 'password1' }, newConnection()))
            .ok,
      );
    }
    const opA = await signIn(a, 'op1', 'password1');
    const opB = await signIn(b, 'op2', 'password2');
    // Joined, the workstation has its people: only its administrator or the МЦУ supervisor joins it elsewhere.
    const { token: other } = await addWorkstation(hub.context.db, 'a-elsewhere');
    expect(await a.dispatch('sync.join', { hubUrl: hub.url, token: other }, opA)).toMatchObject({
      ok: false,
      error: { code: 'forbidden', message: expect.stringContaining('руководитель МЦУ') },
    });
    const incident = await call<{ id: string }>(a, 'incidents.create', makeNewIncident(), opA);
    await until(
      async () =>
        (await b.db.selectFrom('incidents').select('id').where('id', '=', incident.id).executeTakeFirst()) !==
        undefined,
    );

    // The hub goes away; both operators route the same incident meanwhile.
    await hub.close();
    const routeTo = (main: string) => ({
      command: {
        type: 'route',
        incidentId: incident.id,
        expectedStatus: 'new',
        expectedVersion: 0,
        mainDepartmentId: main,
        coDepartmentIds: [],
      },
    });
    await call(a, 'workflow.execute', routeTo('roads'), opA);
    await until(async () => (await status(a)).connection === 'offline', 10_000);
    await call(b, 'workflow.execute', routeTo('parks'), opB);
    expect((await status(b)).pending).toBeGreaterThan(0);

    hub = await hubAt(hubDir.path, port);
    // Whichever workstation reaches the hub first wins; the other's routing is refused.
    await until(
      async () => {
        const [sa, sb] = [await status(a), await status(b)];
        return sa.pending === 0 && sb.pending === 0 && sa.conflicts + sb.conflicts === 1;
      },
      60_000,
      50,
    );
    const aLost = (await status(a)).conflicts === 1;
    const [loser, loserSession, otherPerson, winnerDepartment] = aLost
      ? ([a, opA, { login: 'op2', password: 'password2' }, 'parks'] as const)
      : ([b, opB, { login: 'op1', password: 'password1' }, 'roads'] as const);
    await until(async () => {
      const rows = await Promise.all(
        [a, b].map((c) =>
          c.db
            .selectFrom('incidents')
            .select('department_id')
            .where('id', '=', incident.id)
            .executeTakeFirst(),
        ),
      );
      return rows.every((r) => r?.department_id === winnerDepartment);
    });
    // The author sees it; another operator does not.
    const mine = await call<{ opId: string; code: string; action: string; incidentId: string }[]>(
      loser,
      'sync.conflicts',
      {},
      loserSession,
    );
    expect(mine).toEqual([
      expect.objectContaining({ code: 'stale', action: 'workflow.route', incidentId: incident.id }),
    ]);
    // The attempt stays in its author's journal, marked refused with the hub's reason; the winner's is not.
    const journal = await call<IncidentCard>(loser, 'incidents.card', { id: incident.id }, loserSession);
    const routings = journal.audit.filter((e) => e.action === 'workflow.route');
    expect(routings.map((e) => [e.id === mine[0]!.opId, e.refused !== null])).toEqual(
      expect.arrayContaining([
        [true, true],
        [false, false],
      ]),
    );
    expect(routings.find((e) => e.refused)?.refused).toMatch(/изменено другим/);
    const someoneElse = await signIn(loser, otherPerson.login, otherPerson.password);
    expect(await call(loser, 'sync.conflicts', {}, someoneElse)).toEqual([]);
    const after = await call<SyncStatus>(
      loser,
      'sync.dismissConflict',
      { opId: mine[0]!.opId },
      loserSession,
    );
    expect(after.conflicts).toBe(0);
    expect((await status(a)).connection).toBe('online');
  }, 120_000);

  it('refuses, not holds, the changes of its own people when a workstation set up alone joins a hub', async () => {
    // A workstation set up on its own: its administrator, a local operator who classifies an incident.
    const ws = await workstation();
    const admin = newConnection();
    await call(
      ws,
      'session.setupAdmin',
      { login: 'boss', displayName: 'Начальник', password: 'password-boss' },
      admin,
    );
    await call(
      ws,
      'users.create',
      {
        login: 'local',
        displayName: 'Местный Оператор',
        role: 'operator',
        departmentId: null,
        password: 'password-local',
      },
      admin,
    );
    const local = await signIn(ws, 'local', 'password-local');
    const first = await call<{ id: string }>(ws, 'incidents.create', makeNewIncident(), local);
    const classify = {
      command: {
        type: 'classify',
        incidentId: first.id,
        expectedStatus: 'new',
        expectedVersion: 0,
        topic: 'Дороги',
        location: 'ул. Мира, 1',
        importance: 'normal',
      },
    };
    await call(ws, 'workflow.execute', classify, local);

    // It joins a hub that does not know the local operator (no hub session can ever sign their change).
    const hubDir = tempDir();
    cleanups.push(() => hubDir.remove());
    const hub = await hubAt(hubDir.path);
    cleanups.push(() => hub.close());
    await seedDirectory(hub);
    const { token } = await addWorkstation(hub.context.db, 'alone');
    await call(ws, 'sync.join', { hubUrl: hub.url, token }, admin);
    // Not «waiting for sign-in» for good: refused here, rolled back, and listed; the rest goes on.
    await until(async () => {
      const s = await status(ws);
      return s.pending === 0 && s.conflicts === 1;
    });
    expect((await status(ws)).waitingForUser).toBeNull();
    const conflicts = await call<{ code: string; action: string }[]>(ws, 'sync.conflicts', {}, local);
    expect(conflicts).toEqual([expect.objectContaining({ code: 'not-on-hub', action: 'workflow.classify' })]);
    const card = await call<IncidentCard>(ws, 'incidents.card', { id: first.id }, local);
    expect(card.state.status).toBe('new');
    expect(card.audit.find((e) => e.action === 'workflow.classify')?.refused).toMatch(/нет на хабе/);
    // From now on the hub's people work here: a local account is not let in, nor made, to be refused later.
    const again = await ws.dispatch(
      'session.signIn',
      { login: 'local', password: 'password-local' },
      newConnection(),
    );
    expect(again).toMatchObject({ ok: false, error: { message: expect.stringContaining('хаба') } });
    const made = await ws.dispatch(
      'users.create',
      {
        login: 'late',
        displayName: 'Новый Местный',
        role: 'operator',
        departmentId: null,
        password: 'password-late',
      },
      admin,
    );
    expect(made).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    // The hub has the incident (a registration by the system), and a hub person's change that follows.
    const op1 = await signIn(ws, 'op1', 'password1');
    await call(ws, 'workflow.execute', classify, op1);
    await until(async () => (await status(ws)).pending === 0);
    const onHub = await hub.context.db
      .selectFrom('hub_ops')
      .select(['kind', 'user_id'])
      .where('entity_id', '=', first.id)
      .orderBy('seq')
      .execute();
    expect(onHub.map((o) => o.kind)).toEqual(['incident.create', 'workflow.command']);
    expect((await status(ws)).conflicts).toBe(1);
  }, 60_000);

  it('takes a file attached on one workstation to the other: its record and its bytes', async () => {
    const hubDir = tempDir();
    cleanups.push(() => hubDir.remove());
    const hub = await hubAt(hubDir.path);
    cleanups.push(() => hub.close());
    await seedDirectory(hub);
    const a = await workstation();
    const b = await workstation();
    for (const [core, name] of [
      [a, 'a'],
      [b, 'b'],
    ] as const) {
      const { token } = await addWorkstation(hub.context.db, name);
      await call(core, 'sync.join', { hubUrl: hub.url, token });
      await until(
        async () =>
          (await core.dispatch('session.signIn', { login: 'op1', password: 'password1' }, newConnection()))
            .ok,
      );
    }
    const opA = await signIn(a, 'op1', 'password1');
    const incident = await call<{ id: string }>(a, 'incidents.create', makeNewIncident(), opA);
    const bytes = Buffer.from('Акт осмотра: плафон заменён, освещение работает');
    const attached = await call<{ id: string; sha256: string; fileName: string }>(
      a,
      'attachments.add',
      {
        incidentId: incident.id,
        fileName: 'акт-осмотра.pdf',
        mime: 'application/pdf',
        kind: 'act',
        dataBase64: bytes.toString('base64'),
      },
      opA,
    );
    const opB = await signIn(b, 'op1', 'password1');
    await until(async () => {
      const r = await b.dispatch('incidents.card', { id: incident.id }, opB);
      return r.ok && (r.value as { attachments: unknown[] }).attachments.length === 1;
    }, 30_000);
    const card = await call<{
      attachments: { id: string; fileName: string; kind: string; sha256: string }[];
    }>(b, 'incidents.card', { id: incident.id }, opB);
    expect(card.attachments).toEqual([
      expect.objectContaining({
        id: attached.id,
        fileName: 'акт-осмотра.pdf',
        kind: 'act',
        sha256: attached.sha256,
      }),
    ]);
    const file = attachmentFile(b.dataDir.root, attached.sha256, attached.fileName);
    await until(() => existsSync(file), 30_000);
    expect(readFileSync(file)).toEqual(bytes);
    // The audit trail says who attached it, on both.
    const audit = await b.db
      .selectFrom('audit_events')
      .select(['action', 'actor_id'])
      .where('incident_id', '=', incident.id)
      .where('action', '=', 'attachment.add')
      .execute();
    expect(audit).toHaveLength(1);
    expect((await status(a)).pending).toBe(0);
  }, 60_000);
});
