import { z } from 'zod';

/** Frames of the WebSocket transport (`/api`). The Electron transport needs none: IPC frames for it. */
export const ClientFrame = z.object({
  id: z.number().int().nonnegative(),
  method: z.string().min(1).max(100),
  request: z.unknown(),
});
export type ClientFrame = z.infer<typeof ClientFrame>;

export type ServerFrame =
  | {
      kind: 'reply';
      id: number;
      result: { ok: true; value: unknown } | { ok: false; error: { code: string; message: string } };
    }
  | { kind: 'event'; name: string; payload: unknown };

export const WS_PATH = '/api';
