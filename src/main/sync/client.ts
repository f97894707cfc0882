import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { SYNC_SCHEMA_VERSION } from '../../shared/sync/op';
import { AttachmentPayload } from '../../shared/sync/payloads';
import type { PullResponse, PushItem, PushResponse } from '../../shared/sync/wire';
import { attachmentFile, writeAttachmentBytes } from '../core/attachments';
import type { Db } from '../db/open';
import type { Identity } from '../core/identity';
import { applyPull, rebase, type PullBatch } from './apply';
import { encodePush, HubClient, SyncError, type Transport } from './http';
import { collectOutgoing, recordResults, refuseStrangersOps, strangersOps, type Outgoing } from './push';
import { syncDb, type SyncConn } from './schema';
import {
  readCursor,
  readDirVersion,
  readOwnEchoes,
  writeCursor,
  writeLastSyncAt,
  type HubConfig,
} from './state';

export type SyncClientOptions = {
  db: Db;
  identity: Identity;
  hub: HubConfig;
  now?: () => number;
  /** The protocol version this client speaks (tests pretend to be older or newer). */
  protocol?: number;
  /** How requests reach the hub (default: `httpTransport`; tests wrap it). */
  transport?: Transport;
  pushBatch?: number;
  pullBatch?: number;
  /**
   * The data folder whose `attachments/` holds the files: attached files are sent to the hub before their
   * records, and files attached elsewhere are fetched after a pull. Without it files are neither sent (the
   * hub then refuses their records, and the author sees the conflict) nor fetched.
   */
  filesDir?: string;
  /** Told which incidents changed here after each applied pull or rollback (to refresh the UI). */
  onApplied?: (incidentIds: string[]) => void;
};

/** A batch of the outbox, read and encoded, ready to go. */
type PreparedBatch = { outgoing: Outgoing; body: Uint8Array };

export type RoundResult = {
  pushed: number;
  accepted: number;
  rejected: number;
  pulled: number;
  bootstrapped: boolean;
  cursor: number;
  /** A person whose ops wait for their hub session (they sign in while the hub is reachable). */
  waitingForUser: string | null;
};

/**
 * Whether a pull after this push would bring nothing: every number after the cursor up to the hub's head is
 * one of this workstation's ops confirmed from the answers (the hub leaves those out of its pulls), and the
 * hub's directory is the version held here. An older hub's answer (no directory version) never qualifies.
 */
async function coversToHead(
  db: SyncConn,
  response: PushResponse,
  cursor: number,
  confirmed: readonly number[],
): Promise<boolean> {
  if (response.dirVersion === undefined || response.head < cursor) return false;
  if (response.dirVersion !== (await readDirVersion(db))) return false;
  const within = new Set(confirmed.filter((s) => s > cursor && s <= response.head));
  return within.size === response.head - cursor;
}

/**
 * One workstation's sync with the hub: push the outbox in idempotent batches, pull after the cursor, apply
 * and rebase (docs/sync.md). Every step is safe to interrupt: the hub dedups ops by id, and a pull is
 * applied in one transaction with the cursor, so a crash at any point only repeats work.
 */
export class SyncClient {
  readonly http: HubClient;
  private readonly db: SyncConn;
  private readonly now: () => number;
  private running: Promise<RoundResult> | null = null;
  /** A poke's page being applied (`applyPoke`): a round waits for it. */
  private applying: Promise<RoundResult | null> | null = null;
  /** Attachments (by rowid: the table only grows) whose files this run has looked at already. */
  private filesCheckedUpTo = 0;
  private again = false;

  constructor(private readonly options: SyncClientOptions) {
    this.db = syncDb(options.db);
    this.now = options.now ?? (() => Date.now());
    this.http = new HubClient({
      url: options.hub.url,
      token: options.hub.token,
      deviceId: options.identity.deviceId,
      protocol: options.protocol ?? SYNC_SCHEMA_VERSION,
      transport: options.transport,
    });
  }

  /** One full round. Concurrent calls share the running round and ask for one more after it. */
  syncOnce(): Promise<RoundResult> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    const run = async (): Promise<RoundResult> => {
      await this.applying?.catch(() => undefined);
      let result: RoundResult;
      do {
        this.again = false;
        result = await this.round();
      } while (this.again);
      return result;
    };
    this.running = run().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async round(): Promise<RoundResult> {
    let bootstrapped = false;
    if ((await readCursor(this.db)) === null) {
      await this.bootstrap();
      bootstrapped = true;
    }
    const { caughtUp, ...pushed } = await this.pushAll();
    // Nothing to pull when the push answered everything up to the hub's head with this workstation's own
    // confirmed echoes (the hub would leave them out): a local change costs the hub one request, not two.
    const pulled = caughtUp ? 0 : await this.pullAll();
    await this.fetchFiles();
    await writeLastSyncAt(this.db, this.now());
    return { ...pushed, pulled, bootstrapped, cursor: (await readCursor(this.db)) ?? 0 };
  }

