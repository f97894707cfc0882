import type { AuditEntry } from '../../shared/api/workflow';
import { ROLE_LABEL } from '../../shared/workflow/labels';
import type { Role } from '../../shared/workflow';
import { REACTION_ACTION } from '../../shared/reports/input';
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
  intake: 'Поступил из ИМ/ПОС',
  'review.override': 'Критерии проверки подтверждены контролёром вручную',
  [REACTION_ACTION]: 'Отмечена реакция автора на ответ',
};

/** Who else writes the journal: the workstation itself, the demo feed, the hub's intake (ИМ/ПОС). */
const OTHER_ROLE_LABEL: Record<string, string> = {
  system: 'система',
  feed: 'ИМ',
  intake: 'приём обращений',
};

function roleLabel(role: string | null): string {
  if (!role) return '';
  return ROLE_LABEL[role as Role] ?? OTHER_ROLE_LABEL[role] ?? role;
}

/** The audit trail of one incident: who did what and when; never edited (issue #4, item 6). */
export function Timeline({ entries, timeZone }: { entries: AuditEntry[]; timeZone: string }) {
  return (
    <ol className="timeline" data-testid="timeline">
      {entries.map((e) => (
        <li key={e.id} className={e.refused ? 'timeline__refused' : undefined}>
          <time>{formatDateTime(e.at, timeZone)}</time> <strong>{ACTION_LABEL[e.action] ?? e.action}</strong>
          <span className="muted">
            {' '}
            — {e.actorName ?? roleLabel(e.actorRole)}
            {e.actorName ? `, ${roleLabel(e.actorRole)}` : ''}
          </span>
          {e.refused && (
            <span className="timeline__reason" data-testid="timeline-refused">
              {' '}
              · не принято хабом, отменено: {e.refused}
            </span>
          )}
        </li>
      ))}
    </ol>
  );
}
