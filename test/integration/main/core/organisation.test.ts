import { afterEach, describe, expect, it } from 'vitest';
import { openCore, type Core } from '../../../../src/main/core/core';
import { createIncidents } from '../../../../src/main/core/incidents';
import { SYSTEM_ACTOR } from '../../../../src/main/core/changes';
import type { OrganisationSettings } from '../../../../src/shared/api/organisation';
import type { QueueSnapshot } from '../../../../src/shared/api/contract';
import { makeNewIncident } from '../../../support/builders';
import { useTempDirs } from '../../../support/temp-dir';

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

async function value<T>(core: Core, method: string, request: unknown): Promise<T> {
  const r = await core.dispatch(method, request);
  if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
  return r.value as T;
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
    const broken = await core.dispatch('org.deriveProfile', {
      baseId: 'ukhta',
      id: 'ukhta-x',
      name: 'Ухта X',
      stageMinutes: { nope: 5 },
    });
    expect(broken).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    const clash = await core.dispatch('org.deriveProfile', {
      baseId: 'ukhta',
      id: 'stavropol',
      name: 'Ставрополь',
      stageMinutes: {},
    });
    expect(clash).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });

  it('saves a schedule and refuses an overlapping one', async () => {
    const core = await coreWithIncident();
    const org = await value<OrganisationSettings>(core, 'org.get', {});
    const bad = await core.dispatch('org.setSchedule', {
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
    });
    expect(bad).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    const saved = await value<OrganisationSettings>(core, 'org.setSchedule', {
      productionCalendar: false,
      schedule: { ...org.schedule, zone: 'Asia/Yekaterinburg' },
    });
    expect(saved).toMatchObject({ productionCalendar: false, schedule: { zone: 'Asia/Yekaterinburg' } });
  });
});
