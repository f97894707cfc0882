import { z } from 'zod';
import { Importance, Incident, IncidentSource, Instant, Network } from '../domain/incident';
import { StageDeadline } from './clock';
import { DEFAULT_SORT, DUE_FILTERS, NO_DEPARTMENT, QUEUE_COLUMNS, QUEUE_SORT_KEYS } from './queue-values';

export { DEFAULT_SORT, NO_DEPARTMENT, QUEUE_COLUMNS };

/**
 * The queue at scale (issue #6): filtered, searched and sorted in the core, fetched a page at a time,
 * with counters per filter; saved views and the queue's UI state; notifications; the wall screen.
 */

export const DueFilter = z.enum(DUE_FILTERS);
export type DueFilter = z.infer<typeof DueFilter>;

/** Each list is OR-ed inside and AND-ed with the others; an empty list does not filter. */
export const QueueFilter = z
  .object({
    /** Status codes; strings, so that the workflow's statuses pass without a change here. */
    statuses: z.array(z.string().max(40)).max(40).default([]),
    /** Department ids; `NO_DEPARTMENT` for incidents not routed yet. */
    departments: z.array(z.string().max(100)).max(200).default([]),
    topics: z.array(z.string().max(200)).max(200).default([]),
    importance: z.array(Importance).default([]),
    sources: z.array(IncidentSource).default([]),
    networks: z.array(Network).default([]),
    /** Overdue, or due within one working hour (OR-ed when both are chosen). */
    due: z.array(DueFilter).default([]),
    /** Only the department of the person signed in on the connection (ignored when there is none). */
    mine: z.boolean().default(false),
  })
  .strict();
export type QueueFilter = z.infer<typeof QueueFilter>;

export const QueueSortKey = z.enum(QUEUE_SORT_KEYS);
export type QueueSortKey = z.infer<typeof QueueSortKey>;

export const QueueSort = z.object({ key: QueueSortKey, desc: z.boolean() }).strict();
export type QueueSort = z.infer<typeof QueueSort>;

export const QueueQuery = z
  .object({
    filter: QueueFilter.prefault({}),
    /** Full-text search over the text, the author and the location (SQLite FTS5, prefix match per word). */
    search: z.string().max(200).default(''),
    sort: QueueSort.default(DEFAULT_SORT),
  })
  .strict();
export type QueueQuery = z.infer<typeof QueueQuery>;
export type QueueQueryInput = z.input<typeof QueueQuery>;

/** One row of the queue: the incident and its clock (working time, the active regulation profile). */
export const QueueRow = Incident.extend({
  /** The running deadline (epoch ms): the answer, or after an interim answer the final one. */
  deadlineAt: Instant,
  /** Working minutes of the running period, for the bar's fraction. */
  budgetMinutes: z.number().nonnegative(),
  currentStage: z.string().nullable(),
  /** The current stage's deadline; null when the incident has none running. */
  stageDeadlineAt: Instant.nullable(),
  /** Working minutes from the current stage's start to its deadline. */
  stageBudgetMinutes: z.number().nonnegative(),
  stages: z.array(StageDeadline),
});
export type QueueRow = z.infer<typeof QueueRow>;

export const QueuePage = z.object({
  /** Incidents matching the query, all pages together. */
  total: z.number().int().nonnegative(),
  offset: z.number().int().nonnegative(),
  items: z.array(QueueRow),
  /** The core's clock when the page was made, to correct a renderer clock that drifts. */
  now: Instant,
});
export type QueuePage = z.infer<typeof QueuePage>;

const Counts = z.record(z.string(), z.number().int().nonnegative());

export const DepartmentCounts = z.object({
  /** `NO_DEPARTMENT` for incidents not routed yet. */
  id: z.string(),
  name: z.string(),
  /** The department's short name (the wall's table); its name where it has none. */
  shortName: z.string(),
  open: z.number().int().nonnegative(),
  overdue: z.number().int().nonnegative(),
  dueWithinHour: z.number().int().nonnegative(),
  high: z.number().int().nonnegative(),
});
export type DepartmentCounts = z.infer<typeof DepartmentCounts>;

/** Counters of the whole queue, and per filter value for the query (each facet counted without itself). */
export const QueueCounters = z.object({
  now: Instant,
  open: z.number().int().nonnegative(),
  overdue: z.number().int().nonnegative(),
  dueWithinHour: z.number().int().nonnegative(),
  high: z.number().int().nonnegative(),
  /** Incidents matching the query (filters and search). */
  matching: z.number().int().nonnegative(),
  facets: z.object({
    statuses: Counts,
    departments: Counts,
    topics: Counts,
    importance: Counts,
    sources: Counts,
    networks: Counts,
    due: Counts,
    /** Null when the connection's person has no department (nobody signed in, or a central role). */
    mine: z.number().int().nonnegative().nullable(),
  }),
  /** Per department over the whole queue, most overdue first (the wall screen). */
  departments: z.array(DepartmentCounts),
});
export type QueueCounters = z.infer<typeof QueueCounters>;

export const QueueColumnId = z.enum(QUEUE_COLUMNS);
export type QueueColumnId = z.infer<typeof QueueColumnId>;

/** What a saved view restores: filters, search, sort and the visible columns. */
export const ViewState = z
  .object({
    filter: QueueFilter.prefault({}),
    search: z.string().max(200).default(''),
    sort: QueueSort.default(DEFAULT_SORT),
    columns: z
      .array(QueueColumnId)
      .min(1)
      .default([...QUEUE_COLUMNS]),
  })
  .strict();
