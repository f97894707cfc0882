import { useMemo } from 'react';
import {
  flexRender,
  getCoreRowModel,
  getSortedRowModel,
  useReactTable,
  type SortingState,
} from '@tanstack/react-table';
import type { QueueItem } from '../../shared/api/contract';
import { queueColumns } from './columns';

type Props = { items: QueueItem[]; timeZone: string };

/** Most urgent first: the deadline order is the order of working time left. */
const BY_URGENCY: SortingState = [{ id: 'timer', desc: false }];

export function QueueView({ items, timeZone }: Props) {
  const columns = useMemo(() => queueColumns(timeZone), [timeZone]);
  const table = useReactTable({
    data: items,
    columns,
    getRowId: (row) => row.id,
    initialState: { sorting: BY_URGENCY },
    getCoreRowModel: getCoreRowModel(),
    getSortedRowModel: getSortedRowModel(),
  });

  if (items.length === 0) {
    return <p className="empty">Очередь пуста: новых инцидентов нет.</p>;
  }

  return (
    <table className="queue" data-testid="queue">
      <thead>
        {table.getHeaderGroups().map((group) => (
          <tr key={group.id}>
            {group.headers.map((header) => (
              <th key={header.id} scope="col">
                {flexRender(header.column.columnDef.header, header.getContext())}
              </th>
            ))}
          </tr>
        ))}
      </thead>
      <tbody>
        {table.getRowModel().rows.map((row) => (
          <tr
            key={row.id}
            data-testid="queue-row"
            data-incident-id={row.id}
            className={row.original.importance === 'high' ? 'row--high' : undefined}
          >
            {row.getVisibleCells().map((cell) => (
              <td key={cell.id} className={`cell--${cell.column.id}`}>
                {flexRender(cell.column.columnDef.cell, cell.getContext())}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
