import { useSyncExternalStore } from 'react';
import type { SessionState } from '../../shared/api/session';
import { api } from '../api/client';

/** The signed-in person of this window; screens re-read what they show when it changes. */
let current: SessionState | null = null;
const listeners = new Set<() => void>();

function set(next: SessionState): SessionState {
  current = next;
  listeners.forEach((l) => l());
  return next;
}

export const session = {
  load: () => api.call('session.current', {}).then(set),
  signIn: (login: string, password: string) => api.call('session.signIn', { login, password }).then(set),
  switchTo: (userId: string) => api.call('session.switch', { userId }).then(set),
  signOut: () => api.call('session.signOut', {}).then(set),
  setupAdmin: (login: string, displayName: string, password: string) =>
    api.call('session.setupAdmin', { login, displayName, password }).then(set),
};

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useSession(): SessionState | null {
  return useSyncExternalStore(subscribe, () => current);
}
