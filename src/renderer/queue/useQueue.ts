import { useLayoutEffect, useSyncExternalStore } from 'react';
import { assertNever } from '../../shared/assert';
import { queueStore, type QueueSnapshot } from './store';

export type QueueState = { kind: 'loading' } | { kind: 'ready' } | { kind: 'failed'; message: string };

/** The live queue's store, started on first use: its state, and whether the first page is in. */
export function useQueueSnapshot(): QueueSnapshot {
  const store = queueStore();
  // Before the first paint, not after it: the requests go out a frame sooner.
  useLayoutEffect(() => {
    void store.start();
  }, [store]);
  return useSyncExternalStore(store.subscribe, store.getSnapshot);
}

/**
 * What the app shell needs of the queue: loading, ready or failed. Only that: the shell does not render
 * again when the rows or the counters change.
 */
export function useQueue(): QueueState {
  const store = queueStore();
  useLayoutEffect(() => {
    void store.start();
  }, [store]);
  const status = useSyncExternalStore(store.subscribe, () => store.getSnapshot().status);
  const message = useSyncExternalStore(store.subscribe, () => store.getSnapshot().message);
  switch (status) {
    case 'loading':
      return { kind: 'loading' };
    case 'ready':
      return { kind: 'ready' };
    case 'failed':
      return { kind: 'failed', message: message ?? 'Нет связи с ядром приложения' };
    default:
      return assertNever(status);
  }
}
