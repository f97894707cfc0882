import { z } from 'zod';

export { BOOT_PATH, WS_PATH, type BootAnswer, type ServerFrame } from './wire-values';

/** Frames of the WebSocket transport (`/api`). The Electron transport needs none: IPC frames for it. */
export const ClientFrame = z.object({
  id: z.number().int().nonnegative(),
  method: z.string().min(1).max(100),
  request: z.unknown(),
});
export type ClientFrame = z.infer<typeof ClientFrame>;
