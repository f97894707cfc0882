import type { OtklikBridge } from '../../shared/api/bridge';
import type { Envelope } from '../../shared/api/envelope';
import { WS_PATH, type ServerFrame } from '../../shared/api/wire-values';

const RETRY_MIN_MS = 250;
const RETRY_MAX_MS = 5000;

type Pending = { resolve: (e: Envelope<unknown>) => void; frame: string };

/**
 * The web transport: one WebSocket to the host, replies matched by id, events fanned out.
 * Reconnects with backoff; calls made while disconnected are sent once the socket is back, and
 * listeners hear a synthetic `queue.changed` after a reconnect so screens refetch what they missed.
 */
export function createWebSocketBridge(location: Location): OtklikBridge {
  const url = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}${WS_PATH}`;
  const pending = new Map<number, Pending>();
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  let nextId = 1;
  let socket: WebSocket | null = null;
  let retry = RETRY_MIN_MS;
  let everConnected = false;

  const emit = (name: string, payload: unknown) => listeners.get(name)?.forEach((l) => l(payload));

  const connect = () => {
    const ws = new WebSocket(url);
    socket = ws;
    ws.onopen = () => {
      retry = RETRY_MIN_MS;
      for (const p of pending.values()) ws.send(p.frame);
      if (everConnected) emit('queue.changed', { reason: 'updated', ids: [] });
      everConnected = true;
    };
    ws.onmessage = (message) => {
      const frame = JSON.parse(String(message.data)) as ServerFrame;
      if (frame.kind === 'reply') {
        pending.get(frame.id)?.resolve(frame.result as Envelope<unknown>);
        pending.delete(frame.id);
      } else {
        emit(frame.name, frame.payload);
      }
    };
    ws.onclose = () => {
      socket = null;
      setTimeout(connect, retry);
      retry = Math.min(retry * 2, RETRY_MAX_MS);
    };
  };
  connect();

  return {
    invoke(method, request) {
      const id = nextId++;
      const frame = JSON.stringify({ id, method, request });
      return new Promise((resolve) => {
        pending.set(id, { resolve, frame });
        if (socket?.readyState === WebSocket.OPEN) socket.send(frame);
      });
    },
    on(event, listener) {
      let set = listeners.get(event);
      if (!set) listeners.set(event, (set = new Set()));
      set.add(listener);
      return () => set.delete(listener);
    },
  };
}
