import { z } from 'zod';
import { assertNever } from '../assert';
import { type RegulationProfile } from '../regulations';
import { CommandSchema, type Command, type CommandOf, type RoutingInput } from './commands';
import { findDepartment, type DepartmentDirectory } from './directory';
import { type WorkflowEvent } from './events';
import { evolve } from './evolve';
import { actsFor, guard, type GuardContext } from './policy';
import { reject, type RejectReason } from './reasons';
import { sameActor, type Actor } from './roles';
import { type IncidentWorkflowState, type StateOf } from './state';

export type DecideContext = {
  profile: RegulationProfile;
  /** The signed-in person (the session), which the command's own `actor` must match. */
  actor: Actor;
  /** Epoch ms: the time of the events, and of the substitutions in force. */
  now: number;
  departments: DepartmentDirectory;
};

export type Decision =
  { ok: true; events: WorkflowEvent[]; next: IncidentWorkflowState } | { ok: false; reason: RejectReason };

/**
 * The workflow's one decision: may `command` happen to `state`, and if so, what happens. Pure and total: an
 * illegal or malformed command is rejected with a reason and yields no event, so nothing is ever half-applied.
 * An accepted command yields exactly one event, and `next` is `evolve(state, event)`.
 *
 * Order of the checks: the payload's shape; the command's actor against the session; the incident, status
 * and version the issuer saw (`stale`); then the role, status, department and level (`guard`, shared with
 * `allowedCommands`); then the payload's rules.
 */
export function decide(state: IncidentWorkflowState, command: Command, ctx: DecideContext): Decision {
  const parsed = CommandSchema.safeParse(command);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    const where = first && first.path.length > 0 ? ` (${first.path.join('.')})` : '';
    return no(reject('invalid-command', `Команда не прошла проверку${where}`));
  }
  const cmd = parsed.data;
  if (!sameActor(cmd.actor, ctx.actor)) {
    return no(reject('actor-mismatch', 'Команда подписана не тем пользователем, который вошел в систему'));
  }
  if (cmd.incidentId !== state.incidentId) {
    return no(reject('wrong-incident', 'Команда относится к другому сообщению'));
  }
  if (cmd.expectedStatus !== state.status || cmd.expectedVersion !== state.version) {
    return no(
      reject('stale', 'Сообщение уже изменено другим пользователем: обновите карточку и повторите действие'),
    );
  }
  const g: GuardContext = ctx;
  const denied = guard(state, cmd.type, g);
  if (denied) return no(denied);

  const made = makeEvent(state, cmd, g);
  if ('code' in made) return no(made);
  const event: WorkflowEvent = {
    ...made,
    incidentId: state.incidentId,
    version: state.version + 1,
    at: ctx.now,
    actor: ctx.actor,
  } as WorkflowEvent;
  return { ok: true, events: [event], next: evolve(state, event) };
}

function no(reason: RejectReason): Decision {
  return { ok: false, reason };
}

type Payload = DistributiveOmit<WorkflowEvent, 'incidentId' | 'version' | 'at' | 'actor'>;
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

const HttpUrl = z.url({ protocol: /^https?$/ });

function isBlank(s: string): boolean {
  return s.trim() === '';
}

