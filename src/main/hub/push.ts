import { canonicalOpText } from '../../shared/sync/canonical';
import { HlcError, formatHlc, parseHlc, tick, type Hlc } from '../../shared/sync/hlc';
import {
  AttachmentPayload,
  AuditEventWire,
  IncidentCreatePayload,
  IncidentUpdatePayload,
  WorkflowCommandPayload,
  type AuditEventWire as AuditEvent,
} from '../../shared/sync/payloads';
import {
  applyIncidentChange,
  departmentsOf,
  workflowOf,
  type IncidentChange,
} from '../../shared/sync/replica';
import type { PushItem, PushResult, RejectReason } from '../../shared/sync/wire';
import { checkProtocol } from '../../shared/sync/versions';
import {
  decide,
  type Actor,
  type DepartmentDirectory,
  type Role,
  type WorkflowEvent,
} from '../../shared/workflow';
import { insertMany } from '../db/bulk';
import { verifySignature } from './auth';
import { blobsPresent } from './blobs';
import { inChunks, type Caller, type HubContext, type PushedOp } from './context';
import type { HubDialect } from './db/migrations';
import { loadDirectory } from './directory';
import { HubError } from './errors';
import {
  findIncidentsByExternalIds,
  loadReplicas,
  storeReplicas,
  type HubConn,
  type StoredReplica,
} from './replicas';

/** Roles that work for the whole control centre (not for one department). */
const CENTRE_ROLES: readonly Role[] = ['operator', 'controller', 'supervisor'];

type Session = {
  id: string;
  userId: string;
  workstationId: string;
  secret: string;
  expiresAt: number;
  revokedAt: number | null;
  role: Role;
  departmentId: string | null;
  active: boolean;
};

type Accepted = {
  seq: number;
  item: PushItem;
  hlc: string;
  payload: unknown;
  scope: { departmentId: string; entered: number }[];
};

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

function reason(code: string, message: string, clause?: string): RejectReason {
  return clause === undefined ? { code, message } : { code, message, clause };
}

class Rejected extends Error {
  constructor(readonly reason: RejectReason) {
    super(reason.message);
  }
}

function refuse(code: string, message: string): never {
  throw new Rejected(reason(code, message));
}

/**
 * Pushes are refused as a whole when the protocol does not match: nothing is recorded, the client keeps its
 * ops. The client's protocol must be one the hub serves; an op may be older than that (written before the
 * workstation was updated, still pending: the hub reads every older op format) but never newer than the hub.
 */
export function checkPushProtocol(ctx: HubContext, protocol: number, items: readonly PushItem[]): void {
  const check = checkProtocol(protocol, ctx.protocol);
  if (check === 'upgrade_client') {
    throw new HubError(
      'upgrade_client',
      `Версия рабочего места (${protocol}) устарела: хаб принимает версии ${ctx.protocol.min}–${ctx.protocol.current}. Обновите приложение; несинхронизированные изменения сохранены`,
    );
  }
  const newest = Math.max(protocol, ...items.map((i) => i.op.schemaVersion));
  if (check === 'upgrade_hub' || newest > ctx.protocol.current) {
    throw new HubError(
      'upgrade_hub',
      `Рабочее место новее хаба (версия ${newest}, хаб знает до ${ctx.protocol.current}). Обновите хаб; изменения сохранены на рабочем месте`,
    );
  }
}

/**
 * Accepts a batch of ops in one transaction: each op is checked (device, session signature, role, department
 * scope, and for workflow commands the shared state machine against the hub's state) and either gets the
 * next sequence number or is recorded as rejected with its reason. The counter row is read under a lock
 * (`FOR UPDATE` on PostgreSQL; SQLite has one writer), so numbers are gap-free and commit in order: a
 * client that has pulled up to N can never later find an op below N.
 *
 * Idempotent by op id: an op pushed again gets the outcome it got the first time.
 */
