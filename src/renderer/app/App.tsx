import { lazy, Suspense, useEffect, useRef } from 'react';
import { api } from '../api/client';
import { useQueue } from '../queue/useQueue';
import { queueStore } from '../queue/store';
import { QueueView } from '../queue/QueueView';
import { QueueCounters } from '../queue/QueueCounters';
import { ReportReminder } from '../reports/ReportReminder';
import { SessionBar } from '../session/SessionBar';
import { SignIn } from '../session/SignIn';
import { useSession } from '../session/session-store';
import { loadAppInfo, useAppInfo } from './app-info';
import { hrefOf, useRoute, useRouteParam } from './route';
import { NotificationCentre } from '../notifications/NotificationCentre';
import { SyncIndicator } from '../sync/SyncIndicator';

// The app starts on the queue: the other screens are loaded when first opened (reports bring their
// charting library, the incident card and the settings the workflow's and the profiles' schemas).
const ReportsView = lazy(() => import('../reports/ReportsView').then((m) => ({ default: m.ReportsView })));
const WallView = lazy(() => import('../wall/WallView').then((m) => ({ default: m.WallView })));
const IncidentView = lazy(() =>
  import('../incident/IncidentView').then((m) => ({ default: m.IncidentView })),
);
const SettingsView = lazy(() =>
  import('../settings/SettingsView').then((m) => ({ default: m.SettingsView })),
);

/** The wall screen stands alone: no header, nothing to click. */
export function App() {
  return useRoute() === 'wall' ? (
    <Suspense fallback={null}>
      <WallView />
    </Suspense>
  ) : (
    <OperatorApp />
  );
}

function OperatorApp() {
  // Asked before the first render (main.tsx: startApp); here kept current.
  const info = useAppInfo();
  const queue = useQueue();
  const route = useRoute();
  const incidentId = useRouteParam();
  const signedIn = useSession();
  useEffect(() => api.on('worktime.changed', () => void loadAppInfo()), []);
  // The queue's «Мои» and its count are the signed-in person's: another person (sign-in, switch, sign-out)
  // gets them at once, not at the counters' next round.
  const userId = signedIn === null ? undefined : (signedIn.user?.id ?? null);
  const shownFor = useRef(userId);
  useEffect(() => {
    if (shownFor.current !== undefined && shownFor.current !== userId) void queueStore().refresh();
    shownFor.current = userId;
  }, [userId]);

  const ready = queue.kind === 'ready' && info !== null && signedIn !== null;
  const needsSignIn = signedIn !== null && signedIn.user === null;
  const timeZone = info?.timeZone ?? 'Europe/Moscow';
  return (
    <div className="app" data-app-state={queue.kind === 'failed' ? 'failed' : ready ? 'ready' : 'loading'}>
      <header className="app__header">
        <h1 className="app__title">Отклик</h1>
        <nav className="nav" aria-label="Разделы">
          <a href={hrefOf('queue')} aria-current={route === 'queue' ? 'page' : undefined}>
            Очередь
          </a>
          <a href={hrefOf('reports')} aria-current={route === 'reports' ? 'page' : undefined}>
            Отчёты
          </a>
          <a href={hrefOf('settings')} aria-current={route === 'settings' ? 'page' : undefined}>
            Настройки
          </a>
        </nav>
        {queue.kind === 'ready' && <QueueCounters />}
        <div className="app__spacer" />
        <SyncIndicator timeZone={timeZone} />
        <NotificationCentre transport={info?.transport ?? null} timeZone={timeZone} />
        <SessionBar />
      </header>
      <main className="app__main">
        {needsSignIn && <SignIn />}
        {!needsSignIn && <ReportReminder />}
        {!needsSignIn && route === 'reports' && (
          <Suspense fallback={<p className="empty">Загрузка отчётов…</p>}>
            <ReportsView timeZone={timeZone} />
          </Suspense>
        )}
        {!needsSignIn && route === 'incident' && incidentId && (
          <Suspense fallback={<p className="empty">Загрузка…</p>}>
            <IncidentView id={incidentId} timeZone={timeZone} />
          </Suspense>
        )}
        {!needsSignIn && route === 'settings' && (
          <Suspense fallback={<p className="empty">Загрузка…</p>}>
            <SettingsView />
          </Suspense>
        )}
        {route === 'queue' && queue.kind !== 'failed' && !(queue.kind === 'ready' && info) && (
          <p className="empty">Загрузка очереди…</p>
        )}
        {route === 'queue' && queue.kind === 'failed' && (
          <p className="error" role="alert">
            Не удалось загрузить очередь: {queue.message}. Проверьте, что приложение запущено, и обновите
            страницу.
          </p>
        )}
        {/* The bars count with the organisation's calendar: the rows come with it, never without. */}
        {!needsSignIn && route === 'queue' && queue.kind === 'ready' && info && (
          <QueueView timeZone={info.timeZone} />
        )}
      </main>
    </div>
  );
}
