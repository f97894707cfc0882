import { lazy, Suspense, useEffect, useState } from 'react';
import type { AppInfo } from '../../shared/api/contract';
import { api } from '../api/client';
import { installWorkTime } from '../clock/time-left';
import { useQueue } from '../queue/useQueue';
import { QueueView } from '../queue/QueueView';
import { QueueCounters } from '../queue/QueueCounters';
import { SettingsView } from '../settings/SettingsView';
import { ReportReminder } from '../reports/ReportReminder';
import { IncidentView } from '../incident/IncidentView';
import { SessionBar } from '../session/SessionBar';
import { SignIn } from '../session/SignIn';
import { session, useSession } from '../session/session-store';
import { hrefOf, useRoute, useRouteParam } from './route';
import { NotificationCentre } from '../notifications/NotificationCentre';
import { SyncIndicator } from '../sync/SyncIndicator';

// The reports screen brings its charting library: loaded when first opened, not on start-up.
const ReportsView = lazy(() => import('../reports/ReportsView').then((m) => ({ default: m.ReportsView })));
const WallView = lazy(() => import('../wall/WallView').then((m) => ({ default: m.WallView })));

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
  const [info, setInfo] = useState<AppInfo | null>(null);
  const queue = useQueue();
  const route = useRoute();
  const incidentId = useRouteParam();
  const signedIn = useSession();
  useEffect(() => {
    void session.load();
  }, []);
  useEffect(() => {
    // The working calendar comes first: every timer bar counts with it.
    const load = () =>
      Promise.all([api.call('app.info', {}), api.call('worktime.info', {})]).then(
        ([appInfo, workTime]) => {
          installWorkTime(workTime);
          setInfo(appInfo);
        },
        () => setInfo(null),
      );
    void load();
    return api.on('worktime.changed', () => void load());
  }, []);

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
          <IncidentView id={incidentId} timeZone={timeZone} />
        )}
        {route === 'settings' && <SettingsView />}
        {route === 'queue' && queue.kind === 'loading' && <p className="empty">Загрузка очереди…</p>}
        {route === 'queue' && queue.kind === 'failed' && (
          <p className="error" role="alert">
            Не удалось загрузить очередь: {queue.message}. Проверьте, что приложение запущено, и обновите
            страницу.
          </p>
        )}
        {!needsSignIn && route === 'queue' && queue.kind === 'ready' && <QueueView timeZone={timeZone} />}
      </main>
    </div>
  );
}
