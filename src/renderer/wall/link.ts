import type { SyncStatus } from '../../shared/api/sync';

export type WallLink = { tone: 'ok' | 'wait' | 'bad'; text: string };

/** What the wall says of its link: to the core (this hook) and, when joined, to the hub (`sync.status`). */
export function linkText(online: boolean, sync: SyncStatus | null): WallLink {
  if (!online) return { tone: 'bad', text: '✕ нет связи' };
  if (!sync || sync.connection === 'not-joined') return { tone: 'ok', text: '● на связи' };
  if (sync.connection === 'offline') return { tone: 'bad', text: '✕ нет связи с хабом' };
  if (sync.connection === 'error') return { tone: 'bad', text: '✕ ошибка синхронизации' };
  if (sync.pending > 0) return { tone: 'wait', text: `⟳ ожидают отправки: ${sync.pending}` };
  return { tone: 'ok', text: '● синхронизировано' };
}
