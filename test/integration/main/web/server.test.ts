import { afterEach, describe, expect, it } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import WebSocket from 'ws';
import { openCore, type Core } from '../../../../src/main/core/core';
import { startWebHost, type WebHost } from '../../../../src/main/web/server';
import { useTempDirs } from '../../../support/temp-dir';
import type { BootAnswer, ServerFrame } from '../../../../src/shared/api/wire';
import { DEFAULT_SORT, QUEUE_PAGE_SIZE } from '../../../../src/shared/api/queue-values';

const tempDir = useTempDirs();
const open: Array<Core | WebHost> = [];
afterEach(async () => {
  for (const o of open.splice(0).reverse()) await o.close();
});

async function host(): Promise<{ core: Core; web: WebHost }> {
  const dir = tempDir();
  const renderer = join(dir, 'renderer');
  mkdirSync(join(renderer, 'assets'), { recursive: true });
  writeFileSync(join(renderer, 'index.html'), '<!doctype html><title>Отклик</title>');
  writeFileSync(join(renderer, 'assets', 'index-Dx8fK2a1.js'), 'export {};');
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

  it('lets the browser keep the content-named scripts, and asks it to check the page each time', async () => {
    const { web } = await host();
    const script = await fetch(`${web.url}assets/index-Dx8fK2a1.js`);
    expect(script.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const page = await fetch(web.url);
    expect(page.headers.get('cache-control')).toBe('no-cache');
  });

  it('sends the answers to the first screen’s calls with the page', async () => {
    const { web } = await host();
    const page = await fetch(web.url);
    expect(page.headers.get('link')).toBe('</api/boot>; rel=preload; as=fetch; crossorigin=anonymous');
    const res = await fetch(`${web.url}api/boot`);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const answers = (await res.json()) as BootAnswer[];
    expect(answers.map((a) => a.method)).toEqual([
      'worktime.info',
      'app.info',
      'session.current',
      'queue.state.get',
      'views.list',
      'queue.page',
    ]);
    expect(answers.every((a) => a.result.ok)).toBe(true);
    // The first page of the query the screen was left with (none stored yet: the default one).
    expect(answers.at(-1)!.request).toEqual({
      query: {
        filter: expect.objectContaining({ statuses: [], mine: false }),
        search: '',
        sort: DEFAULT_SORT,
      },
      offset: 0,
      limit: QUEUE_PAGE_SIZE,
    });
    // The same answers a new WebSocket connection gets.
    const ws = await connect(web.url);
    const info = await call(ws, 1, 'app.info', {});
    expect(info.kind === 'reply' && info.result).toEqual(answers[1]!.result);
    ws.close();
  });

  it('answers the first screen’s calls only to a GET from its own pages', async () => {
    const { web } = await host();
    const other = await fetch(`${web.url}api/boot`, { headers: { origin: 'http://evil.example' } });
    expect(other.status).toBe(403);
    expect((await fetch(`${web.url}api/boot`, { method: 'POST' })).status).toBe(403);
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
