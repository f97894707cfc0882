import { useEffect, useState } from 'react';
import type { SyncStatus } from '../../shared/api/sync';
import { api } from '../api/client';

const EVERY_MS = 5000;
const TIMEOUT_MS = 4000;

/**
 * Whether the core answers: asked every few seconds, as a TV on the LAN loses the host without telling
 * anyone. The web transport holds calls while it reconnects, so a call that does not come back in time
 * means «нет связи».
 */
export function useOnline(): boolean {
  const [online, setOnline] = useState(true);
  useEffect(() => {
    let alive = true;
    const check = () => {
      let answered = false;
      const timeout = setTimeout(() => {
        if (alive && !answered) setOnline(false);
      }, TIMEOUT_MS);
      api.call('app.info', {}).then(
        () => {
          answered = true;
          clearTimeout(timeout);
          if (alive) setOnline(true);
        },
        () => {
          answered = true;
          clearTimeout(timeout);
          if (alive) setOnline(false);
        },
      );
    };
    const timer = setInterval(check, EVERY_MS);
    return () => {
      alive = false;
      clearInterval(timer);
    };
  }, []);
  return online;
}

/** The workstation's sync status, kept live. */
export function useSyncStatus(): SyncStatus | null {
  const [status, setStatus] = useState<SyncStatus | null>(null);
  useEffect(() => {
    void api.call('sync.status', {}).then(setStatus, () => undefined);
    return api.on('sync.status', setStatus);
  }, []);
  return status;
}
