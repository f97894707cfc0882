import { randomUUID } from 'node:crypto';
import { createHmac } from 'node:crypto';
import pg from 'pg';
import WebSocket from 'ws';
import { canonicalOpText } from '../../../src/shared/sync/canonical';
import { formatHlc } from '../../../src/shared/sync/hlc';
import type { Op } from '../../../src/shared/sync/op';
import type { AuditEventWire, IncidentDoc } from '../../../src/shared/sync/payloads';
import type { PushItem } from '../../../src/shared/sync/wire';
import { startHub, type Hub, type HubOptions } from '../../../src/main/hub/hub';
import { silentLogger } from '../../../src/main/hub/log';
import { tempDir } from '../sync/support';

export type Backend = 'sqlite' | 'postgres';

const PG_URL = process.env.OTKLIK_TEST_DATABASE_URL;

/**
 * Whether the PostgreSQL half of the hub suite can run. Never silent: without a server the reason is
 * printed, and in CI (`CI=true`) it is an error, so a CI run cannot pass without PostgreSQL.
 */
export async function probePostgres(): Promise<{ ok: true } | { ok: false; reason: string }> {
  let reason: string | null = null;
  if (!PG_URL) reason = 'OTKLIK_TEST_DATABASE_URL is not set';
  else {
    const c = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 3000 });
    try {
      await c.connect();
      await c.query('SELECT 1');
    } catch (e) {
      reason = `cannot connect to ${PG_URL}: ${(e as Error).message}`;
    } finally {
      await c.end().catch(() => undefined);
    }
  }
  if (reason === null) return { ok: true };
  if (process.env.CI === 'true') throw new Error(`PostgreSQL is required in CI for the hub suite: ${reason}`);
  console.warn(
    `\n⚠⚠⚠ PostgreSQL hub tests SKIPPED: ${reason}. Run .ci/run, or start PostgreSQL and set OTKLIK_TEST_DATABASE_URL.\n`,
  );
  return { ok: false, reason };
}

async function admin<T>(run: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: PG_URL });
  await c.connect();
  try {
    return await run(c);
  } finally {
    await c.end();
  }
}

/** A new, empty PostgreSQL database for one hub. */
export async function freshPostgresDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `otklik_hub_${Date.now().toString(36)}_${randomUUID().slice(0, 8).replace(/-/g, '')}`;
  await admin((c) => c.query(`CREATE DATABASE ${name}`));
  const url = new URL(PG_URL!);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    // A cleanup that fails (autovacuum still on it) leaves a harmless database behind.
    drop: () =>
      admin((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(
        () => undefined,
        () => undefined,
      ),
  };
}

export type RunningHub = Hub & { dispose(): Promise<void>; restart(): Promise<RunningHub> };

