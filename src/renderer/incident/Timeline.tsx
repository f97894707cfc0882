import type { AuditEntry } from '../../shared/api/workflow';
import { ROLE_LABEL } from '../../shared/workflow/labels';
import type { Role } from '../../shared/workflow';
import { formatDateTime } from '../i18n/labels';

const ACTION_LABEL: Record<string, string> = {
  'incident.create': 'Инцидент создан',
  import: 'Импортирован из файла',
  'demo.seed': 'Создан (демонстрация)',
  'feed.create': 'Поступил из ИМ',
  'attachment.add': 'Добавлено вложение',
  'workflow.classify': 'Классифицирован',
  'workflow.route': 'Направлен в подразделение',
  'workflow.return-misrouted': 'Возвращён (не по компетенции)',
  'workflow.save-draft': 'Сохранён проект ответа',
  'workflow.submit-part': 'Соисполнитель направил свою часть',
  'workflow.compile-summary': 'Составлен сводный ответ',
  'workflow.send-for-review': 'Направлен на согласование',
  'workflow.approve': 'Согласован',
  'workflow.return-for-rework': 'Возвращён на доработку',
  'workflow.publish': 'Опубликован',
  'workflow.agree-postponement': 'Согласован перенос срока',
  'workflow.close-no-answer': 'Закрыт без ответа',
  'workflow.link-repeat': 'Связан с предыдущим сообщением',
  'workflow.reopen': 'Открыт заново',
};

function roleLabel(role: string | null): string {
  if (!role) return '';
  return ROLE_LABEL[role as Role] ?? (role === 'system' ? 'система' : role === 'feed' ? 'ИМ' : role);
}

/** The audit trail of one incident: who did what and when; never edited (issue #4, item 6). */
export function Timeline({ entries, timeZone }: { entries: AuditEntry[]; timeZone: string }) {
  return (
    <ol className="timeline" data-testid="timeline">
      {entries.map((e) => (
        <li key={e.id}>
          <time>{formatDateTime(e.at, timeZone)}</time> <strong>{ACTION_LABEL[e.action] ?? e.action}</strong>
          <span className="muted">
            {' '}
            — {e.actorName ?? roleLabel(e.actorRole)}
            {e.actorName ? `, ${roleLabel(e.actorRole)}` : ''}
          </span>
        </li>
      ))}
    </ol>
  );
}
