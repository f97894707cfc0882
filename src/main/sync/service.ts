import type { SyncConflict, SyncStatus } from '../../shared/api/sync';
import type { Db } from '../db/open';
import { countPendingOps } from '../db/outbox';
import { findUserById, listUsers, type UserRecord } from '../db/users';
import type { CoreEvents } from '../core/events';
import type { Identity } from '../core/identity';
import type { Handlers, Logger } from '../core/dispatch';
import { SyncClient } from './client';
import { SyncError } from './http';
import { SyncLoop, type LoopState } from './loop';
import { syncDb } from './schema';
import { readHubConfig, readLastSyncAt, writeHubConfig, type HubConfig } from './state';

export type SyncServiceOptions = {
  db: Db;
  identity: Identity;
  events: CoreEvents;
  now: () => number;
  logger: Logger;
  /** Run the background loop (the app and the web host); a one-shot CLI command does not. */
  background: boolean;
  /** The data folder (attachments' files). */
  filesDir?: string;
};

type SignIn = Handlers['session.signIn'];

/**
 * The workstation's side of sync inside the core: the background loop once the workstation has joined a
 * hub, the status the UI shows, the conflicts, and hub sessions opened at sign-in.
 */
export class SyncService {
  private client: SyncClient | null = null;
  /** What runs after each round (sessions, the status event): awaited before the database closes. */
  private afterRounds: Promise<void> = Promise.resolve();
  private loop: SyncLoop | null = null;
  private config: HubConfig | null = null;
  /** Credentials of people who signed in while the hub was unreachable: memory only, until a session opens. */
  private readonly awaitingSession = new Map<string, { login: string; password: string }>();
  private suppressKick = false;
  private readonly unsubscribe: () => void;

  private constructor(private readonly options: SyncServiceOptions) {
    this.unsubscribe = options.events.on('queue.changed', () => {
      if (!this.suppressKick) this.loop?.kick();
    });
  }

  static async start(options: SyncServiceOptions): Promise<SyncService> {
    const service = new SyncService(options);
    service.config = await readHubConfig(syncDb(options.db));
    if (service.config) service.connect(service.config);
    return service;
  }

  private connect(config: HubConfig): void {
    const { db, identity, now, events } = this.options;
    this.client = new SyncClient({
      db,
      identity,
      hub: config,
      now,
      filesDir: this.options.filesDir,
      onApplied: (ids) => {
        this.suppressKick = true;
        try {
          events.emit('queue.changed', { reason: 'updated', ids });
        } finally {
          this.suppressKick = false;
        }
      },
    });
    if (!this.options.background) return;
    this.loop = new SyncLoop({
      client: this.client,
      now,
      pendingCount: () => countPendingOps(db),
      onChange: (state) => {
        this.afterRounds = this.afterRounds
          .then(() => this.afterRound(state))
          .catch((e: unknown) => this.options.logger.error('sync status update failed', e));
      },
      log: (m, d) => this.options.logger.error(m, d),
    });
    this.loop.start();
  }

  private async afterRound(state: LoopState): Promise<void> {
    if (state.connection === 'online' && this.awaitingSession.size > 0) await this.openPendingSessions();
    this.options.events.emit('sync.status', await this.status());
  }

  private async openPendingSessions(): Promise<void> {
    for (const [userId, c] of [...this.awaitingSession]) {
      try {
        await this.client?.openSession(c.login, c.password);
        this.awaitingSession.delete(userId);
        this.loop?.kick();
      } catch (e) {
        // A refusal (password changed on the hub) is final; the network is retried after the next round.
        if (!(e instanceof SyncError) || !e.transient) this.awaitingSession.delete(userId);
      }
    }
  }

