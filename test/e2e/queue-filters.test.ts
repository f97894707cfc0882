import { describe, expect, it } from 'vitest';
import { useWebApp } from './support/app';

describe('queue filters, counts and search in a browser', () => {
  const app = useWebApp('filters');

  const matching = async () =>
    Number(await app.page.getByTestId('queue-matching').getAttribute('data-count'));
  const open = async () => Number(await app.page.getByTestId('count-open').textContent());

  it('shows high-importance incidents only, as many as the chip counted', async () => {
    const chip = app.page.getByTestId('filter-high');
    const counted = Number(await app.page.getByTestId('filter-high-count').textContent());
    expect(counted).toBeGreaterThan(0);
    await chip.click();
    await expect.poll(matching).toBe(counted);
    expect(await chip.getAttribute('aria-pressed')).toBe('true');
    const rows = app.page.getByTestId('queue-row');
    await expect.poll(() => rows.count()).toBe(Math.min(counted, await rows.count()));
    for (const row of await rows.all()) expect(await row.getAttribute('class')).toContain('row--high');
    await chip.click();
    await expect.poll(matching).toBe(await open());
  });

  it('filters by a topic, with each topic counted in its menu', async () => {
    await app.page.getByTestId('facet-topics').getByRole('button').first().click();
    const option = app.page.getByTestId('facet-option').first();
    const topic = await option.getAttribute('data-value');
    const counted = Number(await option.getByTestId('facet-count').textContent());
    await option.click();
    await expect.poll(matching).toBe(counted);
    const topics = await app.page.getByTestId('queue-row').locator('.cell--topic').allTextContents();
    expect(new Set(topics)).toEqual(new Set([topic]));
    // A second facet narrows within the topic; the topic menu still counts every topic.
    const overdue = Number(await app.page.getByTestId('filter-overdue-count').textContent());
    await app.page.getByTestId('filter-overdue').click();
    await expect.poll(matching).toBe(overdue);
    await app.page.keyboard.press('Escape');
    await app.page.getByTestId('filters-clear').click();
    await expect.poll(matching).toBe(await open());
  });

  it('finds incidents by words of the author, the text or the place, and Esc clears the search', async () => {
    const author =
      (await app.page.getByTestId('queue-row').first().locator('.cell--author').textContent()) ?? '';
    const surname = author.split(' ')[0]!;
    const search = app.page.getByTestId('queue-search');
    await search.click();
    await search.fill(surname.slice(0, 4).toLowerCase());
    await expect.poll(matching).toBeLessThan(await open());
    const authors = await app.page.getByTestId('queue-row').locator('.cell--author').allTextContents();
    const texts = await app.page.getByTestId('queue-row').allTextContents();
    expect(authors.length).toBeGreaterThan(0);
    for (const t of texts) expect(t.toLowerCase()).toContain(surname.slice(0, 4).toLowerCase());
    await search.press('Escape');
    expect(await search.inputValue()).toBe('');
    await expect.poll(matching).toBe(await open());
  });

  it('says so when nothing matches', async () => {
    await app.page.getByTestId('queue-search').fill('йцукенгшщзхъ');
    await app.page.getByTestId('queue-empty').waitFor();
    expect(await app.page.getByTestId('queue-row').count()).toBe(0);
    await app.page.getByTestId('queue-search').press('Escape');
    await app.page.getByTestId('queue-row').first().waitFor();
  });

  it('offers an executor their department’s incidents as soon as they sign in («Мои»)', async () => {
    const page = app.page;
    // The demo's operator belongs to no department: no «Мои».
    expect(await page.getByTestId('filter-mine').count()).toBe(0);
    await page.getByTestId('user-switch').selectOption('user-exec-zhkh');
    // At once, not at the counters' next half-minute round.
    const chip = page.getByTestId('filter-mine');
    await chip.waitFor({ timeout: 5_000 });
    await chip.click();
    await expect.poll(matching).toBe(Number(await page.getByTestId('filter-mine-count').textContent()));
    const departments = await page
      .locator('[data-testid="queue-row"] .cell--department')
      .evaluateAll((cells) => [...new Set(cells.map((c) => c.textContent))]);
    expect(departments).toEqual(['Управление жилищно-коммунального хозяйства']);
    await chip.click();
    await page.getByTestId('user-switch').selectOption('user-operator');
    await expect.poll(() => page.getByTestId('filter-mine').count()).toBe(0);
  });
});
