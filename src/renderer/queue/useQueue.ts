import { useLayoutEffect, useSyncExternalStore } from 'react';
import { assertNever } from '../../shared/assert';
import { queueStore, type QueueSnapshot } from './store';

export type QueueState =
  { kind: 'loading' } | { kind: 'ready'; snapshot: QueueSnapshot } | { kind: 'failed'; message: string };

/** The live queue's store, started on first use: its state, and whether the first page is in. */
export function useQueueSnapshot(): QueueSnapshot {
  const store = queueStore();
  // Before the first paint, not after it: the requests go out a frame sooner.
  useLayoutEffect(() => {
    void store.start();
  }, [store]);
  return useSyncExternalStore(store.subscribe, store.getSnapshot);
}

/** What the app shell needs of the queue: loading, ready or failed. */
export function useQueue(): QueueState {
  const snapshot = useQueueSnapshot();
  switch (snapshot.status) {
    case 'loading':
      return { kind: 'loading' };
    case 'ready':
      return { kind: 'ready', snapshot };
    case 'failed':
      return { kind: 'failed', message: snapshot.message ?? 'Нет связи с ядром приложения' };
    default:
      return assertNever(snapshot.status);
  }
}
