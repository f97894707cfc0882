import { useSyncExternalStore } from 'react';
import { MonthSchema } from '../../shared/reports';

/** The month of `#/reports/2026-03`, or null when the hash names none. */
function read(): string | null {
  const [head, month] = window.location.hash.replace(/^#\/?/, '').split('/');
  if (head !== 'reports' || !month) return null;
  const parsed = MonthSchema.safeParse(decodeURIComponent(month));
  return parsed.success ? parsed.data : null;
}

function subscribe(listener: () => void): () => void {
  window.addEventListener('hashchange', listener);
  return () => window.removeEventListener('hashchange', listener);
}

export function useReportMonth(): string | null {
  return useSyncExternalStore(subscribe, read);
}

export { reportHref } from '../app/route';
