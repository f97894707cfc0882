import { useEffect, useState } from 'react';
import type { SyncStatus } from '../../shared/api/sync';
import { api } from '../api/client';

/** The sync status, kept current by the core's `sync.status` events and refreshed after local changes. */
export function useSyncStatus(): SyncStatus | null {
  const [status, setStatus] = useState<SyncStatus | null>(null);
  useEffect(() => {
    let alive = true;
    const load = () =>
      void api.call('sync.status', {}).then(
        (s) => alive && setStatus(s),
        () => undefined,
      );
    load();
    const offStatus = api.on('sync.status', (s) => setStatus(s));
    // A local change adds to «ожидают отправки» before the next round reports it.
    const offQueue = api.on('queue.changed', load);
    return () => {
      alive = false;
      offStatus();
      offQueue();
    };
  }, []);
  return status;
}

/** The indicator's words, one thing one word (../shared/docs/ux.md). */
export function syncLabel(s: SyncStatus): { text: string; tone: 'ok' | 'pending' | 'offline' | 'error' } {
  if (!s.joined) return { text: 'Без хаба', tone: 'ok' };
  if (s.connection === 'error') return { text: 'Ошибка синхронизации', tone: 'error' };
  if (s.connection === 'offline') {
    return {
      text: s.pending > 0 ? `Нет связи · ожидают отправки: ${s.pending}` : 'Нет связи',
      tone: 'offline',
    };
  }
  if (s.pending > 0) return { text: `Ожидают отправки: ${s.pending}`, tone: 'pending' };
  return { text: 'Синхронизировано', tone: 'ok' };
}
