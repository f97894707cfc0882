import { useEffect, useState, type ReactNode } from 'react';
import { Line, LineChart, ReferenceLine, YAxis } from 'recharts';
import type { HotspotsView } from '../../shared/api/reports';
import { compareHotspots, type HotspotRow } from '../../shared/reports';
import { api, ApiCallError } from '../api/client';

const ROWS = 8;
const RELOAD_MS = 30_000;

function Sparkline({ row }: { row: HotspotRow }) {
  const data = row.series.map((v, i) => ({ i, v }));
  return (
    <LineChart width={130} height={30} data={data} aria-hidden="true">
      <YAxis hide domain={[0, Math.max(row.threshold, ...row.series) + 1]} />
      <ReferenceLine y={row.threshold} stroke="#c62828" strokeDasharray="3 3" />
      <Line
        dataKey="v"
        stroke={row.surge ? '#c62828' : '#1e66d0'}
        strokeWidth={2}
        dot={false}
        isAnimationActive={false}
      />
    </LineChart>
  );
}

/** A topic or place: its mark, its name, and its count against its usual level; then what the screen adds. */
function Item({ row, children }: { row: HotspotRow; children?: ReactNode }) {
  return (
    <li
      className={`hotspots__row${row.surge ? ' hotspots__row--surge' : ''}`}
      data-testid="hotspot-row"
      data-surge={row.surge ? 'true' : 'false'}
    >
      <span className="hotspots__mark" aria-hidden="true">
        {row.surge ? '▲' : '·'}
      </span>
      <span className="hotspots__key">{row.key}</span>
      <span className="hotspots__count">
        {row.count}
        <span className="hotspots__usual"> / обычно {row.median.toLocaleString('ru-RU')}</span>
      </span>
      {children}
    </li>
  );
}

function Rows({ title, rows }: { title: string; rows: HotspotRow[] }) {
  const shown = rows.slice(0, ROWS);
  return (
    <div className="hotspots__group">
      <h3>{title}</h3>
      {shown.length === 0 ? (
        <p className="empty">Сообщений за последние недели нет.</p>
      ) : (
        <ul className="hotspots__list">
          {shown.map((r) => (
            <Item key={r.key} row={r}>
              <Sparkline row={r} />
              {r.surge && <span className="hotspots__badge">всплеск</span>}
            </Item>
          ))}
        </ul>
      )}
    </div>
  );
}

/**
 * Topics and places whose count over the last 7 days is well above their usual level (the rule in
 * src/shared/reports/hotspots.ts). `variant="wall"`: the surges alone, large and click-free (`WallHotspots`).
 */
export function HotspotsPanel({ variant = 'dashboard' }: { variant?: 'dashboard' | 'wall' }) {
  const [view, setView] = useState<HotspotsView | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    const load = () =>
      api.call('reports.hotspots.get', {}).then(
        (v) => {
          setView(v);
          setError(null);
        },
        (e: unknown) => setError(e instanceof ApiCallError ? e.message : 'Нет связи с рабочим местом'),
      );
    void load();
    // New messages change the counts; a live feed adds one every few seconds, so re-read at most twice a minute.
    let timer: ReturnType<typeof setTimeout> | null = null;
    const off = api.on('queue.changed', (e) => {
      if (e.reason === 'updated' || timer) return;
      timer = setTimeout(() => {
        timer = null;
        void load();
      }, RELOAD_MS);
    });
    return () => {
      off();
      if (timer) clearTimeout(timer);
    };
  }, []);
  if (error) return <p className="error">Горячие точки: {error}</p>;
  if (!view) return <p className="empty">Загрузка горячих точек…</p>;
  const known = Math.max(0, ...view.topics.map((t) => t.knownWindows));
  if (variant === 'wall')
    return <WallHotspots view={view} enoughHistory={known >= view.rule.minBaselineWindows} />;
  return (
    <section className="panel hotspots" data-testid="hotspots">
      <h2>Горячие точки за 7 дней</h2>
      {known < view.rule.minBaselineWindows && (
        <p className="empty">
          Истории пока мало для сравнения: нужно не меньше {view.rule.minBaselineWindows} недель сообщений.
        </p>
      )}
      <div className="hotspots__groups">
        <Rows title="Темы" rows={view.topics} />
        <Rows title="Места" rows={view.places} />
      </div>
      <p className="hint">
        Всплеск — за 7 дней сообщений больше, чем медиана {view.rule.baselineWindows} предыдущих недель плюс
        max({view.rule.k}×1,4826×MAD; {view.rule.minExcess}), и не меньше {view.rule.minCount}. Пунктир —
        порог.
      </p>
    </section>
  );
}

/** Rows the wall has room for under the departments' table. */
const WALL_ROWS = 3;

/**
 * The wall's hot spots: only the surges, the largest first, at most three; or a line saying there are
 * none. All eight topics and places with their charts are the dashboard's: under the departments' table a
 * TV has room for three rows, and the list was cut off mid-row at the screen's edge.
 */
function WallHotspots({ view, enoughHistory }: { view: HotspotsView; enoughHistory: boolean }) {
  const surges = [...view.topics, ...view.places]
    .filter((r) => r.surge)
    .sort(compareHotspots)
    .slice(0, WALL_ROWS);
  return (
    <section className="panel hotspots hotspots--wall" data-testid="hotspots">
      <h2 className="wall__heading">Всплески за 7 дней</h2>
      {!enoughHistory ? (
        <p className="empty">Истории пока мало для сравнения</p>
      ) : surges.length === 0 ? (
        <p className="empty" data-testid="hotspots-none">
          Всплесков нет
        </p>
      ) : (
        <ul className="hotspots__list">
          {surges.map((r) => (
            <Item key={r.key} row={r} />
          ))}
        </ul>
      )}
    </section>
  );
}
