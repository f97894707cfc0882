import { describe, expect, it } from 'vitest';
import { useWebApp } from './support/app';

/** The organisation's settings: read by everyone signed in, changed by their editors only. */
describe('the settings in a browser', () => {
  const app = useWebApp('settings');

  async function switchTo(userId: string) {
    await app.page.getByTestId('user-switch').selectOption(userId);
    await expect.poll(() => app.page.getByTestId('user-switch').inputValue()).toBe(userId);
  }

  const saveSchedule = () => app.page.getByRole('button', { name: 'Сохранить график' });

  it('shows the schedule and the regulation to an operator, read-only, and says who changes them', async () => {
    const page = app.page;
    await page.goto(`${app.host.url}#/settings`);
    await page.getByTestId('settings').waitFor();
    // The demo opens as the operator.
    expect(await page.getByTestId('org-read-only').first().textContent()).toContain(
      'меняет администратор или руководитель МЦУ',
    );
    expect(await saveSchedule().isDisabled()).toBe(true);
    expect(await page.getByLabel('Действующий регламент').isDisabled()).toBe(true);
    expect(await page.getByLabel('Суббота').isDisabled()).toBe(true);
    // Nor does the operator join the workstation to a hub.
    expect(await page.getByTestId('sync-join-read-only').textContent()).toContain(
      'администратор или руководитель МЦУ',
    );
    expect(await page.getByLabel('Адрес хаба').count()).toBe(0);
  });

  it('lets the МЦУ supervisor change the schedule', async () => {
    const page = app.page;
    await switchTo('user-supervisor');
    await expect.poll(() => page.getByTestId('org-read-only').count()).toBe(0);
    expect(await page.getByLabel('Адрес хаба').count()).toBe(1);
    await page.getByLabel('Суббота').fill('10:00–14:00');
    await saveSchedule().click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'График сохранён' }).count()).toBe(1);
  });

  it('shows nothing of them once signed out, only the sign-in', async () => {
    const page = app.page;
    await page.getByRole('button', { name: 'Выйти' }).click();
    await page.getByTestId('sign-in').waitFor();
    expect(await page.getByTestId('settings').count()).toBe(0);
  });
});
