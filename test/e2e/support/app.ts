import { afterAll, beforeAll } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { launchChromium, type OpenBrowser } from './browser';
import { startHost, type RunningHost } from './web-host';
import { ROUND_THE_CLOCK, setSchedule } from '../../support/schedules';

export type WebApp = {
  readonly dataDir: string;
  readonly host: RunningHost;
  readonly chromium: OpenBrowser;
  readonly page: Page;
};

/**
 * For a describe block: a web host on a fresh data folder (demo set, no live feed, round the clock so
 * bars move whatever the hour), opened in Chromium and waited for until `data-app-state="ready"`.
 */
export function useWebApp(name: string, hostArgs: readonly string[] = ['--no-demo-feed']): WebApp {
  let state: { dataDir: string; host: RunningHost; chromium: OpenBrowser; page: Page } | null = null;
  beforeAll(async () => {
    const dataDir = mkdtempSync(join(tmpdir(), `otklik-e2e-${name}-`));
    await setSchedule(dataDir, ROUND_THE_CLOCK);
    const host = await startHost(dataDir, hostArgs);
    const chromium = await launchChromium();
    const page = await chromium.context.newPage();
    await page.goto(host.url);
    await page.waitForSelector('[data-app-state="ready"]');
    state = { dataDir, host, chromium, page };
  });
  afterAll(async () => {
    await state?.chromium.close();
    await state?.host.stop();
    if (state) rmSync(state.dataDir, { recursive: true, force: true });
  });
  const get = () => {
    if (!state) throw new Error('useWebApp: the app is not started yet (use it inside a test)');
    return state;
  };
  return {
    get dataDir() {
      return get().dataDir;
    },
    get host() {
      return get().host;
    },
    get chromium() {
      return get().chromium;
    },
    get page() {
      return get().page;
    },
  };
}
