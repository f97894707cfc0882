import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { countPendingOps } from '../../../src/main/db/outbox';
import { findAway, listOpenIncidents } from '../../../src/main/db/incidents';
import { createIncidents } from '../../../src/main/core/incidents';
import { SYSTEM_ACTOR } from '../../../src/main/core/changes';
import { makeNewIncident } from '../../support/builders';
import { addDepartment, revokeWorkstation } from '../../../src/main/hub/admin';
import { SyncError } from '../../../src/main/sync/http';
import { SyncLoop } from '../../../src/main/sync/loop';
import { syncDb } from '../../../src/main/sync/schema';
import { readCursor, readHubUsers, writeCursor } from '../../../src/main/sync/state';
import { disposeTemplate, LightStation, PEOPLE, startLightHub, stopLightHub, type HubRef } from './light';
import { until } from './processes';
import { hubState, stationState } from './support';

const DAY = 86_400_000;
let ref: HubRef | null = null;
const stations: LightStation[] = [];
afterEach(async () => {
  for (const s of stations.splice(0)) await s.close();
  if (ref) await stopLightHub(ref);
  ref = null;
});
afterAll(() => disposeTemplate());

async function hub(options: Parameters<typeof startLightHub>[0] = {}): Promise<HubRef> {
  ref = await startLightHub(options);
  return ref;
}

async function open(r: HubRef, name: string, options: Parameters<typeof LightStation.open>[2] = {}) {
  const s = await LightStation.open(r, name, options);
  stations.push(s);
  await s.client.syncOnce();
  for (const u of Object.values(PEOPLE)) await s.grantSession(r, u);
  return s;
}

