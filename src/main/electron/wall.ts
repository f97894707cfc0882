import { powerSaveBlocker, screen, type BrowserWindow, type Rectangle } from 'electron';
import { IPC_EVENT_CHANNEL, IPC_INVOKE_CHANNEL } from '../../shared/api/bridge';
import { isEventName } from '../../shared/api/contract';
import { WALL_EVENTS, WALL_METHODS, WallConfig } from '../../shared/api/queue';
import type { Core } from '../core/core';
import { createAppWindow, type WindowPaths } from './windows';

/** `--wall-display <n>` (1-based) on the command line, or null. */
export function wallDisplayFlag(argv: readonly string[]): number | null {
  const at = argv.findIndex((a) => a === '--wall-display' || a.startsWith('--wall-display='));
  if (at < 0) return null;
  const raw = argv[at]!.includes('=') ? argv[at]!.split('=')[1] : argv[at + 1];
  const n = Number(raw);
  return Number.isInteger(n) && n >= 1 ? n : null;
}

/** The n-th display (1-based), counted left to right and then top to bottom, as people number screens. */
export function pickDisplay<D extends { bounds: Rectangle }>(displays: readonly D[], n: number): D | null {
  const ordered = [...displays].sort((a, b) => a.bounds.x - b.bounds.x || a.bounds.y - b.bounds.y);
  return ordered[n - 1] ?? null;
}

const FORBIDDEN = {
  ok: false,
  error: { code: 'forbidden', message: 'Экран-стена только показывает очередь' },
};

/**
 * The wall screen: a fullscreen window on `bounds`, read-only. Its own IPC handler (which Electron asks
 * before `ipcMain`'s) answers only the methods a wall needs, on a read-only connection; it hears only
 * the wall's events; the display does not sleep while it is open.
 */
export function openWallWindow(core: Core, paths: WindowPaths, bounds: Rectangle): BrowserWindow {
  const window = createAppWindow(paths, { title: 'Отклик — экран-стена', route: '/wall' });
  window.setBounds(bounds);
  window.setMenuBarVisibility(false);
  window.setFullScreen(true);

  const connection = core.connect({ readOnly: true });
  window.webContents.ipc.handle(IPC_INVOKE_CHANNEL, (_event, method: unknown, request: unknown) =>
    typeof method === 'string' && WALL_METHODS.has(method)
      ? core.dispatch(method, request, connection)
      : Promise.resolve(FORBIDDEN),
  );
  const offs = [...WALL_EVENTS].filter(isEventName).map((name) =>
    core.events.on(name, (payload) => {
      if (!window.webContents.isDestroyed()) window.webContents.send(IPC_EVENT_CHANNEL, name, payload);
    }),
  );
  const blocker = powerSaveBlocker.start('prevent-display-sleep');
  window.on('closed', () => {
    offs.forEach((off) => off());
    if (powerSaveBlocker.isStarted(blocker)) powerSaveBlocker.stop(blocker);
  });
  return window;
}

/**
 * Keeps the wall window on the display the settings name (`wall.config.set`), or the one given by
 * `--wall-display <n>`, which wins: opens, moves or closes it as they change.
 */
export function manageWallWindow(core: Core, paths: WindowPaths, flag: number | null): () => void {
  let window: BrowserWindow | null = null;
  let shownOn: number | null = null;
  const apply = (display: number | null) => {
    const target = display === null ? null : pickDisplay(screen.getAllDisplays(), display);
    if (window && (target === null || shownOn !== display)) {
      window.close();
      window = null;
    }
    if (target && !window) {
      const opened = openWallWindow(core, paths, target.bounds);
      opened.on('closed', () => {
        if (window === opened) window = null;
      });
      window = opened;
      shownOn = display;
    }
  };
  if (flag !== null) apply(flag);
  else
    void core.dispatch('wall.config.get', {}).then((r) => {
      const config = r.ok ? WallConfig.safeParse(r.value) : null;
      if (config?.success) apply(config.data.display);
    });
  const off = core.events.on('wall.changed', (config) => {
    if (flag === null) apply(config.display);
  });
  return () => {
    off();
    window?.close();
  };
}
