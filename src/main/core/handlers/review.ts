import { randomUUID } from 'node:crypto';
import { ApiFailure } from '../../../shared/api/envelope';
import type { ReviewReport } from '../../../shared/api/review';
import { createReviewer, type Reviewer } from '../../../shared/review';
import { CommandSchema } from '../../../shared/workflow';
import { findIncidentById } from '../../db/incidents';
import { listAttachments } from '../../db/attachments';
import { readWorkflowState } from '../../db/workflow';
import { appendAuditEvent } from '../../db/audit';
import { loadReviewResourcesSync } from '../../review/resources';
import { executeCommand } from '../workflow';
import { actorOf } from '../session';
import type { CoreContext, HandlersOf } from '../context';
import type { IncidentCard } from '../../../shared/api/workflow';

type CardLoader = (
  id: string,
  connection: Parameters<HandlersOf<'incidents.card'>['incidents.card']>[1],
) => Promise<IncidentCard>;

export function reviewHandlers(
  ctx: CoreContext,
  loadCard: CardLoader,
): HandlersOf<'review.check' | 'review.approve'> {
  // The dictionary loads on the first check (~0.1 s), not at start-up.
  let reviewer: Reviewer | null = null;
  const reviewerOf = () => (reviewer ??= createReviewer(loadReviewResourcesSync(ctx.resourcesDir)));

  async function check(incidentId: string, answer: string, kind: 'final' | 'interim'): Promise<ReviewReport> {
    const incident = await findIncidentById(ctx.db, incidentId);
    if (!incident) throw new ApiFailure('not_found', `Инцидент ${incidentId} не найден`);
    const attachments = await listAttachments(ctx.db, incidentId);
    const profile = ctx.organisation().profile;
    const result = reviewerOf().check(profile, {
      message: { id: incident.externalId ?? incident.id, author: incident.authorName, text: incident.text },
      answer,
      kind,
      attachments: attachments.map((a) => a.fileName),
    });
    const titles = new Map(profile.criteria.map((c) => [c.key, c.title]));
    return {
      criteria: result.criteria.map((c) => ({ ...c, title: titles.get(c.key) ?? c.key })),
      findings: result.findings,
    };
  }

  return {
    'review.check': ({ incidentId, answer, kind }) => check(incidentId, answer, kind),
    'review.approve': async ({ incidentId, expectedVersion, overrides }, connection) => {
      const user = connection.user;
      if (!user) throw new ApiFailure('forbidden', 'Войдите в систему, чтобы согласовывать ответы');
      const state = await readWorkflowState(ctx.db, incidentId);
      if (!state) throw new ApiFailure('not_found', `Инцидент ${incidentId} не найден`);
      if (state.status !== 'in-review') throw new ApiFailure('conflict', 'Ответ сейчас не на согласовании');
      const report = await check(incidentId, state.draft.text, state.draft.kind);
      const open = report.criteria.filter((c) => c.status === 'fail' && !overrides[c.key]?.trim());
      if (open.length > 0) {
        throw new ApiFailure(
          'bad_request',
          `Нельзя согласовать: не исправлены и не обоснованы критерии — ${open.map((c) => `${c.title} (${c.clause})`).join('; ')}`,
        );
      }
      const actor = actorOf(user);
      const command = CommandSchema.parse({
        type: 'approve',
        incidentId,
        expectedStatus: 'in-review',
        expectedVersion,
        actor,
      });
      await executeCommand(ctx, actor, command);
      const used = Object.entries(overrides).filter(([, comment]) => comment.trim());
      if (used.length > 0) {
        await appendAuditEvent(ctx.db, {
          id: randomUUID(),
          at: ctx.now(),
          actorId: user.id,
          actorRole: user.role,
          deviceId: ctx.identity.deviceId,
          incidentId,
          action: 'review.override',
          before: null,
          after: Object.fromEntries(used),
        });
      }
      return loadCard(incidentId, connection);
    },
  };
}
