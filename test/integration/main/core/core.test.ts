import { afterEach, describe, expect, it } from 'vitest';
import { openCore, type Core } from '../../../../src/main/core/core';
import { createIncidents } from '../../../../src/main/core/incidents';
import { SYSTEM_ACTOR } from '../../../../src/main/core/changes';
import { listAuditEvents } from '../../../../src/main/db/audit';
import { countPendingOps } from '../../../../src/main/db/outbox';
import { makeNewIncident } from '../../../support/builders';
import { useTempDirs } from '../../../support/temp-dir';

const tempDir = useTempDirs();
const NOW = Date.UTC(2026, 2, 2, 9, 0);
const cores: Core[] = [];
afterEach(async () => {
  for (const c of cores.splice(0)) await c.close();
});

async function open(options: Partial<Parameters<typeof openCore>[0]> = {}, dir = tempDir()): Promise<Core> {
  const core = await openCore({
    dataDir: dir,
    transport: 'web',
    demo: false,
    demoFeed: false,
    now: () => NOW,
    ...options,
  });
  cores.push(core);
  return core;
}

describe('the workstation core', () => {
  it('seeds the demo set on an empty data dir, and only once', async () => {
    const dir = tempDir();
    const first = await open({ demo: true }, dir);
    const seeded = await first.dispatch('queue.list', {});
    expect(seeded.ok).toBe(true);
    const count = seeded.ok ? (seeded.value as { items: unknown[] }).items.length : 0;
    expect(count).toBeGreaterThan(20);
    await first.close();
    cores.splice(cores.indexOf(first), 1);
    const second = await open({ demo: true }, dir);
    const again = await second.dispatch('queue.list', {});
    expect(again.ok && (again.value as { items: unknown[] }).items.length).toBe(count);
  });

  it('turns the demo feed on for a seeded demo, and a flag turns it off', async () => {
    const dir = tempDir();
    const core = await open({ demo: true, demoFeed: undefined }, dir);
    expect(await core.dispatch('settings.get', {})).toMatchObject({ ok: true, value: { demoFeed: true } });
    const updated = await core.dispatch('settings.update', { demoFeed: false });
    expect(updated).toMatchObject({ ok: true, value: { demoFeed: false } });
  });

  it('adds incidents from the live feed every interval', async () => {
    const core = await openCore({ dataDir: tempDir(), transport: 'web', demo: true });
    cores.push(core);
    const before = await core.dispatch('queue.list', {});
    const seeded = before.ok ? (before.value as { items: unknown[] }).items.length : 0;
    const created: string[][] = [];
    // Only the feed's own batches: other changes (a data_version tick, a worktime reload) carry no new ids.
    core.events.on('queue.changed', (e) => {
      if (e.reason === 'created' && e.ids.length > 0) created.push(e.ids);
    });
    await core.dispatch('settings.update', { demoFeed: true, demoFeedIntervalMs: 500 });
    await expect.poll(() => created.length, { timeout: 5000 }).toBeGreaterThanOrEqual(2);
    const list = await core.dispatch('queue.list', {});
    expect(list.ok && (list.value as { items: unknown[] }).items.length).toBeGreaterThanOrEqual(seeded + 2);
  });

  it('keeps the demo feed out of a real workstation’s database', async () => {
    const core = await openCore({ dataDir: tempDir(), transport: 'web', demo: false });
    cores.push(core);
    expect(await core.dispatch('settings.update', { demoFeed: true })).toMatchObject({
      ok: false,
      error: { code: 'forbidden', message: expect.stringContaining('только в демонстрации') },
    });
    expect(await core.dispatch('settings.get', {})).toMatchObject({ ok: true, value: { demoFeed: false } });
    // Turning it off, or its interval, stays allowed.
    expect((await core.dispatch('settings.update', { demoFeed: false, demoFeedIntervalMs: 1000 })).ok).toBe(
      true,
    );
  });

  it('writes each change with exactly one audit event and one outbox op, in one transaction', async () => {
    const core = await open();
    const { created } = await createIncidents(core.db, core.identity, SYSTEM_ACTOR, NOW, [
      makeNewIncident(),
      makeNewIncident(),
    ]);
    expect(created).toHaveLength(2);
    const audit = await listAuditEvents(core.db);
    expect(audit.map((a) => a.incidentId).sort()).toEqual(created.map((c) => c.id).sort());
    expect(await countPendingOps(core.db)).toBe(2);
  });

  it('changes nothing when one incident of a batch is invalid for the database', async () => {
    const core = await open();
    const bad = { ...makeNewIncident(), network: 'myspace' as never };
    await expect(
      createIncidents(core.db, core.identity, SYSTEM_ACTOR, NOW, [makeNewIncident(), bad]),
    ).rejects.toThrow();
    const list = await core.dispatch('queue.list', {});
    expect(list.ok && (list.value as { items: unknown[] }).items).toEqual([]);
    expect(await listAuditEvents(core.db)).toEqual([]);
    expect(await countPendingOps(core.db)).toBe(0);
  });

  it('does not duplicate an external id, in one batch or across batches', async () => {
    const core = await open();
    const one = makeNewIncident({ externalId: 'im-1' });
    const first = await createIncidents(core.db, core.identity, SYSTEM_ACTOR, NOW, [one, one]);
    expect(first.created).toHaveLength(1);
    expect(first.skippedExternalIds).toEqual(['im-1']);
    const second = await createIncidents(core.db, core.identity, SYSTEM_ACTOR, NOW, [one]);
    expect(second.created).toHaveLength(0);
  });

  it('answers a bad request with bad_request and an unknown method with unknown_method', async () => {
    const core = await open();
    expect(await core.dispatch('incidents.get', { id: 42 })).toMatchObject({
      ok: false,
      error: { code: 'bad_request' },
    });
    expect(await core.dispatch('incidents.drop', {})).toMatchObject({
      ok: false,
      error: { code: 'unknown_method' },
    });
    expect(await core.dispatch('incidents.get', { id: 'nope' })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
  });

  it('hides internal errors behind a generic message', async () => {
    const logged: unknown[] = [];
    const core = await open({ logger: { error: (_m, d) => logged.push(d) } });
    await core.db.destroy();
    const result = await core.dispatch('queue.list', {});
    expect(result).toEqual({
      ok: false,
      error: { code: 'internal', message: expect.not.stringMatching(/sqlite|SQL|at /i) },
    });
    expect(logged).toHaveLength(1);
  });

  it('orders the queue data with a deadline for every open incident', async () => {
    const core = await open();
    await createIncidents(core.db, core.identity, SYSTEM_ACTOR, NOW, [
      makeNewIncident({ importance: 'high' }),
      makeNewIncident(),
    ]);
    const list = await core.dispatch('queue.list', {});
    if (!list.ok) throw new Error('queue.list failed');
    const items = (list.value as { items: { deadlineAt: number; detectedAt: number; importance: string }[] })
      .items;
    for (const i of items) expect(i.deadlineAt).toBeGreaterThan(i.detectedAt);
  });

  it('tells the UI when another process commits to the database', async () => {
    const dir = tempDir();
    const core = await open({}, dir);
    const other = await open({ transport: 'cli' }, dir);
    const seen: string[] = [];
    core.events.on('queue.changed', (e) => seen.push(e.reason));
    await createIncidents(other.db, other.identity, SYSTEM_ACTOR, NOW, [makeNewIncident()]);
    await expect.poll(() => seen.length, { timeout: 5000 }).toBeGreaterThan(0);
  });
});
