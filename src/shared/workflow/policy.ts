import { assertNever } from '../assert';
import { type ApprovalLevel, type RegulationProfile } from '../regulations';
import { type CommandType } from './commands';
import { actsForDepartment, type DepartmentDirectory } from './directory';
import { COMMAND_LABEL, ROLE_LABEL, STATUS_LABEL } from './labels';
import { reject, type RejectReason } from './reasons';
import { type Actor, type Role } from './roles';
import { OPEN_STATUSES, type IncidentWorkflowState, type WorkflowStatus } from './state';

/**
 * Who may issue what, and when. `guard` checks everything that does not depend on the command's payload:
 * the role, the status, the department and the approval level. `decide` runs it first and then the payload
 * rules; `allowedCommands` runs only it, so the UI offers exactly the commands `decide` may accept.
 */

/**
 * Roles per command. The supervisor (руководитель МЦУ) may do everything an operator or a controller may;
 * the department head everything its executors may (plus department approval levels); the admin and the wall
 * nothing (see `roles.ts`).
 */
export const ROLE_COMMANDS: Readonly<Record<CommandType, readonly Role[]>> = {
  // Новороссийск p.4 (оператор: тема, локация); Ставрополь p.9.1 (тематика, локация, категория важности).
  classify: ['operator', 'supervisor'],
  // Новороссийск p.8 (контролер распределяет); Ставрополь p.9.2 (отдел приема); Ухта p.8 (Исполнитель).
  route: ['operator', 'controller', 'supervisor'],
  // Ставрополь p.10; Ухта p.9: the department returns what is not its competence.
  'return-misrouted': ['executor', 'department-head'],
  // Новороссийск p.9; Ставрополь p.12; Ухта p.10: the department prepares the answer.
  'save-draft': ['executor', 'department-head'],
  // Новороссийск p.16; Ставрополь p.18; Ухта p.16: each co-executor sends its part.
  'submit-part': ['executor', 'department-head'],
  // Ставрополь p.18 (основной исполнитель готовит общий ответ); Новороссийск p.16; Ухта p.16.
  'compile-summary': ['executor', 'department-head'],
  // Новороссийск p.9; Ставрополь p.12; Ухта p.10.
  'send-for-review': ['executor', 'department-head'],
  // Новороссийск p.10; Ставрополь p.13; Ухта p.11. Which of these may decide depends on the level.
  approve: ['controller', 'department-head', 'supervisor'],
  'return-for-rework': ['controller', 'department-head', 'supervisor'],
  // Новороссийск p.13; Ставрополь p.14; Ухта p.14.
  publish: ['operator', 'supervisor'],
  // Новороссийск p.9: the new date is agreed with the controller.
  'agree-postponement': ['controller', 'supervisor'],
  // Новороссийск p.18; Ставрополь p.22; Ухта p.18: the operator sees the message first.
  'close-no-answer': ['operator', 'supervisor'],
  // Ухта p.17 (Исполнитель, i.e. the operator); Ставрополь p.19.
  'link-repeat': ['operator', 'supervisor'],
  // A product rule: only the head of the МЦУ overrides a closure.
  reopen: ['supervisor'],
};

/** Statuses per command. */
export const COMMAND_STATUSES: Readonly<Record<CommandType, readonly WorkflowStatus[]>> = {
  classify: OPEN_STATUSES,
  // Re-routing is possible until the department starts writing (a wrong co-executor, a returned message).
  route: ['new', 'returned', 'routed', 'coexecutors'],
  'return-misrouted': ['routed', 'coexecutors', 'drafting'],
  'save-draft': ['routed', 'coexecutors', 'drafting', 'rework', 'interim-published', 'postponed'],
  'submit-part': ['coexecutors'],
  'compile-summary': ['coexecutors'],
  'send-for-review': ['drafting', 'rework'],
  approve: ['in-review'],
  'return-for-rework': ['in-review'],
  publish: ['approved'],
  // Новороссийск p.9: the author «по которому был дан ответ» is told the new date: after an interim answer.
  'agree-postponement': ['interim-published', 'postponed'],
  'close-no-answer': [
    'new',
    'returned',
    'routed',
    'coexecutors',
    'drafting',
    'rework',
    'in-review',
    'approved',
  ],
  'link-repeat': ['new', 'returned'],
  reopen: ['closed-no-answer', 'closed-repeat'],
};

/** Approval-level roles (`ApprovalLevel.role`) decided inside the routed department by its head. */
export const DEPARTMENT_LEVEL_ROLES: readonly string[] = ['department', 'department-head'];

/**
 * Who decides at an approval level. A department level: the main department's head. Any other level is the
 * МЦУ's (`controller`, `mcu`, `cur`…): its controllers and supervisor decide, and record the decision of a
 * body outside the product (ЦУР, Ставрополь p.13).
 */
export function levelDeciders(level: ApprovalLevel): readonly Role[] {
  return DEPARTMENT_LEVEL_ROLES.includes(level.role) ? ['department-head'] : ['controller', 'supervisor'];
}

export type GuardContext = {
  profile: RegulationProfile;
  actor: Actor;
  /** Null when the directory is not at hand: the actor's home department then stands for membership. */
  departments: DepartmentDirectory | null;
  now: number;
};

