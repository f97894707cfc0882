/** The Electron main process: wires the core, the IPC transport and the windows. Nothing else lives here. */
import { app, type BrowserWindow, session } from 'electron';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { openCore } from '../core/core';
import { denyAllPermissions, enforceCsp } from './security';
import { createAppWindow, rendererPaths } from './windows';
import { registerAppScheme, serveRenderer } from './scheme';
import { forwardEvents, registerIpc } from './ipc';
import { electronNativeBinding } from './native';
import { manageWallWindow, wallDisplayFlag } from './wall';
import { showDesktopNotifications } from './notify';

app.enableSandbox();
// The UI speaks Russian whatever the system's language: the browser's own controls too (the month
// picker, the file picker's button, the text fields' menus). Set before `ready`, as Electron requires.
app.commandLine.appendSwitch('lang', 'ru');
registerAppScheme();
if (!app.requestSingleInstanceLock()) app.quit();

void app.whenReady().then(async () => {
  denyAllPermissions(session.defaultSession);
  enforceCsp(session.defaultSession);
  const core = await openCore({
    dataDir: app.getPath('userData'),
    transport: 'electron',
    nativeBinding: electronNativeBinding(app.getAppPath(), process.versions.electron),
    version: app.getVersion(),
    resourcesDir: join(app.getAppPath(), 'resources'),
    demo: !process.argv.includes('--no-demo'),
    demoFeed: process.argv.includes('--no-demo-feed') ? false : undefined,
  });
  const paths = rendererPaths(
    fileURLToPath(new URL('..', import.meta.url)),
    process.env.ELECTRON_RENDERER_URL,
  );
  if (!paths.devServerUrl) serveRenderer(paths.rendererDir);
  const windows = new Set<BrowserWindow>();
  const open = () => {
    const w = createAppWindow(paths, { title: 'Отклик — очередь' });
    windows.add(w);
    w.on('closed', () => windows.delete(w));
  };
  registerIpc(core, (sender) => [...windows].some((w) => w.webContents === sender));
  forwardEvents(core, () => [...windows].map((w) => w.webContents));
  open();
  // Warms the queue's index and starts the notifier before the window asks.
  void core.dispatch('queue.counters', {});
  manageWallWindow(core, paths, wallDisplayFlag(process.argv));
  showDesktopNotifications(core, () => [...windows][0]?.focus());

  app.on('second-instance', () => [...windows][0]?.focus());
  app.on('activate', () => {
    if (windows.size === 0) open();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('will-quit', () => void core.close());
});
