import { useQueueSnapshot } from './useQueue';

/** The header's counters of the whole queue (the core counts them; they move with time, asked twice a minute). */
export function QueueCounters() {
  const { counters } = useQueueSnapshot();
  if (!counters) return null;
  return (
    <dl className="counters" aria-label="Счётчики очереди">
      <div>
        <dt>В очереди</dt>
        <dd data-testid="count-open">{counters.open}</dd>
      </div>
      <div>
        <dt>Срок в течение часа</dt>
        <dd data-testid="count-hour">{counters.dueWithinHour}</dd>
      </div>
      <div>
        <dt>Просрочено</dt>
        <dd data-testid="count-overdue">{counters.overdue}</dd>
      </div>
      <div>
        <dt>Повышенной важности</dt>
        <dd data-testid="count-high">{counters.high}</dd>
      </div>
    </dl>
  );
}
