import { assertNever } from '../assert';
import type { RegulationProfile } from '../regulations';
import {
  initialWorkflowState,
  ROLE_LABEL,
  RoleSchema,
  STATUS_LABEL,
  type WorkflowEvent,
  type WorkflowEventType,
} from '../workflow';
import type { ReportDepartment, ReportIncident, ReportUser } from './input';
import type { Holder } from './schema';
import { stateAfter } from './replay';

export type Directory = {
  profile: RegulationProfile;
  departments: ReadonlyMap<string, ReportDepartment>;
  users: ReadonlyMap<string, ReportUser>;
};

const MCU = 'МЦУ';
const OPERATOR_STEPS: readonly WorkflowEventType[] = [
  'classified',
  'routed',
  'closed-no-answer',
  'repeat-linked',
];

function nameOf(dir: Directory, userId: string): string {
  return dir.users.get(userId)?.displayName ?? userId;
}

function departmentName(dir: Directory, id: string): string {
  return dir.departments.get(id)?.name ?? id;
}

function responsibleOf(dir: Directory, departmentId: string): ReportUser | undefined {
  return [...dir.users.values()].find((u) => u.departmentId === departmentId && u.role === 'department-head');
}

/**
 * Who held the incident at instant `t` (Ставрополь p.23; Ухта p.20: the report names who broke the rules),
 * read from the workflow log, whose every event carries its actor (the audit records the same):
 *
 * - new or returned as misrouted: МЦУ, the operator who took the next step (classified, routed, closed it);
 * - at a department (routed, drafting, rework, waiting for the final answer): the department, and the executor
 *   who last saved the draft by then, else the department's responsible person (Новороссийск p.6);
 * - waiting for co-executors, for the co-executors' stage: the departments whose part was missing;
 * - in review: the approval level, and the reviewer who decided it next;
 * - approved: МЦУ, the operator who published it.
 */
export function holderAt(
  incident: ReportIncident,
  events: readonly WorkflowEvent[],
  t: number,
  stageId: string,
  dir: Directory,
): Holder {
  const before = events.filter((e) => e.at <= t);
  const after = events.filter((e) => e.at > t);
  const state =
    stateAfter(incident.id, incident.importance, before) ??
    initialWorkflowState({ incidentId: incident.id, importance: incident.importance });
  const statusLabel = STATUS_LABEL[state.status];
  const nextBy = (types: readonly WorkflowEventType[]) => after.find((e) => types.includes(e.type));
  const mcu = (types: readonly WorkflowEventType[], basis: string): Holder => {
    const next = nextBy(types);
    return {
      unit: MCU,
      role: 'operator',
      roleLabel: ROLE_LABEL.operator,
      personName: next ? nameOf(dir, next.actor.userId) : null,
      basis: next ? basis : 'шаг не выполнен',
      statusLabel,
    };
  };

  switch (state.status) {
    case 'new':
    case 'returned':
      return mcu(OPERATOR_STEPS, 'выполнил следующий шаг');
    case 'approved':
      return mcu(['published'], 'опубликовал ответ');
    case 'coexecutors':
    case 'routed':
    case 'drafting':
    case 'rework':
    case 'interim-published':
    case 'postponed': {
      if (state.status === 'coexecutors' && stageId === 'coexecutors') {
        const missing = state.routing.coDepartmentIds.filter(
          (d) => !state.parts.some((p) => p.departmentId === d),
        );
        return {
          unit: missing.map((d) => departmentName(dir, d)).join('; '),
          role: 'executor',
          roleLabel: 'Соисполнитель',
          personName: null,
          basis: 'информация соисполнителя не поступила',
          statusLabel,
        };
      }
      const dep = state.routing.mainDepartmentId;
      const draft = 'draft' in state ? state.draft : null;
      if (draft) {
        return {
          unit: departmentName(dir, dep),
          role: 'executor',
          roleLabel: ROLE_LABEL.executor,
          personName: nameOf(dir, draft.savedBy),
          basis: 'автор проекта ответа',
          statusLabel,
        };
      }
      const head = responsibleOf(dir, dep);
      return {
        unit: departmentName(dir, dep),
        role: 'department-head',
        roleLabel: ROLE_LABEL['department-head'],
        personName: head?.displayName ?? null,
        basis: head ? 'ответственный подразделения, проект ответа не начат' : 'ответственный не назначен',
        statusLabel,
      };
    }
    case 'in-review': {
      const level = dir.profile.approvalChain[state.levelIndex];
      const role = RoleSchema.safeParse(level?.role);
      const next = nextBy(['approved', 'returned-for-rework']);
      return {
        unit: level?.title ?? state.levelId,
        role: role.success ? role.data : null,
        roleLabel: role.success ? ROLE_LABEL[role.data] : (level?.title ?? state.levelId),
        personName: next ? nameOf(dir, next.actor.userId) : null,
        basis: next ? 'принял решение по согласованию' : 'решение не принято',
        statusLabel,
      };
    }
    case 'published':
    case 'closed-no-answer':
    case 'closed-repeat':
      return {
        unit: MCU,
        role: null,
        roleLabel: '—',
        personName: null,
        basis: 'работа завершена',
        statusLabel,
      };
    default:
      return assertNever(state);
  }
}

/** Who did the step that finished a stage at `doneAt` (the last event at that instant). */
export function completedBy(events: readonly WorkflowEvent[], doneAt: number, dir: Directory): string | null {
  const e = events.filter((x) => x.at === doneAt).at(-1);
  return e ? nameOf(dir, e.actor.userId) : null;
}
