import type { Envelope } from './envelope';

/**
 * What the Electron preload exposes on `window.otklik`: exactly `invoke` and `on`, nothing else
 * (architecture: One API, two transports).
 */
export type OtklikBridge = {
  invoke(method: string, request: unknown): Promise<Envelope<unknown>>;
  on(event: string, listener: (payload: unknown) => void): () => void;
};

export const BRIDGE_KEY = 'otklik';
export const IPC_INVOKE_CHANNEL = 'otklik:invoke';
export const IPC_EVENT_CHANNEL = 'otklik:event';
