import type { QueueColumnId, QueueFilter, QueueUiState, ViewState } from '../../shared/api/queue';
import { DEFAULT_SORT, QUEUE_COLUMNS } from '../../shared/api/queue-values';

export const EMPTY_FILTER: QueueFilter = {
  statuses: [],
  departments: [],
  topics: [],
  importance: [],
  sources: [],
  networks: [],
  due: [],
  mine: false,
};

export const DEFAULT_UI: QueueUiState = {
  filter: EMPTY_FILTER,
  search: '',
  sort: DEFAULT_SORT,
  columns: [...QUEUE_COLUMNS],
  activeViewId: null,
};

export type ListFacet = Exclude<keyof QueueFilter, 'mine'>;

/** Adds the value to the facet's list, or removes it if it is there. */
export function toggleValue<F extends ListFacet>(
  filter: QueueFilter,
  facet: F,
  value: QueueFilter[F][number],
): QueueFilter {
  const list = filter[facet] as readonly string[];
  const next = list.includes(value) ? list.filter((v) => v !== value) : [...list, value];
  return { ...filter, [facet]: next };
}

export function activeFilterCount(filter: QueueFilter): number {
  const lists: ListFacet[] = [
    'statuses',
    'departments',
    'topics',
    'importance',
    'sources',
    'networks',
    'due',
  ];
  return lists.reduce((n, f) => n + filter[f].length, 0) + (filter.mine ? 1 : 0);
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((v) => b.includes(v));
}

function sameFilter(a: QueueFilter, b: QueueFilter): boolean {
  return (
    a.mine === b.mine &&
    sameSet(a.statuses, b.statuses) &&
    sameSet(a.departments, b.departments) &&
    sameSet(a.topics, b.topics) &&
    sameSet(a.importance, b.importance) &&
    sameSet(a.sources, b.sources) &&
    sameSet(a.networks, b.networks) &&
    sameSet(a.due, b.due)
  );
}

/** Whether the screen shows what the view saved (the order of chosen values does not matter). */
export function sameViewState(a: ViewState, b: ViewState): boolean {
  return (
    sameFilter(a.filter, b.filter) &&
    a.search.trim() === b.search.trim() &&
    a.sort.key === b.sort.key &&
    a.sort.desc === b.sort.desc &&
    sameSet(a.columns, b.columns)
  );
}

export function viewStateOf(ui: QueueUiState): ViewState {
  return { filter: ui.filter, search: ui.search, sort: ui.sort, columns: ui.columns };
}

/** Columns in the table's order; the timer bar stays when everything else is hidden. */
export function normaliseColumns(columns: readonly QueueColumnId[]): QueueColumnId[] {
  const chosen = QUEUE_COLUMNS.filter((c) => columns.includes(c));
  return chosen.length > 0 ? chosen : ['timer'];
}

export type Option = { value: string; label: string; count: number };

/**
 * A filter's values with their counts: every value the queue has, and the chosen ones even when none is
 * left (so they can be unticked). By count, most first, then by label; or in `order` when given.
 */
export function facetOptions(
  counts: Readonly<Record<string, number>> | undefined,
  selected: readonly string[],
  labelOf: (value: string) => string,
  order?: readonly string[],
): Option[] {
  const values = new Set([...(order ?? []), ...Object.keys(counts ?? {}), ...selected]);
  const options = [...values].map((value) => ({ value, label: labelOf(value), count: counts?.[value] ?? 0 }));
  if (order) {
    const rank = (v: string) => {
      const i = order.indexOf(v);
      return i < 0 ? order.length : i;
    };
    return options.sort((a, b) => rank(a.value) - rank(b.value) || a.label.localeCompare(b.label, 'ru'));
  }
  return options.sort((a, b) => b.count - a.count || a.label.localeCompare(b.label, 'ru'));
}
