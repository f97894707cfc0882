import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { launchChromium, type OpenBrowser } from './support/browser';
import { startHost, type RunningHost } from './support/web-host';
import { ROUND_THE_CLOCK, setSchedule } from '../support/schedules';

describe('queue filters, counts and search in a browser', () => {
  let dataDir: string;
  let host: RunningHost;
  let chromium: OpenBrowser;
  let page: Page;

  const matching = async () => Number(await page.getByTestId('queue-matching').getAttribute('data-count'));
  const open = async () => Number(await page.getByTestId('count-open').textContent());

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'otklik-e2e-filters-'));
    await setSchedule(dataDir, ROUND_THE_CLOCK);
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

  it('shows high-importance incidents only, as many as the chip counted', async () => {
    const chip = page.getByTestId('filter-high');
    const counted = Number(await page.getByTestId('filter-high-count').textContent());
    expect(counted).toBeGreaterThan(0);
    await chip.click();
    await expect.poll(matching).toBe(counted);
    expect(await chip.getAttribute('aria-pressed')).toBe('true');
    const rows = page.getByTestId('queue-row');
    await expect.poll(() => rows.count()).toBe(Math.min(counted, await rows.count()));
    for (const row of await rows.all()) expect(await row.getAttribute('class')).toContain('row--high');
    await chip.click();
    await expect.poll(matching).toBe(await open());
  });

  it('filters by a topic, with each topic counted in its menu', async () => {
    await page.getByTestId('facet-topics').getByRole('button').first().click();
    const option = page.getByTestId('facet-option').first();
    const topic = await option.getAttribute('data-value');
    const counted = Number(await option.getByTestId('facet-count').textContent());
    await option.click();
    await expect.poll(matching).toBe(counted);
    const topics = await page.getByTestId('queue-row').locator('.cell--topic').allTextContents();
    expect(new Set(topics)).toEqual(new Set([topic]));
    // A second facet narrows within the topic; the topic menu still counts every topic.
    const overdue = Number(await page.getByTestId('filter-overdue-count').textContent());
    await page.getByTestId('filter-overdue').click();
    await expect.poll(matching).toBe(overdue);
    await page.keyboard.press('Escape');
    await page.getByTestId('filters-clear').click();
    await expect.poll(matching).toBe(await open());
  });

  it('finds incidents by words of the author, the text or the place, and Esc clears the search', async () => {
    const author = (await page.getByTestId('queue-row').first().locator('.cell--author').textContent()) ?? '';
    const surname = author.split(' ')[0]!;
    const search = page.getByTestId('queue-search');
    await search.click();
    await search.fill(surname.slice(0, 4).toLowerCase());
    await expect.poll(matching).toBeLessThan(await open());
    const authors = await page.getByTestId('queue-row').locator('.cell--author').allTextContents();
    const texts = await page.getByTestId('queue-row').allTextContents();
    expect(authors.length).toBeGreaterThan(0);
    for (const t of texts) expect(t.toLowerCase()).toContain(surname.slice(0, 4).toLowerCase());
    await search.press('Escape');
    expect(await search.inputValue()).toBe('');
    await expect.poll(matching).toBe(await open());
  });

  it('says so when nothing matches', async () => {
    await page.getByTestId('queue-search').fill('йцукенгшщзхъ');
    await page.getByTestId('queue-empty').waitFor();
    expect(await page.getByTestId('queue-row').count()).toBe(0);
    await page.getByTestId('queue-search').press('Escape');
    await page.getByTestId('queue-row').first().waitFor();
  });
});
