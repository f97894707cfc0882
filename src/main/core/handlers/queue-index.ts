import { OPEN_STATUSES, type Incident } from '../../../shared/domain/incident';
import { stageKind, type IncidentClock } from '../../../shared/regulations';
import type { WorkCalendar } from '../../../shared/worktime';
import type { WorkflowEvent } from '../../../shared/workflow';
import {
  NO_DEPARTMENT,
  type DepartmentCounts,
  type QueueCounters,
  type QueueQuery,
  type QueueRow,
} from '../../../shared/api/queue';
import { awayIncidentIds, findIncidentById, listOpenIncidents } from '../../db/incidents';
import { listDepartments } from '../../db/departments';
import { listWorkflowEventsFor } from '../../db/workflow';
import { searchIncidentIds } from '../../db/queue-search';
import type { SlaClock } from '../sla';
import type { CoreContext } from '../context';

/** What the queue sorts, filters and counts by, per open incident. Deadlines do not depend on `now`. */
export type QueueEntry = {
  incident: Incident;
  departmentKey: string;
  deadlineAt: number;
  stageId: string | null;
  stageTitle: string | null;
  stageDeadlineAt: number | null;
  answerStageId: string | null;
  answerStageTitle: string | null;
};

/** A change of more incidents than this reloads the whole queue: one query beats hundreds. */
const PARTIAL_LIMIT = 200;
const MINUTE = 60_000;
/** «Due within an hour» is one working hour. */
export const DUE_SOON_MINUTES = 60;

function entryOf(incident: Incident, clock: IncidentClock): QueueEntry {
  const current = clock.stages.find((s) => s.id === clock.current) ?? null;
  const answer = clock.stages.find((s) => stageKind(s.id) === 'answer') ?? null;
  return {
    incident,
    departmentKey: incident.departmentId ?? NO_DEPARTMENT,
    deadlineAt: clock.answerDeadline,
    stageId: current?.id ?? null,
    stageTitle: current?.title ?? null,
    stageDeadlineAt: current?.deadline ?? null,
    answerStageId: answer?.id ?? null,
    answerStageTitle: answer?.title ?? null,
  };
}

/** A row as the UI shows it, with the clock computed at `now` (stage states change with time). */
export function toQueueRow(
  incident: Incident,
  sla: SlaClock,
  calendar: WorkCalendar,
  now: number,
  history?: readonly WorkflowEvent[],
): QueueRow {
  const clock = sla(incident, now, history);
  const current = clock.stages.find((s) => s.id === clock.current) ?? null;
  // The current stage runs from the end of the last stage done (or the detection) to its deadline.
  const start = clock.stages.reduce(
    (at, s) => (s.doneAt !== null && s.doneAt > at ? s.doneAt : at),
    incident.detectedAt,
  );
  return {
    ...incident,
    deadlineAt: clock.answerDeadline,
    budgetMinutes: clock.budgetMinutes,
    currentStage: clock.current,
    stageDeadlineAt: current?.deadline ?? null,
    stageBudgetMinutes: current ? calendar.between(Math.min(start, current.deadline), current.deadline) : 0,
    stages: clock.stages.map(({ id, title, deadline, state, clause }) => ({
      id,
      title,
      deadline,
      state,
      clause,
    })),
  };
}

/** Whether a deadline is overdue, or due within one working hour, at `now`. */
export function dueClass(calendar: WorkCalendar, now: number, deadline: number): 'overdue' | 'hour' | null {
  if (deadline <= now) return 'overdue';
  // Working minutes never exceed wall-clock ones: within an hour of wall time is within a working hour.
  if (deadline - now <= DUE_SOON_MINUTES * MINUTE) return 'hour';
  return calendar.between(now, deadline) <= DUE_SOON_MINUTES ? 'hour' : null;
}

function byKey(sort: QueueQuery['sort']): (a: QueueEntry, b: QueueEntry) => number {
  const dir = sort.desc ? -1 : 1;
  const tie = (a: QueueEntry, b: QueueEntry) =>
    a.deadlineAt - b.deadlineAt ||
    a.incident.detectedAt - b.incident.detectedAt ||
    (a.incident.id < b.incident.id ? -1 : a.incident.id > b.incident.id ? 1 : 0);
  switch (sort.key) {
    case 'deadline':
      return (a, b) => dir * tie(a, b);
    case 'stage':
      return (a, b) =>
        dir * ((a.stageDeadlineAt ?? a.deadlineAt) - (b.stageDeadlineAt ?? b.deadlineAt)) || tie(a, b);
    case 'detected':
      return (a, b) => dir * (a.incident.detectedAt - b.incident.detectedAt) || tie(a, b);
    case 'importance': {
      const rank = (e: QueueEntry) => (e.incident.importance === 'high' ? 0 : 1);
      return (a, b) => dir * (rank(a) - rank(b)) || tie(a, b);
    }
  }
}

