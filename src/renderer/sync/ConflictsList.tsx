import { useEffect, useState } from 'react';
import type { SyncConflict } from '../../shared/api/sync';
import { api, ApiCallError } from '../api/client';
import { hrefOf } from '../app/route';
import { formatDateTime } from '../i18n/labels';

/** Words for what was attempted (the audit action). */
const ACTION: Record<string, string> = {
  'workflow.classify': 'Классификация',
  'workflow.route': 'Направление исполнителю',
  'workflow.return-misrouted': 'Возврат не по компетенции',
  'workflow.save-draft': 'Проект ответа',
  'workflow.send-for-review': 'Отправка на согласование',
  'workflow.approve': 'Согласование',
  'workflow.return-for-rework': 'Возврат на доработку',
  'workflow.publish': 'Публикация ответа',
  'incident.create': 'Регистрация сообщения',
  'incident.update': 'Изменение сообщения',
};

type Props = { timeZone: string; changed: number };

/**
 * Changes the hub refused (another workstation was first, or a right was missing): rolled back here and
 * listed for their author with the hub's reason. Nothing disappears silently.
 */
export function ConflictsList({ timeZone, changed }: Props) {
  const [items, setItems] = useState<SyncConflict[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    void api.call('sync.conflicts', { includeSeen: false }).then(setItems, (e: unknown) => {
      setError(e instanceof ApiCallError ? e.message : 'Нет связи с приложением');
    });
  }, [changed]);
  if (error) return <p className="error">{error}</p>;
  if (!items) return <p className="empty">Загрузка…</p>;
  if (items.length === 0) return <p className="muted">Конфликтов нет</p>;
  return (
    <ul className="sync-conflicts" data-testid="sync-conflicts">
      {items.map((c) => (
        <li key={c.opId} className="sync-conflicts__item">
          <div className="sync-conflicts__head">
            <strong>{(c.action && ACTION[c.action]) ?? c.action ?? c.kind}</strong>
            <span className="muted">{formatDateTime(c.at, timeZone)}</span>
          </div>
          <p>Не принято хабом: {c.message}</p>
          <p className="muted">
            {c.userName ? `${c.userName.replace(/\.$/, '')}. ` : ''}Изменение отменено на этом рабочем месте;
            сообщение показано в состоянии, принятом хабом.
          </p>
          <div className="sync-conflicts__actions">
            {c.incidentId && <a href={hrefOf('incident', c.incidentId)}>Открыть сообщение</a>}
            <button
              type="button"
              onClick={() =>
                void api
                  .call('sync.dismissConflict', { opId: c.opId })
                  .then(() => setItems((list) => list?.filter((x) => x.opId !== c.opId) ?? null))
              }
            >
              Понятно
            </button>
          </div>
        </li>
      ))}
    </ul>
  );
}
