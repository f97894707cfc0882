import { memo, useCallback, useEffect, useMemo, useRef, useState, type Ref } from 'react';
import { flexRender, getCoreRowModel, useReactTable, type Row, type Table } from '@tanstack/react-table';
import { useVirtualizer, type Range, type Virtualizer } from '@tanstack/react-virtual';
import type { QueueColumnId, QueueRow, QueueSort } from '../../shared/api/queue';
import { QUEUE_COLUMNS } from '../../shared/api/queue-values';
import { metaOf, queueColumns, type QueueTableMeta } from './columns';
import type { QueueStore } from './store';

/** Every row has this height: no measuring while scrolling, and the bar, text and pause line fit. */
export const ROW_HEIGHT = 60;
/**
 * Rows rendered beyond the visible ones on each side: a wheel's step (~100 px) still finds rows there. More
 * costs every scroll frame: each row rendered is paint and compositing work in each frame (12 rows a side
 * made the median scroll frame ~1.5 ms slower than 4 in an A/B of the bench's scroll).
 */
const OVERSCAN = 4;
const MESSAGE_MIN_WIDTH = 320;

/** Rows in a viewport this high, counting one cut at the top and one at the bottom. */
function rowsIn(height: number): number {
  return Math.ceil(height / ROW_HEIGHT) + 1;
}

/**
 * Row recycling. The table renders a window of a fixed number of rows (`rowsIn(height)` and the overscan
 * on each side), and a row's React key is its index modulo the window's largest size. When the list
 * scrolls by a row, the row that enters takes the key of the one that leaves: React updates that row's
 * cells in place (a few texts and attributes) instead of removing one row's ~30 elements and building
 * another's, and the rows stay in the DOM in the order of their keys, so none is moved either. What is
 * read is ordered by `aria-rowindex`, and by their position on screen.
 */
function slotsFor(height: number): number {
  return rowsIn(height) + 2 * OVERSCAN;
}

/** The mark the benchmark reads: the first rows are on screen (after the frame that paints them). */
export const FIRST_ROWS_MARK = 'otklik:queue-first-rows';
let firstRowsMarked = false;

function markFirstRows(): void {
  if (firstRowsMarked) return;
  firstRowsMarked = true;
  requestAnimationFrame(() => setTimeout(() => performance.mark(FIRST_ROWS_MARK), 0));
}

export type TableHandle = { scrollToIndex(index: number): void; visibleRows(): number };

type Props = {
  store: QueueStore;
  /** Incidents matching the query. */
  total: number;
  /** The store's `rowsVersion` and `queryVersion` (see QueueSnapshot). */
  rowsVersion: number;
  queryVersion: number;
  columns: readonly QueueColumnId[];
  sort: QueueSort;
  timeZone: string;
  selected: number | null;
  onOpen(index: number, row: QueueRow): void;
  onSort(sort: QueueSort): void;
  handle: Ref<TableHandle>;
  tableRef: Ref<HTMLTableElement>;
};

type RowProps = {
  row: Row<QueueRow>;
  item: QueueRow;
  index: number;
  start: number;
  selected: boolean;
  live: boolean;
  columnsKey: string;
  onOpen(index: number, row: QueueRow): void;
};

/** A row re-renders when its incident, place, selection or columns change; its bar ticks on its own. */
const QueueTableRow = memo(
  function QueueTableRow({ row, item, index, start, selected, onOpen }: RowProps) {
    return (
      <tr
        id={`queue-row-${index}`}
        data-testid="queue-row"
        data-incident-id={item.id}
        data-index={index}
        aria-rowindex={index + 2}
        aria-selected={selected}
        className={`queue__row${item.importance === 'high' ? ' row--high' : ''}${selected ? ' queue__row--selected' : ''}`}
        style={{ transform: `translateY(${start}px)` }}
        onClick={() => onOpen(index, item)}
      >
        {row.getVisibleCells().map((cell) => (
          <td key={cell.column.id} className={`cell cell--${cell.column.id}`}>
            {flexRender(cell.column.columnDef.cell, cell.getContext())}
          </td>
        ))}
      </tr>
    );
  },
  (a, b) =>
    a.item === b.item &&
    a.index === b.index &&
    a.start === b.start &&
    a.selected === b.selected &&
    a.live === b.live &&
    a.columnsKey === b.columnsKey &&
    a.onOpen === b.onOpen,
);

