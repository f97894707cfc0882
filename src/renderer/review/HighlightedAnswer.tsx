import type { ReviewReport } from '../../shared/api/review';

type Finding = ReviewReport['findings'][number];

/** The answer with every finding's span marked; the mark's title says what is wrong and what to write. */
export function HighlightedAnswer({ text, findings }: { text: string; findings: Finding[] }) {
  const spans = findings.filter((f) => f.end > f.start).sort((a, b) => a.start - b.start || b.end - a.end);
  const parts: Array<{ text: string; finding: Finding | null }> = [];
  let at = 0;
  for (const f of spans) {
    if (f.start < at) continue; // overlapping spans: the first one wins the highlight, all stay in the list
    if (f.start > at) parts.push({ text: text.slice(at, f.start), finding: null });
    parts.push({ text: text.slice(f.start, f.end), finding: f });
    at = f.end;
  }
  if (at < text.length) parts.push({ text: text.slice(at), finding: null });
  return (
    <p className="highlighted" data-testid="highlighted-answer">
      {parts.map((p, i) =>
        p.finding ? (
          <mark
            key={i}
            data-key={p.finding.key}
            title={`${p.finding.message}${p.finding.suggestion ? ` Лучше: ${p.finding.suggestion}` : ''} (${p.finding.clause})`}
          >
            {p.text}
          </mark>
        ) : (
          <span key={i}>{p.text}</span>
        ),
      )}
    </p>
  );
}
