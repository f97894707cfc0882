import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import {
  BRIDGE_KEY,
  IPC_EVENT_CHANNEL,
  IPC_INVOKE_CHANNEL,
  type OtklikBridge,
} from '../../shared/api/bridge';

/** Exactly `invoke` and `on`: the renderer never sees ipcRenderer itself. */
const bridge: OtklikBridge = {
  invoke: (method, request) => ipcRenderer.invoke(IPC_INVOKE_CHANNEL, method, request),
  on: (event, listener) => {
    const wrapped = (_e: IpcRendererEvent, name: string, payload: unknown) => {
      if (name === event) listener(payload);
    };
    ipcRenderer.on(IPC_EVENT_CHANNEL, wrapped);
    return () => ipcRenderer.off(IPC_EVENT_CHANNEL, wrapped);
  },
};

contextBridge.exposeInMainWorld(BRIDGE_KEY, bridge);