type HeadProps = {
  table: Table<QueueRow>;
  /** For the memo: the header changes with the columns shown and the order, not with scrolling. */
  columnsKey: string;
  sort: QueueSort;
  onSort(sort: QueueSort): void;
};

const QueueHead = memo(function QueueHead({ table, sort, onSort }: HeadProps) {
  return (
    <thead>
      {table.getHeaderGroups().map((group) => (
        <tr key={group.id} className="queue__head">
          {group.headers.map((header) => {
            const key = metaOf(header.column.columnDef).sortKey;
            const sorted = key !== undefined && sort.key === key;
            return (
              <th
                key={header.id}
                scope="col"
                className={`cell cell--${header.column.id}`}
                aria-sort={sorted ? (sort.desc ? 'descending' : 'ascending') : undefined}
              >
                {key ? (
                  <button
                    type="button"
                    className="queue__sort"
                    onClick={() => onSort({ key, desc: sorted ? !sort.desc : false })}
                  >
                    {flexRender(header.column.columnDef.header, header.getContext())}
                    {sorted ? (sort.desc ? ' ▼' : ' ▲') : ''}
                  </button>
                ) : (
                  flexRender(header.column.columnDef.header, header.getContext())
                )}
              </th>
            );
          })}
        </tr>
      ))}
    </thead>
  );
});

/**
 * The queue's table: TanStack Table for the columns (choice, headers, cells) and TanStack Virtual for the
 * rows, so that of 10,000 incidents only the ~40 around the viewport are in the DOM. Rows come from the
 * store a page at a time; a row not fetched yet shows as loading.
 */
