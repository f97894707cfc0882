import { randomUUID } from 'node:crypto';
import {
  DEFAULT_NOTIFICATION_SETTINGS,
  NotificationSettings,
  type AppNotification,
} from '../../../shared/api/queue';
import { readSetting, writeSetting } from '../../db/settings';
import { listNotificationKeys, pruneNotifications, recordNotifications } from '../../db/queue-notifications';
import type { CoreContext } from '../context';
import type { QueueEntry, QueueIndex } from './queue-index';

const SETTINGS_KEY = 'notifications.settings';
/** Incidents detected before this instant (the first start) were there already: nothing new to notify. */
const SINCE_KEY = 'notifications.since';
const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
/** How often stages are checked for a deadline coming close. */
export const SCAN_INTERVAL_MS = 20_000;
/** A new high-importance incident is news for a day; one found later (an old import) is not. */
const HIGH_IS_NEW_FOR_MS = DAY;
/** Stage alerts sound at most this often; the ones in between are told together in the next. */
export const STAGE_ALERT_GAP_MS = MINUTE;
const KEEP_MS = 30 * DAY;
/** More notifications than this in one go are told as one alert. */
const ALERT_DETAIL_LIMIT = 3;

type Pending = AppNotification & { key: string };

function excerpt(text: string, length: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > length ? `${flat.slice(0, length - 1)}…` : flat;
}

function minutesText(minutes: number): string {
  const total = Math.max(1, Math.ceil(minutes));
  const h = Math.floor(total / 60);
  const m = total % 60;
  if (h === 0) return `${m} мин`;
  return m === 0 ? `${h} ч` : `${h} ч ${m} мин`;
}

export async function readNotificationSettings(ctx: CoreContext): Promise<NotificationSettings> {
  const stored = NotificationSettings.partial().safeParse((await readSetting(ctx.db, SETTINGS_KEY)) ?? {});
  return { ...DEFAULT_NOTIFICATION_SETTINGS, ...(stored.success ? stored.data : {}) };
}

export async function writeNotificationSettings(
  ctx: CoreContext,
  settings: NotificationSettings,
): Promise<void> {
  await writeSetting(ctx.db, SETTINGS_KEY, settings);
}

/** True when a closed database means the core was closed: the notifier stops instead of logging forever. */
function isClosed(e: unknown): boolean {
  return e instanceof Error && /destroyed|not open|closed/i.test(e.message);
}

/**
 * Raises notifications for a new high-importance incident and for a stage about to breach (its lead time
 * from the settings), records each with a key so the same event is never notified twice, and pushes
 * `notifications.new`. Desktop and sound (`alert`) only in working hours unless configured otherwise;
 * the centre records them anyway. Starts with the first window that reads the queue, so the CLI never runs it.
 */
export class Notifier {
  private started: Promise<void> | null = null;
  private timer: ReturnType<typeof setInterval> | null = null;
  private keys = new Set<string>();
  private since = 0;
  private settings: NotificationSettings = DEFAULT_NOTIFICATION_SETTINGS;
  private lastStageAlertAt = -Infinity;
  private heldStageAlerts: AppNotification[] = [];
  private running: Promise<void> = Promise.resolve();
  private stopped = false;

  constructor(
    private readonly ctx: CoreContext,
    private readonly index: QueueIndex,
  ) {
    ctx.events.on('queue.changed', () => {
      // Look at once, so that a new incident is noticed without waiting for the next scan.
      if (this.started && !this.stopped) setTimeout(() => void this.scanNow(), 0);
    });
  }

