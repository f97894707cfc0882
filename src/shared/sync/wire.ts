import { z } from 'zod';
import { Department } from '../domain/incident';
import { IncidentWorkflowStateSchema, RoleSchema, WorkflowEventSchema } from '../workflow';
import { Op } from './op';
import { AttachmentPayload, AuditEventWire, IncidentDoc } from './payloads';

/**
 * The hub protocol (docs/sync.md): JSON over HTTP, plus a WebSocket that pokes clients to pull.
 * Every request carries `Authorization: Bearer <workstation token>` and `X-Otklik-Protocol: <version>`.
 */
export const PROTOCOL_HEADER = 'x-otklik-protocol';
export const DEVICE_HEADER = 'x-otklik-device';

export const PATHS = {
  health: '/v1/health',
  push: '/v1/push',
  pull: '/v1/pull',
  snapshot: '/v1/snapshot',
  sessions: '/v1/sessions',
  intake: '/v1/intake',
  poke: '/v1/poke',
  /** `PUT`/`GET /v1/blobs/<sha256>`: an attachment's bytes (protocol 2). */
  blobs: '/v1/blobs',
} as const;

/** One op pushed by a workstation, with its audit event and the signature of the user's session. */
export const PushItem = z.strictObject({
  op: Op,
  audit: AuditEventWire.nullable(),
  /** The hub session of `op.userId` on this workstation; null for system ops (imports, feeds). */
  sessionId: z.string().max(200).nullable(),
  /** HMAC-SHA256 (hex) of `canonicalOpText(op, audit)` with the session's secret. */
  sig: z.string().max(200).nullable(),
});
export type PushItem = z.infer<typeof PushItem>;

export const PushRequest = z.strictObject({ items: z.array(PushItem).max(5000) });
export type PushRequest = z.infer<typeof PushRequest>;

export const RejectReason = z.object({
  code: z.string(),
  message: z.string(),
  clause: z.string().optional(),
});
export type RejectReason = z.infer<typeof RejectReason>;

export const PushResult = z.discriminatedUnion('status', [
  z.object({
    opId: z.string(),
    status: z.literal('accepted'),
    seq: z.number().int().positive(),
    /**
     * The clock the hub stored the op with: the op's own, or the hub's when it capped a clock far ahead.
     * Hubs answer it since the echo filter (see `OwnEchoes`); an older hub's answer has none.
     */
    hlc: z.string().optional(),
  }),
  z.object({ opId: z.string(), status: z.literal('rejected'), reason: RejectReason }),
]);
export type PushResult = z.infer<typeof PushResult>;

export const PushResponse = z.object({
  results: z.array(PushResult),
  /** The hub's newest sequence number after this push. */
  head: z.number().int().nonnegative(),
  hubTime: z.number(),
  /**
   * The version of the hub's directory (people, departments) after this push; hubs since the echo filter
   * send it. A workstation whose confirmed echoes cover everything up to `head`, and whose directory is
   * this version, has nothing to pull.
   */
  dirVersion: z.number().int().nonnegative().optional(),
});
export type PushResponse = z.infer<typeof PushResponse>;

/** An accepted op as the hub serves it: its sequence number, the capped HLC and, for commands, the hub's events. */
export const PulledOp = z.object({
  seq: z.number().int().positive(),
  op: Op,
  audit: AuditEventWire.nullable(),
});
export type PulledOp = z.infer<typeof PulledOp>;

/** An incident in full, as of the hub's state: a snapshot, or an incident that has just come into scope. */
export const ReplicaWire = z.object({
  doc: IncidentDoc,
  clocks: z.record(z.string(), z.string()),
  workflow: IncidentWorkflowStateSchema.nullable(),
});
export type ReplicaWire = z.infer<typeof ReplicaWire>;

/** One incident with its workflow events (the queue's clocks read them) and its audit trail. */
export const ReplicaBundle = z.object({
  replica: ReplicaWire,
  events: z.array(WorkflowEventSchema),
  audit: z.array(AuditEventWire),
  /** Its attachments' records (protocol 2; older hubs send none). */
  attachments: z.array(AttachmentPayload).default([]),
});
export type ReplicaBundle = z.infer<typeof ReplicaBundle>;

/** A user as workstations hold them: they sign in offline against the hub's password hash. */
export const DirectoryUser = z.object({
  id: z.string(),
  login: z.string(),
  displayName: z.string(),
  role: RoleSchema,
  departmentId: z.string().nullable(),
  passwordHash: z.string(),
  active: z.boolean(),
});
export type DirectoryUser = z.infer<typeof DirectoryUser>;

export const Directory = z.object({
  version: z.number().int().nonnegative(),
  departments: z.array(Department),
  users: z.array(DirectoryUser),
});
export type Directory = z.infer<typeof Directory>;

