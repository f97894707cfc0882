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

export type HubClientOptions = {
  url: string;
  token: string;
  deviceId: string;
  protocol: number;
  timeoutMs?: number;
  fetch?: typeof fetch;
};

/** A push request's body. Bytes, not a string: fetch would scan a string of megabytes for lone surrogates. */
export function encodePush(items: readonly PushItem[]): Uint8Array<ArrayBuffer> {
  return new Uint8Array(Buffer.from(JSON.stringify({ items })));
}

/** The hub's HTTP API as the workstation calls it. */
export class HubClient {
  private readonly base: string;
  private readonly doFetch: typeof fetch;

  constructor(private readonly options: HubClientOptions) {
    this.base = options.url.replace(/\/+$/, '');
    this.doFetch = options.fetch ?? fetch;
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

  private async send(path: string, init: RequestInit, contentType: string | null): Promise<Response> {
    try {
      return await this.doFetch(`${this.base}${path}`, {
        ...init,
        headers: { ...this.headers(), ...(contentType ? { 'Content-Type': contentType } : {}) },
        signal: AbortSignal.timeout(this.options.timeoutMs ?? 60_000),
      });
    } catch (e) {
      throw new SyncError(
        'offline',
        `Нет связи с хабом ${this.base}: ${e instanceof Error ? (e.cause instanceof Error ? e.cause.message : e.message) : String(e)}`,
      );
    }
  }

  private async call<T>(
    schema: z.ZodType<T>,
    path: string,
    init: RequestInit = {},
    contentType = 'application/json',
  ): Promise<T> {
    const res = await this.send(path, init, init.body ? contentType : null);
    let body: unknown;
    try {
      body = await res.json();
    } catch {
      throw new SyncError(res.ok ? 'bad_response' : 'server', `Хаб ответил ${res.status} без данных`);
    }
    this.check(res, body);
    const parsed = schema.safeParse(body);
    if (!parsed.success)
      throw new SyncError('bad_response', 'Хаб прислал данные, которые не удалось прочитать');
    return parsed.data;
  }

  private check(res: Response, body: unknown): void {
    if (!res.ok) {
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
    await this.call(
      BlobStored,
      `${PATHS.blobs}/${sha256}`,
      { method: 'PUT', body: new Uint8Array(bytes) },
      'application/octet-stream',
    );
  }

  /** An attachment's bytes; null when the hub does not hold them. */
  async getBlob(sha256: string): Promise<Buffer | null> {
    const res = await this.send(`${PATHS.blobs}/${sha256}`, {}, null);
    if (res.status === 404) {
      await res.arrayBuffer().catch(() => undefined);
      return null;
    }
    if (!res.ok) {
      let body: unknown = null;
      try {
        body = await res.json();
      } catch {
        // no error body
      }
      this.check(res, body);
    }
    return Buffer.from(await res.arrayBuffer());
  }

  push(items: readonly PushItem[]): Promise<PushResponse> {
    return this.pushEncoded(encodePush(items));
  }

  /** A push encoded beforehand (`encodePush`): the client encodes a batch while the hub works on the last. */
  pushEncoded(body: Uint8Array<ArrayBuffer>): Promise<PushResponse> {
    return this.call(PushResponse, PATHS.push, { method: 'POST', body });
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
      `${PATHS.pull}?after=${after}&dir=${dirVersion}&limit=${limit}&wait=${waitMs}${echoes}`,
    );
  }

  snapshot(): Promise<SnapshotResponse> {
    return this.call(SnapshotResponse, PATHS.snapshot);
  }

  openSession(login: string, password: string): Promise<SessionResponse> {
    return this.call(SessionResponse, PATHS.sessions, {
      method: 'POST',
      body: JSON.stringify({ login, password }),
    });
  }

  /** The poke channel's address (ws:// or wss://), asking for the pages pokes can carry (`PokeFrame`). */
  pokeUrl(): string {
    return `${this.base.replace(/^http/, 'ws')}${PATHS.poke}?${POKE_PAGES_PARAM}=1`;
  }
}
