import { useEffect, useSyncExternalStore } from 'react';
import type { ReportReminder as Reminder } from '../../shared/reports';
import type { Role } from '../../shared/workflow';
import { api } from '../api/client';
import { useSession } from '../session/session-store';
import { reportHref } from '../app/route';
import { CalendarIcon } from '../app/icons';
import './reports.css';

/** Who forms the monthly report: МЦУ (Новороссийск p.20: the controller; Ухта p.22: the information department). */
const REMINDED: readonly Role[] = ['operator', 'controller', 'supervisor', 'admin'];
const RECHECK_MS = 10 * 60_000;

let current: Reminder | null = null;
const listeners = new Set<() => void>();

/** Re-reads the reminder: on start, every few minutes, and after a report is exported. */
export function refreshReminder(): void {
  api.call('reports.reminder.status', {}).then(
    (r) => {
      current = r;
      listeners.forEach((l) => l());
    },
    () => undefined,
  );
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** From the 1st of the month until the previous month's report is produced (Новороссийск p.20; Ухта p.22). */
export function ReportReminder() {
  const session = useSession();
  const reminder = useSyncExternalStore(subscribe, () => current);
  const role = session?.user?.role;
  const wanted = role !== undefined && REMINDED.includes(role);
  useEffect(() => {
    if (!wanted) return;
    refreshReminder();
    const timer = setInterval(refreshReminder, RECHECK_MS);
    return () => clearInterval(timer);
  }, [wanted]);
  if (!wanted || !reminder?.due) return null;
  return (
    <div
      className={`report-reminder${reminder.overdue ? ' report-reminder--overdue' : ''}`}
      role="status"
      data-testid="report-reminder"
    >
      <span className="report-reminder__icon" aria-hidden="true">
        {reminder.overdue ? '⚠' : <CalendarIcon />}
      </span>
      <span>
        {reminder.message} <span className="report-reminder__clause">({reminder.clause})</span>
      </span>
      <a href={reportHref(reminder.month)}>Открыть отчёт за {reminder.monthLabel}</a>
    </div>
  );
}