/**
 * The workstation's own registrations and edits the hub need not send back (`own=<from>-<to>` on a pull).
 * When the hub answers a push with each op's stored clock, the workstation records every accepted
 * `incident.create` and `incident.update` stored with its own clock in its confirmed layer at once, in the
 * transaction that records the answer, and keeps the range of numbers those answers covered. The hub then
 * leaves this device's ops of those kinds in the range, stored with the clock they were sent with, out of
 * its pulls: 10,000 registrations no longer travel back to the workstation that made them. Commands are
 * always sent (the hub decides their events), and so is an op whose clock the hub capped. A workstation
 * restored from an older copy asks for its older range, and gets back what it no longer knows.
 */
export type OwnEchoes = { from: number; to: number };

/** The op kinds a workstation confirms from the push answer (their effect is last-writer-wins by clock). */
export const OWN_ECHO_KINDS = ['incident.create', 'incident.update'] as const;

export function formatOwnEchoes(range: OwnEchoes): string {
  return `${range.from}-${range.to}`;
}

/** The `own` parameter; null when absent, undefined when it does not read as a range. */
export function parseOwnEchoes(text: string | null): OwnEchoes | null | undefined {
  if (text === null) return null;
  const m = /^(\d{1,15})-(\d{1,15})$/.exec(text);
  if (!m) return undefined;
  const range = { from: Number(m[1]), to: Number(m[2]) };
  return range.from <= range.to ? range : undefined;
}

export const PullResponse = z.object({
  ops: z.array(PulledOp),
  /**
   * Incidents that came into this workstation's scope within the pulled range, in full: the client applies
   * each before the ops (older ops then change nothing: LWW and workflow versions are idempotent).
   */
  bundles: z.array(ReplicaBundle),
  /** Pull again after this; may be past the last op served (ops outside the scope are skipped). */
  cursor: z.number().int().nonnegative(),
  more: z.boolean(),
  head: z.number().int().nonnegative(),
  hubTime: z.number(),
  /** The users and departments, when they changed since the request's `dir` version. */
  directory: Directory.nullable(),
  /**
   * The departments this workstation is served (null: the whole control centre). An incident whose
   * departments no longer include any of them has left it: the workstation keeps its copy but takes it out of
   * the queue (docs/sync.md, «Scope»). Absent from hubs before it.
   */
  scope: z.array(z.string()).nullable().optional(),
});
export type PullResponse = z.infer<typeof PullResponse>;

export const SnapshotResponse = z.object({
  cursor: z.number().int().nonnegative(),
  bundles: z.array(ReplicaBundle),
  directory: Directory,
  hubTime: z.number(),
});
export type SnapshotResponse = z.infer<typeof SnapshotResponse>;

export const SessionRequest = z.strictObject({
  login: z.string().min(1).max(200),
  password: z.string().min(1).max(1000),
});
export const HubUser = z.object({
  id: z.string(),
  login: z.string(),
  displayName: z.string(),
  role: RoleSchema,
  departmentId: z.string().nullable(),
});
export type HubUser = z.infer<typeof HubUser>;
export const SessionResponse = z.object({
  sessionId: z.string(),
  secret: z.string(),
  expiresAt: z.number(),
  user: HubUser,
});
export type SessionResponse = z.infer<typeof SessionResponse>;

export const IntakeResponse = z.object({
  imported: z.number().int().nonnegative(),
  skipped: z.number().int().nonnegative(),
  ids: z.array(z.string()),
});
export type IntakeResponse = z.infer<typeof IntakeResponse>;

export const HealthResponse = z.object({
  ok: z.boolean(),
  database: z.enum(['sqlite', 'postgres']),
  head: z.number().int().nonnegative(),
  protocol: z.object({ current: z.number(), min: z.number() }),
  hubTime: z.number(),
});
export type HealthResponse = z.infer<typeof HealthResponse>;

/** Every error body: a stable code for programs and a Russian message for people. */
export const HubErrorCode = z.enum([
  'unauthorized',
  'revoked',
  'forbidden',
  'bad_request',
  'upgrade_client',
  'upgrade_hub',
  'not_found',
  'too_large',
  'unavailable',
  'internal',
]);
export type HubErrorCode = z.infer<typeof HubErrorCode>;
export const HubErrorBody = z.object({ error: z.object({ code: HubErrorCode, message: z.string() }) });
export type HubErrorBody = z.infer<typeof HubErrorBody>;

/** The poke channel's query flag: this workstation applies the pages pokes carry (`PokeFrame.pull`). */
export const POKE_PAGES_PARAM = 'pages';

/**
 * The WebSocket's one message: «there is something new after `head`: pull». To a workstation that asked for
 * pages (`?pages=1`), a poke about a small push also carries what its pull after `after` would bring: the
 * numbers `after`+1…`head` as this workstation may see them, with directory version `dir`. It applies that
 * page when its cursor is `after` and it holds directory version `dir` (or the page brings the directory);
 * otherwise it pulls as for a plain poke. An older workstation does not ask and gets plain pokes.
 */
export const PokeFrame = z.object({
  type: z.literal('poke'),
  head: z.number().int().nonnegative(),
  after: z.number().int().nonnegative().optional(),
  dir: z.number().int().nonnegative().optional(),
  pull: PullResponse.optional(),
});
export type PokeFrame = z.infer<typeof PokeFrame>;