export const QueueTable = memo(function QueueTable({
  store,
  total,
  rowsVersion,
  queryVersion,
  columns: shown,
  sort,
  timeZone,
  selected,
  onOpen,
  onSort,
  handle,
  tableRef,
}: Props) {
  const scrollRef = useRef<HTMLDivElement>(null);
  // The first frame draws the rows on screen and no more; the overscan follows in the next one.
  const [overscan, setOverscan] = useState(0);
  const columns = useMemo(() => queueColumns(timeZone), [timeZone]);
  const columnsKey = shown.join(',');
  const columnVisibility = useMemo(
    () => Object.fromEntries(QUEUE_COLUMNS.map((c) => [c, columnsKey.split(',').includes(c)])),
    [columnsKey],
  );
  const sizer = useRef<Virtualizer<HTMLDivElement, Element> | null>(null);
  // Always the same number of rows for a viewport (see slotsFor); TanStack's default range grows and
  // shrinks by one as the rows cut at the edges come and go, which would leave a slot without its row.
  const rangeExtractor = useCallback((range: Range) => {
    const height = sizer.current?.scrollRect?.height ?? 0;
    const size = Math.min(range.count, rowsIn(height) + 2 * range.overscan);
    const start = Math.max(0, Math.min(range.startIndex - range.overscan, range.count - size));
    const end = Math.max(start + size - 1, Math.min(range.count - 1, range.endIndex + range.overscan));
    return Array.from({ length: end - start + 1 }, (_, i) => start + i);
  }, []);
  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan,
    rangeExtractor,
    // No rows until the scroll box is measured: that happens in the same commit, before the first paint
    // (which shows the rows), and a guess at its height would draw rows only to take them away again.
    initialRect: { width: window.innerWidth, height: 0 },
  });
  sizer.current = virtualizer;
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items.at(-1)?.index ?? -1;
  const slots = slotsFor(virtualizer.scrollRect?.height ?? 0);
  // In slot order (see slotsFor); by index if the window is ever larger than the slots (never, by
  // construction: then each row keeps its own key, as without recycling).
  const recycled = items.length <= slots;
  const keyOf = (index: number) => (recycled ? index % slots : `i${index}`);
  const inSlotOrder = recycled ? [...items].sort((a, b) => (a.index % slots) - (b.index % slots)) : items;

  useEffect(() => {
    if (last >= first) store.showRange(first, last);
  }, [store, first, last, queryVersion, total]);

  useEffect(() => {
    scrollRef.current?.scrollTo({ top: 0 });
  }, [queryVersion]);

  useEffect(() => {
    const h: TableHandle = {
      scrollToIndex: (index) => virtualizer.scrollToIndex(index, { align: 'auto' }),
      visibleRows: () =>
        Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? ROW_HEIGHT * 10) / ROW_HEIGHT) - 1),
    };
    if (typeof handle === 'function') handle(h);
    else if (handle) handle.current = h;
  }, [handle, virtualizer]);

  // The loaded rows of the rendered range, and their absolute indices (row ids of the table).
  const { data, indices } = useMemo(() => {
    const rows: QueueRow[] = [];
    const at: number[] = [];
    for (let i = first; i <= last; i++) {
      const r = store.rowAt(i);
      if (r) {
        rows.push(r);
        at.push(i);
      }
    }
    return { data: rows, indices: at };
    // rowsVersion: the store's rows changed under the same range.
  }, [store, first, last, rowsVersion]); // eslint-disable-line react-hooks/exhaustive-deps

  // Rows in the viewport tick each second; the overscan around them waits until it is scrolled to.
  const range = virtualizer.range;
  const isLive = (index: number) => range !== null && index >= range.startIndex && index <= range.endIndex;
  const meta: QueueTableMeta = { isLive: (rowId) => isLive(Number(rowId)) };

  const table = useReactTable({
    data,
    columns,
    meta,
    state: { columnVisibility },
    getRowId: (_row, i) => String(indices[i]),
    getCoreRowModel: getCoreRowModel(),
    manualSorting: true,
    manualFiltering: true,
  });
  const rowsById = table.getRowModel().rowsById;

  const hasRows = data.length > 0;
  useEffect(() => {
    if (!hasRows) return;
    markFirstRows();
    // After the frame that shows the first rows (and after the mark taken then).
    requestAnimationFrame(() => setTimeout(() => setOverscan(OVERSCAN), 0));
  }, [hasRows]);
  // The row is as wide as its columns: the message takes what is left, and the table scrolls sideways if need be.
  const minWidth = table
    .getVisibleLeafColumns()
    .reduce((sum, c) => sum + (metaOf(c.columnDef).width ?? MESSAGE_MIN_WIDTH), 0);

  return (
    <div className="queue__scroll" ref={scrollRef}>
      <table
        ref={tableRef}
        className="queue queue--virtual"
        style={{ minWidth }}
        data-testid="queue"
        role="grid"
        aria-label="Очередь инцидентов"
        aria-rowcount={total + 1}
        aria-activedescendant={selected !== null ? `queue-row-${selected}` : undefined}
        tabIndex={0}
      >
        <QueueHead table={table} columnsKey={columnsKey} sort={sort} onSort={onSort} />
        <tbody style={{ height: virtualizer.getTotalSize() }}>
          {inSlotOrder.map((v) => {
            const row = rowsById[String(v.index)];
            if (!row) {
              return (
                <tr
                  key={keyOf(v.index)}
                  className="queue__row queue__row--loading"
                  data-testid="queue-row-loading"
                  style={{ transform: `translateY(${v.start}px)` }}
                >
                  <td className="cell">Загрузка…</td>
                </tr>
              );
            }
            return (
              <QueueTableRow
                key={keyOf(v.index)}
                row={row}
                item={row.original}
                index={v.index}
                start={v.start}
                selected={selected === v.index}
                live={isLive(v.index)}
                columnsKey={columnsKey}
                onOpen={onOpen}
              />
            );
          })}
        </tbody>
      </table>
    </div>
  );
});
