import { useEffect, useState } from 'react';
import type { AppInfo } from '../../shared/api/contract';
import { api } from '../api/client';
import { installWorkTime } from '../clock/time-left';
import { useQueue } from '../queue/useQueue';
import { QueueView } from '../queue/QueueView';
import { QueueCounters } from '../queue/QueueCounters';
import { DemoFeedToggle } from '../settings/DemoFeedToggle';

export function App() {
  const [info, setInfo] = useState<AppInfo | null>(null);
  const queue = useQueue();
  useEffect(() => {
    // The working calendar comes first: every timer bar counts with it.
    void Promise.all([api.call('app.info', {}), api.call('worktime.info', {})]).then(
      ([appInfo, workTime]) => {
        installWorkTime(workTime);
        setInfo(appInfo);
      },
      () => setInfo(null),
    );
  }, []);

  const ready = queue.kind === 'ready' && info !== null;
  const timeZone = info?.timeZone ?? 'Europe/Moscow';
  return (
    <div className="app" data-app-state={queue.kind === 'failed' ? 'failed' : ready ? 'ready' : 'loading'}>
      <header className="app__header">
        <h1 className="app__title">Отклик</h1>
        <span className="app__subtitle">Очередь инцидентов</span>
        {queue.kind === 'ready' && <QueueCounters items={queue.snapshot.items} />}
        <div className="app__spacer" />
        <DemoFeedToggle />
      </header>
      <main className="app__main">
        {queue.kind === 'loading' && <p className="empty">Загрузка очереди…</p>}
        {queue.kind === 'failed' && (
          <p className="error" role="alert">
            Не удалось загрузить очередь: {queue.message}. Проверьте, что приложение запущено, и обновите
            страницу.
          </p>
        )}
        {queue.kind === 'ready' && <QueueView items={queue.snapshot.items} timeZone={timeZone} />}
      </main>
    </div>
  );
}
