import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import {
  computeIncidentClock,
  CRITERION_KEYS,
  type RegulationProfile,
} from '../../../../src/shared/regulations';
import {
  allowedCommands,
  CLOSE_REASONS,
  COMMAND_TYPES,
  decide,
  initialWorkflowState,
  RejectReasonSchema,
  replay,
  toClockEvents,
  WORKFLOW_STATUSES,
  WorkflowEventSchema,
  workflowStateSchemaFor,
  type Actor,
  type CommandType,
  type IncidentWorkflowState,
  type WorkflowEvent,
  type WorkflowStatus,
} from '../../../../src/shared/workflow';
import { testCalendar } from '../regulations/test-calendar';
import { A, command, DIRECTORY, INCIDENT, minutes, PROFILES, samplePayload, T0 } from './support';

const ACTORS: readonly Actor[] = Object.values(A);
const DEPS = ['dep-roads', 'dep-zhkh', 'dep-blago', 'dep-edu'];
const cal = testCalendar();

/** Raw material for a payload of any type: valid and invalid values mixed. */
const seedArb = fc.record({
  topic: fc.constantFrom('', ' ', 'ЖКХ'),
  importance: fc.constantFrom('normal' as const, 'high' as const),
  main: fc.constantFrom(...DEPS, 'dep-unknown'),
  co: fc.subarray([...DEPS, 'dep-unknown'], { maxLength: 3 }),
  text: fc.constantFrom('', '  ', 'Ответ по существу вопроса'),
  kind: fc.constantFrom('final' as const, 'interim' as const),
  criteria: fc.subarray([...CRITERION_KEYS], { maxLength: 3 }),
  comment: fc.constantFrom('', 'Нет срока'),
  url: fc.constantFrom('https://vk.com/wall-1_2?reply=3', 'vk.com/x', ''),
  untilOffset: fc.integer({ min: -600, max: 30_000 }),
  informed: fc.boolean(),
  reason: fc.constantFrom(...CLOSE_REASONS),
  newFacts: fc.boolean(),
  withRouting: fc.boolean(),
  earlier: fc.constantFrom('inc-0', INCIDENT),
  partDep: fc.constantFrom(...DEPS),
});
type Seed = typeof seedArb extends fc.Arbitrary<infer T> ? T : never;

function randomPayload(type: CommandType, s: Seed, now: number) {
  switch (type) {
    case 'classify':
      return { topic: s.topic, location: s.topic === '' ? '' : 'ул. Мира, 1', importance: s.importance };
    case 'route':
      return { mainDepartmentId: s.main, coDepartmentIds: s.co };
    case 'return-misrouted':
      return { departmentId: s.partDep, reason: s.comment };
    case 'save-draft':
    case 'compile-summary':
      return { text: s.text, kind: s.kind, attachmentIds: [] };
    case 'submit-part':
      return { departmentId: s.partDep, text: s.text, attachmentIds: [] };
    case 'send-for-review':
    case 'approve':
      return {};
    case 'return-for-rework':
      return { criteria: s.criteria, comment: s.comment };
    case 'publish':
      return { url: s.url };
    case 'agree-postponement':
      return { until: Math.max(0, now + minutes(s.untilOffset)), authorInformed: s.informed };
    case 'close-no-answer':
      return { reason: s.reason, comment: s.comment };
    case 'link-repeat':
      return {
        earlierIncidentId: s.earlier,
        earlierAnswerUrl: s.url,
        newFacts: s.newFacts,
        routing: s.withRouting ? { mainDepartmentId: s.main, coDepartmentIds: s.co } : null,
      };
    case 'reopen':
      return { reason: s.comment };
  }
}

const stepArb = fc.record({
  /** Most steps pick among what someone may do (to get deep into the workflow), the rest anything. */
  focused: fc.integer({ min: 0, max: 9 }).map((n) => n < 7),
  /** A valid payload (sample) or a random one. */
  sample: fc.integer({ min: 0, max: 9 }).map((n) => n < 7),
  who: fc.noBias(fc.integer({ min: 0, max: 1_000_000 })),
  what: fc.noBias(fc.integer({ min: 0, max: 1_000_000 })),
  /** 0: stale version, 1: stale status, else current. */
  stale: fc.integer({ min: 0, max: 24 }),
  seed: seedArb,
  advance: fc.integer({ min: 0, max: 300 }),
});

const runArb = fc.record({
  profile: fc.constantFrom(...Object.values(PROFILES)),
  importance: fc.constantFrom('normal' as const, 'high' as const),
  steps: fc.array(stepArb, { minLength: 1, maxLength: 60, size: 'max' }),
});

/**
 * Weights for the focused steps: the commands that move an incident forward come up more often than those
 * that end it, so that runs reach approval, publication, interim answers and postponements.
 */
const WEIGHT: Record<CommandType, number> = {
  classify: 4,
  route: 12,
  'return-misrouted': 2,
  'save-draft': 12,
  'submit-part': 16,
  'compile-summary': 16,
  'send-for-review': 16,
  approve: 30,
  'return-for-rework': 6,
  publish: 16,
  'agree-postponement': 6,
  'close-no-answer': 1,
  'link-repeat': 1,
  reopen: 16,
};

/** A command somebody may issue now, by weight, and one of the people who may. */
function pickForward(
  state: IncidentWorkflowState,
  profile: RegulationProfile,
  opts: { departments: typeof DIRECTORY; now: number },
  what: number,
  who: number,
): [Actor, CommandType] | null {
  const able = new Map<CommandType, Actor[]>();
  for (const a of ACTORS) {
    for (const t of allowedCommands(state, a, profile, opts)) able.set(t, [...(able.get(t) ?? []), a]);
  }
  const types = COMMAND_TYPES.filter((t) => able.has(t));
  const total = types.reduce((n, t) => n + WEIGHT[t], 0);
  if (total === 0) return null;
  let r = what % total;
  const type = types.find((t) => (r -= WEIGHT[t]) < 0)!;
  const people = able.get(type)!;
  return [people[who % people.length]!, type];
}

