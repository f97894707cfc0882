import { afterAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { IncidentWorkflowStateSchema, replay, type WorkflowEvent } from '../../../src/shared/workflow';
import { workflowOf } from '../../../src/shared/sync/replica';
import { replicaFromRow } from '../../../src/main/hub/replicas';
import { syncDb } from '../../../src/main/sync/schema';
import { listOpenIncidents } from '../../../src/main/db/incidents';
import {
  disposeTemplate,
  LightStation,
  PEOPLE,
  restartLightHub,
  startLightHub,
  stopLightHub,
  type HubRef,
} from './light';
import { hubState, stationState } from './support';
import { freshPostgresDatabase, probePostgres } from '../hub/support';

/**
 * Randomized convergence (issue #7): 3–5 workstations make random changes (registrations, descriptive edits,
 * workflow commands by operators and executors) while the network partitions them, loses responses after
 * the hub committed, delivers requests twice, and the hub restarts. Once the network heals and everyone
 * syncs, every replica equals the hub, nothing is pending, every refused op is a visible conflict, and each
 * incident's workflow state is exactly the replay of its events.
 *
 * Runs: 200 by default (CI); `OTKLIK_SYNC_RUNS=2000` for the nightly mode.
 */
const RUNS = Number(process.env.OTKLIK_SYNC_RUNS ?? 200);

type Action =
  | { t: 'create'; s: number; n: number }
  | { t: 'update'; s: number; pick: number; text: string }
  | { t: 'cmd'; s: number; pick: number; kind: 'classify' | 'route' | 'next' | 'return'; alt: boolean }
  | { t: 'sync'; s: number }
  | { t: 'partition'; s: number }
  | { t: 'heal'; s: number }
  | { t: 'drop'; s: number }
  | { t: 'dup'; s: number }
  | { t: 'restart' };

const station = fc.nat({ max: 4 });
const action: fc.Arbitrary<Action> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.record({
      t: fc.constant('create' as const),
      s: station,
      n: fc.integer({ min: 1, max: 2 }),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      t: fc.constant('update' as const),
      s: station,
      pick: fc.nat(),
      text: fc.constantFrom('снег', 'яма', 'свет', 'мусор'),
    }),
  },
  {
    weight: 8,
    arbitrary: fc.record({
      t: fc.constant('cmd' as const),
      s: station,
      pick: fc.nat(),
      kind: fc.constantFrom(
        'classify' as const,
        'route' as const,
        'next' as const,
        'next' as const,
        'return' as const,
      ),
      alt: fc.boolean(),
    }),
  },
  { weight: 4, arbitrary: fc.record({ t: fc.constant('sync' as const), s: station }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('partition' as const), s: station }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('heal' as const), s: station }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('drop' as const), s: station }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('dup' as const), s: station }) },
  { weight: 1, arbitrary: fc.constant({ t: 'restart' as const }) },
);

const stats = {
  runs: 0,
  ops: 0,
  commands: 0,
  rejected: 0,
  conflictsStale: 0,
  restarts: 0,
  // The roads' workstation: incidents it held at the end of each run, and those marked away.
  departmentHeld: 0,
  away: 0,
};

async function knownIncidents(s: LightStation): Promise<string[]> {
  const rows = await s.db.selectFrom('incidents').select('id').orderBy('id').execute();
  return rows.map((r) => r.id);
}