export async function pushOps(
  ctx: HubContext,
  caller: Caller,
  items: readonly PushItem[],
): Promise<{ results: PushResult[]; head: number; dirVersion: number }> {
  if (caller.kind !== 'workstation' && !items.every((i) => i.op.deviceId === 'hub')) {
    throw new HubError('forbidden', 'Этот токен предназначен только для приёма обращений (intake)');
  }
  const needsDirectory = items.some((i) => i.op.kind === 'workflow.command');
  const directory = needsDirectory ? (await loadDirectory(ctx.db)).directory : null;
  const { results, head, after, dirVersion, pushed } = await ctx.db.transaction().execute(async (trx) => {
    let q = trx.selectFrom('hub_counter').select(['head', 'hlc', 'dir_version']).where('id', '=', 1);
    if (ctx.dialect === 'postgres') q = q.forUpdate();
    const counter = await q.executeTakeFirstOrThrow();
    const accepted = await acceptBatch(ctx, trx, caller, items, counter, directory);
    return { ...accepted, after: counter.head, dirVersion: counter.dir_version };
  });
  // The pushing workstation pulls right after its push, in the same round: a poke would only start another.
  if (head > after) {
    ctx.notify(
      { after, head, dirVersion, ops: pushed },
      caller.kind === 'workstation' ? caller.id : undefined,
    );
  }
  return { results, head, dirVersion };
}

async function acceptBatch(
  ctx: HubContext,
  trx: HubConn,
  caller: Caller,
  items: readonly PushItem[],
  counter: { head: number; hlc: string },
  directory: DepartmentDirectory | null,
): Promise<{ results: PushResult[]; head: number; pushed: PushedOp[] }> {
  const now = ctx.now();
  const opIds = items.map((i) => i.op.opId);
  const [seenOps, seenRejections] = await Promise.all([
    inChunks(opIds, 500, (chunk) =>
      trx.selectFrom('hub_ops').select(['op_id', 'seq', 'hlc']).where('op_id', 'in', chunk).execute(),
    ),
    inChunks(opIds, 500, (chunk) =>
      trx
        .selectFrom('hub_rejections')
        .select(['op_id', 'code', 'message', 'clause'])
        .where('op_id', 'in', chunk)
        .execute(),
    ),
  ]);
  const outcome = new Map<string, PushResult>();
  for (const r of seenOps) {
    outcome.set(r.op_id, { opId: r.op_id, status: 'accepted', seq: r.seq, hlc: r.hlc });
  }
  for (const r of seenRejections) {
    outcome.set(r.op_id, {
      opId: r.op_id,
      status: 'rejected',
      reason: reason(r.code, r.message, r.clause ?? undefined),
    });
  }

  const fresh = items.filter((i) => !outcome.has(i.op.opId));
  const replicas = await loadReplicas(
    trx,
    fresh.filter((i) => i.op.entity === 'incident').map((i) => i.op.entityId),
  );
  const externalIds = await findIncidentsByExternalIds(
    trx,
    fresh.flatMap((i) => {
      const ext = (i.op.payload as { externalId?: unknown; fields?: { externalId?: unknown } } | null) ?? {};
      const v = ext.externalId ?? ext.fields?.externalId;
      return typeof v === 'string' ? [v] : [];
    }),
  );
  const sessions = await loadSessions(
    trx,
    fresh.flatMap((i) => (i.sessionId ? [i.sessionId] : [])),
  );
  const blobs = await blobsPresent(
    trx,
    fresh.flatMap((i) => {
      const sha = (i.op.payload as { sha256?: unknown } | null)?.sha256;
      return i.op.kind === 'attachment.add' && typeof sha === 'string' ? [sha] : [];
    }),
  );

  let head = counter.head;
  let hubClock: Hlc = counter.hlc ? parseHlc(counter.hlc) : { millis: 0, counter: 0, node: 'hub' };
  const dirty = new Map<string, StoredReplica>();
  const accepted: Accepted[] = [];
  const rejected: { item: PushItem; reason: RejectReason }[] = [];

  for (const item of items) {
    const { op } = item;
    if (outcome.has(op.opId)) continue;
    try {
      const actor = checkActor(caller, item, sessions, now);
      let sent: Hlc;
      try {
        sent = parseHlc(op.hlc);
      } catch (e) {
        if (e instanceof HlcError) refuse('bad-clock', 'Метка времени операции не читается');
        throw e;
      }
      // Capping: a clock far ahead (a wrong date on the workstation) would win every conflict for as
      // long as it stays ahead, and would drag every replica's clock with it. The hub stamps such an op
      // with its own clock instead.
      let hlc: string;
      const opTime = Math.min(sent.millis, now);
      if (sent.millis - now > ctx.maxDriftMs) {
        hubClock = tick(hubClock, now);
        hlc = formatHlc({ ...hubClock, node: sent.node });
      } else {
        hlc = op.hlc;
      }
      const stored = op.entity === 'incident' ? replicas.get(op.entityId) : undefined;
      const { change, payload } = checkOp(
        ctx,
        caller,
        item,
        actor,
        stored,
        { externalIds, blobs },
        directory,
        opTime,
      );
      checkAudit(item, actor);
      const seq = head + 1;
      let scope: Accepted['scope'] = [];
      if (change) {
        const result = applyIncidentChange(stored?.replica ?? null, { ...change, hlc } as IncidentChange);
        if (result.kind !== 'applied') {
          // The checks above make this unreachable; refuse rather than store an op replicas cannot apply.
          refuse('not-applicable', 'Операция не применима к текущему состоянию сообщения');
        }
        const before = stored?.departments ?? [];
        const after = departmentsOf(result.replica);
        const isCreate = op.kind === 'incident.create';
        scope = [...new Set([...before, ...after])].map((d) => ({
          departmentId: d,
          entered: !isCreate && after.includes(d) && !before.includes(d) ? 1 : 0,
        }));
        const next: StoredReplica = { replica: result.replica, departments: after, lastSeq: seq };
        replicas.set(op.entityId, next);
        dirty.set(op.entityId, next);
        const ext = result.replica.doc.externalId;
        if (ext) externalIds.set(ext, op.entityId);
      } else if (stored) {
        // An op about an incident that does not change it (an attachment, an audit event) goes where the
        // incident is.
        scope = stored.departments.map((d) => ({ departmentId: d, entered: 0 }));
      }
      head = seq;
      accepted.push({ seq, item, hlc, payload, scope });
      outcome.set(op.opId, { opId: op.opId, status: 'accepted', seq, hlc });
    } catch (e) {
      if (!(e instanceof Rejected)) throw e;
      rejected.push({ item, reason: e.reason });
      outcome.set(op.opId, { opId: op.opId, status: 'rejected', reason: e.reason });
    }
  }

  const pushed = await writeBatch(trx, ctx.dialect, caller, accepted, rejected, dirty, now);
  if (accepted.length > 0) {
    await trx
      .updateTable('hub_counter')
      .set({ head, hlc: formatHlc(hubClock) })
      .where('id', '=', 1)
      .execute();
  }
  return { results: items.map((i) => outcome.get(i.op.opId)!), head, pushed };
}

