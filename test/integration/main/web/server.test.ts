import { afterEach, describe, expect, it } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import WebSocket from 'ws';
import { openCore, type Core } from '../../../../src/main/core/core';
import { startWebHost, type WebHost } from '../../../../src/main/web/server';
import { useTempDirs } from '../../../support/temp-dir';
import type { ServerFrame } from '../../../../src/shared/api/wire';

const tempDir = useTempDirs();
const open: Array<Core | WebHost> = [];
afterEach(async () => {
  for (const o of open.splice(0).reverse()) await o.close();
});

async function host(): Promise<{ core: Core; web: WebHost }> {
  const dir = tempDir();
  const renderer = join(dir, 'renderer');
  mkdirSync(renderer);
  writeFileSync(join(renderer, 'index.html'), '<!doctype html><title>Отклик</title>');
  const core = await openCore({ dataDir: join(dir, 'data'), transport: 'web', demo: false, demoFeed: false });
  open.push(core);
  const web = await startWebHost({ core, rendererDir: renderer, port: 0 });
  open.push(web);
  return { core, web };
}

function connect(url: string, origin?: string): Promise<WebSocket> {
  const ws = new WebSocket(`${url.replace('http', 'ws')}api`, origin ? { origin } : {});
  return new Promise((resolve, reject) => {
    ws.once('open', () => resolve(ws));
    ws.once('error', reject);
  });
}

function call(ws: WebSocket, id: number, method: string, request: unknown): Promise<ServerFrame> {
  return new Promise((resolve) => {
    const onMessage = (data: WebSocket.RawData) => {
      const frame = JSON.parse(String(data)) as ServerFrame;
      if (frame.kind === 'reply' && frame.id === id) {
        ws.off('message', onMessage);
        resolve(frame);
      }
    };
    ws.on('message', onMessage);
    ws.send(JSON.stringify({ id, method, request }));
  });
}

describe('the web host', () => {
  it('listens on loopback and serves the renderer with a CSP', async () => {
    const { web } = await host();
    expect(web.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const res = await fetch(web.url);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(await res.text()).toContain('Отклик');
  });

  it('carries the same API over a WebSocket', async () => {
    const { web } = await host();
    const ws = await connect(web.url);
    const reply = await call(ws, 1, 'app.info', {});
    expect(reply).toMatchObject({
      kind: 'reply',
      id: 1,
      result: { ok: true, value: { name: 'Отклик', transport: 'web' } },
    });
    const bad = await call(ws, 2, 'incidents.get', {});
    expect(bad).toMatchObject({ result: { ok: false, error: { code: 'bad_request' } } });
    ws.close();
  });

  it('pushes queue.changed when an incident is created', async () => {
    const { web, core } = await host();
    const ws = await connect(web.url);
    const event = new Promise<ServerFrame>((resolve) =>
      ws.on('message', (d) => {
        const f = JSON.parse(String(d)) as ServerFrame;
        if (f.kind === 'event') resolve(f);
      }),
    );
    await core.dispatch('incidents.create', {
      source: 'manual',
      network: 'other',
      authorName: 'Иван',
      text: 'Текст',
      publishedAt: 1,
      detectedAt: 2,
      topic: 'ЖКХ',
    });
    expect(await event).toMatchObject({
      kind: 'event',
      name: 'queue.changed',
      payload: { reason: 'created' },
    });
    ws.close();
  });

  it('refuses a WebSocket from another origin', async () => {
    const { web } = await host();
    await expect(connect(web.url, 'http://evil.example')).rejects.toThrow(/403/);
  });

  it('closes the socket on a frame that is not JSON', async () => {
    const { web } = await host();
    const ws = await connect(web.url);
    const closed = new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)));
    ws.send('not json');
    expect(await closed).toBe(1003);
  });

  it('refuses a request addressed by another host name (DNS rebinding)', async () => {
    const { web } = await host();
    const { request } = await import('node:http');
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(web.url, { headers: { host: 'evil.example:80' } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      req.end();
    });
    expect(status).toBe(404);
  });
});
