import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { WebSocketServer } from 'ws';
import { type z } from 'zod';
import {
  DEVICE_HEADER,
  PATHS,
  PROTOCOL_HEADER,
  parseOwnEchoes,
  POKE_PAGES_PARAM,
  PushRequest,
  SessionRequest,
  type HealthResponse,
  type HubErrorBody,
} from '../../shared/sync/wire';
import { checkProtocol } from '../../shared/sync/versions';
import { authenticate } from './caller';
import type { Caller, HubContext, PokeRange } from './context';
import { HubError } from './errors';
import { intake } from './intake';
import { getBlob, putBlob } from './blobs';
import { PokeChannels } from './pokes';
import { pullPage, pullResponseText, snapshot } from './pull';
import { checkPushProtocol, pushOps } from './push';
import { closeSession, openSession } from './sessions';

const MAX_BODY_BYTES = 64 * 1024 * 1024;
const MAX_WAIT_MS = 30_000;

export type HubServer = {
  url: string;
  port: number;
  server: Server;
  /**
   * Tells every connected workstation but `except` (the one that pushed: its round pulls next) that the
   * ops `after`+1…`head` are there; those that asked for pages get them with the poke (`PokeFrame`).
   */
  poke(range: PokeRange, except?: string): void;
  close(): Promise<void>;
};

function readBody(req: IncomingMessage): Promise<string> {
  return readBytes(req).then((b) => b.toString('utf8'));
}

function readBytes(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY_BYTES) {
        reject(new HubError('too_large', 'Слишком большой запрос'));
        req.destroy();
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function parseJson<T>(schema: z.ZodType<T>, text: string): T {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new HubError('bad_request', 'Тело запроса — не JSON');
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new HubError(
      'bad_request',
      `Неверный запрос: ${first ? `${first.path.join('.')}: ${first.message}` : ''}`,
    );
  }
  return parsed.data;
}

function send(res: ServerResponse, status: number, body: unknown): void {
  sendText(res, status, JSON.stringify(body));
}

function sendText(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
  });
  res.end(text);
}

function header(req: IncomingMessage, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
}

function checkClientProtocol(ctx: HubContext, req: IncomingMessage): number {
  const version = Number(header(req, PROTOCOL_HEADER) ?? 'NaN');
  switch (checkProtocol(version, ctx.protocol)) {
    case 'upgrade_client':
      throw new HubError(
        'upgrade_client',
        `Версия протокола рабочего места (${Number.isNaN(version) ? 'не указана' : version}) устарела: хаб работает с ${ctx.protocol.min}–${ctx.protocol.current}. Обновите приложение`,
      );
    case 'upgrade_hub':
      throw new HubError(
        'upgrade_hub',
        `Рабочее место новее хаба (протокол ${version}, хаб знает до ${ctx.protocol.current}). Обновите хаб`,
      );
    case 'ok':
      return version;
  }
}

/** Long-poll waiters: resolved when a push commits. */
class HeadWaiters {
  private readonly waiting = new Set<() => void>();
  wait(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.waiting.delete(done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.waiting.add(done);
    });
  }
  wakeAll(): void {
    for (const w of [...this.waiting]) w();
  }
}

/**
 * The hub's HTTP API and its poke WebSocket. Loopback by default; every endpoint but health needs a token.
 */