/** Sample payloads vary where the sample is fixed: drafts of both kinds, routings with co-executors. */
function vary(type: CommandType, payload: object, seed: Seed): object {
  if (type === 'save-draft' || type === 'compile-summary') return { ...payload, kind: seed.kind };
  if (type === 'route' && 'mainDepartmentId' in payload) {
    const co = seed.co.filter((d) => DEPS.includes(d) && d !== payload.mainDepartmentId);
    return { ...payload, coDepartmentIds: co };
  }
  return payload;
}

function deepFreeze<T>(o: T): T {
  if (o && typeof o === 'object' && !Object.isFrozen(o)) {
    Object.values(o).forEach(deepFreeze);
    Object.freeze(o);
  }
  return o;
}

const reached = new Map<WorkflowStatus, number>();
const acceptedTypes = new Map<CommandType, number>();

describe('no command sequence escapes the state machine', () => {
  afterAll(() => {
    // The runs must really explore the machine, or the property says little.
    expect([...reached.keys()].sort()).toEqual([...WORKFLOW_STATUSES].sort());
    expect([...acceptedTypes.keys()].sort()).toEqual([...COMMAND_TYPES].sort());
  });

  // 500 runs of up to 60 commands: seconds of work, more on a loaded CI machine.
  it('keeps every invariant for random commands from random people', { timeout: 120_000 }, () => {
    fc.assert(
      fc.property(runArb, ({ profile, importance, steps }) => {
        const schema = workflowStateSchemaFor(profile);
        const initial = deepFreeze(initialWorkflowState({ incidentId: INCIDENT, importance }));
        let state: IncidentWorkflowState = initial;
        let now = T0;
        const log: WorkflowEvent[] = [];
        const opts = () => ({ departments: DIRECTORY, now });
        const ctx = (actor: Actor) => ({ profile, actor, now, departments: DIRECTORY });

        for (const step of steps) {
          now += minutes(step.advance);
          let actor = ACTORS[step.who % ACTORS.length]!;
          let type = COMMAND_TYPES[step.what % COMMAND_TYPES.length]!;
          if (step.focused) {
            const picked = pickForward(state, profile, opts(), step.what, step.who);
            if (picked) [actor, type] = picked;
          }
          const allowed = allowedCommands(state, actor, profile, opts());
          const payload = step.sample
            ? vary(type, samplePayload(type, state, actor, now), step.seed)
            : randomPayload(type, step.seed, now);
          const cmd = command(state, actor, type, payload as never);
          if (step.stale === 0) cmd.expectedVersion = state.version + 1;
          if (step.stale === 1) cmd.expectedStatus = state.status === 'new' ? 'routed' : 'new';
          const stale = step.stale <= 1;

          const before = structuredClone(state);
          const d = decide(state, cmd, ctx(actor));
          expect(state).toEqual(before);

          // allowedCommands agrees with decide: an unlisted command is never accepted, and a listed one is
          // accepted with a valid payload.
          if (!allowed.includes(type) || stale) expect(d.ok).toBe(false);
          if (allowed.includes(type)) {
            const valid = command(state, actor, type, samplePayload(type, state, actor, now) as never);
            expect(decide(state, valid, ctx(actor)).ok, `${type} by ${actor.userId} in ${state.status}`).toBe(
              true,
            );
          }

          // Terminal states: nothing after a publication; only a reopening after a closure.
          if (state.status === 'published') expect(d.ok).toBe(false);
          if ((state.status === 'closed-no-answer' || state.status === 'closed-repeat') && d.ok) {
            expect(type).toBe('reopen');
          }

          if (!d.ok) {
            expect(RejectReasonSchema.parse(d.reason)).toEqual(d.reason);
            expect(d.reason.message).toMatch(/[А-Яа-яЁё]/);
            if (stale) expect(['stale', 'actor-mismatch', 'invalid-command']).toContain(d.reason.code);
            continue;
          }

          expect(d.events).toHaveLength(1);
          for (const e of d.events) expect(WorkflowEventSchema.parse(e)).toEqual(e);
          expect(d.next.version).toBe(state.version + 1);
          expect(replay(state, d.events)).toEqual(d.next);
          const parsed = schema.safeParse(d.next);
          expect(parsed.success, parsed.success ? '' : JSON.stringify(parsed.error.issues)).toBe(true);

          acceptedTypes.set(type, (acceptedTypes.get(type) ?? 0) + 1);
          reached.set(d.next.status, (reached.get(d.next.status) ?? 0) + 1);
          log.push(...d.events);
          state = deepFreeze(d.next);
        }

        // The whole log rebuilds the state, and the incident clock reads it.
        expect(replay(initial, log)).toEqual(state);
        expect(state.version).toBe(log.length);
        const clock = computeIncidentClock({
          profile,
          calendar: cal,
          importance: state.importance,
          events: toClockEvents(log, T0),
          now,
        });
        if (state.status === 'published') expect(['done', 'done-late']).toContain(clock.state);
        if (state.status === 'interim-published' || state.status === 'postponed') {
          expect(clock.finalDeadline).not.toBeNull();
        }
        if (state.status === 'postponed') expect(clock.finalDeadline).toBe(state.postponedUntil);
      }),
      { numRuns: 500 },
    );
  });
});
