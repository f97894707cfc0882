import { useState } from 'react';
import type { IncidentCard } from '../../shared/api/workflow';
import { api, ApiCallError } from '../api/client';
import { Checklist, type Decisions } from './Checklist';
import { HighlightedAnswer } from './HighlightedAnswer';
import { useReviewCheck } from './useReviewCheck';

type Props = {
  card: IncidentCard;
  execute: (command: Record<string, unknown>) => Promise<string | null>;
  onCard: (card: IncidentCard) => void;
};

/**
 * The controller's pane (issue #5; Новороссийск p.10, Ухта p.12, Ставрополь p.13–16): the answer with
 * its findings marked, the checklist to confirm, approve only when every failure is fixed or
 * justified, or return with the reasons already written from the failed criteria.
 */
export function ReviewPane({ card, execute, onCard }: Props) {
  const draft = card.state.status === 'in-review' ? card.state.draft : null;
  const report = useReviewCheck(card.incident.id, draft?.text ?? '', draft?.kind ?? 'final');
  const [decisions, setDecisions] = useState<Decisions>({});
  const [comment, setComment] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  if (!draft) return null;
  if (!report) return <p className="muted">Проверка ответа…</p>;

  const failed = report.criteria.filter((c) => c.status === 'fail');
  const unresolved = report.criteria.filter((c) =>
    c.status === 'fail' ? !decisions[c.key]?.override.trim() : !decisions[c.key]?.confirmed,
  );
  const prefilled = failed
    .map((c) => {
      const first = report.findings.find((f) => f.key === c.key);
      return `${c.title} (${c.clause})${first ? `: ${first.message}` : ''}`;
    })
    .join('\n');
  const reasons = comment ?? prefilled;
  const allowed = new Set(card.allowed);

  const approve = async () => {
    setError(null);
    const overrides = Object.fromEntries(
      failed.map((c) => [c.key, decisions[c.key]?.override.trim() ?? '']).filter(([, v]) => v),
    );
    try {
      onCard(
        await api.call('review.approve', {
          incidentId: card.incident.id,
          expectedVersion: card.state.version,
          overrides,
        }),
      );
    } catch (e) {
      setError(e instanceof ApiCallError ? e.message : 'Нет связи с приложением');
    }
  };

  const returnForRework = async () => {
    setError(
      await execute({ type: 'return-for-rework', criteria: failed.map((c) => c.key), comment: reasons }),
    );
  };

  return (
    <section className="panel review" data-testid="review-pane">
      <h3>Проверка ответа</h3>
      <HighlightedAnswer text={draft.text} findings={report.findings} />
      <Checklist
        report={report}
        decisions={decisions}
        onDecide={(key, d) => setDecisions({ ...decisions, [key]: d })}
      />
      <div className="review__actions">
        {allowed.has('approve') && (
          <button
            type="button"
            data-testid="review-approve"
            disabled={unresolved.length > 0}
            onClick={() => void approve()}
          >
            Согласовать
          </button>
        )}
        {unresolved.length > 0 && (
          <span className="muted" data-testid="review-blocked">
            Осталось проверить: {unresolved.map((c) => c.title).join(', ')}
          </span>
        )}
      </div>
      {allowed.has('return-for-rework') && (
        <div className="review__return">
          <textarea
            aria-label="Причины возврата"
            data-testid="rework-reasons"
            value={reasons}
            onChange={(e) => setComment(e.target.value)}
          />
          <button
            type="button"
            data-testid="review-return"
            disabled={!reasons.trim()}
            onClick={() => void returnForRework()}
          >
            Вернуть на доработку
          </button>
        </div>
      )}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