/** The payload rules of an already guarded command, and the event it makes. */
function makeEvent(state: IncidentWorkflowState, cmd: Command, ctx: GuardContext): Payload | RejectReason {
  switch (cmd.type) {
    case 'classify': {
      if (isBlank(cmd.topic) || isBlank(cmd.location)) {
        return reject('classification-incomplete', 'Укажите тему и локацию сообщения', 'Новороссийск p.4');
      }
      return {
        type: 'classified',
        topic: cmd.topic.trim(),
        location: cmd.location.trim(),
        importance: cmd.importance,
      };
    }
    case 'route': {
      const routing = { mainDepartmentId: cmd.mainDepartmentId, coDepartmentIds: cmd.coDepartmentIds };
      const bad = checkRouting(routing, state, ctx);
      return bad ?? { type: 'routed', ...routing };
    }
    case 'return-misrouted': {
      const s = state as StateOf<'routed' | 'coexecutors' | 'drafting'>;
      const routed = [s.routing.mainDepartmentId, ...s.routing.coDepartmentIds];
      if (!routed.includes(cmd.departmentId) || !actsFor(ctx, cmd.departmentId)) {
        return reject(
          'not-your-department',
          'Вернуть сообщение может только подразделение, куда оно направлено',
        );
      }
      if (isBlank(cmd.reason)) {
        return reject(
          'reasons-required',
          'Укажите, почему вопрос не относится к компетенции подразделения',
          'Ставрополь p.10',
        );
      }
      return { type: 'returned-misrouted', departmentId: cmd.departmentId, reason: cmd.reason.trim() };
    }
    case 'save-draft': {
      const bad = interimRule(state, cmd.kind);
      return bad ?? { type: 'draft-saved', text: cmd.text, kind: cmd.kind, attachmentIds: cmd.attachmentIds };
    }
    case 'submit-part': {
      const s = state as StateOf<'coexecutors'>;
      if (!s.routing.coDepartmentIds.includes(cmd.departmentId)) {
        return reject('part-not-expected', 'Это подразделение не является соисполнителем по сообщению');
      }
      if (!actsFor(ctx, cmd.departmentId)) {
        return reject('not-your-department', 'Информацию соисполнителя направляет само подразделение');
      }
      if (isBlank(cmd.text)) return reject('text-required', 'Информация соисполнителя пуста');
      const have = new Set([...s.parts.map((p) => p.departmentId), cmd.departmentId]);
      return {
        type: 'part-submitted',
        departmentId: cmd.departmentId,
        text: cmd.text,
        attachmentIds: cmd.attachmentIds,
        allPartsIn: s.routing.coDepartmentIds.every((d) => have.has(d)),
      };
    }
    case 'compile-summary': {
      if (isBlank(cmd.text)) return reject('text-required', 'Сводный ответ пуст');
      const bad = interimRule(state, cmd.kind);
      return (
        bad ?? { type: 'summary-compiled', text: cmd.text, kind: cmd.kind, attachmentIds: cmd.attachmentIds }
      );
    }
    case 'send-for-review':
      // Ставрополь p.13: the chain starts at its first level.
      return { type: 'sent-for-review', levelId: ctx.profile.approvalChain[0]!.id };
    case 'approve': {
      const s = state as StateOf<'in-review'>;
      // Ставрополь p.13: each level passes the draft to the next; the last approval ends the review.
      const next = ctx.profile.approvalChain[s.levelIndex + 1];
      return {
        type: 'approved',
        levelId: s.levelId,
        levelIndex: s.levelIndex,
        nextLevelId: next?.id ?? null,
      };
    }
    case 'return-for-rework': {
      const s = state as StateOf<'in-review'>;
      // Новороссийск p.10 «с указанием причин»; Ставрополь p.15; Ухта p.12.
      if (cmd.criteria.length === 0 && isBlank(cmd.comment)) {
        return reject(
          'reasons-required',
          'Укажите причины возврата: критерии и (или) комментарий',
          'Новороссийск p.10',
        );
      }
      const known = new Set(ctx.profile.criteria.map((c) => c.key));
      const unknown = cmd.criteria.filter((c) => !known.has(c));
      if (unknown.length > 0) {
        return reject('unknown-criterion', `Критерии не входят в регламент: ${unknown.join(', ')}`);
      }
      return {
        type: 'returned-for-rework',
        levelId: s.levelId,
        criteria: [...new Set(cmd.criteria)],
        comment: cmd.comment.trim(),
      };
    }
    case 'publish': {
      const s = state as StateOf<'approved'>;
      if (!HttpUrl.safeParse(cmd.url.trim()).success) {
        return reject('url-invalid', 'Укажите ссылку на опубликованный ответ (http:// или https://)');
      }
      return { type: 'published', url: cmd.url.trim(), kind: s.draft.kind };
    }
    case 'agree-postponement':
      if (!cmd.authorInformed) {
        return reject(
          'author-not-informed',
          'Перенос срока согласуется с уведомлением автора',
          'Новороссийск p.9',
        );
      }
      if (cmd.until <= ctx.now)
        return reject('date-in-past', 'Новый срок должен быть позже текущего момента');
      return { type: 'postponement-agreed', until: cmd.until, authorInformed: true };
    case 'close-no-answer':
      return { type: 'closed-no-answer', reason: cmd.reason, comment: cmd.comment.trim() };
    case 'link-repeat':
      return linkRepeat(state, cmd, ctx);
    case 'reopen':
      if (isBlank(cmd.reason)) return reject('reasons-required', 'Укажите, почему работа возобновляется');
      return { type: 'reopened', reason: cmd.reason.trim() };
    default:
      return assertNever(cmd);
  }
}

