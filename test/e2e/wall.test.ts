import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { networkInterfaces, tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import type { Page } from 'playwright-core';
import type { QueueCounters } from '../../src/shared/api/queue';
import type { ServerFrame } from '../../src/shared/api/wire';
import { launchChromium, type OpenBrowser } from './support/browser';
import { startHost, type RunningHost } from './support/web-host';
import { runCli } from '../support/run-cli';
import { ROUND_THE_CLOCK, setSchedule } from '../support/schedules';

/** Calls the host's API as another window of this machine would. */
async function api<T>(url: string, method: string, request: unknown = {}): Promise<T> {
  const ws = new WebSocket(`${url.replace('http', 'ws')}api`);
  await new Promise((resolve, reject) => {
    ws.once('open', resolve);
    ws.once('error', reject);
  });
  try {
    const frame = await new Promise<ServerFrame>((resolve) => {
      ws.on('message', (d) => {
        const f = JSON.parse(String(d)) as ServerFrame;
        if (f.kind === 'reply') resolve(f);
      });
      ws.send(JSON.stringify({ id: 1, method, request }));
    });
    if (frame.kind !== 'reply' || !frame.result.ok) throw new Error(`${method} failed`);
    return frame.result.value as T;
  } finally {
    ws.close();
  }
}

const lanAddress = Object.values(networkInterfaces())
  .flat()
  .find((a) => a?.family === 'IPv4' && !a.internal)?.address;

describe('the wall screen at /wall', () => {
  let dataDir: string;
  let host: RunningHost;
  let chromium: OpenBrowser;
  let wall: Page;

  const number = async (id: string) => Number(await wall.getByTestId(id).textContent());

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'otklik-e2e-wall-'));
    await setSchedule(dataDir, ROUND_THE_CLOCK);
    host = await startHost(dataDir, ['--no-demo-feed']);
    await api(host.url, 'wall.config.set', { pageSeconds: 3, urgentCount: 4 });
    chromium = await launchChromium();
    wall = await chromium.context.newPage();
    await wall.setViewportSize({ width: 1920, height: 1080 });
    await wall.goto(`${host.url}wall`);
    await wall.waitForSelector('[data-app-state="ready"]');
  });

  afterAll(async () => {
    await chromium?.close();
    await host?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('shows the counters of the queue, and per department, without the app around it', async () => {
    const c = await api<QueueCounters>(host.url, 'queue.counters');
    await expect.poll(() => number('wall-count-open')).toBe(c.open);
    expect(await number('wall-count-high')).toBe(c.high);
    expect(Math.abs((await number('wall-count-overdue')) - c.overdue)).toBeLessThanOrEqual(1);
    expect(Math.abs((await number('wall-count-hour')) - c.dueWithinHour)).toBeLessThanOrEqual(1);
    expect(await wall.getByTestId('wall-dept-row').count()).toBe(Math.min(10, c.departments.length));
    // Each department by its short name (its name in full on hover): «Управление …» leaves no room on a TV.
    const named = c.departments.find((d) => d.shortName !== d.name)!;
    const cell = wall.locator(`[data-testid="wall-dept-row"][data-department="${named.id}"] td`).first();
    expect(await cell.textContent()).toBe(named.shortName);
    expect(await cell.getAttribute('title')).toBe(named.name);
    expect(await wall.getByTestId('wall-urgent-row').count()).toBe(4);
    expect(await wall.locator('header.app__header').count()).toBe(0);
    expect(await wall.getByTestId('wall-status').getAttribute('data-online')).toBe('true');
    // Readable from 5 m: nothing under 24 px at 1080p.
    const smallest = await wall.evaluate(() =>
      Math.min(
        ...Array.from(document.querySelectorAll('.wall *'))
          .filter((e) => e.getClientRects().length > 0)
          .filter((e) => Array.from(e.childNodes).some((n) => n.nodeType === 3 && n.textContent?.trim()))
          .map((e) => parseFloat(getComputedStyle(e).fontSize)),
      ),
    );
    expect(smallest).toBeGreaterThanOrEqual(24);
    // Everything on it is whole on the screen: the hot spots below the table too (only the surges, at most
    // three rows), not cut off at the screen's edge.
    const hotspots = wall.getByTestId('hotspots');
    await hotspots.waitFor();
    expect((await hotspots.boundingBox())!.y + (await hotspots.boundingBox())!.height).toBeLessThanOrEqual(
      1080,
    );
    expect(await hotspots.locator('[data-surge="false"]').count()).toBe(0);
  });

  it('pages through the rest of the queue by itself', async () => {
    const pages = Number(await wall.getByTestId('wall-page').getAttribute('data-pages'));
    expect(pages).toBeGreaterThan(1);
    const before = await wall.getByTestId('wall-page').getAttribute('data-page');
    const firstRow = await wall.getByTestId('wall-page-row').first().getAttribute('data-incident-id');
    await expect
      .poll(() => wall.getByTestId('wall-page').getAttribute('data-page'), { timeout: 8000 })
      .not.toBe(before);
    await expect
      .poll(() => wall.getByTestId('wall-page-row').first().getAttribute('data-incident-id'), {
        timeout: 5000,
      })
      .not.toBe(firstRow);
  });

  it('shows a banner when a high-importance incident arrives', async () => {
    const open = await number('wall-count-open');
    const file = join(dataDir, 'urgent.json');
    const now = new Date().toISOString();
    writeFileSync(
      file,
      JSON.stringify([
        {
          externalId: 'e2e-wall-1',
          source: 'im',
          network: 'telegram',
          authorName: 'Житель Заречного района',
          text: 'На улице Речной прорвало трубу, вода заливает подвалы домов 3 и 5.',
          publishedAt: now,
          detectedAt: now,
          topic: 'ЖКХ',
          location: 'ул. Речная, 3',
          importance: 'high',
        },
      ]),
    );
    const result = await runCli(['import', file, '--data-dir', dataDir]);
    expect(result.code).toBe(0);
    const banner = wall.getByTestId('wall-banner');
    await banner.waitFor({ timeout: 10_000 });
    expect(await banner.textContent()).toContain('ул. Речная, 3');
    await expect.poll(() => number('wall-count-open')).toBe(open + 1);
  });

  it.skipIf(!lanAddress)('on the LAN opens only with the token and reaches nothing else', async () => {
    const token = 'e2e-wall-token-0123456789';
    const lanDir = mkdtempSync(join(tmpdir(), 'otklik-e2e-wall-lan-'));
    const lanHost = await startHost(lanDir, ['--no-demo-feed', '--host', '0.0.0.0', '--wall-token', token]);
    const page = await chromium.context.newPage();
    try {
      const base = lanHost.url.replace('127.0.0.1', lanAddress!);
      expect((await page.goto(`${base}wall`))?.status()).toBe(401);
      expect((await page.goto(base))?.status()).toBe(404);
      await page.goto(`${base}wall?token=${token}`);
      await page.waitForSelector('[data-app-state="ready"]');
      expect(await page.getByTestId('wall-count-open').textContent()).toMatch(/^\d+$/);
      // The cookie carries the token from here on; the rest of the app stays out of reach.
      expect((await page.goto(`${base}wall`))?.status()).toBe(200);
      expect((await page.goto(`${base}#/settings`))?.status()).toBe(404);
    } finally {
      await page.close();
      await lanHost.stop();
      rmSync(lanDir, { recursive: true, force: true });
    }
  });
});
