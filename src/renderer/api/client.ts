import {
  events as eventSchemas,
  type EventName,
  type EventOf,
  type Method,
  type RequestOf,
  type ResponseOf,
} from '../../shared/api/contract';
import { BRIDGE_KEY, type OtklikBridge } from '../../shared/api/bridge';
import type { ApiError, Envelope } from '../../shared/api/envelope';
import { createWebSocketBridge } from './websocket';

/** A failed call, with the core's code and a Russian message fit to show. */
export class ApiCallError extends Error {
  constructor(readonly error: ApiError) {
    super(error.message);
    this.name = 'ApiCallError';
  }
}

function pickBridge(): OtklikBridge {
  // Under Electron the preload put the bridge on window; in a browser we talk to the web host.
  const fromPreload = (window as unknown as Record<string, OtklikBridge | undefined>)[BRIDGE_KEY];
  return fromPreload ?? createWebSocketBridge(window.location);
}

let bridge: OtklikBridge | null = null;
function current(): OtklikBridge {
  bridge ??= pickBridge();
  return bridge;
}

/** The renderer's only way to the core. */
export const api = {
  async call<M extends Method>(method: M, request: RequestOf<M>): Promise<ResponseOf<M>> {
    const result = (await current().invoke(method, request)) as Envelope<ResponseOf<M>>;
    if (!result.ok) throw new ApiCallError(result.error);
    return result.value;
  },
  on<E extends EventName>(name: E, listener: (payload: EventOf<E>) => void): () => void {
    return current().on(name, (payload) => {
      const parsed = eventSchemas[name].safeParse(payload);
      if (parsed.success) listener(parsed.data as EventOf<E>);
    });
  },
};
