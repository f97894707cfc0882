import { BrowserWindow, shell } from 'electron';
import { join } from 'node:path';
import { APP_BASE } from './scheme';
import { guardWebContents, secureWebPreferences } from './security';

export type WindowPaths = {
  /** out/preload/index.cjs */
  preload: string;
  /** out/renderer: served to the windows as `otklik://app/` (see scheme.ts). */
  rendererDir: string;
  /** The electron-vite dev server, when running `npm run dev`. */
  devServerUrl?: string;
};

export function rendererPaths(outDir: string, devServerUrl?: string): WindowPaths {
  return {
    preload: join(outDir, 'preload', 'index.cjs'),
    rendererDir: join(outDir, 'renderer'),
    ...(devServerUrl ? { devServerUrl } : {}),
  };
}

/** Every window of the app comes from here, with the same locked-down preferences and guards. */
export function createAppWindow(
  paths: WindowPaths,
  options: { title: string; route?: string },
): BrowserWindow {
  const window = new BrowserWindow({
    title: options.title,
    width: 1440,
    height: 900,
    minWidth: 960,
    minHeight: 600,
    show: false,
    backgroundColor: '#f5f6f8',
    autoHideMenuBar: true,
    webPreferences: secureWebPreferences(paths.preload),
  });
  const dev = paths.devServerUrl ? new URL(paths.devServerUrl) : null;
  const base = paths.devServerUrl ?? `${APP_BASE}index.html`;
  const isAppUrl = (url: string) => {
    try {
      const u = new URL(url);
      // The app's own scheme by prefix: Node's URL gives a non-special scheme the origin "null".
      return dev ? u.origin === dev.origin : u.href.startsWith(APP_BASE);
    } catch {
      return false;
    }
  };
  guardWebContents(window.webContents, isAppUrl, (url) => shell.openExternal(url));
  window.once('ready-to-show', () => window.show());
  const target = options.route ? `${base}#${options.route}` : base;
  void window.loadURL(target);
  return window;
}