async function loadSessions(db: HubConn, ids: readonly string[]): Promise<Map<string, Session>> {
  const rows = await inChunks([...new Set(ids)], 500, (chunk) =>
    db
      .selectFrom('hub_sessions')
      .innerJoin('hub_users', 'hub_users.id', 'hub_sessions.user_id')
      .select([
        'hub_sessions.id as id',
        'hub_sessions.user_id as user_id',
        'hub_sessions.workstation_id as workstation_id',
        'hub_sessions.secret as secret',
        'hub_sessions.expires_at as expires_at',
        'hub_sessions.revoked_at as revoked_at',
        'hub_users.role as role',
        'hub_users.department_id as department_id',
        'hub_users.active as active',
      ])
      .where('hub_sessions.id', 'in', chunk)
      .execute(),
  );
  return new Map(
    rows.map((r) => [
      r.id,
      {
        id: r.id,
        userId: r.user_id,
        workstationId: r.workstation_id,
        secret: r.secret,
        expiresAt: r.expires_at,
        revokedAt: r.revoked_at,
        role: r.role as Role,
        departmentId: r.department_id,
        active: r.active === 1,
      },
    ]),
  );
}

/** The person behind an op, proven by their session's signature; null for the system (imports, feeds). */
function checkActor(
  caller: Caller,
  item: PushItem,
  sessions: ReadonlyMap<string, Session>,
  now: number,
): Actor | null {
  const { op } = item;
  if (caller.kind === 'workstation' && op.deviceId !== caller.deviceId) {
    refuse('device-mismatch', 'Операция создана другим рабочим местом, чем то, что её отправило');
  }
  if (op.userId === null) {
    if (item.sessionId !== null) refuse('forged-actor', 'Сессия указана без пользователя');
    return null;
  }
  const session = item.sessionId ? sessions.get(item.sessionId) : undefined;
  if (!session || session.workstationId !== caller.id || session.userId !== op.userId) {
    refuse(
      'forged-actor',
      'Операция от имени пользователя без его сессии на этом рабочем месте: войдите в систему при наличии связи с хабом',
    );
  }
  if (!item.sig || !verifySignature(session.secret, canonicalOpText(op, item.audit), item.sig)) {
    refuse('bad-signature', 'Подпись операции не совпадает: операция изменена после создания');
  }
  if (session.revokedAt !== null || !session.active) {
    refuse('session-revoked', 'Сессия пользователя отозвана или пользователь заблокирован');
  }
  let opTime = now;
  try {
    opTime = Math.min(parseHlc(op.hlc).millis, now);
  } catch {
    // the clock is checked again, with its own reason, by the caller
  }
  if (opTime > session.expiresAt) refuse('session-expired', 'Сессия пользователя истекла: войдите снова');
  return { userId: session.userId, role: session.role, departmentId: session.departmentId };
}

