import { describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { useWebApp } from './support/app';
import { runCli } from '../support/run-cli';

/** The notification centre in the header (issue #6, point 4): the list, its keys and its clicks. */
describe('the notification centre in a browser', () => {
  const app = useWebApp('notifications');

  const unread = async () => Number(await app.page.getByTestId('notifications-unread').textContent());
  const panel = () => app.page.getByRole('dialog', { name: 'Уведомления' });
  const button = () => app.page.getByTestId('notifications-button');

  it('lists a new high-importance incident, opens it, and closes by Esc or a click elsewhere', async () => {
    const page = app.page;
    const before = await unread();
    const file = join(app.dataDir, 'urgent.json');
    const now = new Date().toISOString();
    writeFileSync(
      file,
      JSON.stringify([
        {
          externalId: 'e2e-notify-1',
          source: 'im',
          network: 'vk',
          url: null,
          authorName: 'Житель Северного района',
          text: 'На проспекте Победы упал светофор, машины едут наугад.',
          publishedAt: now,
          detectedAt: now,
          topic: 'Дороги',
          location: 'пр. Победы, 12',
          importance: 'high',
        },
      ]),
    );
    expect((await runCli(['import', file, '--data-dir', app.dataDir])).code).toBe(0);
    await expect.poll(unread, { timeout: 10_000 }).toBeGreaterThan(before);

    // Esc closes it also while the focus is still on the button that opened it.
    await button().click();
    const item = panel().locator('[data-kind="high"]').filter({ hasText: 'пр. Победы, 12' });
    await item.waitFor();
    await page.keyboard.press('Escape');
    await expect.poll(() => panel().count()).toBe(0);
    expect(await button().evaluate((b) => b === document.activeElement)).toBe(true);

    // A click anywhere else closes it.
    await button().click();
    await panel().waitFor();
    await page.locator('h1').click();
    await expect.poll(() => panel().count()).toBe(0);

    // «Прочитано» marks them all read.
    await button().click();
    await panel().getByRole('button', { name: 'Прочитано' }).click();
    await expect.poll(unread).toBe(0);

    // The item opens its incident's card, and the panel closes.
    const id = await item.getAttribute('data-incident-id');
    await item.getByRole('button').click();
    await expect.poll(() => page.evaluate(() => location.hash)).toBe(`#/incident/${id}`);
    expect(await panel().count()).toBe(0);
  });
});
