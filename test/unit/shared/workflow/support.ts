import { expect } from 'vitest';
import novorossiyskJson from '../../../../resources/regulations/novorossiysk.json';
import stavropolJson from '../../../../resources/regulations/stavropol.json';
import ukhtaJson from '../../../../resources/regulations/ukhta.json';
import { parseProfile, type RegulationProfile } from '../../../../src/shared/regulations';
import {
  actsForDepartment,
  decide,
  initialWorkflowState,
  type Actor,
  type Command,
  type CommandOf,
  type CommandType,
  type Decision,
  type DepartmentDirectory,
  type IncidentWorkflowState,
  type WorkflowEvent,
} from '../../../../src/shared/workflow';

export const novorossiysk: RegulationProfile = parseProfile(novorossiyskJson);
export const stavropol: RegulationProfile = parseProfile(stavropolJson);
export const ukhta: RegulationProfile = parseProfile(ukhtaJson);
/** Novorossiysk with the department head approving before the controller (a custom chain). */
export const withDepartmentLevel: RegulationProfile = parseProfile({
  ...novorossiyskJson,
  id: 'novorossiysk-department',
  name: 'Новороссийск с согласованием в подразделении',
  approvalChain: [
    {
      id: 'department',
      title: 'Руководитель подразделения',
      role: 'department-head',
      minutes: 30,
      clause: 'custom',
    },
    ...novorossiyskJson.approvalChain,
  ],
});
export const PROFILES = { novorossiysk, stavropol, ukhta, withDepartmentLevel } as const;

const MIN = 60_000;
/** Monday 2 March 2026, 09:00 UTC. */
export const T0 = Date.UTC(2026, 2, 2, 9, 0);
export const minutes = (n: number) => n * MIN;

/** u-sub stands in for the absent u-exec-roads in this window (Новороссийск p.6). */
export const SUBSTITUTION = { from: T0 - 24 * 60 * MIN, until: T0 + 30 * 24 * 60 * MIN };

export const DIRECTORY: DepartmentDirectory = {
  departments: [
    {
      id: 'dep-roads',
      name: 'Управление дорожного хозяйства',
      responsibleUserIds: ['u-head-roads'],
      executorUserIds: ['u-exec-roads'],
      substitutions: [{ absentUserId: 'u-exec-roads', substituteUserId: 'u-sub', ...SUBSTITUTION }],
    },
    {
      id: 'dep-zhkh',
      name: 'Управление ЖКХ',
      responsibleUserIds: ['u-head-zhkh'],
      executorUserIds: ['u-exec-zhkh'],
      substitutions: [],
    },
    {
      id: 'dep-blago',
      name: 'Управление благоустройства',
      responsibleUserIds: ['u-head-blago'],
      executorUserIds: ['u-exec-blago'],
      substitutions: [],
    },
    {
      id: 'dep-edu',
      name: 'Управление образования',
      responsibleUserIds: ['u-head-edu'],
      executorUserIds: ['u-exec-edu', 'u-sub'],
      substitutions: [],
    },
  ],
};

const person = (userId: string, role: Actor['role'], departmentId: string | null = null): Actor => ({
  userId,
  role,
  departmentId,
});

export const A = {
  operator: person('u-op', 'operator'),
  controller: person('u-ctl', 'controller'),
  supervisor: person('u-sup', 'supervisor'),
  admin: person('u-admin', 'admin'),
  wall: person('u-wall', 'wall'),
  execRoads: person('u-exec-roads', 'executor', 'dep-roads'),
  headRoads: person('u-head-roads', 'department-head', 'dep-roads'),
  execZhkh: person('u-exec-zhkh', 'executor', 'dep-zhkh'),
  headZhkh: person('u-head-zhkh', 'department-head', 'dep-zhkh'),
  execBlago: person('u-exec-blago', 'executor', 'dep-blago'),
  headBlago: person('u-head-blago', 'department-head', 'dep-blago'),
  execEdu: person('u-exec-edu', 'executor', 'dep-edu'),
  /** Works in education; stands in for the absent roads executor. */
  substitute: person('u-sub', 'executor', 'dep-edu'),
  /** Claims the roads department, but the directory lists them in ЖКХ. */
  forged: person('u-exec-zhkh', 'executor', 'dep-roads'),
} as const satisfies Record<string, Actor>;

export const INCIDENT = 'inc-1';

export function newIncident(over: Partial<IncidentWorkflowState> = {}): IncidentWorkflowState {
  return { ...initialWorkflowState({ incidentId: INCIDENT }), ...over } as IncidentWorkflowState;
}

type PayloadOf<T extends CommandType> = Omit<
  CommandOf<T>,
  'type' | 'incidentId' | 'actor' | 'expectedStatus' | 'expectedVersion'
>;

/** A command as the card would send it: addressed to `state` as the actor sees it. */
export function command<T extends CommandType>(
  state: IncidentWorkflowState,
  actor: Actor,
  type: T,
  payload: PayloadOf<T>,
): Command {
  return {
    type,
    incidentId: state.incidentId,
    actor,
    expectedStatus: state.status,
    expectedVersion: state.version,
    ...payload,
  } as Command;
}

