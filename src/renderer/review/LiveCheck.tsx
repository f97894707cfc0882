import { Checklist } from './Checklist';
import { HighlightedAnswer } from './HighlightedAnswer';
import { useReviewCheck } from './useReviewCheck';

/** What the controller will see, shown to the executor while drafting (issue #5, item 3). */
export function LiveCheck({
  incidentId,
  text,
  kind,
}: {
  incidentId: string;
  text: string;
  kind: 'final' | 'interim';
}) {
  const report = useReviewCheck(incidentId, text, kind);
  if (!text.trim()) return null;
  if (!report) return <p className="muted">Проверка ответа…</p>;
  const failed = report.criteria.filter((c) => c.status === 'fail').length;
  return (
    <details className="live-check" data-testid="live-check" open={failed > 0}>
      <summary>
        Проверка по критериям: {failed === 0 ? 'нарушений не найдено' : `нарушений — ${failed}`}
      </summary>
      <HighlightedAnswer text={text} findings={report.findings} />
      <Checklist report={report} />
    </details>
  );
}
