import { useSyncExternalStore } from 'react';

/** Screens of the app, addressed by the URL hash so that a TV can open `#/wall` directly. */
export type Route = 'queue' | 'settings';

function parse(hash: string): Route {
  return hash.replace(/^#\/?/, '') === 'settings' ? 'settings' : 'queue';
}

function subscribe(listener: () => void): () => void {
  window.addEventListener('hashchange', listener);
  return () => window.removeEventListener('hashchange', listener);
}

export function useRoute(): Route {
  return useSyncExternalStore(subscribe, () => parse(window.location.hash));
}

export function hrefOf(route: Route): string {
  return route === 'queue' ? '#/' : `#/${route}`;
}
