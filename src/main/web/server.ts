import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import sirv from 'sirv';
import { WebSocketServer, type WebSocket } from 'ws';
import { BOOT_PATH, ClientFrame, WS_PATH, type ServerFrame } from '../../shared/api/wire';
import { events as eventSchemas, type EventName } from '../../shared/api/contract';
import { WALL_EVENTS, WALL_METHODS } from '../../shared/api/queue';
import type { Core } from '../core/core';
import { bootAnswers } from './boot';
import {
  accessOf,
  generateWallToken,
  isLoopbackHost,
  lanAddresses,
  sameToken,
  tokenOf,
  WALL_PATH,
  wallCookie,
  type Access,
  type AccessPolicy,
} from './wall-access';

export type WebHostOptions = {
  core: Core;
  rendererDir: string;
  port: number;
  host?: string;
  /**
   * On a host other than loopback (the LAN), the read-only token of the wall screen; generated when
   * not given. Loopback needs none.
   */
  wallToken?: string;
  /** On the LAN, this machine still gets the whole app (tests turn it off to act as a TV). */
  trustLoopback?: boolean;
};

export type WebHost = {
  url: string;
  server: Server;
  /** Null on loopback. */
  wallToken: string | null;
  /** Where a TV on the LAN opens the wall screen (with the token). */
  wallUrls: string[];
  close(): Promise<void>;
};

/** A frame larger than this is refused: no request of the contract comes near it. */
const MAX_FRAME_BYTES = 1024 * 1024;

const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');

function sameOrigin(req: IncomingMessage): boolean {
  // A page on another origin must not drive the API through the user's browser.
  const origin = req.headers.origin;
  return origin === undefined || origin === `http://${req.headers.host ?? ''}`;
}

/**
 * Serves the built renderer and the core's API over a WebSocket. Loopback only by default: it is
 * how the UI is tested here and how a TV shows the queue (the wall issue adds LAN access with a token).
 */
