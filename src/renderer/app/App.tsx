import { useEffect, useState } from 'react';
import type { AppInfo } from '../../shared/api/contract';
import { api } from '../api/client';
import { installWorkTime } from '../clock/time-left';
import { useQueue } from '../queue/useQueue';
import { QueueView } from '../queue/QueueView';
import { QueueCounters } from '../queue/QueueCounters';
import { SettingsView } from '../settings/SettingsView';
import { hrefOf, useRoute } from './route';

export function App() {
  const [info, setInfo] = useState<AppInfo | null>(null);
  const queue = useQueue();
  const route = useRoute();
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

  const ready = queue.kind === 'ready' && info !== null;
  const timeZone = info?.timeZone ?? 'Europe/Moscow';
  return (
    <div className="app" data-app-state={queue.kind === 'failed' ? 'failed' : ready ? 'ready' : 'loading'}>
      <header className="app__header">
        <h1 className="app__title">Отклик</h1>
        <nav className="nav" aria-label="Разделы">
          <a href={hrefOf('queue')} aria-current={route === 'queue' ? 'page' : undefined}>
            Очередь
          </a>
          <a href={hrefOf('settings')} aria-current={route === 'settings' ? 'page' : undefined}>
            Настройки
          </a>
        </nav>
        {queue.kind === 'ready' && <QueueCounters items={queue.snapshot.items} />}
        <div className="app__spacer" />
      </header>
      <main className="app__main">
        {route === 'settings' && <SettingsView />}
        {route === 'queue' && queue.kind === 'loading' && <p className="empty">Загрузка очереди…</p>}
        {route === 'queue' && queue.kind === 'failed' && (
          <p className="error" role="alert">
            Не удалось загрузить очередь: {queue.message}. Проверьте, что приложение запущено, и обновите
            страницу.
          </p>
        )}
        {route === 'queue' && queue.kind === 'ready' && (
          <QueueView items={queue.snapshot.items} timeZone={timeZone} />
        )}
      </main>
    </div>
  );
}
