import { z } from 'zod';
import { Department, Importance, Incident, IncidentSource, Instant, Network } from '../domain/incident';
import { CalendarExceptionSchema, WeeklyScheduleSchema } from '../worktime';
import { organisationMethods } from './organisation';
import { queueEvents, queueMethods } from './queue';
import { StageDeadline } from './clock';
import { sessionMethods } from './session';
import { workflowMethods } from './workflow';
import { reportsMethods } from './reports';
import { reviewMethods } from './review';
import { syncEvents, syncMethods } from './sync';

export const AppInfo = z.object({
  name: z.string(),
  version: z.string(),
  /** IANA zone of the organisation; dates in the UI are shown in it. */
  timeZone: z.string(),
  transport: z.enum(['electron', 'web']),
  demo: z.boolean(),
});
export type AppInfo = z.infer<typeof AppInfo>;

export const Settings = z.object({
  /** The simulated live feed of the embedded demo (adds an incident every few seconds). */
  demoFeed: z.boolean(),
  demoFeedIntervalMs: z.number().int().min(500).max(3_600_000),
});
export type Settings = z.infer<typeof Settings>;

export { StageDeadline, StageState } from './clock';

/** What the queue shows; deadlines come from the core's incident clock (working time, regulation profile). */
export const QueueItem = Incident.extend({
  /** The running deadline (epoch ms): the answer, or after an interim answer the final one. */
  deadlineAt: Instant,
  /** Length of the running period in working minutes, for the bar's fraction. */
  budgetMinutes: z.number().nonnegative(),
  currentStage: z.string().nullable(),
  stages: z.array(StageDeadline),
});
export type QueueItem = z.infer<typeof QueueItem>;

export const QueueSnapshot = z.object({
  items: z.array(QueueItem),
  /** The core's clock when the snapshot was taken, to correct a renderer clock that drifts. */
  now: Instant,
});
export type QueueSnapshot = z.infer<typeof QueueSnapshot>;

export const NewIncident = z.object({
  source: IncidentSource,
  network: Network,
  url: z.string().url().nullable().default(null),
  externalId: z.string().min(1).nullable().default(null),
  authorName: z.string().min(1),
  text: z.string().min(1),
  publishedAt: Instant,
  detectedAt: Instant,
  topic: z.string().min(1),
  location: z.string().default(''),
  importance: Importance.default('normal'),
});
export type NewIncident = z.infer<typeof NewIncident>;

/** What the renderer needs to count working time itself, once a second, without asking the core. */
export const WorkTimeInfo = z.object({
  schedule: WeeklyScheduleSchema,
  exceptions: z.array(CalendarExceptionSchema),
  profileId: z.string(),
  profileName: z.string(),
  /** Share of a period left at which a bar turns amber (profile `thresholds.warningFraction`). */
  warningFraction: z.number().min(0).max(1),
  /** The zone's offset changes in the years around now (the renderer's clock starts with them). */
  zoneYears: z.array(
    z.object({ year: z.number().int(), times: z.array(z.number()), offsets: z.array(z.number()) }),
  ),
});
export type WorkTimeInfo = z.infer<typeof WorkTimeInfo>;

const Empty = z.object({}).strict();

/** Calls of the foundation: the app, the queue, incidents, departments, app settings. */
export const foundationMethods = {
  'app.info': { request: Empty, response: AppInfo },
  'queue.list': { request: Empty, response: QueueSnapshot },
  'worktime.info': { request: Empty, response: WorkTimeInfo },
  'incidents.get': { request: z.object({ id: z.string().min(1) }).strict(), response: Incident },
  'incidents.create': { request: NewIncident, response: Incident },
  'departments.list': { request: Empty, response: z.array(Department) },
  'settings.get': { request: Empty, response: Settings },
  'settings.update': { request: Settings.partial().strict(), response: Settings },
} as const;

/**
 * Every call the UI may make, one group per feature. The core implements each once; the Electron
 * IPC and the WebSocket transports carry them unchanged and validate the request on the core's side.
 */
export const methods = {
  ...foundationMethods,
  ...organisationMethods,
  ...sessionMethods,
  ...workflowMethods,
  ...reportsMethods,
  ...reviewMethods,
  ...queueMethods,
  ...syncMethods,
} as const;

export type Methods = typeof methods;
export type Method = keyof Methods;
export type RequestOf<M extends Method> = z.input<Methods[M]['request']>;
/** The request after validation (defaults applied), as a handler receives it. */
export type ParsedRequestOf<M extends Method> = z.output<Methods[M]['request']>;
export type ResponseOf<M extends Method> = z.infer<Methods[M]['response']>;

export function isMethod(name: string): name is Method {
  return Object.hasOwn(methods, name);
}

/**
 * Methods that change nothing: the only ones a read-only connection (the wall screen) may call.
 * A method is a read when its name ends in one of these verbs.
 */
const READ_VERBS = ['info', 'list', 'get', 'current', 'card', 'page', 'counters', 'status'];

export function isReadMethod(name: Method): boolean {
  const verb = name.slice(name.lastIndexOf('.') + 1);
  return READ_VERBS.includes(verb);
}

/** Push events from the core to every open window. */
export const events = {
  /** Something in the queue changed: refetch. `ids` names the incidents touched. */
  'queue.changed': z.object({ reason: z.enum(['created', 'updated', 'imported']), ids: z.array(z.string()) }),
  'settings.changed': Settings,
  /** The organisation's schedule, calendar or regulation profile changed: rebuild the clock and refetch. */
  'worktime.changed': z.object({ profileId: z.string() }),
  ...queueEvents,
  ...syncEvents,
} as const;

export type Events = typeof events;
export type EventName = keyof Events;
export type EventOf<E extends EventName> = z.infer<Events[E]>;

export function isEventName(name: string): name is EventName {
  return Object.hasOwn(events, name);
}