type Matcher = {
  /**
   * Which facets an entry fails, a bit each in this order: statuses, departments, topics, importance,
   * sources, networks, due, mine, and the search. 0: it matches the query.
   */
  failures(e: QueueEntry, due: 'overdue' | 'hour' | null): number;
};

function matcher(query: QueueQuery, myDepartment: string | null, found: Set<string> | null): Matcher {
  const f = query.filter;
  const statuses = new Set(f.statuses);
  const departments = new Set(f.departments);
  const topics = new Set(f.topics);
  const importance = new Set<string>(f.importance);
  const sources = new Set<string>(f.sources);
  const networks = new Set<string>(f.networks);
  const due = new Set<string>(f.due);
  const mine = f.mine && myDepartment !== null;
  return {
    failures(e, d) {
      const i = e.incident;
      let bits = 0;
      if (statuses.size && !statuses.has(i.status)) bits |= 1 << 0;
      if (departments.size && !departments.has(e.departmentKey)) bits |= 1 << 1;
      if (topics.size && !topics.has(i.topic)) bits |= 1 << 2;
      if (importance.size && !importance.has(i.importance)) bits |= 1 << 3;
      if (sources.size && !sources.has(i.source)) bits |= 1 << 4;
      if (networks.size && !networks.has(i.network)) bits |= 1 << 5;
      if (due.size && (d === null || !due.has(d))) bits |= 1 << 6;
      if (mine && e.departmentKey !== myDepartment) bits |= 1 << 7;
      // The search is no facet of its own: failing it fails them all.
      if (found && !found.has(i.id)) bits |= 1 << 8;
      return bits;
    },
  };
}

const SEARCH_BIT = 1 << 8;

function add(counts: Map<string, number>, key: string): void {
  counts.set(key, (counts.get(key) ?? 0) + 1);
}

/**
 * The open incidents with their deadlines, in memory, so that filtering, sorting and counting
 * 10,000 of them costs milliseconds. Kept fresh lazily: a `queue.changed` marks the incidents it names
 * (or all of them) stale, and the next read reloads only those.
 */
export class QueueIndex {
  private entries = new Map<string, QueueEntry>();
  private stale: Set<string> | 'all' = 'all';
  private loading: Promise<void> | null = null;
  private cache: { key: string; list: QueueEntry[] } | null = null;
  private searchCache: { key: string; ids: Set<string> | null } | null = null;
  /** Grows with every reload, so cached selections are never served stale. */
  generation = 0;

  constructor(private readonly ctx: CoreContext) {}

  /** Marks incidents stale (all of them when `ids` is empty: a change from elsewhere, or a new calendar). */
  invalidate(ids: readonly string[]): void {
    if (ids.length === 0 || ids.length > PARTIAL_LIMIT || this.stale === 'all') {
      this.stale = 'all';
      return;
    }
    for (const id of ids) this.stale.add(id);
    if (this.stale.size > PARTIAL_LIMIT) this.stale = 'all';
  }

  /** Reloads what is stale; concurrent callers share one reload. */
  async fresh(): Promise<void> {
    // A reload under way may have taken the stale marks already: wait for it too.
    while (this.loading || this.stale === 'all' || this.stale.size > 0) {
      this.loading ??= this.reload().finally(() => (this.loading = null));
      await this.loading;
    }
  }

  all(): Iterable<QueueEntry> {
    return this.entries.values();
  }

  get size(): number {
    return this.entries.size;
  }

  private async reload(): Promise<void> {
    const todo = this.stale;
    this.stale = new Set();
    try {
      const sla = this.ctx.sla();
      const now = this.ctx.now();
      if (todo === 'all') {
        const incidents = await listOpenIncidents(this.ctx.db);
        const history = await listWorkflowEventsFor(
          this.ctx.db,
          incidents.map((i) => i.id),
        );
        const next = new Map<string, QueueEntry>();
        for (const i of incidents) next.set(i.id, entryOf(i, sla(i, now, history.get(i.id))));
        this.entries = next;
      } else {
        const ids = [...todo];
        const history = await listWorkflowEventsFor(this.ctx.db, ids);
        const away = await awayIncidentIds(this.ctx.db, ids);
        for (const id of ids) {
          const incident = await findIncidentById(this.ctx.db, id);
          if (incident && OPEN_STATUSES.includes(incident.status) && !away.has(id)) {
            this.entries.set(id, entryOf(incident, sla(incident, now, history.get(id))));
          } else {
            this.entries.delete(id);
          }
        }
      }
    } catch (e) {
      // Try again on the next read rather than serve a queue that silently misses rows.
      this.stale = 'all';
      throw e;
    }
    this.generation += 1;
    this.cache = null;
    this.searchCache = null;
  }

  private async found(search: string): Promise<Set<string> | null> {
    const key = `${this.generation}\u0000${search}`;
    if (this.searchCache?.key !== key) {
      this.searchCache = { key, ids: await searchIncidentIds(this.ctx.db, search) };
    }
    return this.searchCache.ids;
  }