/** A hub on a fresh database of the backend: a temp SQLite folder, or a new PostgreSQL database. */
export async function hubOn(backend: Backend, options: Partial<HubOptions> = {}): Promise<RunningHub> {
  let dataDir: string | undefined;
  let databaseUrl: string | undefined;
  let cleanup: () => Promise<void>;
  if (backend === 'sqlite') {
    const dir = tempDir();
    dataDir = dir.path;
    cleanup = () => Promise.resolve(dir.remove());
  } else {
    const db = await freshPostgresDatabase();
    databaseUrl = db.url;
    cleanup = db.drop;
  }
  const open = async (): Promise<RunningHub> => {
    const hub = await startHub({ port: 0, dataDir, databaseUrl, logger: silentLogger, ...options });
    return Object.assign(hub, {
      async dispose() {
        await hub.close();
        await cleanup();
      },
      async restart() {
        await hub.close();
        return open();
      },
    });
  };
  return open();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the tests read the hub's answers field by field
type HubAnswer = any;

/** A workstation speaking raw HTTP to the hub: for the cases a well-behaved client never produces. */
export class RawClient {
  hlcCounter = 0;
  constructor(
    readonly url: string,
    readonly token: string,
    readonly deviceId = randomUUID(),
  ) {}

  async request(
    method: string,
    path: string,
    body?: unknown,
    protocol = 1,
  ): Promise<{ status: number; body: HubAnswer }> {
    const res = await fetch(`${this.url}${path}`, {
      method,
      headers: {
        Authorization: `Bearer ${this.token}`,
        'x-otklik-protocol': String(protocol),
        'x-otklik-device': this.deviceId,
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: res.status, body: await res.json() };
  }

  /** Opens the poke channel (asking for pages unless `pages` is false) and collects its frames. */
  async poke(pages = true, protocol = 2): Promise<PokeChannel> {
    const ws = new WebSocket(`${this.url.replace(/^http/, 'ws')}/v1/poke${pages ? '?pages=1' : ''}`, {
      headers: {
        Authorization: `Bearer ${this.token}`,
        'x-otklik-protocol': String(protocol),
        'x-otklik-device': this.deviceId,
      },
    });
    const channel = new PokeChannel(ws);
    await new Promise<void>((resolve, reject) => {
      ws.once('open', () => resolve());
      ws.once('error', reject);
    });
    return channel;
  }

  push(items: PushItem[], protocol = 1) {
    return this.request('POST', '/v1/push', { items }, protocol);
  }

  pull(after: number, limit = 1000, own?: string) {
    return this.request('GET', `/v1/pull?after=${after}&limit=${limit}${own ? `&own=${own}` : ''}`);
  }

  hlc(at = Date.now()): string {
    this.hlcCounter += 1;
    return formatHlc({ millis: at, counter: this.hlcCounter % 0xffff, node: this.deviceId });
  }

  /** An `incident.create` item by the system actor (an import). */
  create(overrides: Partial<IncidentDoc> = {}, at = Date.now()): PushItem {
    const id = randomUUID();
    const doc: IncidentDoc = {
      id,
      source: 'im',
      network: 'vk',
      url: null,
      externalId: null,
      authorName: 'Житель',
      text: 'Яма на дороге',
      publishedAt: at - 60_000,
      detectedAt: at,
      topic: 'Дороги',
      location: 'ул. Мира, 1',
      importance: 'normal',
      status: 'new',
      departmentId: null,
      version: 1,
      updatedAt: at,
      ...overrides,
      ...(overrides.id ? {} : { id }),
    };
    const op: Op = {
      opId: randomUUID(),
      kind: 'incident.create',
      entity: 'incident',
      entityId: doc.id,
      payload: doc,
      hlc: this.hlc(at),
      deviceId: this.deviceId,
      userId: null,
      schemaVersion: 1,
    };
    return { op, audit: null, sessionId: null, sig: null };
  }

  /** An `incident.update` of descriptive fields: by the system, or by a person signing with their session. */
  edit(
    entityId: string,
    fields: Record<string, unknown>,
    by: { userId: string; session: { id: string; secret: string } } | null = null,
  ): PushItem {
    return this.signed(
      {
        kind: 'incident.update',
        entity: 'incident',
        entityId,
        userId: by?.userId ?? null,
        payload: { fields },
      },
      by?.session ?? null,
    );
  }

  /** An op signed with a session's secret (or with no session at all). */
  signed(
    op: Omit<Op, 'deviceId' | 'hlc' | 'schemaVersion' | 'opId'> & Partial<Op>,
    session: { id: string; secret: string } | null,
    audit: AuditEventWire | null = null,
  ): PushItem {
    const full: Op = {
      opId: randomUUID(),
      hlc: this.hlc(),
      deviceId: this.deviceId,
      schemaVersion: 1,
      ...op,
    };
    return {
      op: full,
      audit,
      sessionId: session?.id ?? null,
      sig: session
        ? createHmac('sha256', session.secret).update(canonicalOpText(full, audit)).digest('hex')
        : null,
    };
  }
}

/** A poke channel's frames, in order, as they come. */
export class PokeChannel {
  readonly frames: HubAnswer[] = [];
  private waiting: (() => void) | null = null;
  readonly closed: Promise<void>;

  constructor(private readonly ws: WebSocket) {
    ws.on('message', (data) => {
      this.frames.push(JSON.parse(String(data)));
      this.waiting?.();
    });
    this.closed = new Promise((resolve) => ws.on('close', () => resolve()));
  }

  /** The frame at `index` (counting from the first), waiting up to `ms` for it. */
  async frame(index: number, ms = 5000): Promise<HubAnswer> {
    const deadline = Date.now() + ms;
    while (this.frames.length <= index) {
      if (Date.now() > deadline) throw new Error(`no poke frame ${index} within ${ms} ms`);
      await new Promise<void>((resolve) => {
        this.waiting = resolve;
        setTimeout(resolve, 50);
      });
    }
    return this.frames[index];
  }

  close(): void {
    this.ws.terminate();
  }
}
