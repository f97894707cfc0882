import type { Db } from '../db/open';
import { insertDepartments } from '../db/departments';
import { subtractWorkingMinutes } from '../../shared/regulations';
import { CommandSchema, type Actor as WorkflowActor } from '../../shared/workflow';
import { insertUser } from '../db/users';
import { readWorkflowState } from '../db/workflow';
import { hashPassword } from './auth/password';
import type { CoreContext } from './context';
import { demoUsers, DEMO_PASSWORD } from './demo-users';
import { executeCommand } from './workflow';

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

export { DEMO_DEFAULT_LOGIN, DEMO_PASSWORD } from './demo-users';

const DEMO_SIZE = 60;
const DEMO_SEED = 20261123;
/** The simulated ИМ feed acts as the monitoring system would: as an actor of its own in the audit. */
const FEED_ACTOR: Actor = { userId: null, role: 'feed' };

/** How far along the workflow the i-th demo incident is: a working day's mix for every screen to show. */
type Progress = 'new' | 'routed' | 'drafting' | 'in-review' | 'approved';
const PROGRESS: Progress[] = ['new', 'new', 'routed', 'drafting', 'in-review', 'approved'];

/**
 * Working minutes before `now` at which the i-th demo incident was detected: spread over the
 * working day so the queue looks like a live one — mostly on time, some close to the deadline,
 * one in twelve overdue.
 */
function demoAge(index: number): number {
  if (index % 12 === 11) return 480 + (index % 5) * 45;
  return (index * 37) % 470;
}

async function state(ctx: CoreContext, incidentId: string) {
  const s = await readWorkflowState(ctx.db, incidentId);
  if (!s) throw new Error(`demo incident ${incidentId} is missing`);
  return { incidentId, expectedStatus: s.status, expectedVersion: s.version };
}

/** Walks one demo incident through the workflow as its people would, each step a real command. */
async function advance(
  ctx: CoreContext,
  incidentId: string,
  departmentId: string,
  progress: Progress,
  detectedAt: number,
) {
  if (progress === 'new') return;
  const user = (login: string) => ({
    userId: `user-${login}`,
    departmentId: login.startsWith('exec-') || login.startsWith('head-') ? departmentId : null,
  });
  const key = departmentId.replace(/^dep-/, '');
  const operator = { ...user('operator'), role: 'operator' as const };
  const executor = { ...user(`exec-${key}`), role: 'executor' as const };
  const controller = { ...user('controller'), role: 'controller' as const };
  let at = detectedAt;
  const step = async (actor: WorkflowActor, command: Record<string, unknown>) => {
    at = ctx.organisation().calendar.add(at, 20);
    if (at > ctx.now()) at = ctx.now();
    const parsed = CommandSchema.parse({ ...command, ...(await state(ctx, incidentId)), actor });
    await executeCommand(ctx, actor, parsed, at);
  };
  await step(operator, { type: 'route', mainDepartmentId: departmentId, coDepartmentIds: [] });
  if (progress === 'routed') return;
  await step(executor, {
    type: 'save-draft',
    kind: 'final',
    attachmentIds: [],
    text: 'Здравствуйте! Ваше обращение принято в работу. Специалисты выехали на место, о результатах сообщим дополнительно.',
  });
  if (progress === 'drafting') return;
  await step(executor, { type: 'send-for-review' });
  if (progress === 'in-review') return;
  await step(controller, { type: 'approve' });
}

/** The embedded default: departments, a user per role, and a working day's worth of incidents. */
export async function seedDemo(ctx: CoreContext): Promise<void> {
  const now = ctx.now();
  const calendar = ctx.organisation().calendar;
  await insertDepartments(ctx.db, DEMO_DEPARTMENTS, now);
  const hash = await hashPassword(DEMO_PASSWORD);
  for (const user of demoUsers(hash)) await insertUser(ctx.db, user, now);
  const incidents = generateDemoIncidents({ count: DEMO_SIZE, seed: DEMO_SEED, now }).map((incident, i) => {
    const detectedAt = subtractWorkingMinutes(calendar, now, demoAge(i));
    const publishedAt = detectedAt - (incident.detectedAt - incident.publishedAt);
    return { ...incident, detectedAt, publishedAt };
  });
  // Each incident enters the journal when it was detected, so the demo history reads in order.
  const created = [];
  for (const incident of incidents) {
    const result = await createIncidents(
      ctx.db,
      ctx.identity,
      SYSTEM_ACTOR,
      incident.detectedAt,
      [incident],
      'demo.seed',
    );
    created.push(...result.created);
  }
  for (const [i, incident] of created.entries()) {
    await advance(
      ctx,
      incident.id,
      departmentForTopic(incident.topic),
      PROGRESS[i % PROGRESS.length] ?? 'new',
      incident.detectedAt,
    );
  }
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
