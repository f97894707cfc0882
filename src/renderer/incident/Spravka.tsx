import type { IncidentCard } from '../../shared/api/workflow';
import { STATUS_LABEL } from '../../shared/workflow/labels';
import { formatDateTime, NETWORK_LABEL } from '../i18n/labels';

/**
 * A one-page справка for the head on a high-importance incident (Новороссийск p.21, Ставрополь p.24):
 * printed (or saved as PDF) from the card; print styles show only this page.
 */
export function Spravka({ card, timeZone }: { card: IncidentCard; timeZone: string }) {
  const { incident, state } = card;
  return (
    <section className="panel">
      <h3>Справка для главы</h3>
      <button type="button" onClick={() => window.print()}>
        Сформировать и распечатать
      </button>
      <div className="spravka" data-testid="spravka">
        <h1>Справка о сообщении повышенной важности</h1>
        <p>
          Выявлено {formatDateTime(incident.detectedAt, timeZone)} в сети {NETWORK_LABEL[incident.network]}.
          Автор: {incident.authorName}.
        </p>
        <p>
          <strong>Суть сообщения:</strong> {incident.text}
        </p>
        <p>
          <strong>Тема:</strong> {incident.topic}. <strong>Место:</strong> {incident.location || 'не указано'}
          .
        </p>
        <p>
          <strong>Исполнитель:</strong> {incident.departmentName ?? 'ещё не назначен'}.{' '}
          <strong>Состояние:</strong> {STATUS_LABEL[state.status]}.
        </p>
        <p>
          <strong>Срок ответа:</strong> {formatDateTime(card.clock.deadlineAt, timeZone)}.
        </p>
        <ul>
          {card.audit.map((e) => (
            <li key={e.id}>
              {formatDateTime(e.at, timeZone)} — {e.action} {e.actorName ? `(${e.actorName})` : ''}
            </li>
          ))}
        </ul>
      </div>
    </section>
  );
}