export async function startHubServer(
  ctx: HubContext,
  options: { port: number; host?: string },
): Promise<HubServer> {
  const waiters = new HeadWaiters();
  const sockets = new Set<Socket>();
  let closing = false;
  let inFlight = 0;
  let drained: (() => void) | null = null;

  const route = async (
    req: IncomingMessage,
    res: ServerResponse,
    url: URL,
  ): Promise<{ status: number; caller?: Caller }> => {
    const path = url.pathname;
    if (path === PATHS.health && req.method === 'GET') {
      const counter = await ctx.db
        .selectFrom('hub_counter')
        .select('head')
        .where('id', '=', 1)
        .executeTakeFirstOrThrow();
      const body: HealthResponse = {
        ok: !closing,
        database: ctx.dialect,
        head: counter.head,
        protocol: ctx.protocol,
        hubTime: ctx.now(),
      };
      send(res, closing ? 503 : 200, body);
      return { status: closing ? 503 : 200 };
    }
    if (closing) throw new HubError('unavailable', 'Хаб останавливается, повторите позже');
    const caller = await authenticate(ctx, header(req, 'authorization'), header(req, DEVICE_HEADER));
    if (path === PATHS.intake && req.method === 'POST') {
      const type = header(req, 'content-type') ?? '';
      const body = await readBody(req);
      send(res, 200, await intake(ctx, caller, body, type.includes('csv') ? 'csv' : 'json'));
      return { status: 200, caller };
    }
    const protocol = checkClientProtocol(ctx, req);
    if (path === PATHS.push && req.method === 'POST') {
      const body = parseJson(PushRequest, await readBody(req));
      checkPushProtocol(ctx, protocol, body.items);
      // The head and directory as the push's transaction left them: a later push's numbers are for the
      // next pull.
      const { results, head, dirVersion } = await pushOps(ctx, caller, body.items);
      // The other workstations' pages, made as the push committed, go out before this answer: each write
      // is a system call of its own, and they wait for the change that this workstation already shows.
      await new Promise((resolve) => setImmediate(resolve));
      send(res, 200, { results, head, hubTime: ctx.now(), dirVersion });
      return { status: 200, caller };
    }
    if (path === PATHS.pull && req.method === 'GET') {
      const after = Number(url.searchParams.get('after') ?? '0');
      const limit = Number(url.searchParams.get('limit') ?? '1000');
      const dir = Number(url.searchParams.get('dir') ?? '0');
      const wait = Math.min(Number(url.searchParams.get('wait') ?? '0'), MAX_WAIT_MS);
      if (![after, limit, dir, wait].every((n) => Number.isInteger(n) && n >= 0)) {
        throw new HubError('bad_request', 'after, limit, dir и wait — целые неотрицательные числа');
      }
      const own = parseOwnEchoes(url.searchParams.get('own'));
      if (own === undefined) throw new HubError('bad_request', 'own — диапазон номеров вида 10-20');
      let page = await pullPage(ctx, caller, after, limit, dir, { protocol, own });
      if (wait > 0 && page.rows.length === 0 && page.head <= after && !closing) {
        await waiters.wait(wait);
        page = await pullPage(ctx, caller, after, limit, dir, { protocol, own });
      }
      sendText(res, 200, pullResponseText(page));
      return { status: 200, caller };
    }
    if (path.startsWith(`${PATHS.blobs}/`) && (req.method === 'PUT' || req.method === 'GET')) {
      const sha256 = path.slice(PATHS.blobs.length + 1);
      if (req.method === 'PUT') {
        await putBlob(ctx, caller, sha256, await readBytes(req));
        send(res, 200, { ok: true });
      } else {
        const bytes = await getBlob(ctx, caller, sha256);
        res.writeHead(200, {
          'Content-Type': 'application/octet-stream',
          'Content-Length': bytes.length,
          'Cache-Control': 'no-store',
          'X-Content-Type-Options': 'nosniff',
        });
        res.end(bytes);
      }
      return { status: 200, caller };
    }
    if (path === PATHS.snapshot && req.method === 'GET') {
      send(res, 200, await snapshot(ctx, caller));
      return { status: 200, caller };
    }
    if (path === PATHS.sessions && req.method === 'POST') {
      const body = parseJson(SessionRequest, await readBody(req));
      send(res, 200, await openSession(ctx, caller, body.login, body.password));
      return { status: 200, caller };
    }
    if (path.startsWith(`${PATHS.sessions}/`) && req.method === 'DELETE') {
      await closeSession(ctx, caller, decodeURIComponent(path.slice(PATHS.sessions.length + 1)));
      send(res, 200, { ok: true });
      return { status: 200, caller };
    }
    throw new HubError('not_found', `Нет такого адреса: ${req.method ?? ''} ${path}`);
  };

  const server = createServer((req, res) => {
    const started = performance.now();
    inFlight += 1;
    const url = new URL(req.url ?? '/', 'http://hub');
    route(req, res, url)
      .then(
        ({ status, caller }) => ({ status, caller: caller?.name }),
        (e: unknown) => {
          if (e instanceof HubError) {
            const body: HubErrorBody = { error: { code: e.code, message: e.message } };
            if (!res.headersSent) send(res, e.status, body);
            return { status: e.status, caller: undefined, error: e.code };
          }
          ctx.logger.error('request.failed', { path: url.pathname, err: e });
          const body: HubErrorBody = { error: { code: 'internal', message: 'Внутренняя ошибка хаба' } };
          if (!res.headersSent) send(res, 500, body);
          return { status: 500, caller: undefined, error: 'internal' };
        },
      )
      .then((outcome) => {
        if (url.pathname !== PATHS.health) {
          ctx.logger.info('request', {
            method: req.method,
            path: url.pathname,
            ms: Math.round((performance.now() - started) * 10) / 10,
            ...outcome,
          });
        }
      })
      .finally(() => {
        inFlight -= 1;
        if (inFlight === 0) drained?.();
      });
  });
  server.keepAliveTimeout = 65_000;
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });

  const wss = new WebSocketServer({ noServer: true, maxPayload: 1024 });
  const pokes = new PokeChannels(ctx);
  server.on('upgrade', (req, socket, head) => {
    const url = new URL(req.url ?? '/', 'http://hub');
    const path = url.pathname;
    if (path !== PATHS.poke || closing) {
      socket.write('HTTP/1.1 404 Not Found\r\n\r\n');
      socket.destroy();
      return;
    }
    authenticate(ctx, header(req, 'authorization'), header(req, DEVICE_HEADER))
      .then(
        (caller) => {
          if (caller.kind !== 'workstation') throw new HubError('forbidden', 'forbidden');
          const protocol = Number(header(req, PROTOCOL_HEADER) ?? 'NaN');
          const pages =
            url.searchParams.get(POKE_PAGES_PARAM) === '1' && checkProtocol(protocol, ctx.protocol) === 'ok'
              ? protocol
              : null;
          wss.handleUpgrade(req, socket, head, (ws) => pokes.add(ws, caller.id, pages));
        },
        (e: unknown) => {
          const status = e instanceof HubError ? e.status : 500;
          socket.write(`HTTP/1.1 ${status} Refused\r\n\r\n`);
          socket.destroy();
        },
      )
      .catch(() => socket.destroy());
  });

  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;

  return {
    url,
    port,
    server,
    poke(range, except) {
      waiters.wakeAll();
      pokes.poke(range, except);
    },
    async close() {
      // Graceful: refuse new work, let requests in flight (a push mid-transaction) finish, then close.
      closing = true;
      waiters.wakeAll();
      const pokesClosed = pokes.close();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      if (inFlight > 0) {
        await Promise.race([
          new Promise<void>((resolve) => (drained = resolve)),
          new Promise<void>((resolve) => setTimeout(resolve, 10_000).unref()),
        ]);
      }
      for (const s of sockets) s.destroy();
      pokes.terminate();
      await pokesClosed;
      await new Promise<void>((resolve) => wss.close(() => resolve()));
      await closed;
    },
  };
}
