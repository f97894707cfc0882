import { ApiFailure } from '../../../shared/api/envelope';
import type { QueueItem } from '../../../shared/api/contract';
import type { Incident } from '../../../shared/domain/incident';
import { findIncidentById, listOpenIncidents } from '../../db/incidents';
import { listDepartments } from '../../db/departments';
import { createIncidents } from '../incidents';
import { SYSTEM_ACTOR } from '../changes';
import type { SlaClock } from '../sla';
import type { WorkflowEvent } from '../../../shared/workflow';
import { listWorkflowEventsFor } from '../../db/workflow';
import type { CoreContext, HandlersOf } from '../context';
import { wallClockOf } from '../../../shared/worktime/zone';

export function toQueueItem(
  incident: Incident,
  sla: SlaClock,
  now: number,
  history?: readonly WorkflowEvent[],
): QueueItem {
  const clock = sla(incident, now, history);
  return {
    ...incident,
    deadlineAt: clock.answerDeadline,
    budgetMinutes: clock.budgetMinutes,
    currentStage: clock.current,
    stages: clock.stages.map(({ id, title, deadline, state, clause }) => ({
      id,
      title,
      deadline,
      state,
      clause,
    })),
  };
}

export function queueHandlers(
  ctx: CoreContext,
): HandlersOf<'queue.list' | 'worktime.info' | 'incidents.get' | 'incidents.create' | 'departments.list'> {
  return {
    'queue.list': async () => {
      const incidents = await listOpenIncidents(ctx.db);
      const now = ctx.now();
      const sla = ctx.sla();
      const history = await listWorkflowEventsFor(
        ctx.db,
        incidents.map((i) => i.id),
      );
      return { now, items: incidents.map((i) => toQueueItem(i, sla, now, history.get(i.id))) };
    },
    'worktime.info': () => {
      const org = ctx.organisation();
      const clock = wallClockOf(org.schedule.zone);
      const year = new Date(ctx.now()).getUTCFullYear();
      return Promise.resolve({
        schedule: org.schedule,
        exceptions: org.exceptions,
        profileId: org.profile.id,
        profileName: org.profile.name,
        warningFraction: org.profile.thresholds.warningFraction,
        zoneYears: [year - 1, year, year + 1].map((y) => clock.year(y)),
      });
    },
    'incidents.get': async ({ id }) => {
      const incident = await findIncidentById(ctx.db, id);
      if (!incident) throw new ApiFailure('not_found', `Инцидент ${id} не найден`);
      return incident;
    },
    'incidents.create': async (request) => {
      const { created } = await createIncidents(ctx.db, ctx.identity, SYSTEM_ACTOR, ctx.now(), [request]);
      const incident = created[0];
      if (!incident)
        throw new ApiFailure('conflict', `Инцидент с внешним номером ${request.externalId} уже есть`);
      ctx.events.emit('queue.changed', { reason: 'created', ids: [incident.id] });
      return incident;
    },
    'departments.list': () => listDepartments(ctx.db),
  };
}
