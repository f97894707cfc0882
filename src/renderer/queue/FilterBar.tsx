import { memo, useMemo } from 'react';
import type { DueFilter, QueueCounters, QueueFilter, QueueUiState } from '../../shared/api/queue';
import { activeFilterCount, facetOptions, toggleValue, type ListFacet } from './filters';
import { FacetMenu } from './FacetMenu';
import { departmentLabel, networkLabel, sourceLabel, statusLabel } from './labels';
import type { QueueStore } from './store';
import { NETWORKS, OPEN_STATUSES, SOURCES } from './values';

type ChipProps = {
  pressed: boolean;
  count: number | undefined;
  testId: string;
  onClick(): void;
  children: React.ReactNode;
};

function Chip({ pressed, count, testId, onClick, children }: ChipProps) {
  return (
    <button type="button" className="chip" aria-pressed={pressed} data-testid={testId} onClick={onClick}>
      {children}
      <span className="chip__count" data-testid={`${testId}-count`}>
        {count ?? '…'}
      </span>
    </button>
  );
}

/** Quick filters with their counts, and one menu per facet (status, department, topic, source, network). */
export const FilterBar = memo(function FilterBar({
  store,
  ui,
  counters,
}: {
  store: QueueStore;
  ui: QueueUiState;
  counters: QueueCounters | null;
}) {
  const f = ui.filter;
  const facets = counters?.facets;
  const names = useMemo(
    () => new Map((counters?.departments ?? []).map((d) => [d.id, d.name])),
    [counters?.departments],
  );
  const set = (filter: QueueFilter) => store.setFilter(filter);
  const toggle = <F extends ListFacet>(facet: F, value: QueueFilter[F][number]) =>
    set(toggleValue(f, facet, value));
  const due = (d: DueFilter) => toggle('due', d);
  const menu = (
    facet: ListFacet,
    label: string,
    labelOf: (v: string) => string,
    order?: readonly string[],
  ) => (
    <FacetMenu
      facet={facet}
      label={label}
      options={facetOptions(facets?.[facet], f[facet], labelOf, order)}
      selected={f[facet]}
      onToggle={(v) => set({ ...f, [facet]: toggleValue(f, facet, v as never)[facet] })}
      onClear={() => set({ ...f, [facet]: [] })}
    />
  );
  const filtered = activeFilterCount(f) > 0 || ui.search.trim() !== '';
  return (
    <div className="filters" role="toolbar" aria-label="Фильтры очереди">
      <Chip
        pressed={f.due.includes('overdue')}
        count={facets?.due.overdue}
        testId="filter-overdue"
        onClick={() => due('overdue')}
      >
        Просрочено
      </Chip>
      <Chip
        pressed={f.due.includes('hour')}
        count={facets?.due.hour}
        testId="filter-hour"
        onClick={() => due('hour')}
      >
        Срок в течение часа
      </Chip>
      <Chip
        pressed={f.importance.includes('high')}
        count={facets?.importance.high ?? (facets ? 0 : undefined)}
        testId="filter-high"
        onClick={() => toggle('importance', 'high')}
      >
        ▲ Повышенной важности
      </Chip>
      {facets && facets.mine !== null && (
        <Chip
          pressed={f.mine}
          count={facets.mine}
          testId="filter-mine"
          onClick={() => set({ ...f, mine: !f.mine })}
        >
          Моё подразделение
        </Chip>
      )}
      {menu('statuses', 'Статус', statusLabel, OPEN_STATUSES)}
      {menu('departments', 'Подразделение', (id) => departmentLabel(id, names))}
      {menu('topics', 'Тема', (t) => t)}
      {menu('importance', 'Важность', (v) => (v === 'high' ? 'Повышенной важности' : 'Обычная'), [
        'high',
        'normal',
      ])}
      {menu('sources', 'Источник', sourceLabel, SOURCES)}
      {menu('networks', 'Сеть', networkLabel, NETWORKS)}
      {filtered && (
        <button type="button" data-testid="filters-clear" onClick={() => store.clearFilters()}>
          Сбросить всё
        </button>
      )}
      <span className="filters__spacer" />
      {counters && (
        <span className="muted" data-testid="queue-matching" data-count={counters.matching}>
          Показано {counters.matching} из {counters.open}
        </span>
      )}
    </div>
  );
});
