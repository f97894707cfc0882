import { memo, useCallback, useRef, useSyncExternalStore, type RefObject } from 'react';
import type { StageDeadline } from '../../shared/api/clock';
import { currentTime, onTick } from '../clock/clock';
import { isWorkingTime, minutesLeft, warningThreshold, workCalendar } from '../clock/time-left';
import { formatDateTime, formatDuration, formatTimeLeft } from '../i18n/labels';
import { pausedText } from './pause';

export type BarState = 'on-time' | 'warning' | 'breached';

/** The bar's colour: breached when the time is up, amber at the profile's warning share of the period left. */
export function barState(left: number, budget: number): BarState {
  if (left <= 0) return 'breached';
  return budget > 0 && left / budget <= warningThreshold() ? 'warning' : 'on-time';
}

function fractionLeft(left: number, budget: number): number {
  return budget > 0 ? Math.min(1, Math.max(0, left / budget)) : 0;
}

let pauseMemo: { now: number; text: string } | null = null;

/** «часы не идут до 09:00 пн», once per tick for every bar on screen. */
function pausedUntil(now: number): string {
  if (pauseMemo?.now !== now) {
    const calendar = workCalendar();
    pauseMemo = { now, text: calendar ? pausedText(calendar.nextOpening(now), now, calendar.zone) : '' };
  }
  return pauseMemo.text;
}

const STAGE_MARK: Record<StageDeadline['state'], string> = {
  done: '✓',
  'done-late': '✓ с опозданием',
  breached: '✗ просрочен',
  warning: '! скоро срок',
  'on-time': '▶',
  pending: '·',
};

/** The tooltip: every stage's deadline (built on hover only: nobody reads it for the other 10,000 rows). */
function tooltip(p: Props, now: number): string {
  const lines = [
    `Срок ответа: ${formatDateTime(p.deadlineAt, p.timeZone)} (${formatTimeLeft(minutesLeft(now, p.deadlineAt))})`,
  ];
  if (p.stages && p.stages.length > 0) {
    lines.push('Этапы:');
    for (const s of p.stages) {
      const current = s.id === p.currentStage ? ' ← текущий' : '';
      lines.push(
        `${STAGE_MARK[s.state]} ${s.title} — до ${formatDateTime(s.deadline, p.timeZone)} (${s.clause})${current}`,
      );
    }
  }
  if (!isWorkingTime(now)) lines.push(`Вне рабочего времени: ${pausedUntil(now)}`);
  return lines.join('\n');
}

type Props = {
  deadlineAt: number;
  budgetMinutes: number;
  high: boolean;
  timeZone: string;
  /** The current stage, when it ends before the answer: its own bar above the answer's. */
  stageDeadlineAt?: number | null;
  stageBudgetMinutes?: number;
  stageTitle?: string | null;
  currentStage?: string | null;
  stages?: readonly StageDeadline[];
  size?: 'row' | 'wall';
  /**
   * False for a row rendered off screen (the table's overscan): it keeps what it showed until it comes
   * on screen, so a tick costs the rows one sees and no more.
   */
  live?: boolean;
};

/** Thousandths of the bar: a tick that moves it less than that changes nothing on screen. */
function quantised(fraction: number): number {
  return Math.round(fraction * 1000) / 1000;
}

const Track = memo(function Track({ fraction, className }: { fraction: number; className: string }) {
  return (
    <div className={className} aria-hidden="true">
      <div className="timer__fill" style={{ width: `${fraction * 100}%` }} />
    </div>
  );
});

type TextProps = { high: boolean; stageMinutes: number; answerMinutes: number | null; paused: string | null };

/** Changes once a minute (the text counts whole minutes), so most ticks skip it. */
const Text = memo(function Text({ high, stageMinutes, answerMinutes, paused }: TextProps) {
  return (
    <>
      <span className="timer__text">
        {high && (
          <span className="timer__high" title="Повышенной важности">
            ▲{' '}
          </span>
        )}
        {formatTimeLeft(stageMinutes)}
        {answerMinutes !== null && (
          <span className="timer__answer">
            {' '}
            · ответ {answerMinutes > 0 ? formatDuration(answerMinutes) : 'просрочен'}
          </span>
        )}
      </span>
      {paused !== null && <span className="timer__paused">вне рабочего времени · {paused}</span>}
    </>
  );
});

/** The minutes as the text shows them (whole, toward zero), kept negative once overdue. */
function wholeMinutes(left: number): number {
  return left >= 0 ? Math.floor(left) : -(Math.floor(-left) + 0.5);
}

const MINUTE = 60_000;
const STATE_CODE: Record<BarState, number> = { 'on-time': 0, warning: 1, breached: 2 };

/**
 * Everything a bar draws at `now`, as one number: it changes with the minute (the text and the tracks),
 * when a colour changes and when the clocks stop or start. Seconds left are not in it (see `TimerBar`).
 */
function shownAt(p: Props, now: number): number {
  const left = minutesLeft(now, p.deadlineAt);
  const stage = p.stageDeadlineAt ?? null;
  const stageState =
    stage !== null && stage < p.deadlineAt
      ? barState(minutesLeft(now, stage), p.stageBudgetMinutes ?? 0)
      : 'on-time';
  const states = STATE_CODE[barState(left, p.budgetMinutes)] * 3 + STATE_CODE[stageState];
  return (Math.floor(now / MINUTE) * 9 + states) * 2 + (isWorkingTime(now) ? 1 : 0);
}

