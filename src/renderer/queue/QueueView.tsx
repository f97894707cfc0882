import { useCallback, useEffect, useRef, useState } from 'react';
import type { QueueRow } from '../../shared/api/queue';
import { navigate } from '../app/route';
import { ColumnMenu } from './ColumnMenu';
import { FilterBar } from './FilterBar';
import { moveSelection, queueKeyAction } from './keyboard';
import { QueueTable, type TableHandle } from './QueueTable';
import { SearchBox } from './SearchBox';
import { SortControl } from './SortControl';
import { queueStore } from './store';
import { useQueueSnapshot } from './useQueue';
import { ViewsBar } from './ViewsBar';

const FIELDS = 'input, textarea, select, button, a[href], [contenteditable="true"], [role="group"]';

/**
 * The queue screen: views, search, filters with counts, and the virtualized table. Keyboard first:
 * j/k or arrows move, Enter opens, `/` searches, Esc clears the search.
 */
export function QueueView({ timeZone }: { timeZone: string }) {
  const store = queueStore();
  const snapshot = useQueueSnapshot();
  const searchRef = useRef<HTMLInputElement>(null);
  const tableRef = useRef<HTMLTableElement>(null);
  const handle = useRef<TableHandle | null>(null);
  // The selection belongs to one query: a new filter starts again from the top.
  const [selection, setSelection] = useState<{ query: number; index: number } | null>(null);
  const selected = selection?.query === snapshot.queryVersion ? selection.index : null;
  const { total, queryVersion } = snapshot;

  const open = useCallback((_index: number, row: QueueRow) => navigate('incident', row.id), []);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented) return;
      const target = e.target instanceof HTMLElement ? e.target : null;
      const inField = target !== null && target !== tableRef.current && target.closest(FIELDS) !== null;
      const action = queueKeyAction(e.key, { inField }, { ctrl: e.ctrlKey, alt: e.altKey, meta: e.metaKey });
      if (!action) return;
      e.preventDefault();
      switch (action) {
        case 'search':
          searchRef.current?.focus();
          searchRef.current?.select();
          return;
        case 'clear':
          store.setSearch('');
          return;
        case 'open': {
          const row = selected === null ? undefined : store.rowAt(selected);
          if (row && selected !== null) open(selected, row);
          return;
        }
        default: {
          const next = moveSelection(action, selected, total, handle.current?.visibleRows() ?? 10);
          if (next === null) return;
          setSelection({ query: queryVersion, index: next });
          handle.current?.scrollToIndex(next);
          tableRef.current?.focus({ preventScroll: true });
        }
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [store, selected, total, queryVersion, open]);

  const toList = () => {
    tableRef.current?.focus({ preventScroll: true });
    if (selected === null && total > 0) setSelection({ query: queryVersion, index: 0 });
  };

  const empty = snapshot.counters !== null && snapshot.total === 0;
  return (
    <div className="queue-view" data-testid="queue-view">
      <div className="queue-toolbar">
        <SearchBox store={store} value={snapshot.ui.search} inputRef={searchRef} onLeave={toList} />
        <ViewsBar store={store} snapshot={snapshot} />
        <span className="filters__spacer" />
        <SortControl store={store} snapshot={snapshot} />
        <ColumnMenu store={store} snapshot={snapshot} />
      </div>
      <FilterBar store={store} snapshot={snapshot} />
      {empty ? (
        <p className="empty" data-testid="queue-empty">
          {snapshot.counters?.open === 0
            ? 'Очередь пуста: новых инцидентов нет.'
            : 'Ничего не найдено: измените поиск или фильтры (Esc очищает поиск).'}
        </p>
      ) : (
        <QueueTable
          store={store}
          snapshot={snapshot}
          timeZone={timeZone}
          selected={selected}
          onOpen={open}
          onSort={(sort) => store.setSort(sort)}
          handle={handle}
          tableRef={tableRef}
        />
      )}
    </div>
  );
}