  /**
   * Applies the page a poke brought (`PokeFrame`): what a pull after `after` would bring, with directory
   * version `dirVersion`. Null when it does not follow on from here (the cursor or the directory moved, or a
   * round is running): then a round pulls as usual. Saves the live change its pull's round trip.
   */
  async applyPoke(after: number, dirVersion: number, page: PullResponse): Promise<RoundResult | null> {
    if (this.running || this.applying) return null;
    const applying = (async (): Promise<RoundResult | null> => {
      const applied = await this.applyBatch(page, async (t) => {
        if ((await readCursor(t)) !== after) return false;
        if (!page.directory && (await readDirVersion(t)) !== dirVersion) return false;
        await writeLastSyncAt(t, this.now());
        return true;
      });
      if (!applied) return null;
      if (page.ops.some((p) => p.op.kind === 'attachment.add')) await this.fetchFiles();
      return {
        pushed: 0,
        accepted: 0,
        rejected: 0,
        pulled: page.ops.length,
        bootstrapped: false,
        cursor: page.cursor,
        waitingForUser: null,
      };
    })();
    this.applying = applying;
    try {
      return await applying;
    } finally {
      this.applying = null;
    }
  }

  /**
   * Applies what the hub sent (a snapshot, a pull, a poke's page) in one transaction, and tells which
   * incidents changed. `first`, in the same transaction, may decline it (false: nothing is applied).
   */
  private async applyBatch(batch: PullBatch, first?: (trx: SyncConn) => Promise<boolean>): Promise<boolean> {
    const applied = await this.options.db.transaction().execute(async (trx) => {
      const t = trx as unknown as SyncConn;
      if (first && !(await first(t))) return null;
      return applyPull(t, this.options.identity, batch, this.now());
    });
    if (!applied) return false;
    if (applied.touched.length > 0) this.options.onApplied?.(applied.touched);
    return true;
  }

  /** A new workstation starts from the hub's snapshot at a known sequence number. */
  async bootstrap(): Promise<void> {
    const snap = await this.http.snapshot();
    await this.applyBatch({ ops: [], bundles: snap.bundles, cursor: snap.cursor, directory: snap.directory });
  }

  async pushAll(): Promise<{
    pushed: number;
    accepted: number;
    rejected: number;
    waitingForUser: string | null;
    /** The cursor moved to the hub's head: every op up to it was this workstation's, confirmed here. */
    caughtUp: boolean;
  }> {
    let pushed = 0;
    let accepted = 0;
    let rejected = 0;
    let caughtUp = false;
    const confirmed: number[] = [];
    const limit = this.options.pushBatch ?? 2000;
    // Ops no hub session can ever sign would hold back every op after them: refused here first (a read
    // when there are none: a live change passes here).
    if ((await strangersOps(this.db)).length > 0) {
      const strangers = await this.options.db.transaction().execute(async (trx) => {
        const t = trx as unknown as SyncConn;
        const { rollback } = await refuseStrangersOps(t, this.now());
        if (rollback.length > 0) await rebase(t, rollback, (await readCursor(t)) ?? 0, { now: this.now() });
        return rollback;
      });
      if (strangers.length > 0) this.options.onApplied?.(strangers);
    }
    // Batches overlap with the hub's work: the next one is read and encoded while the hub checks this one,
    // and goes out as soon as this one is answered, before its answer is recorded here. The hub takes a
    // workstation's batches one at a time, in the order they come, so the ops still arrive in order; and if
    // this process stops before recording an answer, the next round pushes those ops again and gets the
    // same answer (the hub keeps each op's outcome by id).
    let batch = await this.prepareBatch(limit, 0);
    if (batch.outgoing.items.length === 0) {
      return { pushed, accepted, rejected, waitingForUser: batch.outgoing.waitingFor, caughtUp };
    }
    let answer = this.sendBatch(batch);
    for (;;) {
      const { outgoing } = batch;
      // A short batch took all there was: whatever is written after it is kicked into the next round.
      const more = outgoing.waitingFor === null && outgoing.items.length === limit;
      const following = more ? await this.prepareBatch(limit, outgoing.lastSeq) : null;
      const response = await answer;
      const next = following && following.outgoing.items.length > 0 ? following : null;
      const nextAnswer = next ? this.sendBatch(next) : null;
      // Awaited in the next turn; marked handled now, in case recording this answer throws first.
      nextAnswer?.catch(() => undefined);
      const rollback = await this.options.db.transaction().execute(async (trx) => {
        const t = trx as unknown as SyncConn;
        const recorded = await recordResults(t, outgoing, response.results, this.now());
        const ids = recorded.rollback;
        confirmed.push(...recorded.confirmed);
        const cursor = (await readCursor(t)) ?? 0;
        if (ids.length > 0) await rebase(t, ids, cursor, { now: this.now() });
        if (!next && (await coversToHead(t, response, cursor, confirmed))) {
          await writeCursor(t, response.head);
          caughtUp = true;
        }
        return ids;
      });
      if (rollback.length > 0) this.options.onApplied?.(rollback);
      pushed += outgoing.items.length;
      accepted += response.results.filter((r) => r.status === 'accepted').length;
      rejected += response.results.filter((r) => r.status === 'rejected').length;
      if (!next || !nextAnswer) {
        // Stopped before an op whose author has no hub session here yet (in this batch or the next).
        const waitingForUser = outgoing.waitingFor ?? following?.outgoing.waitingFor ?? null;
        return { pushed, accepted, rejected, waitingForUser, caughtUp };
      }
      batch = next;
      answer = nextAnswer;
    }
  }

