import { beforeEach, describe, expect, it, vi } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The Electron glue cannot run here (no Electron binary), so a stand-in `electron` module records
 * what the glue asks of it: the windows and their webPreferences, the guards, the IPC handlers.
 */
type Listener = (...args: unknown[]) => void;
const recorded = vi.hoisted(() => ({
  windows: [] as Array<{ options: Record<string, unknown>; loaded: string[]; contents: FakeContents }>,
  handlers: new Map<string, (...args: unknown[]) => unknown>(),
  opened: [] as string[],
}));

class FakeContents {
  listeners = new Map<string, Listener[]>();
  windowOpenHandler: ((d: { url: string }) => { action: string }) | null = null;
  on(event: string, l: Listener) {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), l]);
    return this;
  }
  emit(event: string, ...args: unknown[]) {
    for (const l of this.listeners.get(event) ?? []) l(...args);
  }
  setWindowOpenHandler(h: (d: { url: string }) => { action: string }) {
    this.windowOpenHandler = h;
  }
}

vi.mock('electron', () => {
  class BrowserWindow {
    webContents = new FakeContents();
    constructor(options: Record<string, unknown>) {
      recorded.windows.push({ options, loaded: [], contents: this.webContents });
    }
    once() {}
    on() {}
    show() {}
    loadURL(url: string) {
      recorded.windows.at(-1)?.loaded.push(url);
      return Promise.resolve();
    }
  }
  return {
    BrowserWindow,
    shell: { openExternal: (url: string) => (recorded.opened.push(url), Promise.resolve()) },
    ipcMain: {
      handle: (channel: string, h: (...args: unknown[]) => unknown) => recorded.handlers.set(channel, h),
      removeHandler: (channel: string) => recorded.handlers.delete(channel),
    },
  };
});

const { createAppWindow, rendererPaths } = await import('../../../../src/main/electron/windows');
const { registerIpc } = await import('../../../../src/main/electron/ipc');
const { denyAllPermissions, isSafeExternalUrl } = await import('../../../../src/main/electron/security');
const { rendererFileOf } = await import('../../../../src/main/electron/scheme');

const outDir = fileURLToPath(new URL('../../../../out', import.meta.url));

function event() {
  return { preventDefault: vi.fn() };
}

