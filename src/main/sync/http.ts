import http from 'node:http';
import https from 'node:https';
import { z } from 'zod';
import {
  DEVICE_HEADER,
  HubErrorBody,
  PATHS,
  POKE_PAGES_PARAM,
  PROTOCOL_HEADER,
  PullResponse,
  PushResponse,
  SessionResponse,
  SnapshotResponse,
  formatOwnEchoes,
  type OwnEchoes,
  type PushItem,
} from '../../shared/sync/wire';

export type SyncErrorKind =
  | 'offline'
  | 'unauthorized'
  | 'revoked'
  | 'forbidden'
  | 'upgrade_client'
  | 'upgrade_hub'
  | 'bad_response'
  | 'server';

/** The hub's answer to `PUT /v1/blobs/<sha256>`. */
const BlobStored = z.object({ ok: z.literal(true) });

/** Why a round failed, with a Russian message to show in the status. */
export class SyncError extends Error {
  constructor(
    readonly kind: SyncErrorKind,
    message: string,
  ) {
    super(message);
    this.name = 'SyncError';
  }

  /** Retrying later may help (the network, the hub restarting); the others need a person. */
  get transient(): boolean {
    return this.kind === 'offline' || this.kind === 'server' || this.kind === 'bad_response';
  }
}

/** One request to the hub, and its answer as bytes. */
export type HubRequest = {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: Uint8Array | null;
  /** Give up when nothing comes for this long. */
  timeoutMs: number;
};
export type HubReply = { status: number; body: Buffer };
/** Sends a request; rejects when there is no answer (no connection, a reset, a timeout). */
export type Transport = (request: HubRequest) => Promise<HubReply>;

/**
 * Node's own HTTP client over kept-alive connections. Not `fetch`: on loopback a small push's round trip
 * took 2.5–3.1 ms with it and 1.4–1.6 ms with this (fetch's WHATWG layers over undici), and a live change
 * makes one on its way. Idle connections are closed after 30 s, before the hub's 65 s; a request sent on a
 * kept connection the hub had just closed (it restarted) is sent once more on a new one, as Node's
 * documentation advises (`request.reusedSocket`): every hub request is safe to repeat.
 */
export function httpTransport(): Transport {
  const agents = {
    http: new http.Agent({ keepAlive: true, timeout: 30_000 }),
    https: new https.Agent({ keepAlive: true, timeout: 30_000 }),
  };
  const once = (r: HubRequest) =>
    new Promise<HubReply>((resolve, reject) => {
      const url = new URL(r.url);
      const secure = url.protocol === 'https:';
      const headers = r.body ? { ...r.headers, 'Content-Length': String(r.body.byteLength) } : r.headers;
      const req = (secure ? https : http).request(
        url,
        { method: r.method, headers, agent: secure ? agents.https : agents.http, timeout: r.timeoutMs },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks) }));
          res.on('error', reject);
        },
      );
      req.on('timeout', () => req.destroy(new Error(`нет ответа ${Math.round(r.timeoutMs / 1000)} с`)));
      req.on('error', (e: NodeJS.ErrnoException) =>
        reject(req.reusedSocket && e.code === 'ECONNRESET' ? new StaleConnection(e) : e),
      );
      req.end(r.body ?? undefined);
    });
  return (r) => once(r).catch((e: unknown) => (e instanceof StaleConnection ? once(r) : Promise.reject(e)));
}

/** A kept connection turned out closed by the hub before the request reached it. */
class StaleConnection extends Error {
  constructor(cause: Error) {
    super(cause.message, { cause });
  }
}

export type HubClientOptions = {
  url: string;
  token: string;
  deviceId: string;
  protocol: number;
  timeoutMs?: number;
  /** How requests go out (tests wrap `httpTransport` to cut the network or lose answers). */
  transport?: Transport;
};

/** A push request's body, as bytes. */
export function encodePush(items: readonly PushItem[]): Uint8Array {
  return Buffer.from(JSON.stringify({ items }));
}

function ok(res: HubReply): boolean {
  return res.status >= 200 && res.status < 300;
}

/** The hub's HTTP API as the workstation calls it. */
export class HubClient {
  private readonly base: string;
  private readonly transport: Transport;

  constructor(private readonly options: HubClientOptions) {
    this.base = options.url.replace(/\/+$/, '');
    this.transport = options.transport ?? httpTransport();
  }

  get url(): string {
    return this.base;
  }

