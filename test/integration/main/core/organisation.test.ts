import { afterEach, describe, expect, it } from 'vitest';
import { openCore, type Core } from '../../../../src/main/core/core';
import { createIncidents } from '../../../../src/main/core/incidents';
import { SYSTEM_ACTOR } from '../../../../src/main/core/changes';
import type { OrganisationSettings } from '../../../../src/shared/api/organisation';
import type { QueueSnapshot } from '../../../../src/shared/api/contract';
import { makeNewIncident } from '../../../support/builders';
import { useTempDirs } from '../../../support/temp-dir';
import type { Connection } from '../../../../src/main/core/session';

const tempDir = useTempDirs();
// Mon 2 Mar 2026, 09:00 Moscow: an ordinary working day.
const DETECTED = Date.parse('2026-03-02T09:00:00+03:00');
const cores: Core[] = [];
afterEach(async () => {
  for (const c of cores.splice(0)) await c.close();
});

async function coreWithIncident(dir = tempDir()): Promise<Core> {
  const core = await openCore({
    dataDir: dir,
    transport: 'web',
    demo: false,
    demoFeed: false,
    now: () => DETECTED,
  });
  cores.push(core);
  return core;
}

/**
 * The workstation's administrator (an editor of the schedule and the regulation): set up on a new
 * workstation, signed in where there is one already (a restart; the demo's, with the demo password).
 */
const admins = new WeakMap<Core, Connection>();
async function admin(core: Core): Promise<Connection> {
  const known = admins.get(core);
  if (known) return known;
  const connection = core.connect();
  const state = await core.dispatch('session.current', {}, connection);
  if (!state.ok) throw new Error(state.error.message);
  const { needsSetup, demo } = state.value as { needsSetup: boolean; demo: boolean };
  const password = demo ? 'otklik-demo' : 'correct horse';
  const r = needsSetup
    ? await core.dispatch(
        'session.setupAdmin',
        { login: 'admin', displayName: 'Администратор', password },
        connection,
      )
    : await core.dispatch('session.signIn', { login: 'admin', password }, connection);
  if (!r.ok) throw new Error(`admin: ${r.error.message}`);
  admins.set(core, connection);
  return connection;
}

async function value<T>(core: Core, method: string, request: unknown): Promise<T> {
  const r = await core.dispatch(method, request, await admin(core));
  if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
  return r.value as T;
}

/** A demo person's connection (the demo has every role). */
async function as(core: Core, login: string): Promise<Connection> {
  const connection = core.connect();
  const users = await value<{ id: string; login: string }[]>(core, 'users.list', {});
  const user = users.find((u) => u.login === login);
  if (!user) throw new Error(`no demo user ${login}`);
  const r = await core.dispatch('session.switch', { userId: user.id }, connection);
  if (!r.ok) throw new Error(`session.switch: ${r.error.message}`);
  return connection;
}

async function onlyDeadline(core: Core): Promise<string> {
  const q = await value<QueueSnapshot>(core, 'queue.list', {});
  return new Date(q.items[0]?.deadlineAt ?? 0).toISOString();
}

