import WebSocket from 'ws';
import { PokeFrame, type PullResponse } from '../../shared/sync/wire';
import { type SyncClient, type RoundResult } from './client';
import { SyncError, type SyncErrorKind } from './http';

export type LoopState = {
  /** `synced`: the last round succeeded and nothing waits; `pending`: ops wait; `offline`: no connection. */
  connection: 'online' | 'offline' | 'error';
  lastSyncAt: number | null;
  lastError: { kind: SyncErrorKind; message: string } | null;
  /** A user whose ops wait for a hub session. */
  waitingForUser: string | null;
  syncing: boolean;
};

export type LoopOptions = {
  client: SyncClient;
  now?: () => number;
  /** Called after every round and on connection changes. */
  onChange?: (state: LoopState, result: RoundResult | null) => void;
  /** Checks for local changes this often even without a kick (another process may write the database). */
  idlePollMs?: number;
  /** Pull this often even without a poke (the poke channel may be down, or another hub process took the push). */
  pullIntervalMs?: number;
  minBackoffMs?: number;
  maxBackoffMs?: number;
  /** How often to try the poke channel again while it is down (it also tells when the hub is back). */
  pokeRetryMs?: number;
  /** Returns the number of ops waiting to be pushed (to notice writes by other processes). */
  pendingCount?: () => Promise<number>;
  log?: (message: string, detail?: unknown) => void;
};

/**
 * The workstation's background sync: a round at start, on every local change (`kick`), on every poke from
 * the hub (a WebSocket), and every `pullIntervalMs`; after a failure it backs off exponentially (with
 * jitter) up to `maxBackoffMs`, and a kick or a poke does not bypass the backoff of a hub that is down.
 */
export class SyncLoop {
  private state: LoopState = {
    connection: 'offline',
    lastSyncAt: null,
    lastError: null,
    waitingForUser: null,
    syncing: false,
  };
  private timer: NodeJS.Timeout | null = null;
  private immediate: NodeJS.Immediate | null = null;
  private idle: NodeJS.Timeout | null = null;
  private ws: WebSocket | null = null;
  private wsRetry: NodeJS.Timeout | null = null;
  private stopped = true;
  private failures = 0;
  private nextAllowedAt = 0;
  private lastPending = -1;
  private round: Promise<void> | null = null;
  /** `round` is a poke's page being applied, not a round. */
  private applyingPage = false;
  private again = false;

  constructor(private readonly options: LoopOptions) {}

  get current(): LoopState {
    return { ...this.state };
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.connectPoke();
    this.schedule(0);
    const idle = this.options.idlePollMs ?? 500;
    this.idle = setInterval(() => void this.checkPending(), idle);
    this.idle.unref();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    if (this.immediate) clearImmediate(this.immediate);
    this.immediate = null;
    if (this.idle) clearInterval(this.idle);
    if (this.wsRetry) clearTimeout(this.wsRetry);
    this.timer = null;
    this.idle = null;
    this.ws?.terminate();
    this.ws = null;
    await this.round?.catch(() => undefined);
  }

  /** Something changed locally (or the hub poked): sync now unless backing off. */
  kick(): void {
    if (this.stopped) return;
    if (this.round) {
      // The round's end schedules the next one: right away (or after the backoff if this one fails).
      this.again = true;
      return;
    }
    const now = this.now();
    this.schedule(Math.max(0, this.nextAllowedAt - now));
  }

  /** Sync now whatever the backoff says (a person pressed «Синхронизировать»). */
  async runNow(): Promise<void> {
    this.nextAllowedAt = 0;
    if (this.applyingPage) await this.round;
    await this.runRound();
  }

