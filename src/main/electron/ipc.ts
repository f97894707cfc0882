import { ipcMain, type WebContents } from 'electron';
import { IPC_EVENT_CHANNEL, IPC_INVOKE_CHANNEL } from '../../shared/api/bridge';
import { events as eventSchemas, type EventName } from '../../shared/api/contract';
import type { Core } from '../core/core';
import type { Connection } from '../core/session';

/**
 * The Electron transport: one invoke channel into the core's dispatcher (which validates every
 * request with zod) and one event channel out. Only frames from our own windows are answered.
 */
export function registerIpc(core: Core, isOwnWindow: (sender: WebContents) => boolean): () => void {
  // Each window is a connection with its own session, like a WebSocket of the web host.
  const connections = new WeakMap<WebContents, Connection>();
  ipcMain.handle(IPC_INVOKE_CHANNEL, async (event, method: unknown, request: unknown) => {
    if (!isOwnWindow(event.sender)) return { ok: false, error: { code: 'forbidden', message: 'Чужое окно' } };
    if (typeof method !== 'string')
      return { ok: false, error: { code: 'bad_request', message: 'Неверный метод' } };
    let connection = connections.get(event.sender);
    if (!connection) connections.set(event.sender, (connection = core.connect()));
    return core.dispatch(method, request, connection);
  });
  return () => ipcMain.removeHandler(IPC_INVOKE_CHANNEL);
}

/** Forwards every core event to the given windows' renderers. */
export function forwardEvents(core: Core, targets: () => WebContents[]): () => void {
  const offs = (Object.keys(eventSchemas) as EventName[]).map((name) =>
    core.events.on(name, (payload) => {
      for (const contents of targets())
        if (!contents.isDestroyed()) contents.send(IPC_EVENT_CHANNEL, name, payload);
    }),
  );
  return () => offs.forEach((off) => off());
}
