import type { WebSocket } from 'ws';
import { SYNC_SCHEMA_VERSION } from '../../shared/sync/op';
import { callerOf } from './caller';
import type { Caller, HubContext, PokeRange } from './context';
import { pullPage, pullResponseText, servedTo, type OpRow, type PullPage } from './pull';

/** A poke carries its push's ops (to workstations that asked for pages) when they are at most this many. */
const POKE_PAGE_MAX = 200;

type Channel = { id: string; pages: number | null };
type Job = PokeRange & { except: string | undefined };

/**
 * The workstations' poke channels (`GET /v1/poke`, `PokeFrame`). After each push every channel but the
 * pusher's hears of it: a plain poke, or for a channel that asked for pages (`pages`: the protocol it pulls
 * in) a small push's ops as its pull would serve them. Pages go out one push after another, in order;
 * pushes that come while pages are being made are served together (one range) rather than queued one by
 * one behind a slow database.
 */
export class PokeChannels {
  private readonly channels = new Map<WebSocket, Channel>();
  private job: Promise<void> = Promise.resolve();
  private queued: Job | null = null;
  private closing = false;

  constructor(private readonly ctx: HubContext) {}

  add(ws: WebSocket, workstationId: string, pages: number | null): void {
    this.channels.set(ws, { id: workstationId, pages });
    ws.on('close', () => this.channels.delete(ws));
    ws.on('error', () => this.channels.delete(ws));
  }

  /** The ops `range` were accepted from workstation `except` (undefined: from the intake). */
  poke(range: PokeRange, except: string | undefined): void {
    const frame = JSON.stringify({ type: 'poke', head: range.head });
    for (const [ws, c] of this.channels) {
      if (c.pages === null && c.id !== except && ws.readyState === ws.OPEN) ws.send(frame);
    }
    this.queuePages(range, except);
  }

  /** Tells every channel the hub is stopping, and waits for the pages being made. */
  async close(): Promise<void> {
    this.closing = true;
    for (const ws of this.channels.keys()) ws.close(1001, 'hub stopping');
    await this.job;
  }

  terminate(): void {
    for (const ws of this.channels.keys()) ws.terminate();
  }

  private queuePages(range: PokeRange, except: string | undefined): void {
    const queued = this.queued;
    if (queued) {
      // The ops at hand cover the whole range only when the pushes follow on from each other.
      if (queued.ops && range.ops && range.after === queued.head) queued.ops = [...queued.ops, ...range.ops];
      else if (queued.ops && range.ops && range.head === queued.after)
        queued.ops = [...range.ops, ...queued.ops];
      else queued.ops = null;
      queued.after = Math.min(queued.after, range.after);
      queued.head = Math.max(queued.head, range.head);
      queued.dirVersion = Math.max(queued.dirVersion, range.dirVersion);
      // Too many for a page: plain pokes, and nothing to keep.
      if (queued.head - queued.after > POKE_PAGE_MAX) queued.ops = null;
      // Each pusher's own round pulls its ops; a range of several pushers' ops goes to all.
      if (queued.except !== except) queued.except = undefined;
      return;
    }
    const small = range.head - range.after <= POKE_PAGE_MAX;
    this.queued = { ...range, ops: small ? range.ops : null, except };
    this.job = this.job
      .then(() => {
        const job = this.queued!;
        this.queued = null;
        return this.sendPages(job);
      })
      .catch(() => undefined);
  }

  private async sendPages(job: Job): Promise<void> {
    const plain = JSON.stringify({ type: 'poke', head: job.head });
    const targets = [...this.channels].filter(
      ([ws, c]) => c.pages !== null && c.id !== job.except && ws.readyState === ws.OPEN,
    );
    if (targets.length === 0 || this.closing) return;
    if (job.head - job.after > POKE_PAGE_MAX) {
      for (const [ws] of targets) ws.send(plain);
      return;
    }
    const served = new Set<WebSocket>();
    try {
      await this.sendPagesTo(job, targets, served);
    } catch (e) {
      // Whoever is left gets a plain poke: their pull brings the same.
      this.ctx.logger.warn('poke.pages_failed', { err: e });
      for (const [ws] of targets) if (!served.has(ws) && ws.readyState === ws.OPEN) ws.send(plain);
    }
  }

  private async sendPagesTo(job: Job, targets: [WebSocket, Channel][], served: Set<WebSocket>) {
    // Each workstation as it is now: one revoked since its channel opened gets nothing more; one whose
    // departments changed is served by its new scope.
    const rows = await this.ctx.db
      .selectFrom('hub_workstations')
      .selectAll()
      .where('id', 'in', [...new Set(targets.map(([, c]) => c.id))])
      .execute();
    // A page brings the directory when it changed since the push (`pullPage`); else it is this version.
    const dir = job.dirVersion;
    for (const [ws, c] of targets) {
      const row = rows.find((r) => r.id === c.id);
      if (!row || row.revoked_at !== null) {
        served.add(ws);
        ws.terminate();
        continue;
      }
      const caller = callerOf(row);
      const protocol = c.pages ?? SYNC_SCHEMA_VERSION;
      // Built from the push's ops; read from the database when an incident comes into this workstation's
      // scope (the page then brings it whole) or the ops are not at hand. One more than the numbers: a
      // full page would say «more».
      const page =
        this.pageOfPush(job, caller, protocol) ??
        (await pullPage(this.ctx, caller, job.after, job.head - job.after + 1, dir, {
          protocol,
          upTo: job.head,
        }));
      served.add(ws);
      if (ws.readyState !== ws.OPEN) continue;
      ws.send(
        `{"type":"poke","head":${job.head},"after":${job.after},"dir":${dir},"pull":${pullResponseText(page)}}`,
      );
    }
  }

  /** What `pullPage` serves this caller of the push's range, from the ops at hand; null when it needs more. */
  private pageOfPush(job: Job, caller: Caller, protocol: number): PullPage | null {
    if (!job.ops) return null;
    const departments = caller.departments;
    const rows: OpRow[] = [];
    for (const { row, scope } of job.ops) {
      if (departments !== null) {
        const mine = scope.filter((s) => departments.includes(s.departmentId));
        if (mine.length === 0) continue;
        if (mine.some((s) => s.entered === 1)) return null;
      }
      if (!servedTo(protocol, row.kind)) continue;
      rows.push(row);
    }
    return {
      rows,
      bundles: [],
      cursor: job.head,
      more: false,
      head: job.head,
      hubTime: this.ctx.now(),
      directory: null,
      scope: departments,
    };
  }
}