/** A valid payload of `type` for `actor` on `state` (what a person would type in). */
export function samplePayload(
  type: CommandType,
  state: IncidentWorkflowState,
  actor: Actor,
  now: number,
): PayloadOf<CommandType> {
  switch (type) {
    case 'classify':
      return { topic: 'Дороги', location: 'ул. Ленина, 10', importance: state.importance };
    case 'route': {
      // Ухта p.9: not back to the department that returned it.
      const returnedBy = state.status === 'returned' ? state.lastReturn.departmentId : null;
      return {
        mainDepartmentId: returnedBy === 'dep-roads' ? 'dep-blago' : 'dep-roads',
        coDepartmentIds: [],
      };
    }
    case 'return-misrouted': {
      const deps =
        'routing' in state ? [state.routing.mainDepartmentId, ...state.routing.coDepartmentIds] : [];
      const mine = deps.find((d) => actsForDepartment(DIRECTORY, d, actor, now)) ?? deps[0] ?? 'dep-roads';
      return { departmentId: mine, reason: 'Вопрос не относится к компетенции подразделения' };
    }
    case 'save-draft':
      return { text: 'Уважаемая Анна! Яму заделают до 20 марта.', kind: 'final', attachmentIds: [] };
    case 'submit-part': {
      const co = 'routing' in state ? state.routing.coDepartmentIds : [];
      const mine = co.find((d) => actsForDepartment(DIRECTORY, d, actor, now)) ?? co[0] ?? 'dep-zhkh';
      return { departmentId: mine, text: 'Подрядчик выйдет на объект 10 марта.', attachmentIds: [] };
    }
    case 'compile-summary':
      return { text: 'Сводный ответ по всем вопросам сообщения.', kind: 'final', attachmentIds: [] };
    case 'send-for-review':
    case 'approve':
      return {};
    case 'return-for-rework':
      return { criteria: [], comment: 'Не указан срок ремонта' };
    case 'publish':
      return { url: 'https://vk.com/wall-1_100?reply=1' };
    case 'agree-postponement':
      return { until: now + minutes(7 * 24 * 60), authorInformed: true };
    case 'close-no-answer':
      return { reason: 'obscene', comment: '' };
    case 'link-repeat':
      return {
        earlierIncidentId: 'inc-0',
        earlierAnswerUrl: 'https://vk.com/wall-1_50?reply=2',
        newFacts: false,
        routing: null,
      };
    case 'reopen':
      return { reason: 'Закрыт ошибочно' };
  }
}

/**
 * An incident worked step by step: each `do` must be accepted; the log and the clock time are kept, and every
 * `next` is checked against the replay of the log.
 */
export class Flow {
  state: IncidentWorkflowState;
  readonly events: WorkflowEvent[] = [];
  now: number;
  directory: DepartmentDirectory = DIRECTORY;

  constructor(
    readonly profile: RegulationProfile = novorossiysk,
    state: IncidentWorkflowState = newIncident(),
    now = T0,
  ) {
    this.state = state;
    this.now = now;
  }

  try<T extends CommandType>(actor: Actor, type: T, payload: PayloadOf<T>): Decision {
    return decide(this.state, command(this.state, actor, type, payload), {
      profile: this.profile,
      actor,
      now: this.now,
      departments: this.directory,
    });
  }

  do<T extends CommandType>(actor: Actor, type: T, payload: PayloadOf<T>): this {
    const d = this.try(actor, type, payload);
    if (!d.ok) throw new Error(`${type} by ${actor.userId} rejected: ${d.reason.code} ${d.reason.message}`);
    this.state = d.next;
    this.events.push(...d.events);
    this.now += minutes(5);
    return this;
  }

  /** `do` with the sample payload, for steps the test is not about. */
  step(actor: Actor, type: CommandType): this {
    return this.do(actor, type, samplePayload(type, this.state, actor, this.now) as never);
  }

  rejects<T extends CommandType>(actor: Actor, type: T, payload: PayloadOf<T>, code: string): this {
    const before = structuredClone(this.state);
    const d = this.try(actor, type, payload);
    expect(d.ok, `${type} by ${actor.userId} should be rejected with ${code}`).toBe(false);
    if (!d.ok) {
      expect(d.reason.code).toBe(code);
      expect(d.reason.message).toMatch(/[А-Яа-яЁё]/);
    }
    expect(this.state).toEqual(before);
    return this;
  }

  // Common journeys.
  classified(): this {
    return this.step(A.operator, 'classify');
  }
  routed(main = 'dep-roads', co: string[] = []): this {
    return this.classified().do(A.operator, 'route', { mainDepartmentId: main, coDepartmentIds: co });
  }
  drafted(kind: 'final' | 'interim' = 'final'): this {
    return this.routed().do(A.execRoads, 'save-draft', {
      text:
        kind === 'final'
          ? 'Уважаемая Анна! Яму заделают до 20 марта.'
          : 'Вопрос на контроле, ответим до 20 марта.',
      kind,
      attachmentIds: [],
    });
  }
  inReview(kind: 'final' | 'interim' = 'final'): this {
    return this.drafted(kind).step(A.execRoads, 'send-for-review');
  }
  /** Approved at every level of the chain by the controller. */
  approved(kind: 'final' | 'interim' = 'final'): this {
    this.inReview(kind);
    while (this.state.status === 'in-review') this.step(this.deciderOfLevel(), 'approve');
    return this;
  }
  deciderOfLevel(): Actor {
    if (this.state.status !== 'in-review') throw new Error('not in review');
    const level = this.profile.approvalChain[this.state.levelIndex]!;
    return level.role === 'department-head' ? A.headRoads : A.controller;
  }
}
