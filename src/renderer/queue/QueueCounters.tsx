import type { QueueItem } from '../../shared/api/contract';
import { useNow } from '../clock/clock';

export function QueueCounters({ items }: { items: QueueItem[] }) {
  const now = useNow();
  const overdue = items.filter((i) => i.deadlineAt <= now).length;
  const high = items.filter((i) => i.importance === 'high').length;
  return (
    <dl className="counters" aria-label="Счётчики очереди">
      <div>
        <dt>В очереди</dt>
        <dd data-testid="count-open">{items.length}</dd>
      </div>
      <div>
        <dt>Просрочено</dt>
        <dd data-testid="count-overdue">{overdue}</dd>
      </div>
      <div>
        <dt>Повышенной важности</dt>
        <dd data-testid="count-high">{high}</dd>
      </div>
    </dl>
  );
}