describe('organisation settings', () => {
  it('starts on the Новороссийск profile and the default schedule', async () => {
    const core = await coreWithIncident();
    const org = await value<OrganisationSettings>(core, 'org.get', {});
    expect(org.activeProfileId).toBe('novorossiysk');
    expect(org.schedule.zone).toBe('Europe/Moscow');
    expect(org.schedule.days[1]).toEqual([
      { start: '09:00', end: '13:00' },
      { start: '14:00', end: '18:00' },
    ]);
    expect(org.profiles.map((p) => p.id)).toEqual(['novorossiysk', 'stavropol', 'ukhta']);
  });

  it('recomputes the queue when another profile becomes active, and says so', async () => {
    const core = await coreWithIncident();
    await createIncidents(core.db, core.identity, SYSTEM_ACTOR, DETECTED, [
      makeNewIncident({ detectedAt: DETECTED, publishedAt: DETECTED }),
    ]);
    // Новороссийск p.7: 8 working hours from detection → 18:00 the same day.
    expect(await onlyDeadline(core)).toBe('2026-03-02T15:00:00.000Z');
    const told: string[] = [];
    core.events.on('worktime.changed', (e) => told.push(e.profileId));
    await value(core, 'org.setProfile', { profileId: 'stavropol' });
    // Ставрополь p.9.2 + p.11: 30 min to route, then 4 working hours → 13:30, past lunch → 14:30.
    expect(await onlyDeadline(core)).toBe('2026-03-02T11:30:00.000Z');
    expect(told).toEqual(['stavropol']);
  });

  it('makes a custom profile from a bundled one, keeps it across a restart', async () => {
    const dir = tempDir();
    const core = await coreWithIncident(dir);
    await createIncidents(core.db, core.identity, SYSTEM_ACTOR, DETECTED, [
      makeNewIncident({ detectedAt: DETECTED, publishedAt: DETECTED }),
    ]);
    const org = await value<OrganisationSettings>(core, 'org.deriveProfile', {
      baseId: 'novorossiysk',
      id: 'novorossiysk-6h',
      name: 'Новороссийск, 6 часов',
      stageMinutes: { answer: 360 },
    });
    expect(org.activeProfileId).toBe('novorossiysk-6h');
    expect(org.profiles.find((p) => p.id === 'novorossiysk-6h')).toMatchObject({
      custom: true,
      derivedFrom: 'novorossiysk',
    });
    expect(await onlyDeadline(core)).toBe('2026-03-02T13:00:00.000Z');
    await core.close();
    cores.splice(cores.indexOf(core), 1);
    const again = await coreWithIncident(dir);
    expect(await onlyDeadline(again)).toBe('2026-03-02T13:00:00.000Z');
  });

  it('refuses a custom profile that breaks the schema, and a bundled id', async () => {
    const core = await coreWithIncident();
    const broken = await core.dispatch(
      'org.deriveProfile',
      {
        baseId: 'ukhta',
        id: 'ukhta-x',
        name: 'Ухта X',
        stageMinutes: { nope: 5 },
      },
      await admin(core),
    );
    expect(broken).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    const clash = await core.dispatch(
      'org.deriveProfile',
      {
        baseId: 'ukhta',
        id: 'stavropol',
        name: 'Ставрополь',
        stageMinutes: {},
      },
      await admin(core),
    );
    expect(clash).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });

  it('saves a schedule and refuses an overlapping one', async () => {
    const core = await coreWithIncident();
    const org = await value<OrganisationSettings>(core, 'org.get', {});
    const bad = await core.dispatch(
      'org.setSchedule',
      {
        productionCalendar: true,
        schedule: {
          ...org.schedule,
          days: {
            ...org.schedule.days,
            1: [
              { start: '09:00', end: '14:00' },
              { start: '13:00', end: '18:00' },
            ],
          },
        },
      },
      await admin(core),
    );
    expect(bad).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    const saved = await value<OrganisationSettings>(core, 'org.setSchedule', {
      productionCalendar: false,
      schedule: { ...org.schedule, zone: 'Asia/Yekaterinburg' },
    });
    expect(saved).toMatchObject({ productionCalendar: false, schedule: { zone: 'Asia/Yekaterinburg' } });
  });

  it('lets only the administrator and the МЦУ supervisor change them; everyone reads them', async () => {
    const core = await openCore({ dataDir: tempDir(), transport: 'web', demo: true, demoFeed: false });
    cores.push(core);
    const org = await value<OrganisationSettings>(core, 'org.get', {});
    const changes: Array<[string, unknown]> = [
      ['org.setProfile', { profileId: 'ukhta' }],
      ['org.setSchedule', { schedule: org.schedule, productionCalendar: false }],
      ['org.deriveProfile', { baseId: 'ukhta', id: 'ukhta-5h', name: 'Ухта, 5 часов', stageMinutes: {} }],
    ];
    const signedOut = core.connect();
    const r = await core.dispatch('session.signOut', {}, signedOut);
    expect(r.ok).toBe(true);
    for (const who of [signedOut, await as(core, 'operator'), await as(core, 'controller')]) {
      expect((await core.dispatch('org.get', {}, who)).ok).toBe(true);
      for (const [method, request] of changes) {
        expect(await core.dispatch(method, request, who)).toMatchObject({
          ok: false,
          error: {
            code: 'forbidden',
            message: 'Регламент и график работы меняет администратор или руководитель МЦУ',
          },
        });
      }
    }
    // Nothing changed.
    expect(await value<OrganisationSettings>(core, 'org.get', {})).toEqual(org);
    const supervisor = await as(core, 'supervisor');
    for (const [method, request] of changes)
      expect((await core.dispatch(method, request, supervisor)).ok).toBe(true);
    expect((await value<OrganisationSettings>(core, 'org.get', {})).activeProfileId).toBe('ukhta-5h');
  });
});
