import { memo, useRef } from 'react';
import type { StageDeadline } from '../../shared/api/clock';
import { useNow } from '../clock/clock';
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
      <div className="timer__fill" style={{ transform: `scaleX(${fraction})` }} />
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

/**
 * Counts down the working time of the current stage and of the answer; the only part of a row that
 * re-renders each second, and of it only what changed (the tracks by a thousandth, the text by a minute).
 * High importance is marked by shape (▲, a dashed track), not colour alone.
 */
export const TimerBar = memo(function TimerBar(props: Props) {
  const now = useNow();
  return <TimerBody {...props} now={now} />;
});

/** Off screen (`live: false`) a bar keeps what it showed: only a change of its incident draws it again. */
function sameBar(a: Props & { now: number }, b: Props & { now: number }): boolean {
  for (const key of Object.keys(b) as (keyof typeof b)[]) {
    if (key === 'now' && b.live === false) continue;
    if (key === 'live' && b.live === false) continue;
    if (a[key] !== b[key]) return false;
  }
  return Object.keys(a).length === Object.keys(b).length;
}

const MINUTE = 60_000;

const TimerBody = memo(function TimerBody(props: Props & { now: number }) {
  const {
    deadlineAt,
    budgetMinutes,
    high,
    stageDeadlineAt = null,
    stageBudgetMinutes = 0,
    size = 'row',
    now,
  } = props;
  const ref = useRef<HTMLDivElement>(null);
  const left = minutesLeft(now, deadlineAt);
  const state = barState(left, budgetMinutes);
  const staged = stageDeadlineAt !== null && stageDeadlineAt < deadlineAt;
  const stageLeft = staged ? minutesLeft(now, stageDeadlineAt) : left;
  const stageState = staged ? barState(stageLeft, stageBudgetMinutes) : state;
  // The text counts whole minutes and the track moves a few pixels a minute: both move on the minute,
  // all bars at once, so the other ticks paint nothing. Colours and aria-valuenow follow the second.
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
  const valueText = staged
    ? `${stageName}: ${formatTimeLeft(stageLeft)}; ответ: ${formatTimeLeft(left)}`
    : formatTimeLeft(left);
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
      aria-valuenow={Math.max(0, Math.round(left * 60))}
      aria-valuetext={valueText}
      onMouseEnter={() => {
        if (ref.current) ref.current.title = tooltip(props, now);
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
        stageMinutes={wholeMinutes(stageShown)}
        answerMinutes={staged ? wholeMinutes(answerShown) : null}
        paused={paused}
      />
    </div>
  );
}, sameBar);