export function actsFor(ctx: GuardContext, departmentId: string): boolean {
  return ctx.departments
    ? actsForDepartment(ctx.departments, departmentId, ctx.actor, ctx.now)
    : ctx.actor.departmentId === departmentId;
}

const NOT_YOURS = 'Сообщение направлено не в ваше подразделение';

/** The payload-independent checks of a command of `type` on `state`; null when they pass. */
export function guard(
  state: IncidentWorkflowState,
  type: CommandType,
  ctx: GuardContext,
): RejectReason | null {
  const { role } = ctx.actor;
  if (role === 'wall') return reject('read-only', 'Экран только показывает очередь: действия недоступны');
  if (role === 'admin') {
    return reject(
      'role-forbidden',
      'Администратор управляет пользователями и не выполняет шаги работы с сообщением: войдите под пользователем с нужной ролью',
    );
  }
  if (!ROLE_COMMANDS[type].includes(role)) {
    return reject(
      'role-forbidden',
      `Роль «${ROLE_LABEL[role]}» не может выполнить действие «${COMMAND_LABEL[type]}»`,
    );
  }
  if (state.status === 'published') {
    return reject(
      'terminal',
      'Ответ опубликован, работа с сообщением завершена. Новое сообщение автора отметьте как повторное.',
    );
  }
  if ((state.status === 'closed-no-answer' || state.status === 'closed-repeat') && type !== 'reopen') {
    return reject('terminal', 'Сообщение закрыто. Возобновить работу может руководитель МЦУ.');
  }
  if (!COMMAND_STATUSES[type].includes(state.status)) {
    return reject(
      'wrong-status',
      `Действие «${COMMAND_LABEL[type]}» недоступно в статусе «${STATUS_LABEL[state.status]}»`,
    );
  }
  return statusGuard(state, type, ctx);
}

function statusGuard(
  state: IncidentWorkflowState,
  type: CommandType,
  ctx: GuardContext,
): RejectReason | null {
  switch (type) {
    case 'classify':
    case 'publish':
    case 'agree-postponement':
    case 'link-repeat':
    case 'reopen':
      return null;
    case 'route':
      // Новороссийск p.4, 8: topic and location are set before the message is distributed.
      return state.classification
        ? null
        : reject('not-classified', 'Сначала укажите тему и локацию сообщения', 'Новороссийск p.4');
    case 'return-misrouted': {
      if (!('routing' in state)) return null;
      if (state.interim) return answeredAlready();
      const deps = [state.routing.mainDepartmentId, ...state.routing.coDepartmentIds];
      return deps.some((d) => actsFor(ctx, d)) ? null : reject('not-your-department', NOT_YOURS);
    }
    case 'save-draft':
    case 'send-for-review':
    case 'compile-summary': {
      if (!('routing' in state)) return null;
      if (!actsFor(ctx, state.routing.mainDepartmentId)) {
        return reject(
          'not-your-department',
          'Ответ готовит основной исполнитель: ' + NOT_YOURS.toLowerCase(),
        );
      }
      if (type === 'send-for-review' && 'draft' in state && state.draft && state.draft.text.trim() === '') {
        return reject('draft-empty', 'Проект ответа пуст: напишите ответ перед отправкой на согласование');
      }
      if (type === 'compile-summary') {
        const have = new Set(state.parts.map((p) => p.departmentId));
        const missing = state.routing.coDepartmentIds.filter((d) => !have.has(d));
        if (missing.length > 0) {
          return reject(
            'parts-missing',
            `Сводный ответ формируется после информации всех соисполнителей: не получено ${missing.length}`,
            'Новороссийск p.16; Ставрополь p.18; Ухта p.16',
          );
        }
      }
      return null;
    }
    case 'submit-part':
      if (!('routing' in state)) return null;
      return state.routing.coDepartmentIds.some((d) => actsFor(ctx, d))
        ? null
        : reject('not-your-department', 'Ваше подразделение не является соисполнителем по сообщению');
    case 'approve':
    case 'return-for-rework': {
      if (state.status !== 'in-review') return null;
      const level = ctx.profile.approvalChain[state.levelIndex];
      if (!level || level.id !== state.levelId) {
        return reject('wrong-status', 'Уровень согласования не найден в профиле регламента');
      }
      if (!levelDeciders(level).includes(ctx.actor.role)) {
        return reject(
          'level-forbidden',
          `На уровне «${level.title}» решение принимает не роль «${ROLE_LABEL[ctx.actor.role]}»`,
          level.clause,
        );
      }
      if (DEPARTMENT_LEVEL_ROLES.includes(level.role) && !actsFor(ctx, state.routing.mainDepartmentId)) {
        return reject('not-your-department', NOT_YOURS, level.clause);
      }
      return null;
    }
    case 'close-no-answer':
      return state.interim ? answeredAlready() : null;
    default:
      return assertNever(type);
  }
}

function answeredAlready(): RejectReason {
  return reject(
    'answer-already-published',
    'Автору уже дан промежуточный ответ: сообщение ведется до окончательного ответа',
    'Новороссийск p.15; Ухта p.15',
  );
}
