import { describe, expect, it } from 'vitest';
import {
  CLOSE_REASON_LABEL,
  CLOSE_REASONS,
  COMMAND_LABEL,
  COMMAND_STATUSES,
  COMMAND_TYPES,
  EVENT_LABEL,
  evolve,
  IncidentWorkflowStateSchema,
  initialWorkflowState,
  ROLE_COMMANDS,
  ROLE_LABEL,
  ROLES,
  STATUS_LABEL,
  TERMINAL_STATUSES,
  WORKFLOW_STATUSES,
  WorkflowReplayError,
  workflowStateSchemaFor,
  type WorkflowEvent,
} from '../../../../src/shared/workflow';
import { A, Flow, INCIDENT, novorossiysk, stavropol } from './support';

const RUSSIAN = /^[А-ЯЁ][А-Яа-яЁё «»(),.\-–]+$/;

describe('labels', () => {
  it.each([
    ['STATUS_LABEL', STATUS_LABEL, WORKFLOW_STATUSES],
    ['COMMAND_LABEL', COMMAND_LABEL, COMMAND_TYPES],
    ['ROLE_LABEL', ROLE_LABEL, ROLES],
    ['CLOSE_REASON_LABEL', CLOSE_REASON_LABEL, CLOSE_REASONS],
  ] as const)('%s names every value once, in Russian', (_name, labels, keys) => {
    expect(Object.keys(labels).sort()).toEqual([...keys].sort());
    const words = Object.values(labels) as string[];
    for (const w of words) expect(w).toMatch(RUSSIAN);
    expect(new Set(words).size).toBe(words.length);
  });

  it('the journal names every event', () => {
    for (const w of Object.values(EVENT_LABEL)) expect(w).toMatch(RUSSIAN);
  });
});

describe('the policy tables', () => {
  it('the wall and the admin issue nothing; no command lives in a terminal status except reopen', () => {
    for (const type of COMMAND_TYPES) {
      expect(ROLE_COMMANDS[type]).not.toContain('wall');
      expect(ROLE_COMMANDS[type]).not.toContain('admin');
      const terminal = COMMAND_STATUSES[type].filter((s) => TERMINAL_STATUSES.includes(s));
      expect(terminal.length === 0 || type === 'reopen').toBe(true);
    }
    expect(COMMAND_STATUSES.reopen).not.toContain('published');
  });

  it('the supervisor may do everything an operator or a controller may', () => {
    for (const type of COMMAND_TYPES) {
      const roles = ROLE_COMMANDS[type];
      if (roles.includes('operator') || roles.includes('controller')) expect(roles).toContain('supervisor');
    }
  });
});

describe('the state schema', () => {
  it('accepts the initial state and rejects broken invariants', () => {
    const s = initialWorkflowState({ incidentId: INCIDENT });
    expect(IncidentWorkflowStateSchema.parse(s)).toEqual(s);
    const routed = new Flow().routed('dep-roads').state;
    const bad = (x: unknown) => IncidentWorkflowStateSchema.safeParse(x).success;
    expect(
      bad({ ...routed, routing: { mainDepartmentId: 'dep-roads', coDepartmentIds: ['dep-roads'] } }),
    ).toBe(false);
    expect(bad({ ...routed, version: -1 })).toBe(false);
    expect(bad({ ...routed, status: 'coexecutors', draft: null })).toBe(false);
    const approved = new Flow().approved().state;
    expect(bad({ ...approved, draft: { ...(approved as { draft: object }).draft, text: ' ' } })).toBe(false);
    expect(
      bad({
        ...s,
        status: 'interim-published',
        routing: { mainDepartmentId: 'd', coDepartmentIds: [] },
        parts: [],
      }),
    ).toBe(false);
  });

  it('checks the review level against the profile’s chain', () => {
    const f = new Flow(stavropol).inReview().step(A.controller, 'approve');
    expect(workflowStateSchemaFor(stavropol).safeParse(f.state).success).toBe(true);
    expect(workflowStateSchemaFor(novorossiysk).safeParse(f.state).success).toBe(false);
  });
});

describe('evolve', () => {
  const f = new Flow().routed();
  const [classified, routed] = f.events as [WorkflowEvent, WorkflowEvent];
  const initial = initialWorkflowState({ incidentId: INCIDENT });

  it('refuses a version gap, another incident’s event, or an event the status cannot take', () => {
    expect(() => evolve(initial, routed)).toThrow(WorkflowReplayError);
    expect(() => evolve(initial, { ...classified, incidentId: 'other' })).toThrow(WorkflowReplayError);
    const approve: WorkflowEvent = {
      type: 'approved',
      incidentId: INCIDENT,
      version: 1,
      at: 0,
      actor: A.controller,
      levelId: 'controller',
      levelIndex: 0,
      nextLevelId: null,
    };
    expect(() => evolve(initial, approve)).toThrow(/cannot follow status «new»/);
  });
});
