import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { launchChromium, type OpenBrowser } from './support/browser';
import { startHost, type RunningHost } from './support/web-host';

describe('the queue from the keyboard', () => {
  let dataDir: string;
  let host: RunningHost;
  let chromium: OpenBrowser;
  let page: Page;

  const selected = () =>
    page.evaluate(
      () =>
        document
          .querySelector('[data-testid="queue-row"][aria-selected="true"]')
          ?.getAttribute('data-index') ?? null,
    );

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'otklik-e2e-keys-'));
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

  it('moves with j/k and the arrows, and scrolls to the last row with End', async () => {
    await page.keyboard.press('j');
    await expect.poll(selected).toBe('0');
    await page.keyboard.press('j');
    await page.keyboard.press('ArrowDown');
    await expect.poll(selected).toBe('2');
    await page.keyboard.press('k');
    await expect.poll(selected).toBe('1');
    const total = Number(await page.getByTestId('count-open').textContent());
    await page.keyboard.press('End');
    await expect.poll(selected).toBe(String(total - 1));
    expect(await page.locator(`[data-testid="queue-row"][data-index="${total - 1}"]`).isVisible()).toBe(true);
    await page.keyboard.press('Home');
    await expect.poll(selected).toBe('0');
    // The focus is visible on the list, on the selected row.
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('queue');
  });

  it('opens the selected incident with Enter', async () => {
    await page.keyboard.press('j');
    await expect.poll(selected).toBe('1');
    const id = await page
      .locator('[data-testid="queue-row"][aria-selected="true"]')
      .getAttribute('data-incident-id');
    await page.keyboard.press('Enter');
    await page.getByTestId('incident-card').waitFor();
    expect(page.url()).toContain(`#/incident/${id}`);
    await page.goBack();
    await page.getByTestId('queue-row').first().waitFor();
  });

  it('searches with / and clears with Esc', async () => {
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('/');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe(
      'queue-search',
    );
    await page.keyboard.type('мусор');
    await expect
      .poll(async () => Number(await page.getByTestId('queue-matching').getAttribute('data-count')))
      .toBeLessThan(Number(await page.getByTestId('count-open').textContent()));
    await page.keyboard.press('Escape');
    expect(await page.getByTestId('queue-search').inputValue()).toBe('');
    // Down from the search goes to the list.
    await page.keyboard.press('ArrowDown');
    await expect.poll(selected).toBe('0');
  });
});
