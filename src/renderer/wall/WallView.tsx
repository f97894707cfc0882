import { useEffect, useState } from 'react';
import type { DepartmentCounts, QueueRow } from '../../shared/api/queue';
import { api } from '../api/client';
import { useNow } from '../clock/clock';
import { installWorkTime, workCalendar } from '../clock/time-left';
import { pausedText } from '../queue/pause';
import { TimerBar } from '../queue/TimerBar';
import { statusLabel } from '../queue/labels';
import { linkText } from './link';
import { useOnline, useSyncStatus } from './useOnline';
import { useWall } from './useWall';
import { HotspotsPanel } from '../reports/HotspotsPanel';

const TIME = new Map<string, Intl.DateTimeFormat>();

function clockText(now: number, timeZone: string): string {
  let f = TIME.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('ru-RU', {
      timeZone,
      weekday: 'short',
      day: 'numeric',
      month: 'long',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    TIME.set(timeZone, f);
  }
  return f.format(now);
}

/** The time, and once for the whole screen whether the clocks stand still. */
function WallClock({ timeZone }: { timeZone: string }) {
  const now = useNow();
  const calendar = workCalendar();
  const paused = calendar !== null && !calendar.isWorking(now);
  return (
    <span className="wall__clock">
      <time dateTime={new Date(now).toISOString()}>{clockText(now, timeZone)}</time>
      {paused && (
        <span className="wall__pause" data-testid="wall-paused">
          {' '}
          · вне рабочего времени, {pausedText(calendar.nextOpening(now), now, calendar.zone)}
        </span>
      )}
    </span>
  );
}

function stageTitle(row: QueueRow): string | null {
  return row.stages.find((s) => s.id === row.currentStage)?.title ?? null;
}

function Bar({ row, timeZone }: { row: QueueRow; timeZone: string }) {
  return (
    <TimerBar
      size="wall"
      deadlineAt={row.deadlineAt}
      budgetMinutes={row.budgetMinutes}
      high={row.importance === 'high'}
      timeZone={timeZone}
      stageDeadlineAt={row.stageDeadlineAt}
      stageBudgetMinutes={row.stageBudgetMinutes}
      stageTitle={stageTitle(row)}
      currentStage={row.currentStage}
      stages={row.stages}
    />
  );
}

function Counter({
  label,
  value,
  testId,
  tone,
}: {
  label: string;
  value: number | undefined;
  testId: string;
  tone?: string;
}) {
  return (
    <div className={`wall__counter${tone ? ` wall__counter--${tone}` : ''}`}>
      <div className="wall__counter-value" data-testid={testId}>
        {value ?? '—'}
      </div>
      <div className="wall__counter-label">{label}</div>
    </div>
  );
}

function Departments({ rows }: { rows: DepartmentCounts[] }) {
  return (
    <table className="wall__departments" aria-label="По подразделениям">
      <thead>
        <tr>
          <th scope="col">Подразделение</th>
          <th scope="col">Всего</th>
          <th scope="col">≤ 1 ч</th>
          <th scope="col">Просрочено</th>
        </tr>
      </thead>
      <tbody>
        {rows.slice(0, 10).map((d) => (
          <tr key={d.id || 'none'} data-testid="wall-dept-row" data-department={d.id}>
            <td title={d.name}>{d.shortName}</td>
            <td>{d.open}</td>
            <td className={d.dueWithinHour > 0 ? 'wall__warn' : undefined}>{d.dueWithinHour}</td>
            <td className={d.overdue > 0 ? 'wall__bad' : undefined}>{d.overdue}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/**
 * The wall screen (a TV or a second display): large type, dark, nothing to click. Counters, the most
 * urgent incidents with big bars, the rest a page at a time, a banner for a new high-importance incident,
 * and whether the core answers.
 */
export function WallView() {
  const [timeZone, setTimeZone] = useState<string | null>(null);
  const wall = useWall();
  const online = useOnline();
  const link = linkText(online, useSyncStatus());
  useEffect(() => {
    const load = () =>
      Promise.all([api.call('app.info', {}), api.call('worktime.info', {})]).then(
        ([info, workTime]) => {
          installWorkTime(workTime);
          setTimeZone(info.timeZone);
        },
        () => undefined,
      );
    void load();
    return api.on('worktime.changed', () => void load());
  }, []);

  const zone = timeZone ?? 'Europe/Moscow';
  const ready = wall.status === 'ready' && timeZone !== null;
  const c = wall.counters;
  // Departments by their short names, as in the table: a TV's line has no room for «Управление …».
  const shortNames = new Map((c?.departments ?? []).map((d) => [d.id, d.shortName]));
  const departmentOf = (r: QueueRow) =>
    r.departmentId === null ? null : (shortNames.get(r.departmentId) ?? r.departmentName);
  return (
    <div
      className="wall"
      data-testid="wall"
      data-app-state={wall.status === 'failed' ? 'failed' : ready ? 'ready' : 'loading'}
    >
      <header className="wall__header">
        <h1 className="wall__title">Отклик · очередь МЦУ</h1>
        <WallClock timeZone={zone} />
        <span
          className={`wall__status wall__status--${link.tone}`}
          data-testid="wall-status"
          data-online={online}
        >
          {link.text}
        </span>
      </header>
      {wall.banner && (
        <div
          className="wall__banner"
          role="alert"
          data-testid="wall-banner"
          data-incident-id={wall.banner.incidentId}
        >
          <span className="wall__banner-mark" aria-hidden="true">
            ▲
          </span>
          <div>
            <div className="wall__banner-title">{wall.banner.title}</div>
            <div className="wall__banner-body">{wall.banner.body}</div>
          </div>
        </div>
      )}
      <section className="wall__counters" aria-label="Счётчики">
        <Counter label="В очереди" value={c?.open} testId="wall-count-open" />
        <Counter label="Срок в течение часа" value={c?.dueWithinHour} testId="wall-count-hour" tone="warn" />
        <Counter label="Просрочено" value={c?.overdue} testId="wall-count-overdue" tone="bad" />
        <Counter label="Повышенной важности" value={c?.high} testId="wall-count-high" tone="high" />
      </section>
      <div className="wall__body">
        <section className="wall__queue" aria-label="Самые срочные">
          <h2 className="wall__heading">Самые срочные</h2>
          <ol className="wall__urgent">
            {wall.urgent.map((r) => (
              <li
                key={r.id}
                className={`wall__card${r.importance === 'high' ? ' wall__card--high' : ''}`}
                data-testid="wall-urgent-row"
                data-incident-id={r.id}
              >
                <div className="wall__card-head">
                  <span className="wall__topic">{r.topic}</span>
                  <span className="wall__where">{r.location || departmentOf(r) || ''}</span>
                </div>
                <div className="wall__card-text">{r.text}</div>
                <Bar row={r} timeZone={zone} />
              </li>
            ))}
          </ol>
          {wall.urgent.length === 0 && wall.status === 'ready' && (
            <p className="wall__empty">Очередь пуста</p>
          )}
          <h2 className="wall__heading">
            Остальные{' '}
            <span
              className="wall__page"
              data-testid="wall-page"
              data-page={wall.page}
              data-pages={wall.pages}
            >
              стр. {wall.page + 1} из {wall.pages}
            </span>
          </h2>
          <ol className="wall__rest">
            {wall.rest.map((r) => (
              <li
                key={r.id}
                className={`wall__row${r.importance === 'high' ? ' wall__row--high' : ''}`}
                data-testid="wall-page-row"
                data-incident-id={r.id}
              >
                <span className="wall__row-topic">
                  {r.importance === 'high' ? '▲ ' : ''}
                  {r.topic}
                </span>
                <span className="wall__row-status">{departmentOf(r) ?? statusLabel(r.status)}</span>
                <Bar row={r} timeZone={zone} />
              </li>
            ))}
          </ol>
        </section>
        <aside className="wall__side" aria-label="По подразделениям">
          <h2 className="wall__heading">По подразделениям</h2>
          <Departments rows={c?.departments ?? []} />
          <HotspotsPanel variant="wall" />
        </aside>
      </div>
    </div>
  );
}
