import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { launchChromium, type OpenBrowser } from './support/browser';
import { startHost, type RunningHost } from './support/web-host';
import { ROUND_THE_CLOCK, setSchedule } from '../support/schedules';

/** The full answer lifecycle of issue #4 in the browser, one person after another on one workstation. */
describe('an incident from routing to publication', () => {
  let dataDir: string;
  let host: RunningHost;
  let chromium: OpenBrowser;
  let page: Page;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'otklik-e2e-life-'));
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

  async function switchTo(login: string) {
    const option = page
      .getByTestId('user-switch')
      .locator('option', { hasText: new RegExp(LOGIN_NAMES[login] ?? login) });
    const value = await option.first().getAttribute('value');
    await page.getByTestId('user-switch').selectOption(value ?? '');
    await expect.poll(() => page.getByTestId('user-switch').inputValue()).toBe(value);
  }

  async function act(command: string) {
    const action = page.locator(`[data-command="${command}"]`);
    await action.getByRole('button').click();
  }

  async function expectStatus(label: string) {
    await expect.poll(() => page.getByTestId('card-status').textContent()).toBe(label);
    // The clock is on screen at every step.
    expect(await page.getByTestId('stage-list').locator('tbody tr').count()).toBeGreaterThan(3);
  }

  const LOGIN_NAMES: Record<string, string> = {
    operator: 'Иванова Мария',
    'exec-zhkh': 'Кузнецов Дмитрий',
    controller: 'Петров Алексей',
  };

  it('lets each role do its step and shows only its actions', async () => {
    // A new ЖКХ incident from the demo set.
    const row = page.getByTestId('queue-row').filter({ hasText: 'Новый' }).filter({ hasText: 'ЖКХ' }).first();
    await row.click();
    await page.getByTestId('incident-card').waitFor();
    await expectStatus('Новый');
    expect(await page.getByTestId('timer-bar').count()).toBe(1);

    // Operator: route to the ЖКХ department.
    await page.getByLabel('Исполнитель (подразделение)').selectOption('dep-zhkh');
    await act('route');
    await expectStatus('Направлен');
    expect(await page.locator('[data-command="approve"]').count()).toBe(0);

    // Executor: draft and send for review; the same checks run live while writing.
    await switchTo('exec-zhkh');
    await page
      .getByTestId('draft-text')
      .fill('Здравствуйте! Отопление в доме восстановят в ближайшее время.');
    await page.getByTestId('live-check').waitFor();
    await act('save-draft');
    await expectStatus('Готовится ответ');
    await act('send-for-review');
    await expectStatus('На согласовании');
    expect(await page.locator('[data-command="route"]').count()).toBe(0);

    // Controller: the pane marks the vague deadline, blocks approval, and pre-fills the reasons.
    await switchTo('controller');
    const pane = page.getByTestId('review-pane');
    await pane.waitFor();
    await expect.poll(() => pane.locator('mark[data-key="deadline"]').count()).toBeGreaterThan(0);
    expect(await pane.locator('[data-status="fail"][data-key="deadline"]').count()).toBe(1);
    expect(await page.getByTestId('review-approve').isDisabled()).toBe(true);
    expect(await page.getByTestId('rework-reasons').inputValue()).toMatch(/10\.4|Новороссийск/);
    await page.getByTestId('review-return').click();
    await expectStatus('На доработке');

    // Executor: sees the remarks, fixes the deadline and resends.
    await switchTo('exec-zhkh');
    await expect.poll(() => page.getByTestId('remarks').textContent()).toContain('Новороссийск');
    await page
      .getByTestId('draft-text')
      .fill('Здравствуйте! Отопление в доме восстановят до 25 ноября 2026 года.');
    await act('save-draft');
    await act('send-for-review');
    await expectStatus('На согласовании');

    // Controller: confirms the checklist (justifying whatever still fails) and approves.
    await switchTo('controller');
    await pane.waitFor();
    await expect.poll(() => pane.locator('[data-key="deadline"][data-status="fail"]').count()).toBe(0);
    for (const item of await pane.locator('.check').all()) {
      if ((await item.getAttribute('data-status')) === 'fail')
        await item.locator('.check__override').fill('Проверено контролёром вручную');
      else await item.locator('input[type="checkbox"]').check();
    }
    await page.getByTestId('review-approve').click();
    await expectStatus('Согласован');
    await switchTo('operator');
    await page.getByLabel('Ссылка на опубликованный ответ').fill('https://vk.com/wall-100_200?reply=3');
    await act('publish');
    await expectStatus('Опубликован');

    // The journal names every step and who took it.
    const journal = await page.getByTestId('timeline').textContent();
    for (const step of ['Направлен в подразделение', 'Возвращён на доработку', 'Согласован', 'Опубликован'])
      expect(journal).toContain(step);
    expect(journal).toContain('Петров Алексей Николаевич');
  });
});
