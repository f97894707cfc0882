import { memo } from 'react';
import type { QueueSort, QueueSortKey } from '../../shared/api/queue';
import { QUEUE_SORT_KEYS } from '../../shared/api/queue-values';
import type { QueueStore } from './store';

const SORT_LABEL: Record<QueueSortKey, string> = {
  deadline: 'по сроку ответа',
  stage: 'по сроку этапа',
  detected: 'по времени выявления',
  importance: 'по важности',
};

export const SortControl = memo(function SortControl({
  store,
  sort,
}: {
  store: QueueStore;
  sort: QueueSort;
}) {
  return (
    <div className="sort">
      <label>
        Порядок{' '}
        <select
          data-testid="queue-sort"
          value={sort.key}
          onChange={(e) => {
            const key = QUEUE_SORT_KEYS.find((k) => k === e.target.value);
            if (key) store.setSort({ key, desc: false });
          }}
        >
          {QUEUE_SORT_KEYS.map((k) => (
            <option key={k} value={k}>
              {SORT_LABEL[k]}
            </option>
          ))}
        </select>
      </label>
      <button
        type="button"
        aria-pressed={sort.desc}
        aria-label="Обратный порядок"
        title="Обратный порядок"
        onClick={() => store.setSort({ ...sort, desc: !sort.desc })}
      >
        {sort.desc ? '↓' : '↑'}
      </button>
    </div>
  );
});