async function perform(ref: HubRef, stations: LightStation[], a: Action): Promise<void> {
  if (a.t === 'restart') {
    stats.restarts += 1;
    await restartLightHub(ref);
    return;
  }
  const s = stations[a.s % stations.length]!;
  switch (a.t) {
    case 'create':
      await s.create(a.n);
      return;
    case 'update': {
      const ids = await knownIncidents(s);
      if (ids.length) await s.update(ids[a.pick % ids.length]!, { text: `${a.text} ${s.name}` });
      return;
    }
    case 'cmd': {
      const ids = await knownIncidents(s);
      if (!ids.length) return;
      // A few incidents only, so that workstations contend for the same ones.
      const id = ids[a.pick % Math.min(ids.length, 3)]!;
      const row = await s.db
        .selectFrom('incidents')
        .select(['status', 'department_id'])
        .where('id', '=', id)
        .executeTakeFirst();
      if (!row) return;
      const operator = a.s % 2 === 0 ? PEOPLE.op1 : PEOPLE.op2;
      const exec = row.department_id === 'parks' ? PEOPLE.parksExec : PEOPLE.roadsExec;
      const dep = row.department_id ?? 'roads';
      // The next step of the incident's workflow as this workstation sees it (`alt` picks a variant).
      switch (row.status) {
        case 'new':
        case 'returned':
          if (a.kind === 'classify') {
            await s.command(
              operator,
              () => ({
                type: 'classify',
                topic: 'Дороги',
                location: `ул. ${s.name}`,
                importance: a.alt ? 'high' : 'normal',
              }),
              id,
            );
          } else {
            await s.command(
              operator,
              () => ({ type: 'route', mainDepartmentId: a.alt ? 'parks' : 'roads', coDepartmentIds: [] }),
              id,
            );
          }
          return;
        case 'routed':
          if (a.kind === 'return') {
            await s.command(
              exec,
              () => ({ type: 'return-misrouted', departmentId: dep, reason: 'не наша компетенция' }),
              id,
            );
          } else if (a.kind === 'route') {
            await s.command(
              operator,
              () => ({ type: 'route', mainDepartmentId: a.alt ? 'parks' : 'roads', coDepartmentIds: [] }),
              id,
            );
          } else {
            await s.command(
              exec,
              () => ({ type: 'save-draft', text: `Ответ ${s.name}`, kind: 'final', attachmentIds: [] }),
              id,
            );
          }
          return;
        case 'drafting':
        case 'rework':
          if (a.alt)
            await s.command(
              exec,
              () => ({ type: 'save-draft', text: `Ответ ${s.name} 2`, kind: 'final', attachmentIds: [] }),
              id,
            );
          else await s.command(exec, () => ({ type: 'send-for-review' }), id);
          return;
        case 'in-review':
          if (a.alt) {
            await s.command(
              PEOPLE.controller,
              () => ({ type: 'return-for-rework', criteria: [], comment: `Доработать (${s.name})` }),
              id,
            );
          } else await s.command(PEOPLE.controller, () => ({ type: 'approve' }), id);
          return;
        case 'approved':
          await s.command(operator, () => ({ type: 'publish', url: `https://vk.com/wall-1_${s.name}` }), id);
          return;
        default:
          return;
      }
    }
    case 'sync':
      // Failures are part of the scenario (partitions, lost responses): the next round retries.
      await s.client.syncOnce().catch(() => undefined);
      return;
    case 'partition':
      s.net.partitioned = true;
      return;
    case 'heal':
      s.net.partitioned = false;
      return;
    case 'drop':
      s.net.dropNextResponse = true;
      return;
    case 'dup':
      s.net.duplicateNext = true;
      return;
  }
}

async function settle(stations: LightStation[]): Promise<void> {
  for (const s of stations)
    Object.assign(s.net, { partitioned: false, dropNextResponse: false, duplicateNext: false });
  // Two full rounds: the first pushes everything, the second brings everyone everything.
  for (let round = 0; round < 2; round++) for (const s of stations) await s.client.syncOnce();
}

async function checkConverged(ref: HubRef, stations: LightStation[]): Promise<void> {
  const hub = await hubState(ref.hub);
  const kinds = await ref.hub.context.db.selectFrom('hub_ops').select('kind').execute();
  const refusals = await ref.hub.context.db.selectFrom('hub_rejections').select('code').execute();
  stats.runs += 1;
  stats.ops += kinds.length;
  stats.commands += kinds.filter((k) => k.kind === 'workflow.command').length;
  stats.rejected += refusals.length;
  stats.conflictsStale += refusals.filter((r) => r.code === 'stale').length;
  const rejectedOnHub = new Set(
    (await ref.hub.context.db.selectFrom('hub_rejections').select('op_id').execute()).map((r) => r.op_id),
  );
  const hubAudit = new Set(hub.audit.map((a) => a.id));
  for (const s of stations) {
    const mine = await stationState({ db: s.db });
    expect(mine.incidents, `incidents of ${s.name}`).toEqual(hub.incidents);
    expect(mine.events, `workflow events of ${s.name}`).toEqual(hub.events);
    const outbox = await syncDb(s.db)
      .selectFrom('sync_outbox')
      .select(['op_id', 'sent_at', 'rejected_json'])
      .execute();
    expect(
      outbox.filter((o) => o.sent_at === null),
      `pending ops of ${s.name}`,
    ).toEqual([]);
    const rejected = outbox.filter((o) => o.rejected_json !== null).map((o) => o.op_id);
    for (const id of rejected)
      expect(rejectedOnHub.has(id), `refusal of ${id} recorded by the hub`).toBe(true);
    const conflicts = new Set(
      (await syncDb(s.db).selectFrom('sync_conflicts').select('op_id').execute()).map((c) => c.op_id),
    );
    expect([...conflicts].sort(), `conflicts shown on ${s.name}`).toEqual([...rejected].sort());
    // Audit trail: the hub's, plus this workstation's own refused attempts (kept, never silently lost).
    const audit = new Set(mine.audit.map((a) => a.id));
    for (const id of hubAudit) expect(audit.has(id), `audit ${id} on ${s.name}`).toBe(true);
    for (const id of audit)
      expect(hubAudit.has(id) || rejected.includes(id), `audit ${id} of ${s.name}`).toBe(true);
  }
  // Workflow invariants: each state is valid and is exactly the replay of its events, versions gap-free.
  const rows = await ref.hub.context.db.selectFrom('hub_incidents').selectAll().execute();
  for (const row of rows) {
    const { replica } = replicaFromRow(row);
    const events = hub.events
      .filter((e) => e.incident_id === row.id)
      .map((e) => JSON.parse(e.event_json) as WorkflowEvent);
    expect(events.map((e) => e.version)).toEqual(events.map((_, i) => i + 1));
    if (replica.workflow) {
      expect(IncidentWorkflowStateSchema.safeParse(replica.workflow).success).toBe(true);
      const start = workflowOf({ ...replica, workflow: null });
      expect(replay(start, events)).toEqual(replica.workflow);
    } else {
      expect(events).toEqual([]);
    }
  }
  // Gap-free sequence numbers.
  const seqs = (await ref.hub.context.db.selectFrom('hub_ops').select('seq').orderBy('seq').execute()).map(
    (r) => r.seq,
  );
  expect(seqs).toEqual(seqs.map((_, i) => i + 1));
}

