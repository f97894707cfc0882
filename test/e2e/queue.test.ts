import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { launchChromium, type OpenBrowser } from './support/browser';
import { startHost, type RunningHost } from './support/web-host';
import { runCli } from '../support/run-cli';
import { closedToday, ROUND_THE_CLOCK, setSchedule } from '../support/schedules';

describe('the live queue in a browser', () => {
  let dataDir: string;
  let host: RunningHost;
  let chromium: OpenBrowser;
  let page: Page;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'otklik-e2e-'));
    // Round the clock, so the bars move whatever day and hour the test runs at.
    await setSchedule(dataDir, ROUND_THE_CLOCK);
    // The demo feed is off so that the only new row is the one the test imports.
    host = await startHost(dataDir, ['--no-demo-feed']);
    chromium = await launchChromium();
    page = await chromium.context.newPage();
    await page.goto(host.url);
    await page.waitForSelector('[data-app-state="ready"]');
  });

  afterAll(async () => {
    await chromium?.close();
    await host?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('shows the demo incidents, each with a timer bar, most urgent first', async () => {
    const rows = page.getByTestId('queue-row');
    expect(await rows.count()).toBeGreaterThan(20);
    expect(await page.getByTestId('timer-bar').count()).toBe(await rows.count());
    await expect.poll(() => page.locator('h1').textContent()).toBe('Отклик');
    const firstText = await page.getByTestId('timer-bar').first().textContent();
    expect(firstText).toMatch(/(осталось|просрочен на) .*раб\./);
  });

  it('counts the time down every second', async () => {
    const id = await page.evaluate(() =>
      Array.from(document.querySelectorAll('[data-testid="timer-bar"][data-state="on-time"]'))
        .at(-1)
        ?.closest('[data-testid="queue-row"]')
        ?.getAttribute('data-incident-id'),
    );
    const bar = page.locator(`[data-testid="queue-row"][data-incident-id="${id}"] [data-testid="timer-bar"]`);
    // Rows rendered beyond the viewport (virtualization's overscan) tick by the minute: bring it on screen.
    await bar.scrollIntoViewIfNeeded();
    const before = Number(await bar.getAttribute('aria-valuenow'));
    expect(before).toBeGreaterThan(0);
    await expect
      .poll(async () => Number(await bar.getAttribute('aria-valuenow')), { timeout: 5000 })
      .toBeLessThan(before);
  });

  it('shows an incident imported through the CLI without a reload', async () => {
    const file = join(dataDir, 'new.json');
    const now = new Date().toISOString();
    writeFileSync(
      file,
      JSON.stringify([
        {
          externalId: 'e2e-0001',
          source: 'im',
          network: 'vk',
          url: 'https://vk.com/wall-1_1',
          authorName: 'Тестовый Автор Импорта',
          text: 'Во дворе дома 5 по улице Строителей не вывозят мусор уже неделю.',
          publishedAt: now,
          detectedAt: now,
          topic: 'Мусор и экология',
          location: 'ул. Строителей, 5',
          importance: 'high',
        },
      ]),
    );
    const navigations: string[] = [];
    page.on('framenavigated', (f) => navigations.push(f.url()));
    // The table renders only the rows on screen (virtualized): a search that matches nothing yet keeps the
    // new row on screen when it arrives, and shows it came by the live update, not by a new query.
    const openBefore = Number(await page.getByTestId('count-open').textContent());
    await page.getByTestId('queue-search').fill('Тестовый Автор Импорта');
    await page.getByTestId('queue-empty').waitFor();
    const result = await runCli(['import', file, '--data-dir', dataDir]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const row = page.getByTestId('queue-row').filter({ hasText: 'Тестовый Автор Импорта' });
    await row.waitFor({ timeout: 10_000 });
    expect(await row.getByTestId('timer-bar').count()).toBe(1);
    await expect
      .poll(async () => Number(await page.getByTestId('count-open').textContent()))
      .toBe(openBefore + 1);
    expect(navigations).toEqual([]);
    await page.getByTestId('queue-search').press('Escape');
  });

  it('shows the clocks standing still outside working hours', async () => {
    const closedDir = mkdtempSync(join(tmpdir(), 'otklik-e2e-closed-'));
    await setSchedule(closedDir, closedToday());
    const closedHost = await startHost(closedDir, ['--no-demo-feed']);
    const closedPage = await chromium.context.newPage();
    try {
      await closedPage.goto(closedHost.url);
      await closedPage.waitForSelector('[data-app-state="ready"]');
      const bar = closedPage.getByTestId('timer-bar').first();
      await expect.poll(() => bar.textContent()).toContain('вне рабочего времени');
      const before = await bar.getAttribute('aria-valuenow');
      await closedPage.waitForTimeout(1500);
      expect(await bar.getAttribute('aria-valuenow')).toBe(before);
    } finally {
      await closedPage.close();
      await closedHost.stop();
      rmSync(closedDir, { recursive: true, force: true });
    }
  });
});
