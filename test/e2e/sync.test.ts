import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { addDepartment, addUser, addWorkstation } from '../../src/main/hub/admin';
import { openHubDatabase } from '../../src/main/hub/db/open';
import { killHard, spawnHub, type HubProcess } from '../integration/sync/processes';
import { launchChromium, type OpenBrowser } from './support/browser';
import { startHost, type RunningHost } from './support/web-host';

/**
 * Issue #7's «done when», in the browser: two fresh workstations and a hub. Each joins the hub from its
 * first screen (the hub brings the people), an incident from the intake reaches both, both operators route
 * it while the hub is down, and when it is back both show the same routing and one of them the conflict.
 */
describe('two workstations through a hub', () => {
  const dirs: string[] = [];
  const dir = (name: string) => {
    const d = mkdtempSync(join(tmpdir(), `otklik-e2e-sync-${name}-`));
    dirs.push(d);
    return d;
  };
  let hubDir = '';
  let hub: HubProcess;
  let tokens: { desk1: string; desk2: string; intake: string };
  const hosts: RunningHost[] = [];
  let chromium: OpenBrowser;
  let desk1: Page;
  let desk2: Page;

  beforeAll(async () => {
    hubDir = dir('hub');
    const { db } = await openHubDatabase({ dataDir: hubDir });
    await addDepartment(db, { id: 'roads', name: 'Дорожное хозяйство' });
    await addDepartment(db, { id: 'parks', name: 'Парки и скверы' });
    await addUser(db, {
      login: 'op1',
      displayName: 'Иванова М. С.',
      role: 'operator',
      password: 'пароль-один',
    });
    await addUser(db, {
      login: 'op2',
      displayName: 'Смирнов П. А.',
      role: 'operator',
      password: 'пароль-два',
    });
    await addUser(db, { login: 'adm', displayName: 'Админ А. А.', role: 'admin', password: 'пароль-админа' });
    tokens = {
      desk1: (await addWorkstation(db, 'desk-1')).token,
      desk2: (await addWorkstation(db, 'desk-2')).token,
      intake: (await addWorkstation(db, 'im', { kind: 'intake' })).token,
    };
    await db.destroy();
    hub = await spawnHub(hubDir);
    for (const name of ['desk1', 'desk2']) hosts.push(await startHost(dir(name), ['--no-demo']));
    chromium = await launchChromium();
    desk1 = await chromium.context.newPage();
    desk2 = await chromium.context.newPage();
  });

  afterAll(async () => {
    await chromium?.close();
    for (const h of hosts) await h.stop();
    if (hub) await killHard(hub.proc);
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  const label = (page: Page) => page.getByTestId('sync-label').textContent();

  async function joinHub(page: Page, url: string, token: string, login: string, password: string) {
    await page.goto(url);
    // A fresh workstation: create its administrator, or join the hub instead.
    await page.getByRole('heading', { name: 'Первый запуск: создайте администратора' }).waitFor();
    const joinForm = page.getByTestId('sync-join');
    await joinForm.getByRole('heading', { name: 'Или подключите рабочее место к хабу МЦУ' }).waitFor();
    await joinForm.getByLabel('Адрес хаба').fill(hub.url);
    await joinForm.getByLabel('Токен рабочего места').fill(token);
    await joinForm.getByRole('button', { name: 'Подключить' }).click();
    // The hub's people arrived: the first screen turns into the sign-in.
    await page.getByRole('heading', { name: 'Вход в Отклик' }).waitFor();
    expect(await page.getByTestId('sync-join').count()).toBe(0);
    await page.getByLabel('Логин').fill(login);
    await page.getByLabel('Пароль').fill(password);
    await page.getByRole('button', { name: 'Войти' }).click();
    await page.waitForSelector('[data-app-state="ready"]');
    await expect.poll(() => label(page)).toBe('Синхронизировано');
  }

  const open = async (page: Page) => {
    await page.getByTestId('queue-row').filter({ hasText: 'Яма на въезде во двор' }).click();
    await page.getByTestId('incident-card').waitFor();
  };

  async function route(page: Page, department: string) {
    await page.getByLabel('Исполнитель (подразделение)').selectOption(department);
    await page.locator('[data-command="route"]').getByRole('button').click();
    await expect.poll(() => page.getByTestId('card-status').textContent()).toBe('Направлен');
  }

  it('join from the first screen, work through an outage, converge with one conflict shown', async () => {
    await joinHub(desk1, hosts[0]!.url, tokens.desk1, 'op1', 'пароль-один');
    await joinHub(desk2, hosts[1]!.url, tokens.desk2, 'op2', 'пароль-два');

    // An incident from ИМ through the hub's intake reaches both queues.
    const res = await fetch(`${hub.url}/v1/intake`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${tokens.intake}`, 'Content-Type': 'application/json' },
      body: JSON.stringify([
        {
          externalId: 'im-e2e-1',
          source: 'im',
          network: 'vk',
          authorName: 'Жительница',
          text: 'Яма на въезде во двор, машины объезжают по тротуару',
          publishedAt: new Date(Date.now() - 60_000).toISOString(),
          topic: 'Дороги',
        },
      ]),
    });
    expect(res.status).toBe(200);
    for (const page of [desk1, desk2]) {
      await expect
        .poll(() => page.getByTestId('queue-row').filter({ hasText: 'Яма на въезде во двор' }).count())
        .toBe(1);
    }

    // The first operator sets its place (the first stage); the second sees it and may route it next.
    await open(desk1);
    await desk1.getByLabel('Место').fill('ул. Мира, 12');
    await desk1.locator('[data-command="classify"]').getByRole('button').click();
    await open(desk2);
    await desk2.getByLabel('Исполнитель (подразделение)').waitFor();

    // The hub goes down; both operators route the same incident, each to a department of their own.
    const port = hub.port;
    await killHard(hub.proc);
    await route(desk1, 'roads');
    await route(desk2, 'parks');
    for (const page of [desk1, desk2])
      await expect.poll(() => label(page)).toBe('Нет связи · ожидают отправки: 1');

    // Back on the same address: exactly one routing wins everywhere; the other author sees the conflict.
    hub = await spawnHub(hubDir, port);
    for (const page of [desk1, desk2])
      await expect.poll(() => label(page), { timeout: 20_000 }).toBe('Синхронизировано');
    const conflicts = async (page: Page) => page.getByTestId('sync-conflicts-count').count();
    await expect.poll(async () => (await conflicts(desk1)) + (await conflicts(desk2))).toBe(1);
    const loser = (await conflicts(desk1)) === 1 ? desk1 : desk2;
    const winner = loser === desk1 ? desk2 : desk1;
    const department = winner === desk1 ? 'Дорожное хозяйство' : 'Парки и скверы';
    for (const page of [desk1, desk2]) {
      await page.getByRole('link', { name: '← Очередь' }).click();
      await expect
        .poll(() => page.getByTestId('queue-row').filter({ hasText: 'Яма на въезде во двор' }).textContent())
        .toContain(department);
    }
    await loser.getByTestId('sync-indicator').getByRole('button').click();
    await expect.poll(() => loser.getByTestId('sync-conflicts').textContent()).toMatch(/Направ/);
    expect(await loser.getByTestId('sync-conflicts').textContent()).not.toContain('..');

    // The journal: the loser's attempt stays, struck through with the hub's reason; the intake in Russian.
    await loser.getByTestId('sync-indicator').getByRole('button').first().click();
    await open(loser);
    await expect.poll(() => loser.getByTestId('timeline-refused').count()).toBe(1);
    expect(await loser.getByTestId('timeline-refused').textContent()).toMatch(/не принято хабом/);
    const journal = await loser.getByTestId('timeline').textContent();
    expect(journal).toContain('Поступил из ИМ/ПОС — приём обращений');
    expect(journal).not.toContain('intake');
    await open(winner);
    await expect.poll(() => winner.getByTestId('timeline').locator('li').count()).toBe(3);
    expect(await winner.getByTestId('timeline-refused').count()).toBe(0);

    // The hub's administrator on a joined workstation: people come from the hub, none are made here.
    await desk1.getByRole('button', { name: 'Выйти' }).click();
    await desk1.getByLabel('Логин').fill('adm');
    await desk1.getByLabel('Пароль').fill('пароль-админа');
    await desk1.getByRole('button', { name: 'Войти' }).click();
    await desk1.goto(`${hosts[0]!.url}#/settings`);
    await desk1.getByTestId('users-editor').waitFor();
    await expect.poll(() => desk1.getByTestId('users-from-hub').count()).toBe(1);
    expect(await desk1.getByRole('button', { name: 'Создать пользователя' }).count()).toBe(0);
    expect(await desk1.getByTestId('sync-join').getByLabel('Адрес хаба').count()).toBe(1);
  });
});
