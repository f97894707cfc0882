import { useCallback, useEffect, useRef, useState } from 'react';
import type { QueueRow, QueueSort } from '../../shared/api/queue';
import { navigate } from '../app/route';
import { ColumnMenu } from './ColumnMenu';
import { FilterBar } from './FilterBar';
import { moveSelection, queueKeyAction } from './keyboard';
import { QueueTable, type TableHandle } from './QueueTable';
import { SearchBox } from './SearchBox';
import { SortControl } from './SortControl';
import { queueStore, type QueueSnapshot } from './store';
import { useQueueSnapshot } from './useQueue';
import { ViewsBar } from './ViewsBar';

function queryKey({ ui }: QueueSnapshot): string {
  return JSON.stringify([ui.filter, ui.search, ui.sort]);
}

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
  const [selection, setSelection] = useState<{ query: string; index: number } | null>(null);
  const selected = selection?.query === queryKey(snapshot) ? selection.index : null;
  const { total } = snapshot;
  // The store's state, not this render's: a key handler may run right after the query changed.
  const select = useCallback(
    (index: number) => setSelection({ query: queryKey(store.getSnapshot()), index }),
    [store],
  );

  const open = useCallback((_index: number, row: QueueRow) => navigate('incident', row.id), []);
  const sort = useCallback((next: QueueSort) => store.setSort(next), [store]);

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
          select(next);
          handle.current?.scrollToIndex(next);
          tableRef.current?.focus({ preventScroll: true });
        }
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [store, selected, total, open, select]);

  const toList = useCallback(() => {
    tableRef.current?.focus({ preventScroll: true });
    if (selected === null) select(0);
  }, [selected, select]);

  const empty = snapshot.counters !== null && snapshot.total === 0;
  return (
    <div className="queue-view" data-testid="queue-view">
      <div className="queue-toolbar">
        <SearchBox store={store} value={snapshot.ui.search} inputRef={searchRef} onLeave={toList} />
        <ViewsBar store={store} ui={snapshot.ui} views={snapshot.views} />
        <span className="filters__spacer" />
        <SortControl store={store} sort={snapshot.ui.sort} />
        <ColumnMenu store={store} shown={snapshot.ui.columns} />
      </div>
      <FilterBar store={store} ui={snapshot.ui} counters={snapshot.counters} />
      {empty ? (
        <p className="empty" data-testid="queue-empty">
          {snapshot.counters?.open === 0
            ? 'Очередь пуста: новых инцидентов нет.'
            : 'Ничего не найдено: измените поиск или фильтры (Esc очищает поиск).'}
        </p>
      ) : (
        <QueueTable
          store={store}
          total={snapshot.total}
          rowsVersion={snapshot.rowsVersion}
          queryVersion={snapshot.queryVersion}
          columns={snapshot.ui.columns}
          sort={snapshot.ui.sort}
          timeZone={timeZone}
          selected={selected}
          onOpen={open}
          onSort={sort}
          handle={handle}
          tableRef={tableRef}
        />
      )}
    </div>
  );
}
