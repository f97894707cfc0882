import { randomUUID } from 'node:crypto';
import { ApiFailure, type ErrorCode } from '../../shared/api/envelope';
import {
  decide,
  type Actor,
  type Command,
  type IncidentWorkflowState,
  type RejectCode,
  type WorkflowEvent,
} from '../../shared/workflow';
import { appendWorkflowEvent, readWorkflowState, writeWorkflowState } from '../db/workflow';
import { loadDirectory } from '../db/users';
import { recordChange } from './changes';
import type { CoreContext } from './context';

/** How a rejection crosses the API: a conflict of state, a missing right, or a bad request. */
function errorCodeOf(code: RejectCode): ErrorCode {
  switch (code) {
    case 'stale':
    case 'terminal':
    case 'wrong-status':
      return 'conflict';
    case 'actor-mismatch':
    case 'read-only':
    case 'role-forbidden':
    case 'not-your-department':
    case 'level-forbidden':
      return 'forbidden';
    default:
      return 'bad_request';
  }
}

export type CommandResult = { state: IncidentWorkflowState; events: WorkflowEvent[] };

/**
 * Runs one workflow command: the shared state machine decides, then the events, the new state,
 * the audit event (who, role, when, what, before → after) and the sync op are written in one
 * transaction. A rejected command changes nothing and says why, in Russian.
 */
export async function executeCommand(
  ctx: CoreContext,
  actor: Actor,
  command: Command,
  /** When the step happened; only the demo seed, which builds a day's history, passes one. */
  at: number = ctx.now(),
): Promise<CommandResult> {
  const now = at;
  const result = await ctx.db.transaction().execute(async (trx) => {
    const state = await readWorkflowState(trx, command.incidentId);
    if (!state) throw new ApiFailure('not_found', `Инцидент ${command.incidentId} не найден`);
    const departments = await loadDirectory(trx);
    const decision = decide(state, command, { profile: ctx.organisation().profile, actor, now, departments });
    if (!decision.ok) throw new ApiFailure(errorCodeOf(decision.reason.code), decision.reason.message);
    for (const event of decision.events) await appendWorkflowEvent(trx, randomUUID(), event);
    await writeWorkflowState(trx, decision.next, now);
    await recordChange(trx, ctx.identity, actor, now, {
      action: `workflow.${command.type}`,
      incidentId: command.incidentId,
      before: { status: state.status, version: state.version },
      after: { status: decision.next.status, version: decision.next.version, events: decision.events },
      op: {
        kind: 'workflow.command',
        entity: 'incident',
        entityId: command.incidentId,
        payload: { command, events: decision.events },
      },
    });
    return { state: decision.next, events: decision.events };
  });
  ctx.events.emit('queue.changed', { reason: 'updated', ids: [command.incidentId] });
  return result;
}