export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const { core, rendererDir } = options;
  if (!existsSync(rendererDir)) {
    throw new Error(`The built renderer is missing at ${rendererDir}: run \`npm run build\` first.`);
  }
  const serveStatic = sirv(rendererDir, {
    single: true,
    etag: true,
    dev: false,
    setHeaders: (res, pathname) =>
      res.setHeader('Cache-Control', isHashedAsset(pathname) ? IMMUTABLE : 'no-cache'),
  });
  const host = options.host ?? '127.0.0.1';
  const policy: AccessPolicy = {
    token: isLoopbackHost(host) ? null : (options.wallToken ?? generateWallToken()),
    trustLoopback: options.trustLoopback ?? true,
  };
  const server = createServer((req, res) => {
    res.setHeader('Content-Security-Policy', CSP);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'no-referrer');
    if (req.url === '/healthz') {
      res.setHeader('Content-Type', 'application/json');
      res.end(JSON.stringify({ ok: true }));
      return;
    }
    const access = accessOf(req, policy);
    const pathname = new URL(req.url ?? '/', 'http://x').pathname;
    if (access !== 'full' && !wallMayFetch(pathname)) {
      refuse(res, 404, 'Не найдено. С этого адреса доступен только экран-стена: /wall');
      return;
    }
    if (access === 'none') {
      refuse(
        res,
        401,
        'Нужен токен доступа: откройте адрес экрана-стены, который напечатал сервер (/wall?token=…).',
      );
      return;
    }
    if (pathname === BOOT_PATH) {
      // Reached with full access only (the wall's paths are checked above); a read like the WebSocket's.
      if (req.method !== 'GET' || !sameOrigin(req)) {
        refuse(res, 403, 'Запрос с другого адреса');
        return;
      }
      serveBoot(core, res);
      return;
    }
    const { fromQuery } = tokenOf(req);
    if (access === 'wall' && policy.token && sameToken(fromQuery, policy.token)) {
      res.setHeader('Set-Cookie', wallCookie(policy.token));
    }
    if (access === 'full' && (pathname === '/' || pathname === '/index.html')) {
      // The app's page: the browser fetches the first screen's answers while it loads the scripts.
      res.setHeader('Link', `<${BOOT_PATH}>; rel=preload; as=fetch; crossorigin=anonymous`);
    }
    serveStatic(req, res, () => {
      res.statusCode = 404;
      res.end('Not found');
    });
  });

  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_FRAME_BYTES });
  server.on('upgrade', (req, socket, head) => {
    const access = accessOf(req, policy);
    if (new URL(req.url ?? '/', 'http://x').pathname !== WS_PATH || !sameOrigin(req) || access === 'none') {
      socket.write('HTTP/1.1 403 Forbidden\r\n\r\n');
      socket.destroy();
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => attach(ws, core, access));
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  // Warm the queue's index (and start the notifier) now, not when the first window asks for the queue.
  void core.dispatch('queue.counters', {});
  // Bound to every interface, the app is on loopback too: that is the address to print for this machine.
  const shown = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host;
  const url = `http://${shown.includes(':') ? `[${shown}]` : shown}:${address.port}/`;
  const wallHosts =
    policy.token === null ? [shown] : host === '0.0.0.0' || host === '::' ? lanAddresses() : [host];
  const query = policy.token === null ? '' : `?token=${encodeURIComponent(policy.token)}`;
  return {
    url,
    server,
    wallToken: policy.token,
    wallUrls: wallHosts.map(
      (h) => `http://${h.includes(':') ? `[${h}]` : h}:${address.port}${WALL_PATH}${query}`,
    ),
    async close() {
      for (const client of wss.clients) client.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
      // Idle keep-alive connections (a TV's browser) would hold the close for seconds.
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/**
 * The build names its scripts and styles by their content: a name always means the same bytes, so the
 * browser keeps them without asking again (a round trip per file at every start), while the page itself
 * is checked each time and names the current ones.
 */
const IMMUTABLE = 'public, max-age=31536000, immutable';

function isHashedAsset(pathname: string): boolean {
  return pathname.startsWith('/assets/');
}

/** What the wall page needs: itself and the built scripts and styles. */
function wallMayFetch(pathname: string): boolean {
  return pathname === WALL_PATH || pathname.startsWith('/assets/');
}

function serveBoot(core: Core, res: ServerResponse): void {
  res.setHeader('Cache-Control', 'no-store');
  bootAnswers(core).then(
    (answers) => {
      res.setHeader('Content-Type', 'application/json; charset=utf-8');
      res.end(JSON.stringify(answers));
    },
    () => refuse(res, 500, 'Внутренняя ошибка'),
  );
}

function refuse(res: ServerResponse, status: number, message: string): void {
  res.statusCode = status;
  res.setHeader('Content-Type', 'text/plain; charset=utf-8');
  res.end(message);
}

function attach(ws: WebSocket, core: Core, access: Access): void {
  const wall = access === 'wall';
  // A wall connection reads the queue and nothing else: the core refuses it every change, and here
  // every method a wall screen has no use for (people, settings, incidents one by one).
  const connection = core.connect(wall ? { readOnly: true } : undefined);
  const send = (frame: ServerFrame) => {
    if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(frame));
  };
  const unsubscribes = (Object.keys(eventSchemas) as EventName[])
    .filter((name) => !wall || WALL_EVENTS.has(name))
    .map((name) => core.events.on(name, (payload) => send({ kind: 'event', name, payload })));
  ws.on('close', () => unsubscribes.forEach((u) => u()));
  ws.on('message', (data) => {
    let frame: ClientFrame;
    try {
      frame = ClientFrame.parse(JSON.parse(String(data)));
    } catch {
      ws.close(1003, 'bad frame');
      return;
    }
    if (wall && !WALL_METHODS.has(frame.method)) {
      send({
        kind: 'reply',
        id: frame.id,
        result: { ok: false, error: { code: 'forbidden', message: 'Экран-стена только показывает очередь' } },
      });
      return;
    }
    void core
      .dispatch(frame.method, frame.request, connection)
      .then((result) => send({ kind: 'reply', id: frame.id, result }));
  });
}