  /** The next ops after `afterSeq`, encoded for the hub. */
  private async prepareBatch(limit: number, afterSeq: number): Promise<PreparedBatch> {
    const outgoing = await collectOutgoing(this.db, limit, this.now(), afterSeq);
    return { outgoing, body: encodePush(outgoing.items) };
  }

  private async sendBatch(batch: PreparedBatch): Promise<PushResponse> {
    await this.sendFiles(batch.outgoing.items);
    return this.http.pushEncoded(batch.body);
  }

  async pullAll(waitMs = 0): Promise<number> {
    let pulled = 0;
    for (;;) {
      const cursor = (await readCursor(this.db)) ?? 0;
      const response = await this.http.pull(
        cursor,
        await readDirVersion(this.db),
        this.options.pullBatch ?? 2000,
        waitMs,
        await readOwnEchoes(this.db),
      );
      if (response.cursor < cursor) throw new SyncError('bad_response', 'Хаб вернул курсор меньше текущего');
      if (
        response.ops.length > 0 ||
        response.bundles.length > 0 ||
        response.cursor !== cursor ||
        response.directory
      ) {
        await this.applyBatch(response);
      }
      pulled += response.ops.length;
      if (!response.more) break;
    }
    return pulled;
  }

  /** Sends the bytes of the files these ops attach (a file missing here is left for the hub to refuse). */
  private async sendFiles(items: readonly PushItem[]): Promise<void> {
    const root = this.options.filesDir;
    if (!root) return;
    const sent = new Set<string>();
    for (const item of items) {
      if (item.op.kind !== 'attachment.add') continue;
      const file = AttachmentPayload.safeParse(item.op.payload);
      if (!file.success || sent.has(file.data.sha256)) continue;
      let bytes: Buffer;
      try {
        bytes = await readFile(attachmentFile(root, file.data.sha256, file.data.fileName));
      } catch {
        continue;
      }
      await this.http.putBlob(file.data.sha256, bytes);
      sent.add(file.data.sha256);
    }
  }

  /**
   * Fetches the files of attachments made on other workstations. Each is checked once per run of the app
   * (a file the hub does not hold, made before files were synced, is not asked for again until a restart);
   * a round reads only the records added since the last one looked, not the whole table.
   */
  async fetchFiles(): Promise<number> {
    const root = this.options.filesDir;
    if (!root) return 0;
    const { rows } = await sql<{ n: number; sha256: string; file_name: string }>`
      SELECT rowid AS n, sha256, file_name FROM attachments WHERE rowid > ${this.filesCheckedUpTo}
      ORDER BY rowid`.execute(this.db);
    let fetched = 0;
    for (const r of rows) {
      if (!existsSync(attachmentFile(root, r.sha256, r.file_name))) {
        const bytes = await this.http.getBlob(r.sha256);
        if (bytes && createHash('sha256').update(bytes).digest('hex') === r.sha256) {
          writeAttachmentBytes(root, r.sha256, r.file_name, bytes);
          fetched += 1;
        }
      }
      this.filesCheckedUpTo = r.n;
    }
    return fetched;
  }

  /** Opens the user's hub session (at sign-in) and keeps its secret for signing their ops. */
  async openSession(login: string, password: string): Promise<{ userId: string }> {
    const s = await this.http.openSession(login, password);
    await this.db
      .insertInto('sync_sessions')
      .values({
        user_id: s.user.id,
        session_id: s.sessionId,
        secret: s.secret,
        expires_at: s.expiresAt,
        created_at: this.now(),
      })
      .onConflict((oc) =>
        oc
          .column('user_id')
          .doUpdateSet({ session_id: s.sessionId, secret: s.secret, expires_at: s.expiresAt }),
      )
      .execute();
    return { userId: s.user.id };
  }
}