/** The seconds left, the one thing on a bar that changes every second (aria-valuenow). */
function secondsLeft(now: number, deadlineAt: number): number {
  return Math.max(0, Math.round(minutesLeft(now, deadlineAt) * 60));
}

/**
 * The clock's time at which the bar last changed what it draws (`shownAt`). A bar off screen (`live`
 * false: the table's overscan) keeps what it showed until it comes on screen.
 */
function useShownTime(p: Props, live: boolean, bar: RefObject<HTMLDivElement | null>): number {
  const shown = useRef<{ key: number; at: number } | null>(null);
  const { deadlineAt } = p;
  // Every tick: the seconds left go straight to the element, the rest is compared and rendered if it
  // changed. A second is a few comparisons, no render and nothing allocated but the attribute's text.
  const subscribe = useCallback(
    (changed: () => void) =>
      onTick(() => {
        if (live) bar.current?.setAttribute('aria-valuenow', String(secondsLeft(currentTime(), deadlineAt)));
        changed();
      }),
    [bar, live, deadlineAt],
  );
  return useSyncExternalStore(subscribe, () => {
    const now = currentTime();
    if (!live && shown.current) return shown.current.at;
    const key = shownAt(p, now);
    if (shown.current?.key !== key) shown.current = { key, at: now };
    return shown.current.at;
  });
}

/**
 * Counts down the working time of the current stage and of the answer. A tick renders a bar only when
 * what it draws changes (the text and the tracks on the minute, a colour at its threshold); the seconds
 * left (aria-valuenow) it writes to the element directly. High importance is marked by shape (▲, a
 * dashed track), not colour alone.
 */
export const TimerBar = memo(function TimerBar(props: Props) {
  const ref = useRef<HTMLDivElement>(null);
  const now = useShownTime(props, props.live !== false, ref);
  return <TimerBody {...props} now={now} barRef={ref} />;
});

const TimerBody = memo(function TimerBody(
  props: Props & { now: number; barRef: RefObject<HTMLDivElement | null> },
) {
  const {
    deadlineAt,
    budgetMinutes,
    high,
    stageDeadlineAt = null,
    stageBudgetMinutes = 0,
    size = 'row',
    now,
    barRef: ref,
  } = props;
  const left = minutesLeft(now, deadlineAt);
  const state = barState(left, budgetMinutes);
  const staged = stageDeadlineAt !== null && stageDeadlineAt < deadlineAt;
  const stageLeft = staged ? minutesLeft(now, stageDeadlineAt) : left;
  const stageState = staged ? barState(stageLeft, stageBudgetMinutes) : state;
  // The text counts whole minutes and the track moves a few pixels a minute: both move on the minute,
  // all bars at once, so the other ticks paint nothing. Colours follow the second (the bar renders when
  // one changes), and so does aria-valuenow (TimerBar writes it between renders).
  const onTheMinute = now - (now % MINUTE);
  const shown = (exact: number, deadline: number) => {
    const coarse = minutesLeft(onTheMinute, deadline);
    // Overdue since earlier this minute: say so now, not at the next one.
    return exact <= 0 && coarse > 0 ? -0.01 : coarse;
  };
  const answerShown = shown(left, deadlineAt);
  const stageShown = staged ? shown(stageLeft, stageDeadlineAt) : answerShown;
  const paused = isWorkingTime(now) ? null : pausedUntil(now);
  const stageName = props.stageTitle ? `этап «${props.stageTitle}»` : 'этап';
  // In words, what the text shows (the minutes change with the minute, as the text's do).
  const answerMinutes = wholeMinutes(answerShown);
  const stageMinutes = wholeMinutes(stageShown);
  const valueText = staged
    ? `${stageName}: ${formatTimeLeft(stageMinutes)}; ответ: ${formatTimeLeft(answerMinutes)}`
    : formatTimeLeft(answerMinutes);
  return (
    <div
      ref={ref}
      className={`timer timer--${state}${high ? ' timer--high' : ''}${size === 'wall' ? ' timer--wall' : ''}`}
      data-testid="timer-bar"
      data-state={state}
      data-stage-state={stageState}
      role="progressbar"
      aria-valuemin={0}
      aria-valuemax={Math.round(budgetMinutes * 60)}
      aria-valuenow={secondsLeft(now, deadlineAt)}
      aria-valuetext={valueText}
      onMouseEnter={() => {
        if (ref.current) ref.current.title = tooltip(props, currentTime());
      }}
    >
      {staged && (
        <Track
          className={`timer__track timer__track--stage timer__track--${stageState}`}
          fraction={quantised(fractionLeft(stageShown, stageBudgetMinutes))}
        />
      )}
      <Track
        className={`timer__track timer__track--answer${staged ? ' timer__track--thin' : ''}`}
        fraction={quantised(fractionLeft(answerShown, budgetMinutes))}
      />
      <Text
        high={high}
        stageMinutes={stageMinutes}
        answerMinutes={staged ? answerMinutes : null}
        paused={paused}
      />
    </div>
  );
});
