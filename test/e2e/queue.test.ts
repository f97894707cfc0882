import { describe, expect, it } from 'vitest';
import { useWebApp } from './support/app';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startHost } from './support/web-host';
import { runCli } from '../support/run-cli';
import { closedToday, setSchedule } from '../support/schedules';

describe('the live queue in a browser', () => {
  const app = useWebApp('queue');

  it('shows the demo incidents, each with a timer bar, most urgent first', async () => {
    const rows = app.page.getByTestId('queue-row');
    // The rows on screen and a few beyond (virtualized): more than a screenful of the demo's incidents.
    const onScreen = await app.page
      .locator('.queue__scroll')
      .evaluate((el) => Math.floor(el.clientHeight / 60));
    await expect
      .poll(async () => Number(await app.page.getByTestId('count-open').textContent()))
      .toBeGreaterThan(onScreen);
    expect(await rows.count()).toBeGreaterThanOrEqual(onScreen);
    expect(await app.page.getByTestId('timer-bar').count()).toBe(await rows.count());
    await expect.poll(() => app.page.locator('h1').textContent()).toBe('Отклик');
    const firstText = await app.page.getByTestId('timer-bar').first().textContent();
    expect(firstText).toMatch(/(осталось|просрочен на) .*раб\./);
  });

  it('reuses the row elements as the list scrolls, each showing the incident of its own place', async () => {
    const page = app.page;
    type Shown = { mark: number | null; index: number; id: string; author: string; top: number };
    // Every row element gets a mark; a row built anew afterwards has none.
    const rows = (mark: boolean) =>
      page.evaluate((mark) => {
        const els = Array.from(document.querySelectorAll<HTMLElement>('[data-testid="queue-row"]'));
        return els.map((el, i): Shown => {
          const own = el as HTMLElement & { e2eMark?: number };
          if (mark) own.e2eMark = i;
          return {
            mark: own.e2eMark ?? null,
            index: Number(el.dataset.index),
            id: el.dataset.incidentId ?? '',
            author: el.querySelector('.cell--author')?.textContent ?? '',
            top: new DOMMatrix(getComputedStyle(el).transform).m42,
          };
        });
      }, mark);
    const byIndex = (shown: Shown[]) => new Map(shown.map((r) => [r.index, `${r.id} ${r.author}`]));
    const scrollTo = async (top: number) => {
      await page.locator('.queue__scroll').evaluate((el, top) => el.scrollTo({ top }), top);
      await expect
        .poll(async () => Math.min(...(await rows(false)).map((r) => r.index)))
        .toBe(Math.max(0, Math.floor(top / 60) - 4));
    };
    await scrollTo(0);
    const atTop = await rows(true);
    await scrollTo(5 * 60);
    const scrolled = await rows(false);
    await scrollTo(0);
    const back = await rows(false);

    for (const shown of [scrolled, back]) {
      expect(shown.length).toBe(atTop.length);
      expect(shown.filter((r) => r.mark === null)).toEqual([]);
      const indices = shown.map((r) => r.index).sort((a, b) => a - b);
      expect(indices).toEqual(indices.map((_, i) => indices[0]! + i));
      for (const r of shown) expect(r.top).toBe(r.index * 60);
    }
    // Rows that entered show the incidents that belong there: the same as before for the rows both saw.
    const first = byIndex(atTop);
    for (const [index, shown] of byIndex(scrolled)) {
      if (first.has(index)) expect(shown).toBe(first.get(index));
    }
    expect(byIndex(back)).toEqual(first);
    expect(new Set(scrolled.map((r) => r.id)).size).toBe(scrolled.length);
  });

  it('keeps the whole header on a laptop’s screen, wrapping it where the width runs out', async () => {
    const page = app.page;
    const size = page.viewportSize()!;
    try {
      await page.setViewportSize({ width: 1366, height: 768 });
      // Everything in the header, the sign-out button last, lies within the window's width.
      const rightmost = await page
        .locator('header.app__header')
        .evaluate((h) =>
          Math.max(...Array.from(h.querySelectorAll('*')).map((e) => e.getBoundingClientRect().right)),
        );
      expect(rightmost).toBeLessThanOrEqual(1366);
      expect(await page.getByRole('button', { name: 'Выйти' }).isVisible()).toBe(true);
      // A counter's label stays on one line (two lines would be over twice its type's size).
      const label = page.locator('.counters dt').filter({ hasText: 'Срок в течение часа' });
      const { height } = (await label.boundingBox())!;
      expect(height).toBeLessThan(
        1.8 * parseFloat(await label.evaluate((e) => getComputedStyle(e).fontSize)),
      );
    } finally {
      await page.setViewportSize(size);
    }
  });

  it('counts the time down every second', async () => {
    // Most urgent first: the bars still on time are further down.
    await app.page.locator('.queue__scroll').evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
    await app.page.locator('[data-testid="timer-bar"][data-state="on-time"]').first().waitFor();
    const id = await app.page.evaluate(() =>
      Array.from(document.querySelectorAll('[data-testid="timer-bar"][data-state="on-time"]'))
        .at(-1)
        ?.closest('[data-testid="queue-row"]')
        ?.getAttribute('data-incident-id'),
    );
    const bar = app.page.locator(
      `[data-testid="queue-row"][data-incident-id="${id}"] [data-testid="timer-bar"]`,
    );
    // Rows rendered beyond the viewport (virtualization's overscan) tick by the minute: bring it on screen.
    await bar.scrollIntoViewIfNeeded();
    const before = Number(await bar.getAttribute('aria-valuenow'));
    expect(before).toBeGreaterThan(0);
    await expect
      .poll(async () => Number(await bar.getAttribute('aria-valuenow')), { timeout: 5000 })
      .toBeLessThan(before);
  });

  it('shows an incident imported through the CLI without a reload', async () => {
    const file = join(app.dataDir, 'new.json');
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
    app.page.on('framenavigated', (f) => navigations.push(f.url()));
    // The table renders only the rows on screen (virtualized): a search that matches nothing yet keeps the
    // new row on screen when it arrives, and shows it came by the live update, not by a new query.
    const openBefore = Number(await app.page.getByTestId('count-open').textContent());
    await app.page.getByTestId('queue-search').fill('Тестовый Автор Импорта');
    await app.page.getByTestId('queue-empty').waitFor();
    const result = await runCli(['import', file, '--data-dir', app.dataDir]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const row = app.page.getByTestId('queue-row').filter({ hasText: 'Тестовый Автор Импорта' });
    await row.waitFor({ timeout: 10_000 });
    expect(await row.getByTestId('timer-bar').count()).toBe(1);
    await expect
      .poll(async () => Number(await app.page.getByTestId('count-open').textContent()))
      .toBe(openBefore + 1);
    expect(navigations).toEqual([]);
    await app.page.getByTestId('queue-search').press('Escape');
  });

  it('shows the clocks standing still outside working hours', async () => {
    const closedDir = mkdtempSync(join(tmpdir(), 'otklik-e2e-closed-'));
    await setSchedule(closedDir, closedToday());
    const closedHost = await startHost(closedDir, ['--no-demo-feed']);
    const closedPage = await app.chromium.context.newPage();
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
