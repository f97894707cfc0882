import { useNow } from '../clock/clock';
import { isWorkingTime, minutesLeft, warningThreshold } from '../clock/time-left';
import { formatDateTime, formatTimeLeft } from '../i18n/labels';

export type BarState = 'on-time' | 'warning' | 'breached';

export function barState(left: number, budget: number): BarState {
  if (left <= 0) return 'breached';
  return budget > 0 && left / budget <= warningThreshold() ? 'warning' : 'on-time';
}

type Props = { deadlineAt: number; budgetMinutes: number; high: boolean; timeZone: string };

/** Counts down the working time to the deadline; the only part of a row that re-renders each second. */
export function TimerBar({ deadlineAt, budgetMinutes, high, timeZone }: Props) {
  const now = useNow();
  const left = minutesLeft(now, deadlineAt);
  const state = barState(left, budgetMinutes);
  const fraction = budgetMinutes > 0 ? Math.min(1, Math.max(0, left / budgetMinutes)) : 0;
  return (
    <div
      className={`timer timer--${state}${high ? ' timer--high' : ''}`}
      data-testid="timer-bar"
      data-state={state}
      title={`Срок: ${formatDateTime(deadlineAt, timeZone)}`}
      role="progressbar"
      aria-valuemin={0}
      aria-valuemax={Math.round(budgetMinutes * 60)}
      aria-valuenow={Math.max(0, Math.round(left * 60))}
      aria-valuetext={formatTimeLeft(left)}
    >
      <div className="timer__track" aria-hidden="true">
        <div className="timer__fill" style={{ width: `${(fraction * 100).toFixed(1)}%` }} />
      </div>
      <span className="timer__text">
        {formatTimeLeft(left)}
        {!isWorkingTime(now) && <span className="timer__paused"> · вне рабочего времени</span>}
      </span>
    </div>
  );
}
