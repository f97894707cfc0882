import { createServer, type IncomingMessage, type Server } from 'node:http';
import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import sirv from 'sirv';
import { WebSocketServer, type WebSocket } from 'ws';
import { ClientFrame, WS_PATH, type ServerFrame } from '../../shared/api/wire';
import { events as eventSchemas, type EventName } from '../../shared/api/contract';
import type { Core } from '../core/core';

export type WebHostOptions = {
  core: Core;
  rendererDir: string;
  port: number;
  host?: string;
};

export type WebHost = { url: string; server: Server; close(): Promise<void> };

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
  const serveStatic = sirv(rendererDir, { single: true, etag: true, dev: false });
  const server = createServer((req, res) => {
    res.setHeader('Content-Security-Policy', CSP);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'no-referrer');
    if (req.url === '/healthz') {
      res.setHeader('Content-Type', 'application/json');
      res.end(JSON.stringify({ ok: true }));
      return;
    }
    serveStatic(req, res, () => {
      res.statusCode = 404;
      res.end('Not found');
    });
  });

  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_FRAME_BYTES });
  server.on('upgrade', (req, socket, head) => {
    if (new URL(req.url ?? '/', 'http://x').pathname !== WS_PATH || !sameOrigin(req)) {
      socket.write('HTTP/1.1 403 Forbidden\r\n\r\n');
      socket.destroy();
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => attach(ws, core));
  });

  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${address.port}/`;
  return {
    url,
    server,
    async close() {
      for (const client of wss.clients) client.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function attach(ws: WebSocket, core: Core): void {
  const send = (frame: ServerFrame) => {
    if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(frame));
  };
  const unsubscribes = (Object.keys(eventSchemas) as EventName[]).map((name) =>
    core.events.on(name, (payload) => send({ kind: 'event', name, payload })),
  );
  ws.on('close', () => unsubscribes.forEach((u) => u()));
  ws.on('message', (data) => {
    let frame: ClientFrame;
    try {
      frame = ClientFrame.parse(JSON.parse(String(data)));
    } catch {
      ws.close(1003, 'bad frame');
      return;
    }
    void core
      .dispatch(frame.method, frame.request)
      .then((result) => send({ kind: 'reply', id: frame.id, result }));
  });
}