function inCallerScope(caller: Caller, departments: readonly string[]): boolean {
  return caller.departments === null || departments.some((d) => caller.departments!.includes(d));
}

function mayTouch(actor: Actor | null, departments: readonly string[]): boolean {
  if (actor === null) return true;
  if (CENTRE_ROLES.includes(actor.role)) return true;
  if (actor.role === 'executor' || actor.role === 'department-head') {
    return actor.departmentId !== null && departments.includes(actor.departmentId);
  }
  return false;
}

const OUT_OF_SCOPE = 'Сообщение вне подразделений этого рабочего места или пользователя';

function checkOp(
  ctx: HubContext,
  caller: Caller,
  item: PushItem,
  actor: Actor | null,
  stored: StoredReplica | undefined,
  known: { externalIds: ReadonlyMap<string, string>; blobs: ReadonlySet<string> },
  directory: DepartmentDirectory | null,
  opTime: number,
): { change: DistributiveOmit<IncidentChange, 'hlc'> | null; payload: unknown } {
  const { op } = item;
  const { externalIds } = known;
  switch (op.kind) {
    case 'incident.create': {
      if (op.entity !== 'incident') refuse('invalid-op', 'Неверная сущность операции');
      const parsed = IncidentCreatePayload.safeParse(op.payload);
      if (!parsed.success || parsed.data.id !== op.entityId)
        refuse('invalid-op', 'Данные нового сообщения не прошли проверку');
      const doc = parsed.data;
      if (stored) refuse('duplicate', 'Сообщение с таким идентификатором уже есть');
      if (doc.externalId && externalIds.has(doc.externalId)) {
        refuse('duplicate-external-id', `Сообщение с внешним номером ${doc.externalId} уже зарегистрировано`);
      }
      if (actor && !CENTRE_ROLES.includes(actor.role)) {
        refuse('role-forbidden', 'Регистрировать сообщения может оператор, контролер или руководитель МЦУ');
      }
      const departments = doc.departmentId ? [doc.departmentId] : [];
      if (caller.departments !== null && !inCallerScope(caller, departments))
        refuse('out-of-scope', OUT_OF_SCOPE);
      return { change: { kind: 'incident.create', doc }, payload: doc };
    }
    case 'incident.update': {
      if (op.entity !== 'incident') refuse('invalid-op', 'Неверная сущность операции');
      const parsed = IncidentUpdatePayload.safeParse(op.payload);
      if (!parsed.success)
        refuse('invalid-op', 'Изменение не прошло проверку: статус и исполнитель меняются только командами');
      if (!stored) refuse('unknown-incident', 'Сообщение не найдено на хабе');
      if (!inCallerScope(caller, stored.departments) || !mayTouch(actor, stored.departments)) {
        refuse('out-of-scope', OUT_OF_SCOPE);
      }
      if (actor && (actor.role === 'admin' || actor.role === 'wall')) {
        refuse('role-forbidden', 'Эта роль не изменяет сообщения');
      }
      const ext = parsed.data.fields.externalId;
      if (ext && externalIds.has(ext) && externalIds.get(ext) !== op.entityId) {
        refuse('duplicate-external-id', `Внешний номер ${ext} уже принадлежит другому сообщению`);
      }
      return { change: { kind: 'incident.update', fields: parsed.data.fields }, payload: parsed.data };
    }
    case 'workflow.command': {
      if (op.entity !== 'incident') refuse('invalid-op', 'Неверная сущность операции');
      if (!actor) refuse('actor-required', 'Команду процесса выполняет пользователь, а не система');
      const parsed = WorkflowCommandPayload.safeParse(op.payload);
      if (!parsed.success) refuse('invalid-command', 'Команда не прошла проверку');
      const { command } = parsed.data;
      if (command.incidentId !== op.entityId)
        refuse('wrong-incident', 'Команда относится к другому сообщению');
      if (!stored) refuse('unknown-incident', 'Сообщение не найдено на хабе');
      if (!inCallerScope(caller, stored.departments)) refuse('out-of-scope', OUT_OF_SCOPE);
      // The time of the events: the one the issuer's own decision gave them (it showed them at once), never
      // later than the hub's clock.
      const issuedAt = parsed.data.events[0]?.at;
      const decision = decide(workflowOf(stored.replica), command, {
        profile: ctx.profile,
        actor,
        now: issuedAt === undefined ? opTime : Math.min(issuedAt, ctx.now()),
        departments: directory ?? { departments: [] },
      });
      if (!decision.ok) throw new Rejected(decision.reason);
      const payload = { command, events: decision.events };
      return { change: { kind: 'workflow.command', events: decision.events }, payload };
    }
    case 'audit.append': {
      const parsed = AuditEventWire.safeParse(op.payload);
      if (!parsed.success) refuse('invalid-op', 'Событие журнала не прошло проверку');
      if (parsed.data.actorId !== op.userId || parsed.data.deviceId !== op.deviceId) {
        refuse('forged-actor', 'Событие журнала подписано не тем пользователем или устройством');
      }
      if (parsed.data.incidentId !== null) {
        const target = op.entity === 'incident' ? stored : undefined;
        if (!target || op.entityId !== parsed.data.incidentId)
          refuse('unknown-incident', 'Сообщение не найдено на хабе');
        if (!inCallerScope(caller, target.departments) || !mayTouch(actor, target.departments)) {
          refuse('out-of-scope', OUT_OF_SCOPE);
        }
      }
      return { change: null, payload: parsed.data };
    }
    case 'attachment.add': {
      if (op.entity !== 'incident') refuse('invalid-op', 'Неверная сущность операции');
      if (!actor) refuse('actor-required', 'Файл прикладывает пользователь, а не система');
      const parsed = AttachmentPayload.safeParse(op.payload);
      if (!parsed.success) refuse('invalid-op', 'Сведения о файле не прошли проверку');
      const file = parsed.data;
      if (file.incidentId !== op.entityId) refuse('wrong-incident', 'Файл относится к другому сообщению');
      if (file.createdBy !== actor.userId)
        refuse('forged-actor', 'Файл приложен от имени другого пользователя');
      if (!stored) refuse('unknown-incident', 'Сообщение не найдено на хабе');
      if (!inCallerScope(caller, stored.departments) || !mayTouch(actor, stored.departments)) {
        refuse('out-of-scope', OUT_OF_SCOPE);
      }
      if (actor.role === 'admin' || actor.role === 'wall')
        refuse('role-forbidden', 'Эта роль не прикладывает файлы');
      if (!known.blobs.has(file.sha256)) {
        refuse('file-missing', 'Содержимое файла не дошло до хаба: рабочее место отправит его снова');
      }
      return { change: null, payload: file };
    }
    default: {
      const kind: never = op.kind;
      return refuse('invalid-op', `Неизвестный вид операции ${String(kind)}`);
    }
  }
}