  private now(): number {
    return this.options.now?.() ?? Date.now();
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.immediate) clearImmediate(this.immediate);
    this.immediate = null;
    const run = () => {
      this.timer = null;
      this.immediate = null;
      void this.runRound();
    };
    // «Now» without a timer: Node's shortest timeout is a millisecond, a tenth of a live change's way.
    if (delayMs <= 0) {
      // Not unref'd: an unref'd immediate waits for the next I/O event before it runs.
      this.immediate = setImmediate(run);
      return;
    }
    this.timer = setTimeout(run, delayMs);
    this.timer.unref();
  }

  private async checkPending(): Promise<void> {
    if (!this.options.pendingCount || this.state.syncing) return;
    try {
      const n = await this.options.pendingCount();
      if (n > 0 && n !== this.lastPending) this.kick();
      this.lastPending = n;
    } catch {
      // the database is closing
    }
  }

  private runRound(): Promise<void> {
    if (this.round) {
      // A change or a poke during a round: one more round right after it, not at the next interval.
      this.again = true;
      return this.round;
    }
    this.again = false;
    this.round = (async () => {
      this.state.syncing = true;
      let result: RoundResult | null = null;
      try {
        result = await this.options.client.syncOnce();
        this.failures = 0;
        this.nextAllowedAt = 0;
        this.state = {
          connection: 'online',
          lastSyncAt: this.now(),
          lastError: null,
          waitingForUser: result.waitingForUser,
          syncing: false,
        };
        if (!this.ws) this.connectPoke();
      } catch (e) {
        const err =
          e instanceof SyncError ? e : new SyncError('server', e instanceof Error ? e.message : String(e));
        if (!(e instanceof SyncError)) this.options.log?.('sync round failed', e);
        this.failures += 1;
        const min = this.options.minBackoffMs ?? 500;
        const max = this.options.maxBackoffMs ?? 30_000;
        const base = err.transient ? Math.min(max, min * 2 ** (this.failures - 1)) : max;
        const delay = Math.round(base * (0.5 + Math.random() * 0.5));
        this.nextAllowedAt = this.now() + delay;
        this.state = {
          ...this.state,
          connection: err.kind === 'offline' ? 'offline' : 'error',
          lastError: { kind: err.kind, message: err.message },
          syncing: false,
        };
      } finally {
        this.state.syncing = false;
        this.round = null;
      }
      if (this.stopped) return;
      this.options.onChange?.(this.current, result);
      const interval = this.options.pullIntervalMs ?? 15_000;
      if (this.state.lastError) this.schedule(Math.max(0, this.nextAllowedAt - this.now()));
      else this.schedule(this.again ? 0 : interval);
    })();
    return this.round;
  }

  /**
   * A poke that brought its ops (`PokeFrame`): applied at once when it follows on from what is here, with
   * no round trip; otherwise (or while a round runs) a round pulls them.
   */
  private applyPage(after: number, dir: number, page: PullResponse): void {
    if (this.stopped) return;
    if (this.round) {
      this.again = true;
      return;
    }
    this.again = false;
    this.applyingPage = true;
    this.round = (async () => {
      let result: RoundResult | null = null;
      try {
        result = await this.options.client.applyPoke(after, dir, page);
      } catch (e) {
        this.options.log?.('applying a poke failed', e);
      } finally {
        this.round = null;
        this.applyingPage = false;
      }
      if (this.stopped) return;
      if (result) {
        // A failed round's error stays shown until a round succeeds: the page says nothing of the push.
        this.state = {
          ...this.state,
          connection: this.state.lastError ? this.state.connection : 'online',
          lastSyncAt: this.now(),
        };
        this.options.onChange?.(this.current, result);
      }
      if (!result || page.more || this.again) this.kick();
    })();
  }

  /** The hub's poke channel; while it is down, reconnects every `pokeRetryMs`. */
  private connectPoke(): void {
    if (this.stopped || this.ws) return;
    const http = this.options.client.http;
    let ws: WebSocket;
    try {
      ws = new WebSocket(http.pokeUrl(), { headers: http.headers(), handshakeTimeout: 5000 });
    } catch {
      return;
    }
    this.ws = ws;
    ws.on('message', (data) => {
      let frame: PokeFrame;
      try {
        frame = PokeFrame.parse(JSON.parse(String(data)));
      } catch {
        return;
      }
      if (frame.pull && frame.after !== undefined && frame.dir !== undefined) {
        this.applyPage(frame.after, frame.dir, frame.pull);
      } else this.kick();
    });
    ws.on('open', () => {
      // The hub is reachable again: no reason to wait out the backoff of a failed round.
      this.nextAllowedAt = 0;
      this.kick();
    });
    ws.on('error', () => undefined);
    ws.on('close', () => {
      if (this.ws === ws) this.ws = null;
      if (this.stopped) return;
      if (this.wsRetry) clearTimeout(this.wsRetry);
      // A cheap probe: when it connects, the round that was backing off runs at once.
      const delay = (this.options.pokeRetryMs ?? 2000) * (0.75 + Math.random() * 0.5);
      this.wsRetry = setTimeout(() => this.connectPoke(), delay);
      this.wsRetry.unref();
    });
  }
}
