import { useEffect, useState } from 'react';
import {
  DEFAULT_WALL_CONFIG,
  type AppNotification,
  type QueueCounters,
  type QueueRow,
  type WallConfig,
} from '../../shared/api/queue';
import { api } from '../api/client';
import { syncClock } from '../clock/clock';
import { nextPage, pageCount, pageOffset, WALL_PAGE_ROWS } from './paging';

/** Counters move with time (overdue, within the hour) even when nothing changes. */
const REFRESH_MS = 30_000;
/** A new high-importance incident stays on the banner this long (or until the next one). */
export const BANNER_MS = 60_000;

export type WallData = {
  status: 'loading' | 'ready' | 'failed';
  config: WallConfig;
  counters: QueueCounters | null;
  urgent: QueueRow[];
  rest: QueueRow[];
  page: number;
  pages: number;
  banner: AppNotification | null;
};

type Loaded = Pick<WallData, 'counters' | 'urgent' | 'rest'> & { status: WallData['status'] };

/**
 * What the wall shows: counters, the most urgent incidents, one page of the rest (turning by itself),
 * and a banner when a high-importance incident arrives. Everything read-only: a wall connection may call
 * nothing else.
 */
export function useWall(): WallData {
  const [config, setConfig] = useState<WallConfig>(DEFAULT_WALL_CONFIG);
  const [page, setPage] = useState(0);
  const [loaded, setLoaded] = useState<Loaded>({ status: 'loading', counters: null, urgent: [], rest: [] });
  const [banner, setBanner] = useState<AppNotification | null>(null);
  const pages = pageCount(loaded.counters?.open ?? 0, config.urgentCount);
  const shownPage = page < pages ? page : 0;

  useEffect(() => {
    void api.call('wall.config.get', {}).then(setConfig, () => undefined);
    return api.on('wall.changed', setConfig);
  }, []);

  useEffect(() => {
    let alive = true;
    let busy = false;
    let again = false;
    const load = async () => {
      if (busy) {
        again = true;
        return;
      }
      busy = true;
      try {
        const [counters, urgent, rest] = await Promise.all([
          api.call('queue.counters', {}),
          api.call('queue.page', { offset: 0, limit: config.urgentCount }),
          api.call('queue.page', {
            offset: pageOffset(shownPage, config.urgentCount),
            limit: WALL_PAGE_ROWS,
          }),
        ]);
        syncClock(urgent.now);
        if (alive) setLoaded({ status: 'ready', counters, urgent: urgent.items, rest: rest.items });
      } catch {
        if (alive) setLoaded((l) => ({ ...l, status: l.counters ? l.status : 'failed' }));
      } finally {
        busy = false;
        if (again && alive) {
          again = false;
          void load();
        }
      }
    };
    void load();
    const off = api.on('queue.changed', () => void load());
    const offTime = api.on('worktime.changed', () => void load());
    const timer = setInterval(() => void load(), REFRESH_MS);
    return () => {
      alive = false;
      off();
      offTime();
      clearInterval(timer);
    };
  }, [config.urgentCount, shownPage]);

  useEffect(() => {
    const timer = setInterval(
      () => setPage((p) => nextPage(p < pages ? p : 0, pages)),
      config.pageSeconds * 1000,
    );
    return () => clearInterval(timer);
  }, [pages, config.pageSeconds]);

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    const off = api.on('notifications.new', ({ notifications }) => {
      const high = notifications.find((n) => n.kind === 'high');
      if (!high) return;
      setBanner(high);
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => setBanner(null), BANNER_MS);
    });
    return () => {
      off();
      if (timer) clearTimeout(timer);
    };
  }, []);

  return { ...loaded, config, page: shownPage, pages, banner };
}
