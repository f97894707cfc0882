import { it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchChromium } from './support/browser';
import { startHost } from './support/web-host';

it('debug', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'otklik-dbg-'));
  const host = await startHost(dataDir, ['--no-demo-feed']);
  const chromium = await launchChromium();
  const page = await chromium.context.newPage();
  page.on('console', (m) => console.log('CONSOLE', m.text()));
  await page.goto(host.url);
  await page.waitForSelector('[data-app-state="ready"]');
  await page.screenshot({ path: '/tmp/qscratch/queue.png' });
  await page.getByTestId('facet-statuses').getByRole('button').click();
  await page.screenshot({ path: '/tmp/qscratch/facet.png' });
  const wall = await chromium.context.newPage();
  await wall.setViewportSize({ width: 1920, height: 1080 });
  await wall.goto(host.url + 'wall');
  await wall.waitForSelector('[data-app-state="ready"]');
  await wall.screenshot({ path: '/tmp/qscratch/wall.png' });
  await chromium.close();
  await host.stop();
}, 60000);
