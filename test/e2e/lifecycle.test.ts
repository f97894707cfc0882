import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { useWebApp } from './support/app';

/** The full answer lifecycle of issue #4 in the browser, one person after another on one workstation. */
describe('an incident from routing to publication', () => {
  const app = useWebApp('life');

  async function switchTo(login: string) {
    const option = app.page
      .getByTestId('user-switch')
      .locator('option', { hasText: new RegExp(LOGIN_NAMES[login] ?? login) });
    const value = await option.first().getAttribute('value');
    await app.page.getByTestId('user-switch').selectOption(value ?? '');
    await expect.poll(() => app.page.getByTestId('user-switch').inputValue()).toBe(value);
  }

  async function act(command: string) {
    const action = app.page.locator(`[data-command="${command}"]`);
    await action.getByRole('button').click();
  }

  async function expectStatus(label: string) {
    await expect.poll(() => app.page.getByTestId('card-status').textContent()).toBe(label);
    // The clock is on screen at every step.
    expect(await app.page.getByTestId('stage-list').locator('tbody tr').count()).toBeGreaterThan(3);
  }

  const LOGIN_NAMES: Record<string, string> = {
    operator: 'Иванова Мария',
    'exec-zhkh': 'Кузнецов Дмитрий',
    controller: 'Петров Алексей',
  };

  it('lets each role do its step and shows only its actions', async () => {
    // A new ЖКХ incident from the demo set.
    const row = app.page
      .getByTestId('queue-row')
      .filter({ hasText: 'Новый' })
      .filter({ hasText: 'ЖКХ' })
      .first();
    await row.click();
    await app.page.getByTestId('incident-card').waitFor();
    await expectStatus('Новый');
    expect(await app.page.getByTestId('timer-bar').count()).toBe(1);

    // Operator: route to the ЖКХ department.
    await app.page.getByLabel('Исполнитель (подразделение)').selectOption('dep-zhkh');
    await act('route');
    await expectStatus('Направлен');
    expect(await app.page.locator('[data-command="approve"]').count()).toBe(0);

    // Executor: draft and send for review; the same checks run live while writing.
    await switchTo('exec-zhkh');
    await app.page
      .getByTestId('draft-text')
      .fill('Здравствуйте! Отопление в доме восстановят в ближайшее время.');
    await app.page.getByTestId('live-check').waitFor();
    await act('save-draft');
    await expectStatus('Готовится ответ');
    await act('send-for-review');
    await expectStatus('На согласовании');
    expect(await app.page.locator('[data-command="route"]').count()).toBe(0);

    // Controller: the pane marks the vague deadline, blocks approval, and pre-fills the reasons.
    await switchTo('controller');
    const pane = app.page.getByTestId('review-pane');
    await pane.waitFor();
    await expect.poll(() => pane.locator('mark[data-key="deadline"]').count()).toBeGreaterThan(0);
    expect(await pane.locator('[data-status="fail"][data-key="deadline"]').count()).toBe(1);
    expect(await app.page.getByTestId('review-approve').isDisabled()).toBe(true);
    expect(await app.page.getByTestId('rework-reasons').inputValue()).toMatch(/10\.4|Новороссийск/);
    await app.page.getByTestId('review-return').click();
    await expectStatus('На доработке');

    // Executor: sees the remarks, fixes the deadline and resends.
    await switchTo('exec-zhkh');
    await expect.poll(() => app.page.getByTestId('remarks').textContent()).toContain('Новороссийск');
    await app.page
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
    await app.page.getByTestId('review-approve').click();
    await expectStatus('Согласован');
    await switchTo('operator');
    await app.page.getByLabel('Ссылка на опубликованный ответ').fill('https://vk.com/wall-100_200?reply=3');
    await act('publish');
    await expectStatus('Опубликован');

    // The journal names every step and who took it.
    const journal = await app.page.getByTestId('timeline').textContent();
    for (const step of ['Направлен в подразделение', 'Возвращён на доработку', 'Согласован', 'Опубликован'])
      expect(journal).toContain(step);
    expect(journal).toContain('Петров Алексей Николаевич');
  });

  it('shows an incident that left for another department read-only, with where it went', async () => {
    await app.page.goto(app.host.url);
    // The operator, who may route a new incident (the first test): here, no action at all.
    await switchTo('operator');
    const id = await app.page
      .getByTestId('queue-row')
      .filter({ hasText: 'Новый' })
      .first()
      .getAttribute('data-incident-id');
    // As the sync client records it when the hub serves the op that takes the incident elsewhere.
    const db = new Database(join(app.dataDir, 'otklik.sqlite'));
    try {
      db.prepare('INSERT INTO sync_away (incident_id, departments, since) VALUES (?, ?, ?)').run(
        id,
        '["dep-roads"]',
        Date.now(),
      );
    } finally {
      db.close();
    }
    await app.page.goto(`${app.host.url}#/incident/${id}`);
    const away = app.page.getByTestId('card-away');
    await away.waitFor();
    expect(await away.textContent()).toMatch(/передано в .*дорожн.*только для чтения/s);
    expect(await app.page.locator('[data-command]').count()).toBe(0);
  });
});
