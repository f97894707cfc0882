import { randomUUID } from 'node:crypto';
import { ApiFailure } from '../../../shared/api/envelope';
import { DEFAULT_WALL_CONFIG, QueueUiState, WallConfig, type QueueRow } from '../../../shared/api/queue';
import { readSetting, writeSetting } from '../../db/settings';
import { listWorkflowEventsFor } from '../../db/workflow';
import { deleteQueueView, findQueueView, listQueueViews, upsertQueueView } from '../../db/queue-views';
import {
  countUnreadNotifications,
  listRecentNotifications,
  markNotificationsRead,
} from '../../db/queue-notifications';
import type { CoreContext, HandlersOf } from '../context';
import type { Connection } from '../session';
import { QueueIndex, toQueueRow } from './queue-index';
import { Notifier, readNotificationSettings } from './queue-notifier';

const UI_STATE_KEY = 'queue.ui';
const WALL_KEY = 'wall.config';

type LiveQueueMethod =
  | 'queue.page'
  | 'queue.counters'
  | 'queue.state.get'
  | 'queue.state.set'
  | 'views.list'
  | 'views.save'
  | 'views.delete'
  | 'notifications.list'
  | 'notifications.markRead'
  | 'notifications.settings.get'
  | 'notifications.settings.set'
  | 'wall.config.get'
  | 'wall.config.set';

function myDepartment(connection: Connection | undefined): string | null {
  return connection?.user?.departmentId ?? null;
}

async function readWallConfig(ctx: CoreContext): Promise<WallConfig> {
  const stored = WallConfig.partial().safeParse((await readSetting(ctx.db, WALL_KEY)) ?? {});
  return { ...DEFAULT_WALL_CONFIG, ...(stored.success ? stored.data : {}) };
}

/**
 * The queue at scale (issue #6): pages and counters from an in-memory index of the open incidents,
 * saved views and the screen's state, notifications, the wall screen's settings.
 */
export function liveQueueHandlers(ctx: CoreContext): HandlersOf<LiveQueueMethod> {
  const index = new QueueIndex(ctx);
  ctx.events.on('queue.changed', ({ ids }) => index.invalidate(ids));
  ctx.events.on('worktime.changed', () => index.invalidate([]));
  const notifier = new Notifier(ctx, index);
  // The first window that reads the queue starts the notifier; the CLI never does.
  const started = () => void notifier.start();

  return {
    'queue.page': async ({ query, offset, limit }, connection) => {
      started();
      const now = ctx.now();
      const list = await index.select(query, myDepartment(connection), now);
      const slice = list.slice(offset, offset + limit);
      const history = await listWorkflowEventsFor(
        ctx.db,
        slice.map((e) => e.incident.id),
      );
      const sla = ctx.sla();
      const calendar = ctx.organisation().calendar;
      const items: QueueRow[] = slice.map((e) =>
        toQueueRow(e.incident, sla, calendar, now, history.get(e.incident.id)),
      );
      return { total: list.length, offset, items, now };
    },
    'queue.counters': async ({ query }, connection) => {
      started();
      return index.counters(query, myDepartment(connection), ctx.now());
    },
    'queue.state.get': async () => {
      const parsed = QueueUiState.safeParse((await readSetting(ctx.db, UI_STATE_KEY)) ?? {});
      return parsed.success ? parsed.data : QueueUiState.parse({});
    },
    'queue.state.set': async (state) => {
      await writeSetting(ctx.db, UI_STATE_KEY, state);
      return state;
    },
    'views.list': () => listQueueViews(ctx.db),
    'views.save': async ({ id, name, state }) => {
      if (id !== undefined && !(await findQueueView(ctx.db, id))) {
        throw new ApiFailure('not_found', `Вид «${name}» не найден: возможно, его уже удалили`);
      }
      const viewId = id ?? randomUUID();
      await upsertQueueView(ctx.db, { id: viewId, name, state }, ctx.now());
      const saved = await findQueueView(ctx.db, viewId);
      if (!saved) throw new Error('unreachable: a view just saved is missing');
      return saved;
    },
    'views.delete': async ({ id }) => ({ deleted: await deleteQueueView(ctx.db, id) }),
    'notifications.list': async ({ limit }) => {
      started();
      return {
        items: await listRecentNotifications(ctx.db, limit),
        unread: await countUnreadNotifications(ctx.db),
      };
    },
    'notifications.markRead': async ({ ids }) => {
      await markNotificationsRead(ctx.db, ctx.now(), ids);
      return { unread: await countUnreadNotifications(ctx.db) };
    },
    'notifications.settings.get': () => readNotificationSettings(ctx),
    'notifications.settings.set': async (patch) => {
      const next = { ...(await readNotificationSettings(ctx)), ...patch };
      await notifier.updateSettings(next);
      return next;
    },
    'wall.config.get': () => readWallConfig(ctx),
    'wall.config.set': async (patch) => {
      const next = WallConfig.parse({ ...(await readWallConfig(ctx)), ...patch });
      await writeSetting(ctx.db, WALL_KEY, next);
      ctx.events.emit('wall.changed', next);
      return next;
    },
  };
}
