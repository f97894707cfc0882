import { useState } from 'react';
import { ANSWER_KIND_LABEL, STATUS_LABEL } from '../../shared/workflow/labels';
import type { IncidentCard } from '../../shared/api/workflow';
import { formatDateTime, originLabel } from '../i18n/labels';
import { hrefOf } from '../app/route';
import { TimerBar } from '../queue/TimerBar';
import { useCard } from './useCard';
import { CommandPanel } from './CommandPanel';
import { StageList } from './StageList';
import { Timeline } from './Timeline';
import { Attachments } from './Attachments';
import { Spravka } from './Spravka';
import { ReviewPane } from '../review/ReviewPane';
import { LiveCheck } from '../review/LiveCheck';
import { ReactionControl } from '../reports/ReactionControl';

const DRAFTING = new Set(['save-draft', 'compile-summary', 'submit-part']);

function safeLink(url: string | null): string | null {
  if (!url) return null;
  try {
    return new URL(url).protocol === 'https:' ? url : null;
  } catch {
    return null;
  }
}

/** The incident card (issue #4, item 3): the message, its clock, the answer and the actions of the signed-in role. */
export function IncidentView({ id, timeZone }: { id: string; timeZone: string }) {
  const { state, execute, replace } = useCard(id);
  if (state.kind === 'loading') return <p className="empty">Загрузка инцидента…</p>;
  if (state.kind === 'failed')
    return (
      <p className="error" role="alert">
        {state.message}. <a href={hrefOf('queue')}>Вернуться в очередь</a>
      </p>
    );
  // A new version remounts the card: the editor and the forms start from what the core now holds.
  return (
    <Card
      key={state.card.state.version}
      card={state.card}
      execute={execute}
      onCard={replace}
      timeZone={timeZone}
    />
  );
}

type CardProps = {
  card: IncidentCard;
  execute: ReturnType<typeof useCard>['execute'];
  onCard: (card: IncidentCard) => void;
  timeZone: string;
};

function Card({ card, execute, onCard, timeZone }: CardProps) {
  const { incident, state } = card;
  const draft = 'draft' in state && state.draft ? state.draft : null;
  const [text, setText] = useState(draft?.text ?? '');
  const [kind, setKind] = useState<'final' | 'interim'>(draft?.kind ?? 'final');
  const canDraft = card.allowed.some((c) => DRAFTING.has(c));
  const reviewing =
    state.status === 'in-review' && card.allowed.some((c) => c === 'approve' || c === 'return-for-rework');
  const link = safeLink(incident.url);
  const running = card.clock.state !== 'done' && card.clock.state !== 'done-late';

  return (
    <article className="card" data-testid="incident-card" data-status={state.status}>
      <header className="card__header">
        <a href={hrefOf('queue')} className="back">
          ← Очередь
        </a>
        <h2>
          {incident.importance === 'high' && (
            <span className="badge badge--high">▲ повышенной важности </span>
          )}
          {incident.authorName}
        </h2>
        <span className="status" data-testid="card-status">
          {STATUS_LABEL[state.status]}
        </span>
      </header>
      {card.away?.refused && (
        <p className="card__away" role="status" data-testid="card-away">
          Регистрация не принята хабом ({formatDateTime(card.away.since, timeZone)}): {card.away.refused}.
          Копия осталась на этом рабочем месте только для чтения и в очередь не попадает.
        </p>
      )}
      {card.away && !card.away.refused && (
        <p className="card__away" role="status" data-testid="card-away">
          Сообщение передано{' '}
          {card.away.departments.length > 0 ? `в ${card.away.departments.join(', ')}` : 'обратно в МЦУ'} (
          {formatDateTime(card.away.since, timeZone)}): на этом рабочем месте оно больше не обновляется и
          доступно только для чтения.
        </p>
      )}
      <section className="card__grid">
        <div className="card__main">
          <p className="muted">
            {originLabel(incident.source, incident.network)} · выявлен{' '}
            {formatDateTime(incident.detectedAt, timeZone)}
            {link && (
              <>
                {' '}
                ·{' '}
                <a href={link} target="_blank" rel="noreferrer noopener">
                  сообщение в сети
                </a>
              </>
            )}
          </p>
          <blockquote className="message" data-testid="message-text">
            {incident.text}
          </blockquote>
          <p>
            <strong>Тема:</strong> {incident.topic} · <strong>Место:</strong> {incident.location || '—'} ·{' '}
            <strong>Подразделение:</strong> {incident.departmentName ?? '—'}
          </p>
          <section className="panel">
            <h3>Ответ</h3>
            {canDraft ? (
              <>
                <select
                  aria-label="Вид ответа"
                  value={kind}
                  onChange={(e) => setKind(e.target.value === 'interim' ? 'interim' : 'final')}
                >
                  <option value="final">{ANSWER_KIND_LABEL.final}</option>
                  <option value="interim">{ANSWER_KIND_LABEL.interim}</option>
                </select>
                <textarea
                  className="draft"
                  aria-label="Проект ответа"
                  data-testid="draft-text"
                  value={text}
                  onChange={(e) => setText(e.target.value)}
                  placeholder="Имя, здравствуйте! …"
                />
                <LiveCheck incidentId={incident.id} text={text} kind={kind} />
              </>
            ) : draft ? (
              <p className="draft-view" data-testid="draft-view">
                <span className="muted">{ANSWER_KIND_LABEL[draft.kind]}:</span> {draft.text}
              </p>
            ) : state.status === 'published' ? (
              <>
                <p>
                  Опубликован: <span className="muted">{state.answer.text}</span>
                </p>
                <ReactionControl incidentId={incident.id} />
              </>
            ) : (
              <p className="muted">Проекта ответа пока нет.</p>
            )}
            {state.status === 'rework' && (
              <p className="remarks" data-testid="remarks">
                <strong>Замечания контролёра:</strong> {state.remarks.comment}
              </p>
            )}
            <Attachments incidentId={incident.id} list={card.attachments} canAdd={canDraft} />
          </section>
          {reviewing && <ReviewPane card={card} execute={execute} onCard={onCard} />}
          <section className="panel">
            <h3>Действия</h3>
            <CommandPanel
              card={card}
              execute={execute}
              draftText={text}
              draftKind={kind}
              attachmentIds={card.attachments.map((a) => a.id)}
              omit={reviewing ? ['approve', 'return-for-rework'] : []}
            />
          </section>
        </div>
        <aside className="card__side">
          <section className="panel">
            <h3>Сроки</h3>
            {running && (
              <TimerBar
                deadlineAt={card.clock.deadlineAt}
                budgetMinutes={card.clock.budgetMinutes}
                high={incident.importance === 'high'}
                timeZone={timeZone}
              />
            )}
            <StageList stages={card.clock.stages} current={card.clock.currentStage} timeZone={timeZone} />
          </section>
          <section className="panel">
            <h3>Журнал действий</h3>
            <Timeline entries={card.audit} timeZone={timeZone} />
          </section>
          {incident.importance === 'high' && <Spravka card={card} timeZone={timeZone} />}
        </aside>
      </section>
    </article>
  );
}
