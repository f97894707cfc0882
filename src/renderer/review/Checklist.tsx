import type { ReviewReport } from '../../shared/api/review';

const STATUS_LABEL = { pass: 'соответствует', fail: 'нарушение', manual: 'проверьте сами' } as const;

export type Decisions = Record<string, { confirmed: boolean; override: string }>;

type Props = {
  report: ReviewReport;
  /** Reviewer mode: a confirmation per criterion and an override comment for a failed one. */
  decisions?: Decisions;
  onDecide?: (key: string, decision: { confirmed: boolean; override: string }) => void;
};

/** The profile's criteria with the automatic result, the findings and, for the reviewer, the confirmations. */
export function Checklist({ report, decisions, onDecide }: Props) {
  return (
    <ul className="checklist" data-testid="checklist">
      {report.criteria.map((c) => {
        const findings = report.findings.filter((f) => f.key === c.key);
        const d = decisions?.[c.key] ?? { confirmed: false, override: '' };
        return (
          <li key={c.key} data-key={c.key} data-status={c.status} className={`check check--${c.status}`}>
            <div className="check__head">
              <span className="check__status">{STATUS_LABEL[c.status]}</span>
              <strong>{c.title}</strong> <span className="muted">{c.clause}</span>
            </div>
            {c.hint && <p className="muted check__hint">{c.hint}</p>}
            {findings.length > 0 && (
              <ul className="check__findings">
                {findings.map((f, i) => (
                  <li key={i}>
                    {f.message}
                    {f.suggestion && <span className="muted"> Лучше: {f.suggestion}</span>}
                  </li>
                ))}
              </ul>
            )}
            {onDecide && c.status !== 'fail' && (
              <label className="check__confirm">
                <input
                  type="checkbox"
                  checked={d.confirmed}
                  onChange={(e) => onDecide(c.key, { ...d, confirmed: e.target.checked })}
                />
                {c.status === 'manual' ? 'Проверено: соответствует' : 'Подтверждаю'}
              </label>
            )}
            {onDecide && c.status === 'fail' && (
              <input
                className="check__override"
                aria-label={`Обоснование: ${c.title}`}
                placeholder="Если это не нарушение — объясните почему"
                value={d.override}
                onChange={(e) => onDecide(c.key, { ...d, override: e.target.value })}
              />
            )}
          </li>
        );
      })}
    </ul>
  );
}
