import { afterEach, describe, expect, it } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import { get } from 'node:http';
import { join } from 'node:path';
import WebSocket from 'ws';
import { openCore, type Core } from '../../../../src/main/core/core';
import { startWebHost, type WebHost, type WebHostOptions } from '../../../../src/main/web/server';
import type { ServerFrame } from '../../../../src/shared/api/wire';
import { useTempDirs } from '../../../support/temp-dir';

const tempDir = useTempDirs();
const open: Array<Core | WebHost> = [];
afterEach(async () => {
  for (const o of open.splice(0).reverse()) await o.close();
});

const TOKEN = 'wall-token-for-tests-0123';

async function host(options: Partial<WebHostOptions> = {}): Promise<{ core: Core; web: WebHost }> {
  const dir = tempDir();
  const renderer = join(dir, 'renderer');
  mkdirSync(join(renderer, 'assets'), { recursive: true });
  writeFileSync(join(renderer, 'index.html'), '<!doctype html><title>Отклик</title>');
  writeFileSync(join(renderer, 'assets', 'app.js'), 'export {};');
  const core = await openCore({ dataDir: join(dir, 'data'), transport: 'web', demo: false, demoFeed: false });
  open.push(core);
  const web = await startWebHost({ core, rendererDir: renderer, port: 0, ...options });
  open.push(web);
  return { core, web };
}

/** On the LAN, acting as a TV: loopback is not trusted here, so every request is a stranger's. */
const lan = () => host({ host: '0.0.0.0', wallToken: TOKEN, trustLoopback: false });

function connect(url: string, headers: Record<string, string> = {}): Promise<WebSocket> {
  const ws = new WebSocket(`${url.replace('http', 'ws')}api`, { headers });
  return new Promise((resolve, reject) => {
    ws.once('open', () => resolve(ws));
    ws.once('error', reject);
  });
}

let nextId = 1;
function call(ws: WebSocket, method: string, request: unknown = {}): Promise<ServerFrame> {
  const id = nextId++;
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

async function cookieOf(url: string): Promise<string> {
  const res = await fetch(`${url}wall?token=${TOKEN}`);
  expect(res.status).toBe(200);
  const cookie = res.headers.get('set-cookie') ?? '';
  expect(cookie).toMatch(/HttpOnly/);
  expect(cookie).toMatch(/SameSite=Strict/);
  return cookie.split(';')[0]!;
}

describe('the web host on the LAN (the wall screen)', () => {
  it('serves the wall only with the token, and nothing else at all', async () => {
    const { web } = await lan();
    expect(web.wallToken).toBe(TOKEN);
    expect(web.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect((await fetch(`${web.url}wall`)).status).toBe(401);
    expect((await fetch(`${web.url}wall?token=wrong-token-wrong-token`)).status).toBe(401);
    const cookie = await cookieOf(web.url);
    const wall = await fetch(`${web.url}wall`, { headers: { cookie } });
    expect(await wall.text()).toContain('Отклик');
    // The operator's first answers are not the wall's to preload.
    expect(wall.headers.get('link')).toBeNull();
    expect((await fetch(`${web.url}assets/app.js`)).status).toBe(401);
    expect((await fetch(`${web.url}assets/app.js`, { headers: { cookie } })).status).toBe(200);
    for (const path of ['', 'index.html', 'settings', 'api', 'api/boot']) {
      expect((await fetch(`${web.url}${path}`, { headers: { cookie } })).status).toBe(404);
    }
  });

  it('answers a wall connection the read-only calls of the wall and refuses every other', async () => {
    const { web, core } = await lan();
    await expect(connect(web.url)).rejects.toThrow(/403/);
    const ws = await connect(web.url, { cookie: await cookieOf(web.url) });
    expect(await call(ws, 'queue.counters')).toMatchObject({ result: { ok: true, value: { open: 0 } } });
    expect(await call(ws, 'queue.page', { offset: 0, limit: 10 })).toMatchObject({ result: { ok: true } });
    expect(await call(ws, 'wall.config.get')).toMatchObject({ result: { ok: true } });
    for (const method of [
      'views.save',
      'settings.update',
      'incidents.create',
      'incidents.get',
      'users.list',
      'queue.state.get',
    ]) {
      expect(await call(ws, method, {})).toMatchObject({
        result: { ok: false, error: { code: 'forbidden' } },
      });
    }
    const events: string[] = [];
    ws.on('message', (d) => {
      const f = JSON.parse(String(d)) as ServerFrame;
      if (f.kind === 'event') events.push(f.name);
    });
    await core.dispatch('settings.update', { demoFeedIntervalMs: 1000 });
    core.events.emit('queue.changed', { reason: 'updated', ids: [] });
    await expect.poll(() => events).toContain('queue.changed');
    expect(events).not.toContain('settings.changed');
    ws.close();
  });

  it('takes the token in the address of the socket too', async () => {
    const { web } = await lan();
    const ws = new WebSocket(`${web.url.replace('http', 'ws')}api?token=${TOKEN}`);
    await new Promise((resolve, reject) => {
      ws.once('open', resolve);
      ws.once('error', reject);
    });
    expect(await call(ws, 'views.list')).toMatchObject({
      result: { ok: false, error: { code: 'forbidden' } },
    });
    ws.close();
  });

  it('still gives this machine the whole app', async () => {
    const { web } = await host({ host: '0.0.0.0', wallToken: TOKEN });
    expect((await fetch(web.url)).status).toBe(200);
    const ws = await connect(web.url);
    expect(await call(ws, 'views.list')).toMatchObject({ result: { ok: true } });
    ws.close();
  });

  it('gives the whole app to this machine only under its own name (no DNS rebinding)', async () => {
    const { web } = await host({ host: '0.0.0.0', wallToken: TOKEN });
    const status = (hostHeader: string) =>
      new Promise<number>((resolve, reject) => {
        const { port } = new URL(web.url);
        get({ host: '127.0.0.1', port, path: '/', headers: { host: hostHeader } }, (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        }).once('error', reject);
      });
    const { port } = new URL(web.url);
    expect(await status(`127.0.0.1:${port}`)).toBe(200);
    expect(await status(`localhost:${port}`)).toBe(200);
    expect(await status(`evil.example:${port}`)).toBe(404);
  });

  it('makes up a token when none is given, and prints where the wall is', async () => {
    const { web } = await host({ host: '0.0.0.0' });
    expect(web.wallToken).toMatch(/^[\w-]{20,}$/);
    for (const url of web.wallUrls) expect(url).toMatch(new RegExp(`/wall\\?token=${web.wallToken}$`));
  });

  it('on loopback needs no token for the wall', async () => {
    const { web } = await host();
    expect(web.wallToken).toBeNull();
    expect(web.wallUrls).toEqual([`${web.url}wall`]);
    expect((await fetch(`${web.url}wall`)).status).toBe(200);
  });
});
