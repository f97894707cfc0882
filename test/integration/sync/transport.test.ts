import { createServer, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { HubClient, httpTransport, SyncError } from '../../../src/main/sync/http';

let server: Server | null = null;
const sockets = new Set<Socket>();
afterEach(async () => {
  for (const s of sockets) s.destroy();
  sockets.clear();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = null;
});

/** A local server answering with `handler`; returns its base URL. */
async function serve(handler: Parameters<typeof createServer>[1]): Promise<string> {
  server = createServer(handler);
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', () => resolve()));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe('the hub transport', () => {
  it('sends the body with its length and reuses the connection for the next request', async () => {
    const seen: { length: string | undefined; body: string; port: number }[] = [];
    const url = await serve((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        seen.push({
          length: req.headers['content-length'],
          body: Buffer.concat(chunks).toString('utf8'),
          port: req.socket.remotePort!,
        });
        res.writeHead(201, { 'Content-Type': 'application/json' });
        res.end('{"ok":true}');
      });
    });
    const send = httpTransport();
    const body = Buffer.from('{"text":"Яма на дороге"}');
    for (let i = 0; i < 2; i++) {
      const reply = await send({ method: 'POST', url: `${url}/v1/push`, headers: {}, body, timeoutMs: 5000 });
      expect(reply.status).toBe(201);
      expect(reply.body.toString('utf8')).toBe('{"ok":true}');
    }
    expect(seen.map((s) => [s.length, s.body])).toEqual([
      [String(body.byteLength), '{"text":"Яма на дороге"}'],
      [String(body.byteLength), '{"text":"Яма на дороге"}'],
    ]);
    expect(seen[1]!.port).toBe(seen[0]!.port);
  });

  it('gives up on a hub that does not answer, and tells the client it is offline', async () => {
    const url = await serve(() => undefined);
    const send = httpTransport();
    await expect(
      send({ method: 'GET', url: `${url}/v1/health`, headers: {}, body: null, timeoutMs: 200 }),
    ).rejects.toThrow('нет ответа');
    const client = new HubClient({ url, token: 't', deviceId: 'd', protocol: 2, timeoutMs: 200 });
    const failure = await client.snapshot().catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(SyncError);
    expect((failure as SyncError).kind).toBe('offline');
  });

  it('reports an error answer with the hub’s message, and a stopped hub as offline, not as a lost connection', async () => {
    const url = await serve((_req, res) => {
      res.writeHead(401, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ error: { code: 'revoked', message: 'Доступ рабочего места отозван' } }));
    });
    const client = new HubClient({ url, token: 't', deviceId: 'd', protocol: 2 });
    const refused = await client.snapshot().catch((e: unknown) => e);
    expect(refused).toMatchObject({ kind: 'revoked', message: 'Доступ рабочего места отозван' });
    await new Promise<void>((resolve) => server!.close(() => resolve()));
    for (const s of sockets) s.destroy();
    server = null;
    const offline = await client.snapshot().catch((e: unknown) => e);
    expect(offline).toMatchObject({ kind: 'offline' });
    expect((offline as Error).message).toContain('ECONNREFUSED');
  });
});