async function row(s: LightStation, id: string) {
  return s.db
    .selectFrom('incidents')
    .select(['status', 'version', 'department_id', 'text', 'author_name'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
}

async function expectConverged(r: HubRef, list: LightStation[]) {
  const h = await hubState(r.hub);
  for (const s of list) {
    const mine = await stationState({ db: s.db });
    expect(mine.incidents).toEqual(h.incidents);
    expect(mine.events).toEqual(h.events);
  }
}

/** A workstation's background sync as the app runs it (pokes, local changes), quick to retry. */
function liveLoop(s: LightStation): SyncLoop {
  return new SyncLoop({
    client: s.client,
    minBackoffMs: 50,
    pullIntervalMs: 60_000,
    pendingCount: () => countPendingOps(s.db),
  });
}

const route = (main: string) => () => ({
  type: 'route' as const,
  mainDepartmentId: main,
  coDepartmentIds: [],
});

const giveBack = (department: string, reason: string) => () => ({
  type: 'return-misrouted' as const,
  departmentId: department,
  reason,
});

describe('sync scenarios', () => {
  it('keeps exactly one of two offline routings, rolls the other back and shows it to its author', async () => {
    const r = await hub();
    const a = await open(r, 'a');
    const b = await open(r, 'b');
    const [id] = await a.create(1);
    await a.client.syncOnce();
    await b.client.syncOnce();
    a.net.partitioned = true;
    b.net.partitioned = true;
    expect(await a.command(PEOPLE.op1, route('roads'), id!)).toBe(true);
    expect(await b.command(PEOPLE.op2, route('parks'), id!)).toBe(true);
    expect((await row(b, id!)).department_id).toBe('parks');
    a.net.partitioned = false;
    b.net.partitioned = false;
    await a.client.syncOnce();
    const result = await b.client.syncOnce();
    expect(result.rejected).toBe(1);
    await a.client.syncOnce();
    // One routing won everywhere; B's is rolled back, and its attempt is a visible conflict, not lost.
    expect(await row(b, id!)).toMatchObject({ status: 'routed', version: 1, department_id: 'roads' });
    const conflicts = await syncDb(b.db).selectFrom('sync_conflicts').selectAll().execute();
    expect(conflicts).toHaveLength(1);
    expect(conflicts[0]).toMatchObject({
      incident_id: id,
      kind: 'workflow.command',
      user_id: PEOPLE.op2,
      code: 'stale',
    });
    const attempt = await b.db
      .selectFrom('audit_events')
      .select('action')
      .where('id', '=', conflicts[0]!.op_id)
      .executeTakeFirst();
    expect(attempt?.action).toBe('workflow.route');
    await expectConverged(r, [a, b]);
    // The loser can act again on the winner's state.
    expect(
      await b.command(
        PEOPLE.roadsExec,
        () => ({ type: 'save-draft', text: 'Ответ', kind: 'final', attachmentIds: [] }),
        id!,
      ),
    ).toBe(true);
    await b.client.syncOnce();
    await a.client.syncOnce();
    await expectConverged(r, [a, b]);
  });

  it('asks for the directory again when it does not remember the hub’s people (joined before they were kept)', async () => {
    const r = await hub();
    const a = await open(r, 'a');
    expect(await readHubUsers(syncDb(a.db))).toEqual(expect.arrayContaining(Object.values(PEOPLE)));
    // As a workstation from before `sync.hubUsers` holds it: the directory's version, not its people.
    await sql`DELETE FROM settings WHERE key = 'sync.hubUsers'`.execute(a.db);
    await a.client.syncOnce();
    expect(await readHubUsers(syncDb(a.db))).toEqual(expect.arrayContaining(Object.values(PEOPLE)));
  });

  it('keeps one incident per external id when two workstations register it offline, and shows the other', async () => {
    const r = await hub();
    const a = await open(r, 'a');
    const b = await open(r, 'b');
    const incident = makeNewIncident({ externalId: 'im-777' });
    await createIncidents(a.db, a.identity, SYSTEM_ACTOR, Date.now(), [incident]);
    await createIncidents(b.db, b.identity, SYSTEM_ACTOR, Date.now(), [{ ...incident }]);
    await a.client.syncOnce();
    const result = await b.client.syncOnce();
    expect(result.rejected).toBe(1);
    const conflicts = await syncDb(b.db).selectFrom('sync_conflicts').select(['code']).execute();
    expect(conflicts).toEqual([{ code: 'duplicate-external-id' }]);
    const onB = await b.db
      .selectFrom('incidents')
      .select(['id', 'external_id'])
      .orderBy('external_id')
      .execute();
    const winner = await a.db.selectFrom('incidents').select('id').executeTakeFirstOrThrow();
    // B holds the hub's incident under the external id; its own registration stays, without the id.
    expect(onB).toHaveLength(2);
    expect(onB.find((x) => x.external_id === 'im-777')?.id).toBe(winner.id);
    // Its own copy leaves its queue (nobody else has it: work on it would be refused), read-only with the reason.
    expect((await listOpenIncidents(b.db)).map((i) => i.id)).toEqual([winner.id]);
    const copy = onB.find((x) => x.id !== winner.id)!;
    expect(await findAway(b.db, copy.id)).toMatchObject({ refused: expect.stringContaining('im-777') });
  });

  it('orders edits causally across clocks a day ahead, a day behind and going backwards', async () => {
    const r = await hub();
    let backwards = Date.now();
    const ahead = await open(r, 'ahead', { now: () => Date.now() + DAY });
    const behind = await open(r, 'behind', { now: () => Date.now() - DAY });
    const jumpy = await open(r, 'jumpy', { now: () => backwards });
    const [id] = await ahead.create(1);
    await ahead.update(id!, { text: 'правка из будущего' });
    await ahead.client.syncOnce();
    // A workstation a day behind sees the edit, then edits: its edit comes after, and wins.
    await behind.client.syncOnce();
    expect((await row(behind, id!)).text).toBe('правка из будущего');
    await behind.update(id!, { text: 'правка после' });
    await behind.client.syncOnce();
    await ahead.client.syncOnce();
    expect((await row(ahead, id!)).text).toBe('правка после');
    // A clock that goes back an hour between two edits still orders them.
    await jumpy.client.syncOnce();
    await jumpy.update(id!, { authorName: 'первая' });
    backwards -= 3_600_000;
    await jumpy.update(id!, { authorName: 'вторая' });
    await jumpy.client.syncOnce();
    for (const s of [ahead, behind, jumpy]) await s.client.syncOnce();
    expect((await row(behind, id!)).author_name).toBe('вторая');
    await expectConverged(r, [ahead, behind, jumpy]);
    // The hub capped the future clock: nothing it serves is more than its drift limit ahead.
    const hlcs = await r.hub.context.db.selectFrom('hub_ops').select('hlc').execute();
    for (const h of hlcs) expect(Date.parse(h.hlc.slice(0, 24))).toBeLessThan(Date.now() + 61_000);
  });

  it('lets an older client work with a newer hub, and tells a too-old one to update without losing its ops', async () => {
    const r = await hub();
    const current = await open(r, 'current');
    const [id] = await current.create(1);
    await current.client.syncOnce();
    // The hub moves to protocol 2 and still serves 1.
    r.hub.context.protocol = { current: 2, min: 1 };
    const older = await open(r, 'older', { protocol: 1 });
    await older.update(id!, { text: 'со старой версии' });
    expect((await older.client.syncOnce()).accepted).toBe(1);
    await current.client.syncOnce();
    expect((await row(current, id!)).text).toBe('со старой версии');
    // Then it drops protocol 1: the old client is told to update; its change stays pending, not lost.
    r.hub.context.protocol = { current: 2, min: 2 };
    current.upgrade(2);
    await older.update(id!, { text: 'ждёт обновления' });
    const error = await older.client.syncOnce().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SyncError);
    expect((error as SyncError).kind).toBe('upgrade_client');
    expect((error as SyncError).message).toMatch(/Обновите приложение/);
    expect(await countPendingOps(older.db)).toBe(1);
    // After the update (the same database, a client speaking protocol 2), it goes through.
    older.upgrade(2);
    expect((await older.client.syncOnce()).accepted).toBe(1);
    await current.client.syncOnce();
    expect((await row(current, id!)).text).toBe('ждёт обновления');
  });

  it('confirms its own registrations and edits from the push answer, not from their echo', async () => {
    const r = await hub();
    const a = await open(r, 'a');
    const b = await open(r, 'b');
    const shadowed = async (ids: string[]) =>
      (
        await syncDb(a.db)
          .selectFrom('sync_shadow')
          .select('incident_id')
          .where('incident_id', 'in', ids)
          .execute()
      ).length;
    const ids = await a.create(3);
    await a.update(ids[0]!, { text: 'Уточнение от заявителя' });
    const round = await a.client.syncOnce();
    expect(round.accepted).toBe(4);
    // Recorded as confirmed from the answer; nothing else happened on the hub, so there was no pull at
    // all: the cursor moved to the hub's head with the answer.
    expect(round.pulled).toBe(0);
    expect(round.cursor).toBe(4);
    expect(await a.client.pullAll()).toBe(0);
    expect(await shadowed(ids)).toBe(3);
    expect((await row(a, ids[0]!)).text).toBe('Уточнение от заявителя');
    // Another workstation's change in between: pulled after the push.
    await b.client.syncOnce();
    await b.update(ids[2]!, { authorName: 'Петров П. П.' });
    await b.client.syncOnce();
    await a.update(ids[1]!, { text: 'Ещё уточнение' });
    const between = await a.client.syncOnce();
    expect([between.accepted, between.pulled]).toEqual([1, 1]);
    expect((await row(a, ids[2]!)).author_name).toBe('Петров П. П.');
    // The hub's directory changed: pulled after the push, for the directory.
    await addDepartment(r.hub.context.db, { id: 'snow', name: 'Уборка снега' });
    await a.update(ids[1]!, { text: 'И ещё уточнение' });
    await a.client.syncOnce();
    const snow = await a.db.selectFrom('departments').select('name').where('id', '=', 'snow').execute();
    expect(snow).toEqual([{ name: 'Уборка снега' }]);
    // A command comes back: the hub decides its events.
    expect(await a.command(PEOPLE.op1, route('roads'), ids[1]!)).toBe(true);
    expect((await a.client.syncOnce()).pulled).toBe(1);

    // An older hub answers without clocks: what it accepted then is not confirmed from the answer, and a
    // later answer with clocks does not claim it; its echo brings it.
    a.net.answerWithoutClocks = true;
    const [old] = await a.create(1);
    await a.client.pushAll();
    a.net.answerWithoutClocks = false;
    const [fresh] = await a.create(1);
    await a.client.pushAll();
    expect(await shadowed([old!, fresh!])).toBe(1);
    expect(await a.client.pullAll()).toBe(1);
    expect(await shadowed([old!, fresh!])).toBe(2);
    await b.client.syncOnce();
    await expectConverged(r, [a, b]);
  });

  it('refuses a revoked workstation and keeps its changes pending', async () => {
    const r = await hub();
    const a = await open(r, 'a');
    const [id] = await a.create(1);
    await a.client.syncOnce();
    await revokeWorkstation(r.hub.context.db, 'a');
    await a.update(id!, { text: 'после отзыва' });
    const error = await a.client.syncOnce().catch((e: unknown) => e);
    expect((error as SyncError).kind).toBe('revoked');
    expect(await countPendingOps(a.db)).toBe(1);
  });

  it('holds a person’s ops until their hub session exists, in order, and then sends them', async () => {
    const r = await hub();
    const a = await open(r, 'a');
    const [id] = await a.create(1);
    await a.client.syncOnce();
    await syncDb(a.db).deleteFrom('sync_sessions').where('user_id', '=', PEOPLE.op1).execute();
    expect(await a.command(PEOPLE.op1, route('roads'), id!)).toBe(true);
    await a.update(id!, { text: 'после маршрутизации' });
    const waiting = await a.client.syncOnce();
    expect(waiting.waitingForUser).toBe(PEOPLE.op1);
    expect(await countPendingOps(a.db)).toBe(2);
    await a.grantSession(r, PEOPLE.op1);
    const sent = await a.client.syncOnce();
    expect(sent).toMatchObject({ accepted: 2, rejected: 0, waitingForUser: null });
  });

  it('bootstraps a new workstation from a snapshot while others keep writing', async () => {
    const r = await hub();
    const a = await open(r, 'a');
    const b = await open(r, 'b');
    for (let i = 0; i < 5; i++) {
      await a.create(20);
      await a.client.syncOnce();
    }
    let writing = true;
    const writer = (async () => {
      while (writing) {
        await a.create(3);
        await b.create(2);
        await a.client.syncOnce();
        await b.client.syncOnce();
      }
    })();
    const c = await LightStation.open(r, 'c');
    stations.push(c);
    const first = await c.client.syncOnce();
    expect(first.bootstrapped).toBe(true);
    expect(first.cursor).toBeGreaterThanOrEqual(100);
    writing = false;
    await writer;
    for (const s of [a, b, c, a, b, c]) await s.client.syncOnce();
    await expectConverged(r, [a, b, c]);
  });

  it('gives a department’s workstation an incident in full when it is routed there', async () => {
    const r = await hub();
    const centre = await open(r, 'centre');
    const parks = await open(r, 'parks', { departments: ['parks'] });
    const [id, other] = await centre.create(2);
    await centre.client.syncOnce();
    await parks.client.syncOnce();
    expect(await parks.db.selectFrom('incidents').select('id').execute()).toEqual([]);
    expect(await centre.command(PEOPLE.op1, route('parks'), id!)).toBe(true);
    await centre.client.syncOnce();
    await parks.client.syncOnce();
    const rows = await parks.db.selectFrom('incidents').select(['id', 'status', 'department_id']).execute();
    expect(rows).toEqual([{ id, status: 'routed', department_id: 'parks' }]);
    expect(
      await parks.db.selectFrom('workflow_events').select('version').where('incident_id', '=', id!).execute(),
    ).toEqual([{ version: 1 }]);
    expect(await parks.db.selectFrom('incidents').select('id').where('id', '=', other!).execute()).toEqual(
      [],
    );
    // The department works on it and the centre sees the result.
    expect(
      await parks.command(
        PEOPLE.parksExec,
        () => ({ type: 'save-draft', text: 'Ответ парков', kind: 'final', attachmentIds: [] }),
        id!,
      ),
    ).toBe(true);
    await parks.client.syncOnce();
    await centre.client.syncOnce();
    expect((await row(centre, id!)).status).toBe('drafting');
  });

  it('takes an incident out of a department’s queue when it leaves the department, and back when it returns', async () => {
    const r = await hub();
    const centre = await open(r, 'centre');
    const parks = await open(r, 'parks', { departments: ['parks'] });
    const [id] = await centre.create(1);
    await centre.client.syncOnce();
    expect(await centre.command(PEOPLE.op1, route('parks'), id!)).toBe(true);
    await centre.client.syncOnce();
    await parks.client.syncOnce();
    const queued = async (s: LightStation) => (await listOpenIncidents(s.db)).map((i) => i.id);
    const away = () =>
      syncDb(parks.db).selectFrom('sync_away').select(['incident_id', 'departments']).execute();
    expect(await queued(parks)).toEqual([id]);

    // Not the parks' business: they return it, and the centre routes it to the roads.
    expect(await parks.command(PEOPLE.parksExec, giveBack('parks', 'Дорога, а не сквер'), id!)).toBe(true);
    await parks.client.syncOnce();
    expect(await away()).toEqual([{ incident_id: id, departments: '[]' }]);
    expect(await queued(parks)).toEqual([]);
    await centre.client.syncOnce();
    expect(await centre.command(PEOPLE.op1, route('roads'), id!)).toBe(true);
    await centre.client.syncOnce();
    await parks.client.syncOnce();
    // The parks were not served the routing to the roads; their copy stays, out of the queue.
    expect((await row(parks, id!)).status).toBe('returned');
    expect(await queued(parks)).toEqual([]);
    expect(await queued(centre)).toEqual([id]);

    // The roads return it too, and the centre routes it to the parks again: back in their queue, as it is now.
    const roads = await open(r, 'roads', { departments: ['roads'] });
    await roads.client.syncOnce();
    expect(await roads.command(PEOPLE.roadsExec, giveBack('roads', 'Сквер, а не дорога'), id!)).toBe(true);
    await roads.client.syncOnce();
    await centre.client.syncOnce();
    expect(await centre.command(PEOPLE.op1, route('parks'), id!)).toBe(true);
    await centre.client.syncOnce();
    await parks.client.syncOnce();
    expect(await away()).toEqual([]);
    expect(await queued(parks)).toEqual([id]);
    expect((await row(parks, id!)).status).toBe('routed');
    expect(await queued(roads)).toEqual([]);
  });

  it('pushes a change made during a round as soon as that round ends, not at the next interval', async () => {
    const r = await hub();
    const a = await open(r, 'a');
    // A round waits in its pull until the change is made and announced.
    let release = () => undefined as void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const pull = a.client.http.pull.bind(a.client.http);
    let hold = false;
    a.client.http.pull = async (...args) => {
      if (hold) {
        hold = false;
        await held;
      }
      return pull(...args);
    };
    const loop = new SyncLoop({ client: a.client, pullIntervalMs: 60_000 });
    try {
      loop.start();
      // The first round, and the one the poke channel's opening asks for, are over.
      await until(() => loop.current.lastSyncAt !== null);
      await new Promise((r) => setTimeout(r, 300));
      await until(() => !loop.current.syncing);
      hold = true;
      loop.kick();
      await until(() => loop.current.syncing, 5000, 1);
      const [id] = await a.create(1);
      loop.kick();
      release();
      await until(
        async () =>
          (await r.hub.context.db
            .selectFrom('hub_incidents')
            .select('id')
            .where('id', '=', id!)
            .executeTakeFirst()) !== undefined,
        5000,
        5,
      );
    } finally {
      await loop.stop();
    }
  });

  it('converges with pages and pulls interleaved: three live workstations writing at once', async () => {
    const r = await hub();
    const list = [await open(r, 'a'), await open(r, 'b'), await open(r, 'c')];
    const loops = list.map(liveLoop);
    const pages = list.map(() => 0);
    list.forEach((s, i) => {
      const apply = s.client.applyPoke.bind(s.client);
      s.client.applyPoke = async (...args) => {
        const applied = await apply(...args);
        if (applied) pages[i]! += 1;
        return applied;
      };
    });
    try {
      for (const l of loops) l.start();
      await until(() => loops.every((l) => l.current.lastSyncAt !== null));
      // Registrations on all three at once, and routings of what has arrived, while pokes fly.
      const ids: string[] = [];
      for (let step = 0; step < 12; step++) {
        await Promise.all(
          list.map(async (s, i) => {
            ids.push(...(await s.create(1 + (step % 2))));
            loops[i]!.kick();
          }),
        );
        const known = await list[step % 3]!.db.selectFrom('incidents')
          .select('id')
          .where('status', '=', 'new')
          .execute();
        if (known[0]) {
          await list[step % 3]!.command(PEOPLE.op1, route(step % 2 ? 'roads' : 'parks'), known[0].id);
          loops[step % 3]!.kick();
        }
        await new Promise((done) => setTimeout(done, 5 + (step % 4) * 10));
      }
      const hubHas = async () =>
        Number(
          (
            await r.hub.context.db
              .selectFrom('hub_counter')
              .select('head')
              .where('id', '=', 1)
              .executeTakeFirstOrThrow()
          ).head,
        );
      await until(
        async () => {
          const head = await hubHas();
          for (const s of list) {
            if ((await countPendingOps(s.db)) > 0) return false;
            if ((await readCursor(syncDb(s.db))) !== head) return false;
          }
          return true;
        },
        20_000,
        20,
      );
      expect(ids).toHaveLength(54);
      // Most changes arrived with their pokes (the rest by pulls, where a page did not follow on).
      expect(pages.reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
      await expectConverged(r, list);
    } finally {
      for (const l of loops) await l.stop();
    }
  });

  it('delivers a change live: the poke brings it, and the other workstation applies it without a pull', async () => {
    const r = await hub();
    const a = await open(r, 'a');
    const b = await open(r, 'b');
    let pulls = 0;
    const pull = b.client.http.pull.bind(b.client.http);
    b.client.http.pull = (...args) => {
      pulls += 1;
      return pull(...args);
    };
    const loops = [a, b].map(liveLoop);
    const has = (id: string) => async () =>
      (await b.db.selectFrom('incidents').select('id').where('id', '=', id).executeTakeFirst()) !== undefined;
    try {
      for (const l of loops) l.start();
      // B's first round, and the one its poke channel's opening asks for, are over.
      await until(() => loops[1]!.current.lastSyncAt !== null);
      await new Promise((done) => setTimeout(done, 300));
      await until(() => !loops[1]!.current.syncing);
      const before = pulls;
      const [id] = await a.create(1);
      loops[0]!.kick();
      await until(has(id!), 10_000, 2);
      expect(pulls).toBe(before);
      expect(loops[1]!.current.connection).toBe('online');
      expect(await readCursor(syncDb(b.db))).toBe(await readCursor(syncDb(a.db)));

      // A page that does not follow on from B's cursor (as after a lost frame) is left: B pulls instead.
      await writeCursor(syncDb(b.db), 0);
      const [next] = await a.create(1);
      loops[0]!.kick();
      await until(has(next!), 10_000, 2);
      expect(pulls).toBeGreaterThan(before);
      await expectConverged(r, [a, b]);
    } finally {
      for (const l of loops) await l.stop();
    }
  });
});
