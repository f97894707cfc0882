import type { Conn } from './incidents';
import {
  IncidentWorkflowStateSchema,
  WorkflowEventSchema,
  initialWorkflowState,
  type IncidentWorkflowState,
  type WorkflowEvent,
} from '../../shared/workflow';

type StateRow = {
  id: string;
  status: string;
  importance: string;
  topic: string;
  location: string;
  department_id: string | null;
  workflow_json: string | null;
};

/**
 * An incident's workflow state. Rows from before migration 0002 carry none: their state is
 * derived from the columns (classified by the import, routed when a department is set).
 */
export function stateFromRow(row: StateRow): IncidentWorkflowState {
  if (row.workflow_json !== null) return IncidentWorkflowStateSchema.parse(JSON.parse(row.workflow_json));
  const base = initialWorkflowState({
    incidentId: row.id,
    importance: row.importance === 'high' ? 'high' : 'normal',
    classification:
      row.topic.trim() && row.location.trim() ? { topic: row.topic, location: row.location } : null,
  });
  if (row.status === 'routed' && row.department_id) {
    return {
      ...base,
      status: 'routed',
      routing: { mainDepartmentId: row.department_id, coDepartmentIds: [] },
      parts: [],
    };
  }
  return base;
}

export async function readWorkflowState(db: Conn, incidentId: string): Promise<IncidentWorkflowState | null> {
  const row = await db
    .selectFrom('incidents')
    .select(['id', 'status', 'importance', 'topic', 'location', 'department_id', 'workflow_json'])
    .where('id', '=', incidentId)
    .executeTakeFirst();
  return row ? stateFromRow(row) : null;
}

function mainDepartment(state: IncidentWorkflowState): string | null {
  return 'routing' in state ? state.routing.mainDepartmentId : null;
}

/** Stores the state and the columns the queue filters on, in the command's transaction. */
export async function writeWorkflowState(db: Conn, state: IncidentWorkflowState, now: number): Promise<void> {
  await db
    .updateTable('incidents')
    .set({
      status: state.status,
      version: state.version,
      importance: state.importance,
      department_id: mainDepartment(state),
      ...(state.classification
        ? { topic: state.classification.topic, location: state.classification.location }
        : {}),
      workflow_json: JSON.stringify(state),
      updated_at: now,
    })
    .where('id', '=', state.incidentId)
    .execute();
}

export async function appendWorkflowEvent(db: Conn, id: string, event: WorkflowEvent): Promise<void> {
  await db
    .insertInto('workflow_events')
    .values({
      id,
      incident_id: event.incidentId,
      version: event.version,
      type: event.type,
      at: event.at,
      actor_id: event.actor.userId,
      actor_role: event.actor.role,
      event_json: JSON.stringify(event),
    })
    .execute();
}

export async function listWorkflowEvents(db: Conn, incidentId: string): Promise<WorkflowEvent[]> {
  const rows = await db
    .selectFrom('workflow_events')
    .select('event_json')
    .where('incident_id', '=', incidentId)
    .orderBy('version')
    .execute();
  return rows.map((r) => WorkflowEventSchema.parse(JSON.parse(r.event_json)));
}

/** Every incident's events at once, grouped: the queue's clocks read them in one query. */
export async function listWorkflowEventsFor(
  db: Conn,
  incidentIds: readonly string[],
): Promise<Map<string, WorkflowEvent[]>> {
  const byIncident = new Map<string, WorkflowEvent[]>();
  for (let i = 0; i < incidentIds.length; i += 500) {
    const rows = await db
      .selectFrom('workflow_events')
      .select(['incident_id', 'event_json'])
      .where('incident_id', 'in', incidentIds.slice(i, i + 500))
      .orderBy('incident_id')
      .orderBy('version')
      .execute();
    for (const r of rows) {
      const list = byIncident.get(r.incident_id) ?? [];
      list.push(WorkflowEventSchema.parse(JSON.parse(r.event_json)));
      byIncident.set(r.incident_id, list);
    }
  }
  return byIncident;
}
