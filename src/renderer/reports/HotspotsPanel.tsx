import { useEffect, useState } from 'react';
import { Line, LineChart, ReferenceLine, YAxis } from 'recharts';
import type { HotspotsView } from '../../shared/api/reports';
import type { HotspotRow } from '../../shared/reports';
import { api, ApiCallError } from '../api/client';

const ROWS = 8;
const RELOAD_MS = 30_000;

function Sparkline({ row, large }: { row: HotspotRow; large: boolean }) {
  const data = row.series.map((v, i) => ({ i, v }));
  return (
    <LineChart width={large ? 220 : 130} height={large ? 56 : 30} data={data} aria-hidden="true">
      <YAxis hide domain={[0, Math.max(row.threshold, ...row.series) + 1]} />
      <ReferenceLine y={row.threshold} stroke="#c62828" strokeDasharray="3 3" />
      <Line
        dataKey="v"
        stroke={row.surge ? '#c62828' : '#1e66d0'}
        strokeWidth={large ? 3 : 2}
        dot={false}
        isAnimationActive={false}
      />
    </LineChart>
  );
}

function Rows({ title, rows, large }: { title: string; rows: HotspotRow[]; large: boolean }) {
  const shown = rows.slice(0, ROWS);
  return (
    <div className="hotspots__group">
      <h3>{title}</h3>
      {shown.length === 0 ? (
        <p className="empty">Сообщений за последние недели нет.</p>
      ) : (
        <ul className="hotspots__list">
          {shown.map((r) => (
            <li
              key={r.key}
              className={`hotspots__row${r.surge ? ' hotspots__row--surge' : ''}`}
              data-testid="hotspot-row"
              data-surge={r.surge ? 'true' : 'false'}
            >
              <span className="hotspots__mark" aria-hidden="true">
                {r.surge ? '▲' : '·'}
              </span>
              <span className="hotspots__key">{r.key}</span>
              <span className="hotspots__count">
                {r.count}
                <span className="hotspots__usual"> / обычно {r.median.toLocaleString('ru-RU')}</span>
              </span>
              <Sparkline row={r} large={large} />
              {r.surge && <span className="hotspots__badge">всплеск</span>}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/**
 * Topics and places whose count over the last 7 days is well above their usual level (the rule in
 * src/shared/reports/hotspots.ts). `variant="wall"` is the large, click-free version for the wall screen.
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
  const large = variant === 'wall';
  if (error) return <p className="error">Горячие точки: {error}</p>;
  if (!view) return <p className="empty">Загрузка горячих точек…</p>;
  const known = Math.max(0, ...view.topics.map((t) => t.knownWindows));
  return (
    <section className={`panel hotspots${large ? ' hotspots--wall' : ''}`} data-testid="hotspots">
      <h2>Горячие точки за 7 дней</h2>
      {known < view.rule.minBaselineWindows && (
        <p className="empty">
          Истории пока мало для сравнения: нужно не меньше {view.rule.minBaselineWindows} недель сообщений.
        </p>
      )}
      <div className="hotspots__groups">
        <Rows title="Темы" rows={view.topics} large={large} />
        <Rows title="Места" rows={view.places} large={large} />
      </div>
      {!large && (
        <p className="hint">
          Всплеск — за 7 дней сообщений больше, чем медиана {view.rule.baselineWindows} предыдущих недель плюс
          max({view.rule.k}×1,4826×MAD; {view.rule.minExcess}), и не меньше {view.rule.minCount}. Пунктир —
          порог.
        </p>
      )}
    </section>
  );
}
