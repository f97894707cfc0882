import type { EventName, EventOf, Method, RequestOf, ResponseOf } from '../../shared/api/contract';
import { BRIDGE_KEY, type OtklikBridge } from '../../shared/api/bridge';
import type { ApiError, Envelope } from '../../shared/api/envelope';
import { BOOT_PATH, type BootAnswer } from '../../shared/api/wire-values';
import { createWebSocketBridge } from './websocket';

/** A failed call, with the core's code and a Russian message fit to show. */
export class ApiCallError extends Error {
  constructor(readonly error: ApiError) {
    super(error.message);
    this.name = 'ApiCallError';
  }
}

function preloadBridge(): OtklikBridge | undefined {
  return (window as unknown as Record<string, OtklikBridge | undefined>)[BRIDGE_KEY];
}

function pickBridge(): OtklikBridge {
  // Under Electron the preload put the bridge on window; in a browser we talk to the web host.
  return preloadBridge() ?? createWebSocketBridge(window.location);
}

let bridge: OtklikBridge | null = null;
function current(): OtklikBridge {
  bridge ??= pickBridge();
  return bridge;
}

/** The same request written the same way whatever the order of its keys. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

const keyOf = (method: string, request: unknown) => `${method} ${canonical(request)}`;

type BootAnswers = Map<string, Envelope<unknown>>;

/** The web host's answers for the calls being made now, while `startWithBootAnswers` runs. */
let bootAnswers: Promise<BootAnswers> | null = null;

function fetchBootAnswers(): Promise<BootAnswers> {
  return fetch(BOOT_PATH, { credentials: 'same-origin' })
    .then((r) => (r.ok ? (r.json() as Promise<BootAnswer[]>) : []))
    .then((answers) => new Map(answers.map((a) => [keyOf(a.method, a.request), a.result])))
    .catch(() => new Map<string, Envelope<unknown>>());
}

/**
 * Runs the app's start with the web host's answers to its first calls at hand: the host sends them with
 * the page (see `BOOT_PATH`), so a call `start` makes that the host answered takes that answer instead
 * of waiting for the WebSocket to open. Each answer serves one call; calls made after `start` returns
 * always ask the core. Under Electron there is no such answer (and no round trip to save). Settles to
 * whether the host had answers.
 */
export function startWithBootAnswers(start: () => void): Promise<boolean> {
  const answers = preloadBridge() ? null : fetchBootAnswers();
  bootAnswers = answers;
  current(); // the connection opens now: every other call and the events need it
  try {
    start();
  } finally {
    bootAnswers = null;
  }
  return answers ? answers.then((a) => a.size > 0) : Promise.resolve(false);
}

async function answerOf(
  answers: Promise<BootAnswers> | null,
  method: string,
  request: unknown,
): Promise<Envelope<unknown>> {
  if (answers) {
    const key = keyOf(method, request);
    const taken = await answers;
    const answer = taken.get(key);
    if (answer) {
      taken.delete(key);
      return answer;
    }
  }
  return current().invoke(method, request);
}

/**
 * The renderer's only way to the core. Requests are validated by the core, and answers and events come
 * from it typed: the renderer carries none of the contract's zod schemas (building them was a third of
 * its start-up).
 */
export const api = {
  async call<M extends Method>(method: M, request: RequestOf<M>): Promise<ResponseOf<M>> {
    const result = (await answerOf(bootAnswers, method, request)) as Envelope<ResponseOf<M>>;
    if (!result.ok) throw new ApiCallError(result.error);
    return result.value;
  },
  on<E extends EventName>(name: E, listener: (payload: EventOf<E>) => void): () => void {
    return current().on(name, (payload) => listener(payload as EventOf<E>));
  },
};
