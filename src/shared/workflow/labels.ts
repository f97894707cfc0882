import { type CommandType } from './commands';
import { type WorkflowEventType } from './events';
import { type Role } from './roles';
import { type AnswerKind, type CloseReason, type WorkflowStatus } from './state';

/** Russian words for the UI (../shared/docs/ux.md: one word for one thing, everywhere). */

export const STATUS_LABEL: Readonly<Record<WorkflowStatus, string>> = {
  new: 'Новый',
  routed: 'Направлен',
  returned: 'Возвращен (не по компетенции)',
  coexecutors: 'Ожидает соисполнителей',
  drafting: 'Готовится ответ',
  'in-review': 'На согласовании',
  rework: 'На доработке',
  approved: 'Согласован',
  published: 'Опубликован',
  'interim-published': 'Дан промежуточный ответ',
  postponed: 'Перенос срока',
  'closed-no-answer': 'Закрыт без ответа',
  'closed-repeat': 'Закрыт как повторный',
};

export const COMMAND_LABEL: Readonly<Record<CommandType, string>> = {
  classify: 'Классифицировать',
  route: 'Направить',
  'return-misrouted': 'Вернуть (не по компетенции)',
  'save-draft': 'Сохранить проект ответа',
  'submit-part': 'Направить информацию соисполнителя',
  'compile-summary': 'Сформировать сводный ответ',
  'send-for-review': 'На согласование',
  approve: 'Согласовать',
  'return-for-rework': 'Вернуть на доработку',
  publish: 'Опубликовать',
  'agree-postponement': 'Согласовать перенос срока',
  'close-no-answer': 'Закрыть без ответа',
  'link-repeat': 'Повторное сообщение',
  reopen: 'Возобновить работу',
};

export const ROLE_LABEL: Readonly<Record<Role, string>> = {
  operator: 'Оператор',
  controller: 'Контролёр',
  executor: 'Исполнитель',
  'department-head': 'Ответственный в подразделении',
  supervisor: 'Руководитель МЦУ',
  admin: 'Администратор',
  wall: 'Экран (только просмотр)',
};

/** For the journal of actions (журнал действий). */
export const EVENT_LABEL: Readonly<Record<WorkflowEventType, string>> = {
  classified: 'Классифицирован',
  routed: 'Направлен',
  'returned-misrouted': 'Возвращен (не по компетенции)',
  'draft-saved': 'Проект ответа сохранен',
  'part-submitted': 'Получена информация соисполнителя',
  'summary-compiled': 'Сформирован сводный ответ',
  'sent-for-review': 'Направлен на согласование',
  approved: 'Согласован',
  'returned-for-rework': 'Возвращен на доработку',
  published: 'Опубликован',
  'postponement-agreed': 'Согласован перенос срока',
  'closed-no-answer': 'Закрыт без ответа',
  'repeat-linked': 'Отмечен как повторное сообщение',
  reopened: 'Работа возобновлена',
};

export const CLOSE_REASON_LABEL: Readonly<Record<CloseReason, string>> = {
  obscene: 'Нецензурная лексика',
  insulting: 'Оскорбительные выражения',
  threats: 'Угрозы жизни, здоровью или имуществу',
  'intent-to-harm': 'Намерение причинить вред другому лицу',
};

export const ANSWER_KIND_LABEL: Readonly<Record<AnswerKind, string>> = {
  final: 'Окончательный ответ',
  interim: 'Промежуточный ответ',
};
