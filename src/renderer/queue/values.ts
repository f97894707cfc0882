import type { Importance, IncidentSource, IncidentStatus, Network } from '../../shared/domain/incident';
import {
  DUE_FILTERS,
  QUEUE_COLUMNS,
  QUEUE_SORT_KEYS,
  type DEFAULT_SORT,
} from '../../shared/api/queue-values';
import type { QueueColumnId, QueueFilter, QueueUiState } from '../../shared/api/queue';
import { NETWORK_LABEL, SOURCE_LABEL } from '../i18n/labels';

/*
 * The queue's lists of values, without the zod schemas they come from in src/shared (those stay out of
 * the renderer's first chunk). A unit test holds each to the shared list it copies.
 */

/** Statuses the queue shows, in the workflow's order: everything not published or closed. */
export const OPEN_STATUSES: readonly IncidentStatus[] = [
  'new',
  'routed',
  'returned',
  'coexecutors',
  'drafting',
  'in-review',
  'rework',
  'approved',
  'interim-published',
  'postponed',
];

export const IMPORTANCES: readonly Importance[] = ['normal', 'high'];
/** In the order of their labels (a `Record` over the type, so none is missing). */
export const SOURCES = Object.keys(SOURCE_LABEL) as readonly IncidentSource[];
export const NETWORKS = Object.keys(NETWORK_LABEL) as readonly Network[];

type SortKey = (typeof DEFAULT_SORT)['key'];

function isSortKey(v: unknown): v is SortKey {
  return QUEUE_SORT_KEYS.includes(v as SortKey);
}

function isColumn(v: unknown): v is QueueColumnId {
  return QUEUE_COLUMNS.includes(v as QueueColumnId);
}

function listOf<T extends string>(v: unknown, allowed?: readonly T[]): T[] | null {
  if (!Array.isArray(v)) return null;
  return v.every((x) => typeof x === 'string' && (allowed === undefined || allowed.includes(x as T)))
    ? (v as T[])
    : null;
}

function filterOf(v: unknown): QueueFilter | null {
  if (typeof v !== 'object' || v === null) return null;
  const f = v as Record<string, unknown>;
  const statuses = listOf<string>(f.statuses);
  const departments = listOf<string>(f.departments);
  const topics = listOf<string>(f.topics);
  const importance = listOf(f.importance, IMPORTANCES);
  const sources = listOf(f.sources, SOURCES);
  const networks = listOf(f.networks, NETWORKS);
  const due = listOf(f.due, DUE_FILTERS);
  if (!statuses || !departments || !topics || !importance || !sources || !networks || !due) return null;
  if (typeof f.mine !== 'boolean') return null;
  return { statuses, departments, topics, importance, sources, networks, due, mine: f.mine };
}

/**
 * A queue state read back from this window's own storage, or null when it is not one (written by another
 * version of the app, or edited). The core's copy, validated there, replaces it as soon as it arrives.
 */
export function uiStateOf(v: unknown): QueueUiState | null {
  if (typeof v !== 'object' || v === null) return null;
  const s = v as Record<string, unknown>;
  const filter = filterOf(s.filter);
  const sort = s.sort as Record<string, unknown> | null | undefined;
  const columns = listOf<string>(s.columns);
  if (!filter || typeof s.search !== 'string' || typeof sort !== 'object' || sort === null) return null;
  if (!isSortKey(sort.key) || typeof sort.desc !== 'boolean') return null;
  if (!columns || !columns.every(isColumn) || columns.length === 0) return null;
  if (s.activeViewId !== null && typeof s.activeViewId !== 'string') return null;
  return {
    filter,
    search: s.search,
    sort: { key: sort.key, desc: sort.desc },
    columns,
    activeViewId: s.activeViewId,
  };
}
