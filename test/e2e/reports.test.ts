import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prepareReportDataDir, SURGE_TOPIC } from '../integration/main/reports/seed-month';
import { launchChromium, type OpenBrowser } from './support/browser';
import { startHost, type RunningHost } from './support/web-host';

describe('the reports dashboard in a browser', () => {
  let dataDir: string;
  let host: RunningHost;
  let chromium: OpenBrowser;
  let page: Page;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'otklik-e2e-reports-'));
    // The demo administration, the hand-built March 2026 and a synthetic surge in the last week.
    await prepareReportDataDir(dataDir);
    host = await startHost(dataDir, ['--no-demo-feed']);
    chromium = await launchChromium();
    page = await chromium.context.newPage();
    await page.goto(`${host.url}#/reports/2026-03`);
    await page.waitForSelector('[data-app-state="ready"]');
    await page.waitForSelector('[data-report-state="ready"]');
  });

  afterAll(async () => {
    await chromium?.close();
    await host?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('shows the month’s figures, per department and in total', async () => {
    expect(await page.getByTestId('kpi-received').locator('.kpi__value').textContent()).toBe('11');
    expect(await page.getByTestId('kpi-on-time').locator('.kpi__value').textContent()).toBe('87,5 %');
    expect(await page.getByTestId('kpi-overdue').locator('.kpi__value').textContent()).toBe('1');
    const zhkh = page.locator('[data-testid="departments-table"] tr[data-department="dep-zhkh"]');
    expect(await zhkh.locator('[data-figure="received"]').textContent()).toBe('5');
    expect(await zhkh.locator('[data-figure="answeredLate"]').textContent()).toBe('1');
    const total = page.locator('[data-testid="departments-table"] tr[data-department="total"]');
    expect(await total.locator('[data-figure="answeredOnTime"]').textContent()).toBe('7');
    await expect
      .poll(() => page.getByTestId('breaches-table').textContent())
      .toContain('Кузнецов Дмитрий Олегович');
    expect(await page.getByTestId('repeats').textContent()).toContain('https://vk.com/wall-100_B1?reply=1');
    expect(await page.getByTestId('location-table').textContent()).toContain('Центральный район, ул. Ленина');
  });

  it('draws the charts', async () => {
    const bars = page.locator('[data-testid="chart-departments"] .recharts-bar-rectangle');
    await expect.poll(() => bars.count()).toBeGreaterThan(3);
    // Topics: this month against February, two bars per topic.
    expect(await page.locator('[data-testid="chart-topics"] .recharts-bar-rectangle').count()).toBe(5);
    expect(await page.locator('[data-testid="chart-criteria"] .recharts-bar-rectangle').count()).toBe(3);
  });

  it('marks the synthetic surge among the hot spots', async () => {
    const surge = page
      .locator('[data-testid="hotspot-row"][data-surge="true"]')
      .filter({ hasText: SURGE_TOPIC });
    await surge.first().waitFor();
    expect(await surge.first().textContent()).toContain('всплеск');
  });

  it('shows the surge on the wall screen too, the surges alone', async () => {
    const wall = await chromium.context.newPage();
    try {
      await wall.setViewportSize({ width: 1920, height: 1080 });
      await wall.goto(`${host.url}wall`);
      await wall.waitForSelector('[data-app-state="ready"]');
      const rows = wall.getByTestId('hotspots').getByTestId('hotspot-row');
      await rows.filter({ hasText: SURGE_TOPIC }).first().waitFor();
      expect(await rows.count()).toBeLessThanOrEqual(3);
      expect(await wall.getByTestId('hotspots').locator('[data-surge="false"]').count()).toBe(0);
    } finally {
      await wall.close();
    }
  });

  it('reminds of the previous month’s report until it is exported', async () => {
    const reminder = page.getByTestId('report-reminder');
    await reminder.waitFor();
    // Exporting March does not satisfy the reminder for the month before this one.
    const pdf = page.waitForEvent('download');
    await page.getByTestId('export-pdf').click();
    expect((await pdf).suggestedFilename()).toBe('otklik-report-2026-03.pdf');
    expect(await reminder.isVisible()).toBe(true);
    // Its link opens the month due; exporting it stops the reminder.
    await reminder.getByRole('link').click();
    await page.waitForSelector('[data-report-state="ready"]');
    const xlsx = page.waitForEvent('download');
    await page.getByTestId('export-xlsx').click();
    expect((await xlsx).suggestedFilename()).toMatch(/^otklik-report-\d{4}-\d{2}\.xlsx$/);
    await expect.poll(() => reminder.count()).toBe(0);
  });
});
