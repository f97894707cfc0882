import { ApiFailure } from '../../../shared/api/envelope';
import type { AuditEntry, IncidentCard } from '../../../shared/api/workflow';
import { computeIncidentClock } from '../../../shared/regulations';
import { allowedCommands, CommandSchema, toClockEvents } from '../../../shared/workflow';
import { findAway, findIncidentById } from '../../db/incidents';
import { listWorkflowEvents, readWorkflowState } from '../../db/workflow';
import { listUsers, loadDirectory } from '../../db/users';
import { listAuditEvents, refusedOps } from '../../db/audit';
import { insertAttachment, listAttachments } from '../../db/attachments';
import { storeAttachmentFile } from '../attachments';
import { recordChange } from '../changes';
import type { AttachmentPayload } from '../../../shared/sync/payloads';
import { executeCommand } from '../workflow';
import { actorOf, type Connection } from '../session';
import type { CoreContext, HandlersOf } from '../context';
import type { DataDir } from '../data-dir';

function signedIn(connection: Connection) {
  if (!connection.user) throw new ApiFailure('forbidden', 'Войдите в систему, чтобы работать с инцидентами');
  return connection.user;
}

async function auditEntries(ctx: CoreContext, incidentId?: string): Promise<AuditEntry[]> {
  const [events, users] = await Promise.all([listAuditEvents(ctx.db, incidentId), listUsers(ctx.db)]);
  const names = new Map(users.map((u) => [u.id, u.displayName]));
  // A change's audit event has its op's id: the hub's refusals of this workstation's ops name them.
  const refused = await refusedOps(ctx.db, incidentId);
  return events.map((e) => ({
    id: e.id,
    at: e.at,
    actorId: e.actorId,
    actorName: e.actorId ? (names.get(e.actorId) ?? null) : null,
    actorRole: e.actorRole,
    action: e.action,
    before: e.before,
    after: e.after,
    refused: refused.get(e.id) ?? null,
  }));
}

export async function card(ctx: CoreContext, id: string, connection: Connection): Promise<IncidentCard> {
  const incident = await findIncidentById(ctx.db, id);
  const state = await readWorkflowState(ctx.db, id);
  if (!incident || !state) throw new ApiFailure('not_found', `Инцидент ${id} не найден`);
  const events = await listWorkflowEvents(ctx.db, id);
  const now = ctx.now();
  const org = ctx.organisation();
  const clock = computeIncidentClock({
    profile: org.profile,
    calendar: org.calendar,
    importance: state.importance,
    events: toClockEvents(events, incident.detectedAt),
    now,
  });
  const directory = await loadDirectory(ctx.db);
  const away = await findAway(ctx.db, id);
  // An incident away to another department is read-only here: the hub would refuse what was done to it.
  const allowed =
    connection.user && !away
      ? allowedCommands(state, actorOf(connection.user), org.profile, { departments: directory, now })
      : [];
  return {
    away: away && {
      departments: away.departments.map((d) => directory.departments.find((x) => x.id === d)?.name ?? d),
      since: away.since,
      refused: away.refused,
    },
    incident,
    state,
    events,
    allowed,
    clock: {
      deadlineAt: clock.answerDeadline,
      budgetMinutes: clock.budgetMinutes,
      state: clock.state,
      currentStage: clock.current,
      stages: clock.stages.map(({ id: stageId, title, deadline, state: s, clause }) => ({
        id: stageId,
        title,
        deadline,
        state: s,
        clause,
      })),
      finalDeadline: clock.finalDeadline,
    },
    attachments: await listAttachments(ctx.db, id),
    audit: await auditEntries(ctx, id),
  };
}

const AWAY_MESSAGE =
  'Сообщение передано из подразделений этого рабочего места: здесь оно только для чтения и больше не обновляется';
const REFUSED_MESSAGE =
  'Регистрацию этого сообщения хаб не принял: здесь оно только для чтения. Работайте с сообщением, принятым хабом';

/** The incident card and the workflow commands (issue #4). */
export function workflowHandlers(
  ctx: CoreContext,
  dataDir: DataDir,
): HandlersOf<'incidents.card' | 'workflow.execute' | 'attachments.add' | 'audit.list'> {
  return {
    'incidents.card': ({ id }, connection) => card(ctx, id, connection),
    'workflow.execute': async ({ command }, connection) => {
      const user = signedIn(connection);
      // The actor is always the connection's session: a UI cannot act in someone else's name.
      const parsed = CommandSchema.safeParse({ ...command, actor: actorOf(user) });
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        throw new ApiFailure(
          'bad_request',
          `Команда не прошла проверку: ${issue ? `${issue.path.join('.')}: ${issue.message}` : ''}`,
        );
      }
      const away = await findAway(ctx.db, parsed.data.incidentId);
      if (away) throw new ApiFailure('conflict', away.refused ? REFUSED_MESSAGE : AWAY_MESSAGE);
      await executeCommand(ctx, actorOf(user), parsed.data);
      return card(ctx, parsed.data.incidentId, connection);
    },
    'attachments.add': async (request, connection) => {
      const user = signedIn(connection);
      if (!(await findIncidentById(ctx.db, request.incidentId)))
        throw new ApiFailure('not_found', 'Инцидент не найден');
      const bytes = Buffer.from(request.dataBase64, 'base64');
      if (bytes.length === 0) throw new ApiFailure('bad_request', 'Пустой файл');
      const now = ctx.now();
      const attachment = storeAttachmentFile(dataDir.root, { ...request, bytes }, now);
      const record: AttachmentPayload = { ...attachment, incidentId: request.incidentId, createdBy: user.id };
      await ctx.db.transaction().execute(async (trx) => {
        await insertAttachment(trx, record);
        // The record goes to the other workstations (the bytes are sent to the hub before it).
        await recordChange(trx, ctx.identity, { userId: user.id, role: user.role }, now, {
          action: 'attachment.add',
          incidentId: request.incidentId,
          before: null,
          after: {
            id: attachment.id,
            fileName: attachment.fileName,
            sha256: attachment.sha256,
            kind: attachment.kind,
          },
          op: { kind: 'attachment.add', entity: 'incident', entityId: request.incidentId, payload: record },
        });
      });
      ctx.events.emit('queue.changed', { reason: 'updated', ids: [request.incidentId] });
      return attachment;
    },
    'audit.list': ({ incidentId }) => auditEntries(ctx, incidentId),
  };
}
