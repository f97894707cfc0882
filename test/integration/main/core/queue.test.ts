import { afterEach, describe, expect, it } from 'vitest';
import { openCore, type Core } from '../../../../src/main/core/core';
import { createIncidents } from '../../../../src/main/core/incidents';
import { SYSTEM_ACTOR } from '../../../../src/main/core/changes';
import { newConnection, type Connection } from '../../../../src/main/core/session';
import { insertDepartments } from '../../../../src/main/db/departments';
import { syncDb } from '../../../../src/main/sync/schema';
import { subtractWorkingMinutes } from '../../../../src/shared/regulations';
import type {
  AppNotification,
  QueueCounters,
  QueuePage,
  QueueQueryInput,
  QueueUiState,
  SavedView,
  WallConfig,
} from '../../../../src/shared/api/queue';
import type { NewIncident } from '../../../../src/shared/api/contract';
import type { EventOf } from '../../../../src/shared/api/contract';
import { makeNewIncident } from '../../../support/builders';
import { useTempDirs } from '../../../support/temp-dir';

const tempDir = useTempDirs();
// Mon 2 Mar 2026, 12:00 Moscow: a working hour of an ordinary working day.
const NOW = Date.parse('2026-03-02T12:00:00+03:00');
// Sat 7 Mar 2026, 12:00 Moscow: a day off.
const SATURDAY = Date.parse('2026-03-07T12:00:00+03:00');
const cores: Core[] = [];
afterEach(async () => {
  for (const c of cores.splice(0)) await c.close();
});

async function open(dir = tempDir(), now = NOW): Promise<Core> {
  const core = await openCore({
    dataDir: dir,
    transport: 'web',
    demo: false,
    demoFeed: false,
    now: () => now,
  });
  cores.push(core);
  return core;
}

async function close(core: Core): Promise<void> {
  cores.splice(cores.indexOf(core), 1);
  await core.close();
}

async function call<T>(core: Core, method: string, request: unknown, connection?: Connection): Promise<T> {
  const r = await core.dispatch(method, request, connection);
  if (!r.ok) throw new Error(`${method}: ${r.error.code} ${r.error.message}`);
  return r.value as T;
}

/** Detected `minutes` working minutes before NOW. */
function agedBy(core: Core, minutes: number): number {
  return subtractWorkingMinutes(core.organisation().calendar, NOW, minutes);
}

type Placed = NewIncident & { status?: 'new' | 'routed'; departmentId?: string | null };

async function add(core: Core, items: Placed[]): Promise<string[]> {
  const { created } = await createIncidents(core.db, core.identity, SYSTEM_ACTOR, NOW, items);
  core.events.emit('queue.changed', { reason: 'created', ids: created.map((c) => c.id) });
  return created.map((c) => c.id);
}

async function withDepartments(core: Core): Promise<void> {
  await insertDepartments(
    core.db,
    [
      { id: 'dep-zhkh', name: 'Управление ЖКХ', shortName: 'ЖКХ' },
      { id: 'dep-roads', name: 'Управление дорожного хозяйства', shortName: 'Дороги' },
    ],
    NOW,
  );
}

const page = (core: Core, query: QueueQueryInput = {}, offset = 0, limit = 50, connection?: Connection) =>
  call<QueuePage>(core, 'queue.page', { query, offset, limit }, connection);
const counters = (core: Core, query: QueueQueryInput = {}, connection?: Connection) =>
  call<QueueCounters>(core, 'queue.counters', { query }, connection);

