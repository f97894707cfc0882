import { useState } from 'react';
import { REACTION_LABEL, REACTIONS, type Reaction } from '../../shared/reports';
import { api, ApiCallError } from '../api/client';

/**
 * «Отзыв автора»: МЦУ notes how the author took the answer (Сочи 2.4: citizens' satisfaction), for the monthly
 * report. Meant for the incident card of a published answer; the latest note counts.
 */
export function ReactionControl({ incidentId }: { incidentId: string }) {
  const [note, setNote] = useState('');
  const [saved, setSaved] = useState<Reaction | null>(null);
  const [error, setError] = useState<string | null>(null);
  const record = async (reaction: Reaction) => {
    setError(null);
    try {
      await api.call('reports.reaction.record', { incidentId, reaction, note });
      setSaved(reaction);
    } catch (e) {
      setError(e instanceof ApiCallError ? e.message : 'Не удалось сохранить отзыв');
    }
  };
  return (
    <fieldset className="reaction" data-testid="reaction-control">
      <legend>Отзыв автора на ответ</legend>
      {REACTIONS.map((r) => (
        <button key={r} type="button" aria-pressed={saved === r} onClick={() => void record(r)}>
          {REACTION_LABEL[r]}
        </button>
      ))}
      <input
        type="text"
        value={note}
        onChange={(e) => setNote(e.target.value)}
        placeholder="где и как ответил автор (не обязательно)"
        aria-label="Комментарий к отзыву"
      />
      {saved && <span role="status">Отмечено: {REACTION_LABEL[saved]}</span>}
      {error && <span role="alert">{error}</span>}
    </fieldset>
  );
}