export type ViewState = z.infer<typeof ViewState>;

export const SavedView = z.object({
  id: z.string(),
  name: z.string(),
  state: ViewState,
  createdAt: Instant,
  updatedAt: Instant,
});
export type SavedView = z.infer<typeof SavedView>;

/** The queue screen as the user left it; survives a restart (stored in the workstation's database). */
export const QueueUiState = ViewState.extend({ activeViewId: z.string().nullable().default(null) }).strict();
export type QueueUiState = z.infer<typeof QueueUiState>;

export const NotificationKind = z.enum(['high', 'stage']);
export type NotificationKind = z.infer<typeof NotificationKind>;

export const AppNotification = z.object({
  id: z.string(),
  kind: NotificationKind,
  incidentId: z.string(),
  /** For `stage`: the stage about to breach. */
  stageId: z.string().nullable(),
  title: z.string(),
  body: z.string(),
  at: Instant,
  readAt: Instant.nullable(),
  /** Shown on the desktop and sounded (false outside working hours, or when turned off). */
  audible: z.boolean(),
});
export type AppNotification = z.infer<typeof AppNotification>;

export const NotificationSettings = z
  .object({
    enabled: z.boolean(),
    sound: z.boolean(),
    /** Desktop notifications and sound only in working hours (the centre records them anyway). */
    workingHoursOnly: z.boolean(),
    /** Working minutes before a stage's deadline at which to warn, unless the stage has its own. */
    defaultLeadMinutes: z.number().int().min(1).max(1440),
    leadMinutes: z.record(z.string().max(60), z.number().int().min(1).max(1440)),
  })
  .strict();
export type NotificationSettings = z.infer<typeof NotificationSettings>;

export const DEFAULT_NOTIFICATION_SETTINGS: NotificationSettings = {
  enabled: true,
  sound: true,
  workingHoursOnly: true,
  defaultLeadMinutes: 15,
  leadMinutes: {},
};

export const WallConfig = z
  .object({
    /** 1-based display the Electron app opens the wall screen on; null: no wall window. */
    display: z.number().int().min(1).max(16).nullable(),
    /** Seconds each page of the rest of the queue stays on screen. */
    pageSeconds: z.number().int().min(3).max(600),
    /** The most urgent incidents shown large at the top. */
    urgentCount: z.number().int().min(1).max(12),
  })
  .strict();
export type WallConfig = z.infer<typeof WallConfig>;

export const DEFAULT_WALL_CONFIG: WallConfig = { display: null, pageSeconds: 12, urgentCount: 4 };

const Empty = z.object({}).strict();
const Id = z.string().min(1).max(100);

export const queueMethods = {
  'queue.page': {
    request: z
      .object({
        query: QueueQuery.prefault({}),
        offset: z.number().int().nonnegative(),
        limit: z.number().int().min(1).max(500),
      })
      .strict(),
    response: QueuePage,
  },
  'queue.counters': {
    request: z.object({ query: QueueQuery.prefault({}) }).strict(),
    response: QueueCounters,
  },
  'queue.state.get': { request: Empty, response: QueueUiState },
  'queue.state.set': { request: QueueUiState, response: QueueUiState },
  'views.list': { request: Empty, response: z.array(SavedView) },
  /** Creates a view, or replaces the name and state of the view with this id. */
  'views.save': {
    request: z
      .object({ id: Id.optional(), name: z.string().trim().min(1).max(80), state: ViewState })
      .strict(),
    response: SavedView,
  },
  'views.delete': { request: z.object({ id: Id }).strict(), response: z.object({ deleted: z.boolean() }) },
  'notifications.list': {
    request: z.object({ limit: z.number().int().min(1).max(500).default(100) }).strict(),
    response: z.object({ items: z.array(AppNotification), unread: z.number().int().nonnegative() }),
  },
  /** Marks the given notifications read, or all of them. */
  'notifications.markRead': {
    request: z.object({ ids: z.array(Id).max(500).optional() }).strict(),
    response: z.object({ unread: z.number().int().nonnegative() }),
  },
  'notifications.settings.get': { request: Empty, response: NotificationSettings },
  'notifications.settings.set': {
    request: NotificationSettings.partial().strict(),
    response: NotificationSettings,
  },
  'wall.config.get': { request: Empty, response: WallConfig },
  'wall.config.set': { request: WallConfig.partial().strict(), response: WallConfig },
} as const;

export const queueEvents = {
  /** New notifications; `alert` is what to show on the desktop and sound, or null to stay quiet. */
  'notifications.new': z.object({
    notifications: z.array(AppNotification),
    alert: z.object({ title: z.string(), body: z.string(), sound: z.boolean() }).nullable(),
  }),
  /** The wall screen's settings changed (the Electron app moves or opens its wall window). */
  'wall.changed': WallConfig,
} as const;

/**
 * What a wall screen may call: reading the queue and nothing else. A wall connection of the web host
 * (and the Electron wall window) is refused every other method.
 */
export const WALL_METHODS: ReadonlySet<string> = new Set([
  'app.info',
  'worktime.info',
  'queue.page',
  'queue.counters',
  'wall.config.get',
  'sync.status',
  // Hot spots on the wall (issue #8, item 3).
  'reports.hotspots.get',
]);

/** Push events a wall screen receives. */
export const WALL_EVENTS: ReadonlySet<string> = new Set([
  'queue.changed',
  'worktime.changed',
  'notifications.new',
  'wall.changed',
  'sync.status',
]);
