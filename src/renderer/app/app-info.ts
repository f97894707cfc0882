import { useSyncExternalStore } from 'react';
import type { AppInfo } from '../../shared/api/contract';
import { api } from '../api/client';
import { installWorkTime } from '../clock/time-left';

let info: AppInfo | null = null;
const listeners = new Set<() => void>();

function set(next: AppInfo | null): void {
  info = next;
  listeners.forEach((l) => l());
}

/**
 * The app's description and the organisation's working time, asked at start and again when the working
 * time changes. The info is set once the calendar is built: a screen that has it can count time left.
 */
export function loadAppInfo(): Promise<void> {
  // The schedule first: every timer bar counts with it.
  return Promise.all([api.call('worktime.info', {}), api.call('app.info', {})]).then(
    ([workTime, appInfo]) => {
      installWorkTime(workTime);
      set(appInfo);
    },
    () => set(null),
  );
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useAppInfo(): AppInfo | null {
  return useSyncExternalStore(subscribe, () => info);
}