  headers(): Record<string, string> {
    return {
      Authorization: `Bearer ${this.options.token}`,
      [PROTOCOL_HEADER]: String(this.options.protocol),
      [DEVICE_HEADER]: this.options.deviceId,
    };
  }

  private async send(
    method: string,
    path: string,
    body: Uint8Array | null = null,
    contentType = 'application/json',
  ): Promise<HubReply> {
    try {
      return await this.transport({
        method,
        url: `${this.base}${path}`,
        headers: { ...this.headers(), ...(body ? { 'Content-Type': contentType } : {}) },
        body,
        timeoutMs: this.options.timeoutMs ?? 60_000,
      });
    } catch (e) {
      throw new SyncError(
        'offline',
        `Нет связи с хабом ${this.base}: ${e instanceof Error ? e.message : String(e)}`,
      );
    }
  }

  private async call<T>(
    schema: z.ZodType<T>,
    method: string,
    path: string,
    body: Uint8Array | null = null,
    contentType?: string,
  ): Promise<T> {
    const res = await this.send(method, path, body, contentType);
    let parsedBody: unknown;
    try {
      parsedBody = JSON.parse(res.body.toString('utf8'));
    } catch {
      throw new SyncError(ok(res) ? 'bad_response' : 'server', `Хаб ответил ${res.status} без данных`);
    }
    this.check(res, parsedBody);
    const parsed = schema.safeParse(parsedBody);
    if (!parsed.success)
      throw new SyncError('bad_response', 'Хаб прислал данные, которые не удалось прочитать');
    return parsed.data;
  }

  private check(res: HubReply, body: unknown): void {
    if (!ok(res)) {
      const err = HubErrorBody.safeParse(body);
      const code = err.success ? err.data.error.code : 'internal';
      const message = err.success ? err.data.error.message : `Хаб ответил ${res.status}`;
      switch (code) {
        case 'unauthorized':
        case 'revoked':
        case 'forbidden':
        case 'upgrade_client':
        case 'upgrade_hub':
          throw new SyncError(code, message);
        default:
          throw new SyncError('server', message);
      }
    }
  }

  /** Sends an attachment's bytes under their SHA-256 (idempotent). */
  async putBlob(sha256: string, bytes: Buffer): Promise<void> {
    await this.call(BlobStored, 'PUT', `${PATHS.blobs}/${sha256}`, bytes, 'application/octet-stream');
  }

  /** An attachment's bytes; null when the hub does not hold them. */
  async getBlob(sha256: string): Promise<Buffer | null> {
    const res = await this.send('GET', `${PATHS.blobs}/${sha256}`);
    if (res.status === 404) return null;
    if (!ok(res)) {
      let body: unknown = null;
      try {
        body = JSON.parse(res.body.toString('utf8'));
      } catch {
        // no error body
      }
      this.check(res, body);
    }
    return res.body;
  }

  push(items: readonly PushItem[]): Promise<PushResponse> {
    return this.pushEncoded(encodePush(items));
  }

  /** A push encoded beforehand (`encodePush`): the client encodes a batch while the hub works on the last. */
  pushEncoded(body: Uint8Array): Promise<PushResponse> {
    return this.call(PushResponse, 'POST', PATHS.push, body);
  }

  /** `own`: this workstation's ops it confirmed from push answers, not to be sent back (`OwnEchoes`). */
  pull(
    after: number,
    dirVersion: number,
    limit: number,
    waitMs = 0,
    own: OwnEchoes | null = null,
  ): Promise<PullResponse> {
    const echoes = own ? `&own=${formatOwnEchoes(own)}` : '';
    return this.call(
      PullResponse,
      'GET',
      `${PATHS.pull}?after=${after}&dir=${dirVersion}&limit=${limit}&wait=${waitMs}${echoes}`,
    );
  }

  snapshot(): Promise<SnapshotResponse> {
    return this.call(SnapshotResponse, 'GET', PATHS.snapshot);
  }

  openSession(login: string, password: string): Promise<SessionResponse> {
    return this.call(
      SessionResponse,
      'POST',
      PATHS.sessions,
      Buffer.from(JSON.stringify({ login, password })),
    );
  }

  /** The poke channel's address (ws:// or wss://), asking for the pages pokes can carry (`PokeFrame`). */
  pokeUrl(): string {
    return `${this.base.replace(/^http/, 'ws')}${PATHS.poke}?${POKE_PAGES_PARAM}=1`;
  }
}