describe('the queue at scale', () => {
  it('pages the open incidents, most urgent first, each with its current stage', async () => {
    const core = await open();
    const detected = [100, 400, 10, 250, 470].map((m) => agedBy(core, m));
    await add(
      core,
      detected.map((d) => makeNewIncident({ detectedAt: d, publishedAt: d - 60_000 })),
    );
    const first = await page(core, {}, 0, 3);
    expect(first.total).toBe(5);
    expect(first.items).toHaveLength(3);
    const all = [...first.items, ...(await page(core, {}, 3, 3)).items];
    expect(all.map((r) => r.detectedAt)).toEqual([...detected].sort((a, b) => a - b));
    expect(all.map((r) => r.deadlineAt)).toEqual([...all.map((r) => r.deadlineAt)].sort((a, b) => a - b));
    for (const r of all) {
      expect(r.stages.length).toBeGreaterThan(3);
      expect(r.currentStage).not.toBeNull();
      expect(r.stageDeadlineAt).toBe(r.stages.find((s) => s.id === r.currentStage)?.deadline);
      expect(r.stageDeadlineAt!).toBeLessThanOrEqual(r.deadlineAt);
    }
    const newestFirst = await page(core, { sort: { key: 'detected', desc: true } });
    expect(newestFirst.items[0]?.detectedAt).toBe(Math.max(...detected));
  });

  it('filters by every facet and counts each value as if that facet alone were not chosen', async () => {
    const core = await open();
    await withDepartments(core);
    await add(core, [
      makeNewIncident({ topic: 'ЖКХ', network: 'vk' }),
      {
        ...makeNewIncident({ topic: 'ЖКХ', network: 'ok', importance: 'high' }),
        status: 'routed',
        departmentId: 'dep-zhkh',
      },
      {
        ...makeNewIncident({ topic: 'Дороги', network: 'vk', source: 'pos' }),
        status: 'routed',
        departmentId: 'dep-roads',
      },
      makeNewIncident({ topic: 'Дороги', network: 'telegram' }),
    ]);
    const zhkh = { filter: { topics: ['ЖКХ'] } };
    expect((await page(core, zhkh)).total).toBe(2);
    const c = await counters(core, zhkh);
    expect(c.open).toBe(4);
    expect(c.matching).toBe(2);
    // The topic facet ignores its own choice: choosing «Дороги» instead would show two.
    expect(c.facets.topics).toEqual({ ЖКХ: 2, Дороги: 2 });
    // Other facets count within the chosen topic.
    expect(c.facets.networks).toEqual({ vk: 1, ok: 1 });
    expect(c.facets.importance).toEqual({ normal: 1, high: 1 });
    expect(c.facets.departments).toEqual({ '': 1, 'dep-zhkh': 1 });
    expect(c.facets.mine).toBeNull();

    expect((await page(core, { filter: { departments: [''] } })).total).toBe(2);
    expect((await page(core, { filter: { statuses: ['routed'], networks: ['vk'] } })).total).toBe(1);
    expect((await page(core, { filter: { sources: ['pos'] } })).items[0]?.topic).toBe('Дороги');
    expect((await page(core, { filter: { importance: ['high'] } })).items[0]?.departmentName).toBe(
      'Управление ЖКХ',
    );
    expect((await counters(core)).departments.map((d) => [d.name, d.shortName, d.open])).toEqual([
      ['Не направлено', 'Не направлено', 2],
      ['Управление дорожного хозяйства', 'Дороги', 1],
      ['Управление ЖКХ', 'ЖКХ', 1],
    ]);
  });

  it('finds incidents by words of the text, author or location, as prefixes, «ё» as «е»', async () => {
    const core = await open();
    await add(core, [
      makeNewIncident({
        text: 'Во дворе не вывозят мусор третью неделю',
        authorName: 'Пётр Смирнов',
        location: 'ул. Ленина, 5',
      }),
      makeNewIncident({ text: 'Яма на дороге у школы', authorName: 'Анна Котова', location: 'пр. Мира, 12' }),
      makeNewIncident({ text: 'Не горит фонарь', authorName: 'Олег Мусоргский', location: 'ул. Садовая, 1' }),
    ]);
    const found = async (search: string) =>
      (await page(core, { search })).items.map((r) => r.authorName).sort();
    expect(await found('мусор')).toEqual(['Олег Мусоргский', 'Пётр Смирнов']);
    expect(await found('петр')).toEqual(['Пётр Смирнов']);
    expect(await found('ЛЕНИН')).toEqual(['Пётр Смирнов']);
    expect(await found('мусор ленина')).toEqual(['Пётр Смирнов']);
    expect(await found('мира 12')).toEqual(['Анна Котова']);
    expect(await found('"OR* NEAR(')).toEqual([]);
    expect((await counters(core, { search: 'мусор' })).matching).toBe(2);
  });

  it('tells overdue from due within one working hour', async () => {
    const core = await open();
    const [overdue, soon] = await add(core, [
      makeNewIncident({ detectedAt: agedBy(core, 500), publishedAt: agedBy(core, 500) }),
      makeNewIncident({ detectedAt: agedBy(core, 450), publishedAt: agedBy(core, 450) }),
      makeNewIncident({ detectedAt: NOW, publishedAt: NOW }),
    ]);
    const c = await counters(core);
    expect([c.open, c.overdue, c.dueWithinHour]).toEqual([3, 1, 1]);
    expect((await page(core, { filter: { due: ['overdue'] } })).items.map((r) => r.id)).toEqual([overdue]);
    expect((await page(core, { filter: { due: ['hour'] } })).items.map((r) => r.id)).toEqual([soon]);
    expect((await page(core, { filter: { due: ['hour', 'overdue'] } })).total).toBe(2);
  });

  it('follows changes: a created incident is in the next page, a closed one is gone', async () => {
    const core = await open();
    await add(core, [makeNewIncident()]);
    expect((await page(core)).total).toBe(1);
    await call(core, 'incidents.create', makeNewIncident({ authorName: 'Новый Автор' }));
    expect((await page(core)).items.map((r) => r.authorName)).toContain('Новый Автор');
    // A change the core was not told about in detail (another process): everything is reread.
    const [other] = (await createIncidents(core.db, core.identity, SYSTEM_ACTOR, NOW, [makeNewIncident()]))
      .created;
    core.events.emit('queue.changed', { reason: 'updated', ids: [] });
    expect((await page(core)).items.map((r) => r.id)).toContain(other?.id);
  });

  it('leaves out an incident that went away to another department (sync), and shows it when it is back', async () => {
    const core = await open();
    const [kept, gone] = await add(core, [makeNewIncident(), makeNewIncident()]);
    expect((await page(core)).total).toBe(2);
    const away = syncDb(core.db);
    await away
      .insertInto('sync_away')
      .values({ incident_id: gone!, departments: '[]', since: NOW })
      .execute();
    core.events.emit('queue.changed', { reason: 'updated', ids: [gone!] });
    expect((await page(core)).items.map((r) => r.id)).toEqual([kept]);
    expect((await counters(core)).open).toBe(1);
    // Read again from scratch (a restart, or a change the core was not told about in detail): the same.
    core.events.emit('queue.changed', { reason: 'updated', ids: [] });
    expect((await page(core)).items.map((r) => r.id)).toEqual([kept]);
    await away.deleteFrom('sync_away').execute();
    core.events.emit('queue.changed', { reason: 'updated', ids: [gone!] });
    expect((await page(core)).total).toBe(2);
  });

  it('filters «mine» by the department of the person on the connection', async () => {
    const core = await open();
    await withDepartments(core);
    await add(core, [
      { ...makeNewIncident(), status: 'routed', departmentId: 'dep-zhkh' },
      { ...makeNewIncident(), status: 'routed', departmentId: 'dep-roads' },
      makeNewIncident(),
    ]);
    const executor = newConnection({
      user: {
        id: 'u-1',
        login: 'exec',
        displayName: 'Исполнитель',
        role: 'executor',
        departmentId: 'dep-zhkh',
        passwordHash: null,
        active: true,
      },
    });
    const mine = { filter: { mine: true } };
    expect((await page(core, mine, 0, 50, executor)).items.map((r) => r.departmentId)).toEqual(['dep-zhkh']);
    expect((await counters(core, {}, executor)).facets.mine).toBe(1);
    // Nobody signed in: «mine» does not hide the queue.
    expect((await page(core, mine)).total).toBe(3);
  });

  it('keeps the screen state and saved views across a restart', async () => {
    const dir = tempDir();
    const core = await open(dir);
    const state = {
      filter: { topics: ['ЖКХ'], due: ['overdue'] },
      search: 'мусор',
      sort: { key: 'stage', desc: false },
      columns: ['timer', 'text', 'status'],
      activeViewId: null,
    };
    await call(core, 'queue.state.set', state);
    const view = await call<SavedView>(core, 'views.save', {
      name: 'Просроченные ЖКХ',
      state: { filter: { topics: ['ЖКХ'] } },
    });
    await close(core);

    const again = await open(dir);
    const stored = await call<QueueUiState>(again, 'queue.state.get', {});
    expect(stored).toMatchObject({
      search: 'мусор',
      sort: { key: 'stage' },
      columns: ['timer', 'text', 'status'],
    });
    expect(stored.filter).toMatchObject({ topics: ['ЖКХ'], due: ['overdue'], statuses: [] });
    const views = await call<SavedView[]>(again, 'views.list', {});
    expect(views.map((v) => v.name)).toEqual(['Просроченные ЖКХ']);
    const renamed = await call<SavedView>(again, 'views.save', {
      id: view.id,
      name: 'ЖКХ',
      state: views[0]!.state,
    });
    expect(renamed.id).toBe(view.id);
    expect((await call<SavedView[]>(again, 'views.list', {})).map((v) => v.name)).toEqual(['ЖКХ']);
    expect(await again.dispatch('views.save', { id: 'missing', name: 'X', state: {} })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    expect(await call(again, 'views.delete', { id: view.id })).toEqual({ deleted: true });
    expect(await call(again, 'views.list', {})).toEqual([]);
  });

  it('refuses a bad query with a clear error and changes nothing', async () => {
    const core = await open();
    expect(
      await core.dispatch('queue.page', {
        query: { sort: { key: 'author', desc: false } },
        offset: 0,
        limit: 10,
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'bad_request' },
    });
    expect(await core.dispatch('queue.page', { offset: 0, limit: 100_000 })).toMatchObject({ ok: false });
  });

  it('lets a read-only connection read the queue and nothing else', async () => {
    const core = await open();
    const wall = core.connect({ readOnly: true });
    expect((await core.dispatch('queue.counters', {}, wall)).ok).toBe(true);
    expect(await core.dispatch('views.save', { name: 'x', state: {} }, wall)).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
  });

  it('stores the wall settings and tells the app when they change', async () => {
    const core = await open();
    const seen: WallConfig[] = [];
    core.events.on('wall.changed', (c) => seen.push(c));
    expect(await call(core, 'wall.config.get', {})).toEqual({
      display: null,
      pageSeconds: 12,
      urgentCount: 4,
    });
    await call(core, 'wall.config.set', { display: 2, pageSeconds: 5 });
    expect(seen).toEqual([{ display: 2, pageSeconds: 5, urgentCount: 4 }]);
    expect(await call(core, 'wall.config.get', {})).toMatchObject({ display: 2 });
  });
});

describe('notifications', () => {
  type Pushed = EventOf<'notifications.new'>;

  function listen(core: Core): Pushed[] {
    const pushed: Pushed[] = [];
    core.events.on('notifications.new', (e) => pushed.push(e));
    return pushed;
  }

  const listed = async (core: Core) =>
    (await call<{ items: AppNotification[]; unread: number }>(core, 'notifications.list', {})).items;

  it('warns of a stage about to breach and of a new high-importance incident, once each', async () => {
    const dir = tempDir();
    const core = await open(dir);
    const pushed = listen(core);
    // The notifier starts with the first window; an incident then comes in.
    await counters(core);
    await expect.poll(async () => (await listed(core)).length).toBe(0);
    const [soon] = await add(core, [
      // Classification (30 working minutes, Новороссийск p.4) is due in 10: inside the 15-minute lead.
      makeNewIncident({ detectedAt: agedBy(core, 20), publishedAt: agedBy(core, 20) }),
      makeNewIncident({ detectedAt: agedBy(core, 5), publishedAt: agedBy(core, 5) }),
    ]);
    const [high] = await add(core, [
      makeNewIncident({ detectedAt: NOW, publishedAt: NOW, importance: 'high', topic: 'Безопасность' }),
    ]);
    await expect.poll(() => pushed.some((p) => p.notifications.some((n) => n.kind === 'high'))).toBe(true);
    const alert = pushed.find((p) => p.notifications.some((n) => n.kind === 'high'))?.alert;
    expect(alert).toMatchObject({ title: 'Новый инцидент повышенной важности', sound: true });
    expect(alert?.body).toContain('Безопасность');

    // Scans run every 20 s; the next one is forced here.
    await expect
      .poll(async () => {
        core.events.emit('queue.changed', { reason: 'updated', ids: [] });
        return (await listed(core)).filter((n) => n.kind === 'stage').map((n) => n.incidentId);
      })
      .toEqual(expect.arrayContaining([soon]));
    const stage = (await listed(core)).find((n) => n.incidentId === soon && n.kind === 'stage');
    expect(stage).toMatchObject({ stageId: 'classify', audible: true, readAt: null });
    expect(stage?.body).toMatch(/^Осталось 10 мин раб\./);
    expect((await listed(core)).filter((n) => n.incidentId === high && n.kind === 'high')).toHaveLength(1);
    const count = (await listed(core)).length;

    // Never twice for the same event: not on the next scan, not after a restart.
    await close(core);
    const again = await open(dir);
    await counters(again);
    await new Promise((r) => setTimeout(r, 300));
    expect(await listed(again)).toHaveLength(count);
    expect(await call(again, 'notifications.markRead', {})).toEqual({ unread: 0 });
  });

  it('outside working hours records a new incident quietly and leaves stage warnings for the opening', async () => {
    const dir = tempDir();
    const core = await open(dir, SATURDAY);
    const pushed = listen(core);
    await counters(core);
    await add(core, [makeNewIncident({ detectedAt: SATURDAY, publishedAt: SATURDAY, importance: 'high' })]);
    await expect.poll(async () => (await listed(core)).length).toBe(1);
    expect((await listed(core))[0]).toMatchObject({ kind: 'high', audible: false });
    expect(pushed.every((p) => p.alert === null)).toBe(true);

    await call(core, 'notifications.settings.set', { workingHoursOnly: false, defaultLeadMinutes: 60 });
    expect(await call(core, 'notifications.settings.get', {})).toMatchObject({
      workingHoursOnly: false,
      defaultLeadMinutes: 60,
    });
  });
});