/** Only the final answer follows an interim one (Новороссийск p.15; Ставрополь p.17; Ухта p.15). */
function interimRule(state: IncidentWorkflowState, kind: 'final' | 'interim'): RejectReason | null {
  return kind === 'interim' && state.interim
    ? reject(
        'interim-not-allowed',
        'Промежуточный ответ уже опубликован: теперь готовится окончательный ответ',
        'Новороссийск p.15; Ставрополь p.17; Ухта p.15',
      )
    : null;
}

function checkRouting(
  routing: RoutingInput,
  state: IncidentWorkflowState,
  ctx: GuardContext,
): RejectReason | null {
  const { mainDepartmentId, coDepartmentIds } = routing;
  if (coDepartmentIds.includes(mainDepartmentId)) {
    return reject('routing-invalid', 'Основной исполнитель не может быть одновременно соисполнителем');
  }
  if (new Set(coDepartmentIds).size !== coDepartmentIds.length) {
    return reject('routing-invalid', 'Соисполнитель указан дважды');
  }
  const all = [mainDepartmentId, ...coDepartmentIds];
  const unknown = all.filter((d) => !ctx.departments || !findDepartment(ctx.departments, d));
  if (unknown.length > 0) {
    return reject('department-unknown', `Нет такого подразделения в справочнике: ${unknown.join(', ')}`);
  }
  // Ухта p.9: a returned message goes to another department; the head of the МЦУ may overrule the return.
  if (
    state.status === 'returned' &&
    all.includes(state.lastReturn.departmentId) &&
    ctx.actor.role !== 'supervisor'
  ) {
    return reject(
      'returned-by-same-department',
      'Подразделение вернуло сообщение как не относящееся к его компетенции: направьте иному исполнителю или обратитесь к руководителю МЦУ',
      'Ухта p.9',
    );
  }
  return null;
}

function linkRepeat(
  state: IncidentWorkflowState,
  cmd: CommandOf<'link-repeat'>,
  ctx: GuardContext,
): Payload | RejectReason {
  if (cmd.earlierIncidentId === state.incidentId) {
    return reject('self-repeat', 'Сообщение не может повторять само себя');
  }
  if (!HttpUrl.safeParse(cmd.earlierAnswerUrl.trim()).success) {
    return reject('url-invalid', 'Укажите ссылку на ранее данный ответ (http:// или https://)', 'Ухта p.17');
  }
  const link = {
    earlierIncidentId: cmd.earlierIncidentId,
    earlierAnswerUrl: cmd.earlierAnswerUrl.trim(),
    newFacts: cmd.newFacts,
  };
  if (!cmd.newFacts) {
    if (cmd.routing) {
      return reject('routing-invalid', 'Повторное сообщение без новых фактов не направляется исполнителю');
    }
    return { type: 'repeat-linked', ...link, routing: null };
  }
  // Ухта p.17: new facts → routed to the department for measures and a new answer.
  if (!cmd.routing) {
    return reject(
      'routing-required',
      'Сообщение с новыми фактами направляется исполнителю: укажите подразделение',
      'Ухта p.17',
    );
  }
  if (!state.classification) {
    return reject('not-classified', 'Сначала укажите тему и локацию сообщения', 'Новороссийск p.4');
  }
  const bad = checkRouting(cmd.routing, state, ctx);
  return (
    bad ?? {
      type: 'repeat-linked',
      ...link,
      routing: {
        mainDepartmentId: cmd.routing.mainDepartmentId,
        coDepartmentIds: [...cmd.routing.coDepartmentIds],
      },
    }
  );
}
