import { memo } from 'react';
import type { QueueColumnId } from '../../shared/api/queue';
import { QUEUE_COLUMNS } from '../../shared/api/queue-values';
import { COLUMN_LABEL } from './columns';
import { Popover } from './Popover';
import type { QueueStore } from './store';

/** Which columns the table shows; the choice is stored with the screen's state and in saved views. */
export const ColumnMenu = memo(function ColumnMenu({
  store,
  shown,
}: {
  store: QueueStore;
  shown: readonly QueueColumnId[];
}) {
  return (
    <Popover name="Столбцы" testId="columns" label="Столбцы">
      <ul className="facet__list">
        {QUEUE_COLUMNS.map((c) => (
          <li key={c}>
            <label className="facet__option" data-testid={`column-${c}`}>
              <input
                type="checkbox"
                checked={shown.includes(c)}
                disabled={shown.length === 1 && shown.includes(c)}
                onChange={() =>
                  store.setColumns(shown.includes(c) ? shown.filter((x) => x !== c) : [...shown, c])
                }
              />
              <span className="facet__label">{COLUMN_LABEL[c]}</span>
            </label>
          </li>
        ))}
      </ul>
    </Popover>
  );
});
