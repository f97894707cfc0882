import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchChromium, type OpenBrowser } from './support/browser';
import { startHost, type RunningHost } from './support/web-host';

describe('saved views and the queue state across a restart', () => {
  let dataDir: string;
  let host: RunningHost;
  let chromium: OpenBrowser;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'otklik-e2e-views-'));
    host = await startHost(dataDir, ['--no-demo-feed']);
    chromium = await launchChromium();
  });

  afterAll(async () => {
    await chromium?.close();
    await host?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('saves a view, switches away and back, and keeps it all after a restart', async () => {
    const page = await chromium.context.newPage();
    await page.goto(host.url);
    await page.waitForSelector('[data-app-state="ready"]');
    // Important incidents without the source column.
    await page.getByTestId('filter-high').click();
    await page.getByTestId('columns').getByRole('button').first().click();
    await page.getByTestId('column-source').click();
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('th.cell--source').count()).toBe(0);
    await page.getByTestId('view-save').click();
    await page.getByTestId('view-name').fill('Важные');
    await page.getByTestId('view-save-confirm').click();
    const tab = page.locator('[data-testid="view-tab"][data-view-name="Важные"]');
    await expect.poll(() => tab.getAttribute('aria-pressed')).toBe('true');

    await page.getByTestId('view-all').click();
    await expect.poll(() => page.getByTestId('filter-high').getAttribute('aria-pressed')).toBe('false');
    await tab.click();
    await expect.poll(() => page.getByTestId('filter-high').getAttribute('aria-pressed')).toBe('true');
    expect(await page.locator('th.cell--source').count()).toBe(0);
    // A change to the view shows as one, and can be saved into it.
    await page.getByTestId('filter-overdue').click();
    await page.getByTestId('view-update').waitFor();
    await page.getByTestId('filter-overdue').click();
    await expect.poll(() => page.getByTestId('view-update').count()).toBe(0);
    await page.close();

    await host.stop();
    host = await startHost(dataDir, ['--no-demo-feed']);
    // A fresh browser profile: nothing but the workstation's database remembers.
    const fresh = await launchChromium();
    try {
      const again = await fresh.context.newPage();
      await again.goto(host.url);
      await again.waitForSelector('[data-app-state="ready"]');
      await expect
        .poll(() =>
          again.locator('[data-testid="view-tab"][data-view-name="Важные"]').getAttribute('aria-pressed'),
        )
        .toBe('true');
      expect(await again.getByTestId('filter-high').getAttribute('aria-pressed')).toBe('true');
      expect(await again.locator('th.cell--source').count()).toBe(0);
      const high = Number(await again.getByTestId('count-high').textContent());
      await expect
        .poll(async () => Number(await again.getByTestId('queue-matching').getAttribute('data-count')))
        .toBe(high);
      await again.getByTestId('view-delete').click();
      await expect.poll(() => again.getByTestId('view-tab').count()).toBe(0);
    } finally {
      await fresh.close();
    }
  });
});
