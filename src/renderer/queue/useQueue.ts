import { useEffect, useState } from 'react';
import type { QueueSnapshot } from '../../shared/api/contract';
import { api, ApiCallError } from '../api/client';
import { syncClock } from '../clock/clock';

export type QueueState =
  { kind: 'loading' } | { kind: 'ready'; snapshot: QueueSnapshot } | { kind: 'failed'; message: string };

/** The live queue: fetched once, refetched whenever the core says it changed. */
export function useQueue(): QueueState {
  const [state, setState] = useState<QueueState>({ kind: 'loading' });
  useEffect(() => {
    let alive = true;
    let inFlight = false;
    let again = false;
    const load = async () => {
      if (inFlight) {
        again = true;
        return;
      }
      inFlight = true;
      try {
        const snapshot = await api.call('queue.list', {});
        syncClock(snapshot.now);
        if (alive) setState({ kind: 'ready', snapshot });
      } catch (e) {
        if (alive)
          setState({
            kind: 'failed',
            message: e instanceof ApiCallError ? e.message : 'Нет связи с ядром приложения',
          });
      } finally {
        inFlight = false;
        if (again && alive) {
          again = false;
          void load();
        }
      }
    };
    void load();
    const off = api.on('queue.changed', () => void load());
    return () => {
      alive = false;
      off();
    };
  }, []);
  return state;
}