  /** The incidents matching the query, in its order. Cached until the data (or, for «due», the minute) changes. */
  async select(query: QueueQuery, myDepartment: string | null, now: number): Promise<QueueEntry[]> {
    await this.fresh();
    const found = await this.found(query.search);
    const timed = query.filter.due.length > 0;
    const key = JSON.stringify([
      this.generation,
      query.filter,
      query.search,
      query.sort,
      query.filter.mine ? myDepartment : null,
      timed ? Math.floor(now / 5000) : 0,
    ]);
    if (this.cache?.key === key) return this.cache.list;
    const calendar = this.ctx.organisation().calendar;
    const m = matcher(query, myDepartment, found);
    const list: QueueEntry[] = [];
    for (const e of this.entries.values()) {
      if (m.failures(e, timed ? dueClass(calendar, now, e.deadlineAt) : null) === 0) list.push(e);
    }
    list.sort(byKey(query.sort));
    this.cache = { key, list };
    return list;
  }

  /** Counters of the whole queue, per facet value for the query (each facet without itself), per department. */
  async counters(query: QueueQuery, myDepartment: string | null, now: number): Promise<QueueCounters> {
    await this.fresh();
    const found = await this.found(query.search);
    const calendar = this.ctx.organisation().calendar;
    const m = matcher(query, myDepartment, found);
    // The wall's table names each department by its short name (a dozen rows).
    const shortNames = new Map((await listDepartments(this.ctx.db)).map((d) => [d.id, d.shortName]));
    // Maps while counting (10,000 entries, a few hundred keys), records in the answer.
    const statuses = new Map<string, number>();
    const departmentKeys = new Map<string, number>();
    const topics = new Map<string, number>();
    const importance = new Map<string, number>();
    const sources = new Map<string, number>();
    const networks = new Map<string, number>();
    const dueCounts = { overdue: 0, hour: 0 };
    let mine = myDepartment === null ? null : 0;
    const departments = new Map<string, DepartmentCounts>();
    let overdue = 0;
    let dueWithinHour = 0;
    let high = 0;
    let matching = 0;

    for (const e of this.entries.values()) {
      const i = e.incident;
      const due = dueClass(calendar, now, e.deadlineAt);
      if (due === 'overdue') overdue += 1;
      else if (due === 'hour') dueWithinHour += 1;
      if (i.importance === 'high') high += 1;
      let dep = departments.get(e.departmentKey);
      if (!dep) {
        const name =
          i.departmentName ?? (e.departmentKey === NO_DEPARTMENT ? 'Не направлено' : e.departmentKey);
        dep = {
          id: e.departmentKey,
          name,
          shortName: shortNames.get(e.departmentKey) || name,
          open: 0,
          overdue: 0,
          dueWithinHour: 0,
          high: 0,
        };
        departments.set(e.departmentKey, dep);
      }
      dep.open += 1;
      if (due === 'overdue') dep.overdue += 1;
      else if (due === 'hour') dep.dueWithinHour += 1;
      if (i.importance === 'high') dep.high += 1;

      const bits = m.failures(e, due);
      if (bits & SEARCH_BIT) continue;
      if (bits === 0) matching += 1;
      // A facet counts the entries that pass every other facet: what choosing that value would show.
      // (bits & ~(1 << facet)) === 0: the entry fails no facet but this one.
      if ((bits & ~(1 << 0)) === 0) add(statuses, i.status);
      if ((bits & ~(1 << 1)) === 0) add(departmentKeys, e.departmentKey);
      if ((bits & ~(1 << 2)) === 0) add(topics, i.topic);
      if ((bits & ~(1 << 3)) === 0) add(importance, i.importance);
      if ((bits & ~(1 << 4)) === 0) add(sources, i.source);
      if ((bits & ~(1 << 5)) === 0) add(networks, i.network);
      if ((bits & ~(1 << 6)) === 0 && due) dueCounts[due] += 1;
      if ((bits & ~(1 << 7)) === 0 && mine !== null && e.departmentKey === myDepartment) mine += 1;
    }

    return {
      now,
      open: this.entries.size,
      overdue,
      dueWithinHour,
      high,
      matching,
      facets: {
        statuses: Object.fromEntries(statuses),
        departments: Object.fromEntries(departmentKeys),
        topics: Object.fromEntries(topics),
        importance: Object.fromEntries(importance),
        sources: Object.fromEntries(sources),
        networks: Object.fromEntries(networks),
        due: dueCounts,
        mine,
      },
      departments: [...departments.values()].sort(
        (a, b) =>
          b.overdue - a.overdue ||
          b.dueWithinHour - a.dueWithinHour ||
          b.open - a.open ||
          a.name.localeCompare(b.name, 'ru'),
      ),
    };
  }
}