describe('the Electron glue', () => {
  beforeEach(() => {
    recorded.windows.length = 0;
    recorded.handlers.clear();
    recorded.opened.length = 0;
  });

  it('creates every window isolated, sandboxed and without Node', () => {
    createAppWindow(rendererPaths(outDir), { title: 'Отклик' });
    const prefs = recorded.windows[0]?.options.webPreferences as Record<string, unknown>;
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webviewTag: false,
      webSecurity: true,
    });
  });

  it('points the preload at the built CommonJS file', () => {
    const paths = rendererPaths(outDir);
    expect(paths.preload).toMatch(/out[\\/]preload[\\/]index\.cjs$/);
    // The build step of `npm test` runs before the tests; when it ran, the file must be there.
    if (existsSync(outDir)) {
      expect(existsSync(paths.preload)).toBe(true);
      const preload = readFileSync(paths.preload, 'utf8');
      expect(preload).toContain('exposeInMainWorld');
      expect(preload).not.toMatch(/^\s*import\s/m);
    }
  });

  it('denies navigation away from the app and opens only https links outside', () => {
    createAppWindow(rendererPaths(outDir), { title: 'Отклик' });
    const w = recorded.windows[0];
    if (!w) throw new Error('no window');
    const appUrl = w.loaded[0] ?? '';
    const away = event();
    w.contents.emit('will-navigate', away, 'https://evil.example/');
    expect(away.preventDefault).toHaveBeenCalled();
    const inside = event();
    w.contents.emit('will-navigate', inside, appUrl);
    expect(inside.preventDefault).not.toHaveBeenCalled();
    const webview = event();
    w.contents.emit('will-attach-webview', webview);
    expect(webview.preventDefault).toHaveBeenCalled();
    expect(w.contents.windowOpenHandler?.({ url: 'https://vk.com/wall-1_2' })).toEqual({ action: 'deny' });
    expect(w.contents.windowOpenHandler?.({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' });
    expect(recorded.opened).toEqual(['https://vk.com/wall-1_2']);
  });

  it('loads the renderer from the app scheme, whose code Chromium caches, and stays on it', () => {
    createAppWindow(rendererPaths(outDir), { title: 'Отклик' });
    createAppWindow(rendererPaths(outDir), { title: 'Стена', route: '/wall' });
    const [queue, wall] = recorded.windows;
    if (!queue || !wall) throw new Error('no window');
    expect(queue.loaded).toEqual(['otklik://app/index.html']);
    expect(wall.loaded).toEqual(['otklik://app/index.html#/wall']);
    for (const [url, blocked] of [
      ['otklik://app/index.html#/incident/1', false],
      ['otklik://other/index.html', true],
      ['file:///etc/passwd', true],
      ['data:text/html,<b>x</b>', true],
    ] as const) {
      const e = event();
      queue.contents.emit('will-navigate', e, url);
      expect(e.preventDefault.mock.calls.length > 0, url).toBe(blocked);
    }
  });

  it('ships the renderer as one classic script whose compiled code all goes into the code cache', () => {
    const dir = join(outDir, 'renderer');
    // The build step of `npm test` runs before the tests; when it ran, the files must be so.
    if (!existsSync(join(dir, 'index.html'))) return;
    const html = readFileSync(join(dir, 'index.html'), 'utf8');
    const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
    expect(scripts).toHaveLength(1);
    expect(scripts[0]).toMatch(/^<script defer src="\.\/assets\/index-[\w-]+\.js">$/);
    const src = /src="\.\/([^"]+)"/.exec(scripts[0]!)![1]!;
    expect(readFileSync(join(dir, src), 'utf8').startsWith('//# allFunctionsCalledOnLoad\n')).toBe(true);
  });

  it("maps the app scheme's URLs to the renderer's files and nothing outside them", () => {
    const dir = join(outDir, 'renderer');
    expect(rendererFileOf('otklik://app/index.html', dir)).toBe(join(dir, 'index.html'));
    expect(rendererFileOf('otklik://app/', dir)).toBe(join(dir, 'index.html'));
    expect(rendererFileOf('otklik://app/assets/index-1.js?x=1#y', dir)).toBe(
      join(dir, 'assets', 'index-1.js'),
    );
    expect(rendererFileOf('otklik://app/assets/%D1%84.css', dir)).toBe(join(dir, 'assets', 'ф.css'));
    // The URL resolves dot segments (escaped ones too) itself, inside the app; an escaped slash cannot.
    expect(rendererFileOf('otklik://app/../main/index.js', dir)).toBe(join(dir, 'main', 'index.js'));
    expect(rendererFileOf('otklik://app/%2E%2E/main/index.js', dir)).toBe(join(dir, 'main', 'index.js'));
    for (const bad of [
      'otklik://app/assets/%2e%2e%2f..%2fmain%2findex.js',
      'otklik://app/%E0%A4%A',
      'otklik://evil/index.html',
      'file:///etc/passwd',
      'https://app/index.html',
    ]) {
      expect(rendererFileOf(bad, dir), bad).toBeNull();
    }
  });

  it('accepts only parsed https: URLs as external links', () => {
    expect(isSafeExternalUrl('https://ok.ru/group/1')).toBe(true);
    expect(isSafeExternalUrl('http://ok.ru')).toBe(false);
    expect(isSafeExternalUrl('javascript:alert(1)')).toBe(false);
    expect(isSafeExternalUrl('not a url')).toBe(false);
  });

  it('denies every permission request', () => {
    let requestHandler: ((c: unknown, p: string, cb: (ok: boolean) => void) => void) | undefined;
    let checkHandler: (() => boolean) | undefined;
    denyAllPermissions({
      setPermissionRequestHandler: (h: typeof requestHandler) => (requestHandler = h),
      setPermissionCheckHandler: (h: typeof checkHandler) => (checkHandler = h),
    } as never);
    const answers: boolean[] = [];
    requestHandler?.(null, 'media', (ok) => answers.push(ok));
    expect(answers).toEqual([false]);
    expect(checkHandler?.()).toBe(false);
  });

  it('routes IPC calls from its own windows to the core dispatcher, and refuses others', async () => {
    const dispatched: unknown[] = [];
    const own = {};
    registerIpc(
      {
        connect: () => ({ user: null, readOnly: false }),
        dispatch: (m: string, r: unknown) => (
          dispatched.push([m, r]),
          Promise.resolve({ ok: true, value: 1 })
        ),
      } as never,
      (s) => s === own,
    );
    const handler = recorded.handlers.get('otklik:invoke');
    expect(await handler?.({ sender: own }, 'app.info', {})).toEqual({ ok: true, value: 1 });
    expect(await handler?.({ sender: {} }, 'app.info', {})).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(await handler?.({ sender: own }, 42, {})).toMatchObject({
      ok: false,
      error: { code: 'bad_request' },
    });
    expect(dispatched).toEqual([['app.info', {}]]);
    // The same window keeps one connection (its session) across calls.
  });
});
