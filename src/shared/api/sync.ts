import { z } from 'zod';

/** What the status indicator shows: «синхронизировано», «нет связи», «ожидают отправки: N», conflicts. */
export const SyncStatus = z.object({
  joined: z.boolean(),
  hubUrl: z.string().nullable(),
  /** `online`: the last round reached the hub; `offline`: no connection; `error`: the hub refused (see `error`). */
  connection: z.enum(['online', 'offline', 'error', 'not-joined']),
  syncing: z.boolean(),
  /** Changes made here that the hub has not yet acknowledged. */
  pending: z.number().int().nonnegative(),
  lastSyncAt: z.number().nullable(),
  error: z.object({ kind: z.string(), message: z.string() }).nullable(),
  /** Someone whose changes wait until they sign in while the hub is reachable. */
  waitingForUser: z.string().nullable(),
  /** Conflicts not yet looked at. */
  conflicts: z.number().int().nonnegative(),
});
export type SyncStatus = z.infer<typeof SyncStatus>;

/** A change the hub refused: rolled back here, kept in the journal, shown to its author. */
export const SyncConflict = z.object({
  opId: z.string(),
  incidentId: z.string().nullable(),
  kind: z.string(),
  /** What was attempted, in words (the audit action, e.g. `workflow.route`). */
  action: z.string().nullable(),
  userId: z.string().nullable(),
  userName: z.string().nullable(),
  code: z.string(),
  message: z.string(),
  at: z.number(),
  seen: z.boolean(),
});
export type SyncConflict = z.infer<typeof SyncConflict>;

/** Sync with the hub (issue #7). */
export const syncMethods = {
  'sync.status': { request: z.object({}).strict(), response: SyncStatus },
  'sync.join': {
    request: z
      .object({
        hubUrl: z.url({ protocol: /^https?$/, error: 'адрес хаба: http://… или https://…' }),
        token: z.string().trim().min(10, 'токен рабочего места из `hub add-workstation`').max(500),
      })
      .strict(),
    response: SyncStatus,
  },
  /** The signed-in person's conflicts (everyone's for a supervisor or an administrator). */
  'sync.conflicts': {
    request: z.object({ includeSeen: z.boolean().default(false) }).strict(),
    response: z.array(SyncConflict),
  },
  'sync.dismissConflict': { request: z.object({ opId: z.string().min(1) }).strict(), response: SyncStatus },
} as const;

export const syncEvents = { 'sync.status': SyncStatus } as const;
