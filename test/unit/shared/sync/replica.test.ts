import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatHlc } from '../../../../src/shared/sync/hlc';
import type { IncidentDoc } from '../../../../src/shared/sync/payloads';
import {
  applyIncidentChange,
  departmentsOf,
  visibleIncident,
  workflowOf,
  type IncidentChange,
  type IncidentReplica,
} from '../../../../src/shared/sync/replica';
import { decide, type Actor } from '../../../../src/shared/workflow';
import { stateFromRow } from '../../../../src/main/db/workflow';
import { loadBundledProfilesSync } from '../../../../src/main/regulations/bundled';

const hlc = (millis: number, counter = 0, node = 'n1') => formatHlc({ millis, counter, node });

function makeDoc(overrides: Partial<IncidentDoc> = {}): IncidentDoc {
  return {
    id: 'i-1',
    source: 'im',
    network: 'vk',
    url: null,
    externalId: 'ext-1',
    authorName: 'Анна',
    text: 'Яма на дороге',
    publishedAt: 1,
    detectedAt: 2,
    topic: 'Дороги',
    location: 'ул. Мира, 1',
    importance: 'normal',
    status: 'new',
    departmentId: null,
    version: 1,
    updatedAt: 3,
    ...overrides,
  };
}

function created(doc = makeDoc()): IncidentReplica {
  const r = applyIncidentChange(null, { kind: 'incident.create', hlc: hlc(1000), doc });
  if (r.kind !== 'applied') throw new Error('create failed');
  return r.replica;
}

function apply(replica: IncidentReplica, change: IncidentChange): IncidentReplica {
  const r = applyIncidentChange(replica, change);
  if (r.kind !== 'applied') throw new Error(`not applied: ${r.kind}`);
  return r.replica;
}

const operator: Actor = { userId: 'op', role: 'operator', departmentId: null };
const profile = loadBundledProfilesSync()[0]!;
const directory = {
  departments: [
    { id: 'roads', name: 'Дороги', responsibleUserIds: [], executorUserIds: [], substitutions: [] },
    { id: 'parks', name: 'Парки', responsibleUserIds: [], executorUserIds: [], substitutions: [] },
  ],
};

function routeEvents(replica: IncidentReplica, main: string) {
  const state = workflowOf(replica);
  const d = decide(
    state,
    {
      type: 'route',
      incidentId: state.incidentId,
      actor: operator,
      expectedStatus: state.status,
      expectedVersion: state.version,
      mainDepartmentId: main,
      coDepartmentIds: [],
    },
    { profile, actor: operator, now: 5000, departments: directory },
  );
  if (!d.ok) throw new Error(d.reason.message);
  return d.events;
}

describe('incident replica', () => {
  it('keeps the latest write of each field, whatever order the edits arrive in', () => {
    const edits = fc.array(
      fc.record({
        field: fc.constantFrom('text' as const, 'authorName' as const, 'location' as const),
        value: fc.string({ maxLength: 5 }),
        millis: fc.integer({ min: 0, max: 50 }),
        node: fc.constantFrom('a', 'b', 'c'),
      }),
      { maxLength: 12 },
    );
    fc.assert(
      fc.property(edits, fc.infiniteStream(fc.nat()), (list, seeds) => {
        // Distinct clocks, as HLCs are: the counter makes every edit's timestamp unique.
        const changes: IncidentChange[] = list.map((e, i) => ({
          kind: 'incident.update',
          hlc: hlc(2000 + e.millis, i, e.node),
          fields: { [e.field]: e.value },
        }));
        const inOrder = changes.reduce(apply, created());
        const shuffled = [...changes].sort(() => (seeds.next().value % 3) - 1);
        const reordered = shuffled.reduce(apply, created());
        const twice = [...changes, ...changes].reduce(apply, created());
        expect(reordered.doc).toEqual(inOrder.doc);
        expect(twice.doc).toEqual(inOrder.doc);
      }),
    );
  });

  it('derives the workflow state of an untouched incident exactly as the workstation does', () => {
    for (const doc of [
      makeDoc(),
      makeDoc({ location: '  ' }),
      makeDoc({ status: 'routed', departmentId: 'roads' }),
      makeDoc({ importance: 'high', topic: ' Свет ' }),
    ]) {
      const row = {
        id: doc.id,
        status: doc.status,
        importance: doc.importance,
        topic: doc.topic,
        location: doc.location,
        department_id: doc.departmentId,
        workflow_json: null,
      };
      expect(workflowOf({ doc, clocks: {}, workflow: null })).toEqual(stateFromRow(row));
    }
  });

  it('folds hub-confirmed workflow events once, and refuses a pending command that another came before', () => {
    const base = created();
    const roads = routeEvents(base, 'roads');
    const routed = apply(base, { kind: 'workflow.command', hlc: hlc(5000), events: roads });
    expect(visibleIncident(routed)).toMatchObject({ status: 'routed', departmentId: 'roads', version: 1 });
    expect(departmentsOf(routed)).toEqual(['roads']);
    // The same events again (a snapshot taken later, a repeated pull) change nothing.
    expect(apply(routed, { kind: 'workflow.command', hlc: hlc(5000), events: roads })).toEqual(routed);
    // A routing decided on the same version elsewhere does not fit as a pending command.
    const parks = routeEvents(base, 'parks');
    const pending = applyIncidentChange(
      routed,
      { kind: 'workflow.command', hlc: hlc(5001), events: parks },
      { strict: true },
    );
    expect(pending.kind).toBe('workflow-mismatch');
  });

  it('needs the incident for an update or a command', () => {
    expect(
      applyIncidentChange(null, { kind: 'incident.update', hlc: hlc(1), fields: { text: 'x' } }).kind,
    ).toBe('missing');
    expect(applyIncidentChange(null, { kind: 'workflow.command', hlc: hlc(1), events: [] }).kind).toBe(
      'missing',
    );
  });
});
