import { BrowserWindow, shell } from 'electron';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { guardWebContents, secureWebPreferences } from './security';

export type WindowPaths = {
  /** out/preload/index.cjs */
  preload: string;
  /** out/renderer/index.html */
  rendererHtml: string;
  /** The electron-vite dev server, when running `npm run dev`. */
  devServerUrl?: string;
};

export function rendererPaths(outDir: string, devServerUrl?: string): WindowPaths {
  return {
    preload: join(outDir, 'preload', 'index.cjs'),
    rendererHtml: join(outDir, 'renderer', 'index.html'),
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
  const base = paths.devServerUrl ?? pathToFileURL(paths.rendererHtml).href;
  const appOrigin = new URL(base);
  const isAppUrl = (url: string) => {
    try {
      const u = new URL(url);
      return appOrigin.protocol === 'file:'
        ? u.href.startsWith(appOrigin.href)
        : u.origin === appOrigin.origin;
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