/** The audit event travelling with an op must name the same person, device and incident. */
function checkAudit(item: PushItem, actor: Actor | null): void {
  const a = item.audit;
  if (!a) return;
  const { op } = item;
  if (a.actorId !== op.userId || a.deviceId !== op.deviceId) {
    refuse('forged-actor', 'Событие журнала названо от имени другого пользователя или устройства');
  }
  if (actor && a.actorRole !== actor.role) {
    refuse('forged-actor', 'Роль в событии журнала не совпадает с ролью пользователя');
  }
  if (op.entity === 'incident' && a.incidentId !== null && a.incidentId !== op.entityId) {
    refuse('audit-mismatch', 'Событие журнала относится к другому сообщению');
  }
}

async function writeBatch(
  trx: HubConn,
  dialect: HubDialect,
  caller: Caller,
  accepted: readonly Accepted[],
  rejected: readonly { item: PushItem; reason: RejectReason }[],
  dirty: ReadonlyMap<string, StoredReplica>,
  now: number,
): Promise<PushedOp[]> {
  const pushed = accepted.map(({ seq, item, hlc, payload, scope }) => ({
    row: {
      seq,
      op_id: item.op.opId,
      kind: item.op.kind,
      entity: item.op.entity,
      entity_id: item.op.entityId,
      payload: JSON.stringify(payload),
      hlc,
      device_id: item.op.deviceId,
      user_id: item.op.userId,
      schema_version: item.op.schemaVersion,
      audit: item.audit ? JSON.stringify(item.audit) : null,
    },
    scope,
  }));
  await insertMany(
    trx,
    14,
    (values) => `INSERT INTO hub_ops (seq, op_id, kind, entity, entity_id, payload, hlc, hlc_sent, device_id,
       user_id, workstation_id, schema_version, audit, received_at) VALUES ${values}`,
    pushed.map(({ row }, i) => [
      row.seq,
      row.op_id,
      row.kind,
      row.entity,
      row.entity_id,
      row.payload,
      row.hlc,
      accepted[i]!.item.op.hlc,
      row.device_id,
      row.user_id,
      caller.id,
      row.schema_version,
      row.audit,
      now,
    ]),
    dialect,
  );
  await insertMany(
    trx,
    3,
    (values) => `INSERT INTO hub_op_scope (department_id, seq, entered) VALUES ${values}`,
    accepted.flatMap((a) => a.scope.map((s) => [s.departmentId, a.seq, s.entered])),
    dialect,
  );
  // An op's own audit event is stored once, with the op (`hub_ops.audit`, read by incident through its
  // entity); `hub_audit` keeps the events that came on their own, or name no incident or another one.
  const audits: unknown[][] = [];
  for (const a of accepted) {
    const { op, audit } = a.item;
    const events: AuditEvent[] = [];
    if (audit && !(op.entity === 'incident' && audit.incidentId === op.entityId)) events.push(audit);
    if (op.kind === 'audit.append') events.push(a.payload as AuditEvent);
    for (const e of events) audits.push([e.id, e.incidentId, JSON.stringify(e), a.seq]);
  }
  await insertMany(
    trx,
    4,
    (values) => `INSERT INTO hub_events (incident_id, version, event, seq) VALUES ${values}`,
    accepted.flatMap((a) =>
      a.item.op.kind === 'workflow.command'
        ? (a.payload as { events: WorkflowEvent[] }).events.map((e) => [
            e.incidentId,
            e.version,
            JSON.stringify(e),
            a.seq,
          ])
        : [],
    ),
    dialect,
  );
  await insertMany(
    trx,
    4,
    (values) =>
      `INSERT INTO hub_audit (id, incident_id, event, seq) VALUES ${values} ON CONFLICT (id) DO NOTHING`,
    audits,
    dialect,
  );
  await inChunks(rejected, 500, async (chunk) => {
    await trx
      .insertInto('hub_rejections')
      .values(
        chunk.map(({ item, reason: r }) => ({
          op_id: item.op.opId,
          workstation_id: caller.id,
          user_id: item.op.userId,
          kind: item.op.kind,
          entity_id: item.op.entityId,
          code: r.code,
          message: r.message,
          clause: r.clause ?? null,
          op: JSON.stringify(item),
          received_at: now,
        })),
      )
      .onConflict((oc) => oc.column('op_id').doNothing())
      .execute();
    return [];
  });
  await storeReplicas(trx, dialect, dirty);
  return pushed;
}