  start(): Promise<void> {
    this.started ??= this.begin().catch((e: unknown) => {
      if (isClosed(e)) this.stop();
      else this.ctx.logger.error('notifications failed to start', e);
    });
    return this.started;
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  async updateSettings(settings: NotificationSettings): Promise<void> {
    this.settings = settings;
    await writeNotificationSettings(this.ctx, settings);
  }

  /** Looks for new high-importance incidents and stages about to breach (every change, every `SCAN_INTERVAL_MS`). */
  scanNow(): Promise<void> {
    return this.serial(async () => {
      await this.index.fresh();
      await this.checkNew();
      await this.checkStages();
      this.releaseHeld();
    });
  }

  private async begin(): Promise<void> {
    const now = this.ctx.now();
    this.settings = await readNotificationSettings(this.ctx);
    const since = await readSetting(this.ctx.db, SINCE_KEY);
    if (typeof since === 'number') this.since = since;
    else {
      this.since = now;
      await writeSetting(this.ctx.db, SINCE_KEY, now);
    }
    await pruneNotifications(this.ctx.db, now - KEEP_MS);
    this.keys = await listNotificationKeys(this.ctx.db);
    this.timer = setInterval(() => void this.scanNow(), SCAN_INTERVAL_MS);
    this.timer.unref();
    await this.scanNow();
  }

  /** Runs one step at a time: a reload, a check and a scan never interleave. */
  private serial(step: () => Promise<void>): Promise<void> {
    const next = this.running.then(async () => {
      if (this.stopped) return;
      try {
        await step();
      } catch (e) {
        if (isClosed(e)) this.stop();
        else this.ctx.logger.error('notifications failed', e);
      }
    });
    this.running = next;
    return next;
  }

  private working(now: number): boolean {
    return this.ctx.organisation().calendar.isWorking(now);
  }

  private quiet(now: number): boolean {
    return !this.settings.enabled || (this.settings.workingHoursOnly && !this.working(now));
  }

  private async checkNew(): Promise<void> {
    const now = this.ctx.now();
    const from = Math.max(this.since, now - HIGH_IS_NEW_FOR_MS);
    const fresh: Pending[] = [];
    for (const e of this.index.all()) {
      const i = e.incident;
      if (i.importance !== 'high' || i.detectedAt < from) continue;
      const key = `high:${i.id}`;
      if (this.keys.has(key)) continue;
      fresh.push({
        key,
        id: randomUUID(),
        kind: 'high',
        incidentId: i.id,
        stageId: null,
        title: 'Новый инцидент повышенной важности',
        body: `${i.topic}: ${excerpt(i.text, 120)}${i.location ? ` (${i.location})` : ''}`,
        at: now,
        readAt: null,
        audible: !this.quiet(now),
      });
    }
    const recorded = await this.record(fresh);
    if (recorded.length === 0) return;
    const audible = recorded.filter((n) => n.audible);
    this.emit(recorded, audible.length > 0 ? this.alertOf(audible, 'high') : null);
  }

  private async checkStages(): Promise<void> {
    const now = this.ctx.now();
    // Outside working hours the clocks stand still: the warning waits for the next opening.
    if (this.settings.workingHoursOnly && !this.working(now)) return;
    const calendar = this.ctx.organisation().calendar;
    const fresh: Pending[] = [];
    const consider = (
      e: QueueEntry,
      stageId: string | null,
      title: string | null,
      deadline: number | null,
    ) => {
      if (stageId === null || deadline === null || deadline <= now) return;
      const key = `stage:${e.incident.id}:${stageId}:${deadline}`;
      if (this.keys.has(key)) return;
      const lead = this.settings.leadMinutes[stageId] ?? this.settings.defaultLeadMinutes;
      const left = calendar.between(now, deadline);
      if (left <= 0 || left > lead) return;
      fresh.push({
        key,
        id: randomUUID(),
        kind: 'stage',
        incidentId: e.incident.id,
        stageId,
        title: `Скоро срок: ${title ?? stageId}`,
        body: `Осталось ${minutesText(left)} раб. · ${e.incident.topic}: ${excerpt(e.incident.text, 90)}`,
        at: now,
        readAt: null,
        audible: this.settings.enabled,
      });
    };
    for (const e of this.index.all()) {
      consider(e, e.stageId, e.stageTitle, e.stageDeadlineAt);
      if (e.answerStageId !== e.stageId || e.deadlineAt !== e.stageDeadlineAt) {
        consider(e, e.answerStageId, e.answerStageTitle, e.deadlineAt);
      }
    }
    const recorded = await this.record(fresh);
    if (recorded.length === 0) return;
    const audible = recorded.filter((n) => n.audible);
    if (audible.length > 0 && now - this.lastStageAlertAt < STAGE_ALERT_GAP_MS) {
      this.heldStageAlerts.push(...audible);
      this.emit(recorded, null);
      return;
    }
    if (audible.length > 0) this.lastStageAlertAt = now;
    this.emit(recorded, audible.length > 0 ? this.alertOf(audible, 'stage') : null);
  }

  /** Stage alerts held back by the gap are told together once it has passed. */
  private releaseHeld(): void {
    const now = this.ctx.now();
    if (this.heldStageAlerts.length === 0 || now - this.lastStageAlertAt < STAGE_ALERT_GAP_MS) return;
    const held = this.heldStageAlerts;
    this.heldStageAlerts = [];
    this.lastStageAlertAt = now;
    if (!this.quiet(now)) this.emit([], this.alertOf(held, 'stage'));
  }

  private async record(items: Pending[]): Promise<AppNotification[]> {
    if (items.length === 0) return [];
    const recorded = await recordNotifications(this.ctx.db, items);
    for (const n of items) this.keys.add(n.key);
    return recorded.map(({ key: _key, ...n }) => n);
  }

  private alertOf(items: AppNotification[], kind: AppNotification['kind']) {
    const first = items[0]!;
    if (items.length === 1) {
      return { title: first.title, body: first.body, sound: this.settings.sound };
    }
    const title =
      kind === 'high'
        ? `Новых инцидентов повышенной важности: ${items.length}`
        : `Скоро срок у ${items.length} этапов`;
    const body = items
      .slice(0, ALERT_DETAIL_LIMIT)
      .map((n) => (kind === 'high' ? n.body : `${n.title.replace('Скоро срок: ', '')} — ${n.body}`))
      .join('\n');
    return { title, body, sound: this.settings.sound };
  }

  private emit(
    notifications: AppNotification[],
    alert: { title: string; body: string; sound: boolean } | null,
  ) {
    this.ctx.events.emit('notifications.new', { notifications, alert });
  }
}
