import { useEffect, useState } from 'react';
import type { ReviewReport } from '../../shared/api/review';
import { api } from '../api/client';

const DEBOUNCE_MS = 300;

/** The automatic checks of an answer, re-run shortly after the text stops changing. */
export function useReviewCheck(
  incidentId: string,
  answer: string,
  kind: 'final' | 'interim',
): ReviewReport | null {
  const [report, setReport] = useState<ReviewReport | null>(null);
  useEffect(() => {
    let alive = true;
    const timer = setTimeout(() => {
      void api.call('review.check', { incidentId, answer, kind }).then(
        (r) => alive && setReport(r),
        () => alive && setReport(null),
      );
    }, DEBOUNCE_MS);
    return () => {
      alive = false;
      clearTimeout(timer);
    };
  }, [incidentId, answer, kind]);
  return report;
}