/**
 * A department's workstation that only pulls (docs/sync.md, «Scope»): it holds every incident of its
 * department exactly as the hub has it, and has marked away every other incident it holds (one that came
 * and left, or came already gone), and its queue holds nothing else.
 */
async function checkDepartmentStation(ref: HubRef, station: LightStation, scope: string[]): Promise<void> {
  const hub = await hubState(ref.hub);
  const rows = await ref.hub.context.db.selectFrom('hub_incidents').selectAll().execute();
  const inScope = new Set(
    rows.filter((r) => replicaFromRow(r).departments.some((d) => scope.includes(d))).map((r) => r.id),
  );
  const mine = await stationState({ db: station.db });
  expect(
    mine.incidents.filter((i) => inScope.has(i.id)),
    `incidents of ${station.name}`,
  ).toEqual(hub.incidents.filter((i) => inScope.has(i.id)));
  const held = mine.incidents.map((i) => i.id);
  const away = await syncDb(station.db).selectFrom('sync_away').select('incident_id').execute();
  expect(away.map((a) => a.incident_id).sort(), `away on ${station.name}`).toEqual(
    held.filter((id) => !inScope.has(id)).sort(),
  );
  for (const queued of await listOpenIncidents(station.db)) expect(inScope.has(queued.id)).toBe(true);
  stats.away += away.length;
  stats.departmentHeld += held.length;
}

afterAll(() => {
  disposeTemplate();
  // How much the random histories exercised (visible in the test output).
  console.log(`sync convergence: ${JSON.stringify(stats)}`);
});

type HubFactory = () => Promise<{ ref: HubRef; dispose(): Promise<void> }>;

function convergenceProperty(makeHub: HubFactory) {
  return fc.asyncProperty(
    fc.integer({ min: 3, max: 5 }),
    fc.array(action, { minLength: 5, maxLength: 40 }),
    async (n, actions) => {
      const { ref, dispose } = await makeHub();
      const stations: LightStation[] = [];
      // The roads' workstation: it only pulls, now and then, and is checked on its own (its scope).
      const roads = await LightStation.open(ref, 'roads', { departments: ['roads'] });
      try {
        for (let i = 0; i < n; i++) stations.push(await LightStation.open(ref, `ws${i}`));
        // Two incidents everyone has from the start, so that offline workstations contend for them.
        await stations[0]!.create(2);
        await stations[0]!.client.syncOnce();
        for (const s of stations) {
          await s.client.syncOnce();
          for (const u of Object.values(PEOPLE)) await s.grantSession(ref, u);
        }
        await roads.client.syncOnce();
        for (const [i, a] of actions.entries()) {
          await perform(ref, stations, a);
          if (i % 7 === 6) await roads.client.syncOnce();
        }
        await settle(stations);
        await checkConverged(ref, stations);
        await roads.client.syncOnce();
        await checkDepartmentStation(ref, roads, ['roads']);
      } finally {
        await roads.close();
        for (const s of stations) await s.close();
        await dispose();
      }
    },
  );
}

const sqliteHub: HubFactory = async () => {
  const ref = await startLightHub();
  return { ref, dispose: () => stopLightHub(ref) };
};

const postgres = await probePostgres();
const PG_RUNS = Number(process.env.OTKLIK_SYNC_PG_RUNS ?? 25);

describe('sync convergence (property)', () => {
  it(
    `converges every replica to the hub over ${RUNS} random histories (hub on SQLite)`,
    async () => {
      await fc.assert(convergenceProperty(sqliteHub), { numRuns: RUNS, endOnFailure: true });
    },
    RUNS * 2000,
  );

  it.skipIf(!postgres.ok)(
    `converges every replica to the hub over ${PG_RUNS} random histories (hub on PostgreSQL)`,
    async () => {
      const pgHub: HubFactory = async () => {
        const db = await freshPostgresDatabase();
        const ref = await startLightHub({ databaseUrl: db.url });
        return {
          ref,
          async dispose() {
            await stopLightHub(ref);
            await db.drop();
          },
        };
      };
      await fc.assert(convergenceProperty(pgHub), { numRuns: PG_RUNS, endOnFailure: true });
    },
    PG_RUNS * 5000,
  );
});
