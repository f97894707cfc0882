import { WorkflowStatusSchema } from '../../shared/workflow';
import {
  DEFAULT_HOTSPOT_RULE,
  monthBounds,
  previousMonth,
  REACTION_ACTION,
  type HotspotRule,
  type Month,
  type ReportAuditRow,
  type ReportIncident,
  type Signal,
} from '../../shared/reports';
import type { Conn } from '../db/incidents';
import { listDepartments } from '../db/departments';
import { listUsers } from '../db/users';
import { listWorkflowEventsFor } from '../db/workflow';

const DAY = 86_400_000;

/** What the report reads from the workstation database; the organisation's profile and calendar come apart. */
export type ReportData = {
  departments: Awaited<ReturnType<typeof listDepartments>>;
  users: Array<{ id: string; displayName: string; role: string; departmentId: string | null }>;
  incidents: ReportIncident[];
  signals: Signal[];
  historyFrom: number | undefined;
  audit: ReportAuditRow[];
};

function selectIncidents(db: Conn) {
  return db
    .selectFrom('incidents')
    .select([
      'id',
      'detected_at',
      'topic',
      'location',
      'importance',
      'status',
      'department_id',
      'author_name',
      'text',
    ]);
}

type Row = Awaited<ReturnType<ReturnType<typeof selectIncidents>['execute']>>[number];

async function withEvents(db: Conn, rows: readonly Row[]): Promise<ReportIncident[]> {
  const events = await listWorkflowEventsFor(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => {
    const status = WorkflowStatusSchema.safeParse(r.status);
    return {
      id: r.id,
      detectedAt: r.detected_at,
      topic: r.topic,
      location: r.location,
      importance: r.importance === 'high' ? 'high' : 'normal',
      status: status.success ? status.data : 'new',
      departmentId: r.department_id,
      authorName: r.author_name,
      text: r.text,
      events: events.get(r.id) ?? [],
    };
  });
}

/** Detections (topic, place, time) in [from, to): what the hot-spot rule counts. */
export async function loadSignals(db: Conn, from: number, to: number): Promise<Signal[]> {
  const rows = await db
    .selectFrom('incidents')
    .select(['topic', 'location', 'detected_at'])
    .where('detected_at', '>=', from)
    .where('detected_at', '<', to)
    .execute();
  return rows.map((r) => ({ topic: r.topic, location: r.location, detectedAt: r.detected_at }));
}

/** The first detection the database holds: the hot-spot rule knows nothing of the weeks before it. */
export async function loadHistoryStart(db: Conn): Promise<number | undefined> {
  const row = await db
    .selectFrom('incidents')
    .select((eb) => eb.fn.min<number>('detected_at').as('first'))
    .executeTakeFirst();
  return row?.first ?? undefined;
}

/**
 * The month's data: incidents detected in the month and the month before with their workflow logs, the
 * earlier incidents their repeats point at, the detections of the weeks before (hot spots), the recorded
 * author reactions, departments and people.
 */
export async function loadMonthlyData(
  db: Conn,
  month: Month,
  zone: string,
  rule: HotspotRule = DEFAULT_HOTSPOT_RULE,
): Promise<ReportData> {
  const { from, to } = monthBounds(month, zone);
  const prevFrom = monthBounds(previousMonth(month), zone).from;
  const rows = await selectIncidents(db)
    .where('detected_at', '>=', prevFrom)
    .where('detected_at', '<', to)
    .orderBy('detected_at')
    .orderBy('id')
    .execute();
  const incidents = await withEvents(db, rows);

  const loaded = new Set(incidents.map((i) => i.id));
  const earlierIds = [
    ...new Set(
      incidents.flatMap((i) =>
        i.events.flatMap((e) =>
          e.type === 'repeat-linked' && !loaded.has(e.earlierIncidentId) ? [e.earlierIncidentId] : [],
        ),
      ),
    ),
  ];
  const earlierRows = [];
  for (let i = 0; i < earlierIds.length; i += 500) {
    earlierRows.push(
      ...(await selectIncidents(db)
        .where('id', 'in', earlierIds.slice(i, i + 500))
        .execute()),
    );
  }
  const earlier = await withEvents(db, earlierRows);

  const signalFrom = Math.min(prevFrom, from - (rule.baselineWindows + 1) * rule.windowDays * DAY);
  const [signals, historyFrom, departments, users, auditRows] = await Promise.all([
    loadSignals(db, signalFrom, to),
    loadHistoryStart(db),
    listDepartments(db),
    listUsers(db),
    db
      .selectFrom('audit_events')
      .select(['incident_id', 'at', 'actor_id', 'action', 'after_json'])
      .where('action', '=', REACTION_ACTION)
      .orderBy('at')
      .execute(),
  ]);
  return {
    departments,
    users: users.map((u) => ({
      id: u.id,
      displayName: u.displayName,
      role: u.role,
      departmentId: u.departmentId,
    })),
    incidents: [...incidents, ...earlier],
    signals,
    historyFrom,
    audit: auditRows.map((r) => ({
      incidentId: r.incident_id,
      at: r.at,
      actorId: r.actor_id,
      action: r.action,
      after: r.after_json === null ? null : (JSON.parse(r.after_json) as unknown),
    })),
  };
}
