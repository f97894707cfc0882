import type { Db } from '../db/open';
import { insertDepartments } from '../db/departments';
import type { IncidentStatus } from '../../shared/domain/incident';
import { subtractWorkingMinutes } from '../../shared/regulations';
import type { WorkCalendar } from '../../shared/worktime';
import type { Logger } from './dispatch';
import type { Identity } from './identity';
import { createIncidents } from './incidents';
import { SYSTEM_ACTOR, type Actor } from './changes';
import {
  DEMO_DEPARTMENTS,
  departmentForTopic,
  generateDemoIncidents,
  makeLiveIncident,
} from './demo/generate';

const DEMO_SIZE = 60;
const DEMO_SEED = 20261123;
/** The simulated ИМ feed acts as the monitoring system would: as an actor of its own in the audit. */
const FEED_ACTOR: Actor = { userId: null, role: 'feed' };

/** Spreads the demo set over the statuses an operator sees in a working day. */
function demoPlacement(
  index: number,
  topic: string,
): { status: IncidentStatus; departmentId: string | null } {
  const statuses: IncidentStatus[] = ['new', 'new', 'routed', 'drafting', 'in_review', 'approved'];
  const status = statuses[index % statuses.length] ?? 'new';
  return { status, departmentId: status === 'new' ? null : departmentForTopic(topic) };
}

/**
 * Working minutes before `now` at which the i-th demo incident was detected: spread over the
 * working day so the queue looks like a live one — mostly on time, some close to the deadline,
 * one in twelve overdue.
 */
function demoAge(index: number): number {
  if (index % 12 === 11) return 480 + (index % 5) * 45;
  return (index * 37) % 470;
}

/** The embedded default: departments and a working day's worth of incidents, on an empty database. */
export async function seedDemo(
  db: Db,
  identity: Identity,
  now: number,
  calendar: WorkCalendar,
): Promise<void> {
  await insertDepartments(db, DEMO_DEPARTMENTS, now);
  const incidents = generateDemoIncidents({ count: DEMO_SIZE, seed: DEMO_SEED, now });
  await createIncidents(
    db,
    identity,
    SYSTEM_ACTOR,
    now,
    incidents.map((incident, i) => {
      const detectedAt = subtractWorkingMinutes(calendar, now, demoAge(i));
      const publishedAt = detectedAt - (incident.detectedAt - incident.publishedAt);
      return { ...incident, detectedAt, publishedAt, ...demoPlacement(i, incident.topic) };
    }),
    'demo.seed',
  );
}

/** The simulated live feed: a new incident every few seconds, as ИМ would deliver them. */
export class DemoFeed {
  private timer: NodeJS.Timeout | null = null;
  private counter = 0;
  private intervalMs = 0;

  constructor(
    private readonly db: Db,
    private readonly identity: Identity,
    private readonly now: () => number,
    private readonly onCreated: (ids: string[]) => void,
    private readonly logger: Logger,
  ) {}

  configure(enabled: boolean, intervalMs: number): void {
    if (enabled && this.timer && intervalMs === this.intervalMs) return;
    this.stop();
    if (!enabled) return;
    this.intervalMs = intervalMs;
    this.timer = setInterval(() => void this.addOne(), intervalMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  private async addOne(): Promise<void> {
    try {
      const at = this.now();
      const incident = makeLiveIncident(DEMO_SEED + ++this.counter + at, at);
      const { created } = await createIncidents(
        this.db,
        this.identity,
        FEED_ACTOR,
        at,
        [incident],
        'feed.create',
      );
      this.onCreated(created.map((c) => c.id));
    } catch (e) {
      this.logger.error('demo feed failed', e);
    }
  }
}