  async status(): Promise<SyncStatus> {
    const db = syncDb(this.options.db);
    const pending = await countPendingOps(this.options.db);
    const conflicts = await db
      .selectFrom('sync_conflicts')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('seen_at', 'is', null)
      .executeTakeFirstOrThrow();
    const state = this.loop?.current ?? null;
    const waiting = state?.waitingForUser ? await findUserById(this.options.db, state.waitingForUser) : null;
    return {
      joined: this.config !== null,
      hubUrl: this.config?.url ?? null,
      connection: this.config === null ? 'not-joined' : (state?.connection ?? 'offline'),
      syncing: state?.syncing ?? false,
      pending,
      lastSyncAt: await readLastSyncAt(db),
      error: state?.lastError ?? null,
      waitingForUser: waiting ? waiting.displayName : (state?.waitingForUser ?? null),
      conflicts: Number(conflicts.n),
    };
  }

  /** Joins a hub: checks the address and the token first, then keeps them and starts syncing. */
  async join(url: string, token: string): Promise<SyncStatus> {
    const config = { url: url.replace(/\/+$/, ''), token: token.trim() };
    const probe = new SyncClient({ db: this.options.db, identity: this.options.identity, hub: config });
    await probe.http.pull(0, 0, 1);
    await this.loop?.stop();
    this.loop = null;
    await writeHubConfig(syncDb(this.options.db), config);
    this.config = config;
    this.connect(config);
    if (!this.options.background) await this.client?.syncOnce();
    return this.status();
  }

  async conflicts(user: UserRecord | null, includeSeen: boolean): Promise<SyncConflict[]> {
    let q = syncDb(this.options.db)
      .selectFrom('sync_conflicts')
      .leftJoin('audit_events', 'audit_events.id', 'sync_conflicts.op_id')
      .select([
        'sync_conflicts.op_id',
        'sync_conflicts.incident_id',
        'sync_conflicts.kind',
        'sync_conflicts.user_id',
        'sync_conflicts.code',
        'sync_conflicts.message',
        'sync_conflicts.created_at',
        'sync_conflicts.seen_at',
        'audit_events.action',
      ])
      .orderBy('sync_conflicts.created_at', 'desc');
    if (!includeSeen) q = q.where('sync_conflicts.seen_at', 'is', null);
    // Shown to its author; the head of the centre and the administrator see everyone's.
    if (user && user.role !== 'supervisor' && user.role !== 'admin')
      q = q.where('sync_conflicts.user_id', '=', user.id);
    const rows = await q.execute();
    const names = new Map((await listUsers(this.options.db)).map((u) => [u.id, u.displayName]));
    return rows.map((r) => ({
      opId: r.op_id,
      incidentId: r.incident_id,
      kind: r.kind,
      action: r.action ?? null,
      userId: r.user_id,
      userName: r.user_id ? (names.get(r.user_id) ?? null) : null,
      code: r.code,
      message: r.message,
      at: r.created_at,
      seen: r.seen_at !== null,
    }));
  }

  async dismissConflict(opId: string): Promise<SyncStatus> {
    await syncDb(this.options.db)
      .updateTable('sync_conflicts')
      .set({ seen_at: this.options.now() })
      .where('op_id', '=', opId)
      .where('seen_at', 'is', null)
      .execute();
    const status = await this.status();
    this.options.events.emit('sync.status', status);
    return status;
  }

  /**
   * Sign-in with a hub: after the workstation accepts the password, a hub session is opened for that person
   * (their ops are signed with it). Offline, the password is kept in memory until the hub answers.
   */
  wrapSignIn(signIn: SignIn): SignIn {
    return async (request, connection) => {
      const result = await signIn(request, connection);
      const user = connection.user;
      if (this.config && user) {
        this.awaitingSession.set(user.id, { login: request.login.trim(), password: request.password });
        void this.openPendingSessions().then(() => this.loop?.kick());
      }
      return result;
    };
  }

  /** Sync now (the UI's button, a test). */
  async syncNow(): Promise<void> {
    if (this.loop) await this.loop.runNow();
    else await this.client?.syncOnce();
  }

  async stop(): Promise<void> {
    this.unsubscribe();
    await this.loop?.stop();
    this.loop = null;
    await this.afterRounds;
  }
}
