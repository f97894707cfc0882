import { useSyncExternalStore } from 'react';

/**
 * Screens of the app, addressed by the URL hash so that a TV can open `#/wall` directly and an
 * incident has a link of its own (`#/incident/<id>`).
 */
export type Route = 'queue' | 'settings' | 'wall' | 'incident' | 'reports';

const NAMED: readonly Route[] = ['settings', 'wall', 'reports'];

function parts(hash: string): string[] {
  return hash.replace(/^#\/?/, '').split('/').filter(Boolean).map(decodeURIComponent);
}

function parse(hash: string): Route {
  const [head, id] = parts(hash);
  if (head === 'incident' && id) return 'incident';
  return NAMED.find((r) => r === head) ?? 'queue';
}

function subscribe(listener: () => void): () => void {
  window.addEventListener('hashchange', listener);
  return () => window.removeEventListener('hashchange', listener);
}

/** `/wall` is the wall screen's own address on the web host (the only one a TV on the LAN may open). */
export function currentRoute(): Route {
  return window.location.pathname.replace(/\/+$/, '') === '/wall' ? 'wall' : parse(window.location.hash);
}

export function useRoute(): Route {
  return useSyncExternalStore(subscribe, currentRoute);
}

/** The id in `#/incident/<id>`, or null on any other screen. */
export function useRouteParam(): string | null {
  return useSyncExternalStore(subscribe, () => {
    const [head, id] = parts(window.location.hash);
    return head === 'incident' && id ? id : null;
  });
}

export function hrefOf(route: Route, id?: string): string {
  if (route === 'incident') return `#/incident/${encodeURIComponent(id ?? '')}`;
  return route === 'queue' ? '#/' : `#/${route}`;
}

/** The monthly report of `month` ('2026-03'). */
export function reportHref(month: string): string {
  return `${hrefOf('reports')}/${month}`;
}

export function navigate(route: Route, id?: string): void {
  window.location.hash = hrefOf(route, id);
}
