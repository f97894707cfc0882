import type { Envelope } from './envelope';

/**
 * The WebSocket transport's values without zod, for the renderer (the host validates what it receives
 * with `ClientFrame` in `wire.ts`, which re-exports these).
 */

export type ServerFrame =
  | {
      kind: 'reply';
      id: number;
      result: { ok: true; value: unknown } | { ok: false; error: { code: string; message: string } };
    }
  | { kind: 'event'; name: string; payload: unknown };

export const WS_PATH = '/api';

/**
 * The web host's answers to the first screen's calls, fetched with the page (its response names this
 * address as a preload) instead of after the WebSocket opens: read calls only, answered on a connection
 * of their own exactly as a new WebSocket connection would answer them.
 */
export const BOOT_PATH = '/api/boot';

export type BootAnswer = { method: string; request: unknown; result: Envelope<unknown> };
