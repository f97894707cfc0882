import { describe, expect, it } from 'vitest';
import {
  allowedCommands,
  COMMAND_TYPES,
  decide,
  ROLES,
  type Actor,
  type CommandType,
  type IncidentWorkflowState,
  type Role,
} from '../../../../src/shared/workflow';
import {
  A,
  command,
  DIRECTORY,
  Flow,
  novorossiysk,
  samplePayload,
  stavropol,
  withDepartmentLevel,
} from './support';

/**
 * The role policy, one row per command, in the state where the command applies. `+` allowed, `.` denied.
 * The executor and the department head are those of the department the command concerns (for submit-part,
 * the co-executor department).
 */
const MATRIX = `
                     operator controller executor department-head supervisor admin wall
classify                 +        .         .          .              +        .    .
route                    +        +         .          .              +        .    .
return-misrouted         .        .         +          +              .        .    .
save-draft               .        .         +          +              .        .    .
submit-part              .        .         +          +              .        .    .
compile-summary          .        .         +          +              .        .    .
send-for-review          .        .         +          +              .        .    .
approve                  .        +         .          .              +        .    .
return-for-rework        .        +         .          .              +        .    .
publish                  +        .         .          .              +        .    .
agree-postponement       .        +         .          .              +        .    .
close-no-answer          +        .         .          .              +        .    .
link-repeat              +        .         .          .              +        .    .
reopen                   .        .         .          .              +        .    .
`;

function parseMatrix(text: string): Map<CommandType, Map<Role, boolean>> {
  const [header, ...rows] = text.trim().split('\n');
  const roles = header!.trim().split(/\s+/) as Role[];
  expect([...roles].sort()).toEqual([...ROLES].sort());
  const out = new Map<CommandType, Map<Role, boolean>>();
  for (const row of rows) {
    const [type, ...cells] = row.trim().split(/\s+/);
    out.set(type as CommandType, new Map(roles.map((r, i) => [r, cells[i] === '+'])));
  }
  expect([...out.keys()].sort()).toEqual([...COMMAND_TYPES].sort());
  return out;
}

const expected = parseMatrix(MATRIX);

/** A state where each command applies, reached through the workflow itself. */
const REPRESENTATIVE: Record<CommandType, () => Flow> = {
  classify: () => new Flow(),
  route: () => new Flow().classified(),
  'return-misrouted': () => new Flow().routed('dep-roads'),
  'save-draft': () => new Flow().routed('dep-roads'),
  'submit-part': () => new Flow().routed('dep-zhkh', ['dep-roads']),
  'compile-summary': () => new Flow().routed('dep-roads', ['dep-zhkh']).step(A.execZhkh, 'submit-part'),
  'send-for-review': () => new Flow().drafted(),
  approve: () => new Flow().inReview(),
  'return-for-rework': () => new Flow().inReview(),
  publish: () => new Flow().approved(),
  'agree-postponement': () => new Flow().approved('interim').step(A.operator, 'publish'),
  'close-no-answer': () => new Flow().routed(),
  'link-repeat': () => new Flow().classified(),
  reopen: () => new Flow().routed().step(A.operator, 'close-no-answer'),
};

const ACTOR_OF_ROLE: Record<Role, Actor> = {
  operator: A.operator,
  controller: A.controller,
  executor: A.execRoads,
  'department-head': A.headRoads,
  supervisor: A.supervisor,
  admin: A.admin,
  wall: A.wall,
};

function accepts(f: Flow, actor: Actor, type: CommandType): boolean {
  return decide(f.state, command(f.state, actor, type, samplePayload(type, f.state, actor, f.now) as never), {
    profile: f.profile,
    actor,
    now: f.now,
    departments: DIRECTORY,
  }).ok;
}

describe('role × command matrix', () => {
  for (const type of COMMAND_TYPES) {
    for (const role of ROLES) {
      const allowed = expected.get(type)!.get(role)!;
      it(`${type} by ${role}: ${allowed ? 'allowed' : 'denied'}`, () => {
        const f = REPRESENTATIVE[type]();
        const actor = ACTOR_OF_ROLE[role];
        const listed = allowedCommands(f.state, actor, f.profile, { departments: DIRECTORY, now: f.now });
        expect(listed.includes(type)).toBe(allowed);
        expect(accepts(f, actor, type)).toBe(allowed);
      });
    }
  }
});

describe('allowedCommands agrees with decide in every state, for every person', () => {
  const states: Array<[string, () => Flow]> = [
    ...Object.entries(REPRESENTATIVE),
    ['returned', () => new Flow().routed('dep-roads').step(A.execRoads, 'return-misrouted')],
    ['rework', () => new Flow().inReview().step(A.controller, 'return-for-rework')],
    ['postponed', () => REPRESENTATIVE['agree-postponement']().step(A.controller, 'agree-postponement')],
    ['published', () => new Flow().approved().step(A.operator, 'publish')],
    ['closed-repeat', () => new Flow().step(A.operator, 'link-repeat')],
    ['Ставрополь, second level', () => new Flow(stavropol).inReview().step(A.controller, 'approve')],
    ['department level', () => new Flow(withDepartmentLevel).inReview()],
    [
      'Новороссийск, after interim',
      () => REPRESENTATIVE['agree-postponement']().step(A.execRoads, 'save-draft'),
    ],
  ];
  it.each(states)('%s', (_name, make) => {
    const f = make();
    for (const actor of Object.values(A)) {
      const listed = allowedCommands(f.state, actor, f.profile, { departments: DIRECTORY, now: f.now });
      for (const type of COMMAND_TYPES) {
        expect(accepts(f, actor, type), `${type} by ${actor.userId} in ${f.state.status}`).toBe(
          listed.includes(type),
        );
      }
    }
  });

  it('shows the operator what to do with a new incident, and the wall nothing', () => {
    const f = new Flow(novorossiysk);
    expect(allowedCommands(f.state, A.operator, novorossiysk)).toEqual([
      'classify',
      'close-no-answer',
      'link-repeat',
    ]);
    const states: IncidentWorkflowState[] = [f.state, new Flow().approved().state];
    for (const s of states) expect(allowedCommands(s, A.wall, novorossiysk)).toEqual([]);
  });

  it('without the directory, the home department stands for membership', () => {
    const f = new Flow().routed('dep-roads');
    expect(allowedCommands(f.state, A.execRoads, novorossiysk)).toEqual(['return-misrouted', 'save-draft']);
    expect(allowedCommands(f.state, A.execZhkh, novorossiysk)).toEqual([]);
  });
});
