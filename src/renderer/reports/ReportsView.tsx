import { useEffect, useState } from 'react';
import type { ProfileSummary } from '../../shared/api/organisation';
import { dayLabel, monthOf, nextMonth, previousMonth, type MonthlyReport } from '../../shared/reports';
import { api, ApiCallError } from '../api/client';
import { currentTime } from '../clock/clock';
import { CriteriaChart, DepartmentsChart, TopicsChart } from './charts';
import { ExportBar } from './ExportBar';
import { dateTime } from './format';
import { HotspotsPanel } from './HotspotsPanel';
import { reportHref, useReportMonth } from './month-route';
import {
  BreachesTable,
  DepartmentsTable,
  DynamicsTable,
  LocationTable,
  QualityFigures,
  RepeatsList,
  SummaryCards,
} from './sections';
import './reports.css';

type Load =
  { kind: 'loading' } | { kind: 'ready'; report: MonthlyReport } | { kind: 'failed'; message: string };

/**
 * The monthly report to the head on screen (issue #8; Новороссийск p.20; Ухта p.22; Сочи 2.4, 2.6, 3.5): the
 * figures per department and in total with the dynamics, charts, quality and satisfaction, the places, the
 * repeats, the breaches, and the hot spots of the last week. `#/reports/2026-03` opens a given month.
 */
export function ReportsView({ timeZone }: { timeZone: string }) {
  const routeMonth = useReportMonth();
  const month = routeMonth ?? monthOf(currentTime(), timeZone);
  const [profiles, setProfiles] = useState<ProfileSummary[]>([]);
  const [profileId, setProfileId] = useState<string | undefined>(undefined);
  const key = `${month}|${profileId ?? ''}`;
  const [loaded, setLoaded] = useState<(Load & { key: string }) | null>(null);
  const load: Load = loaded && loaded.key === key ? loaded : { kind: 'loading' };

  useEffect(() => {
    api.call('org.get', {}).then(
      (org) => setProfiles(org.profiles),
      () => setProfiles([]),
    );
  }, []);

  useEffect(() => {
    let live = true;
    api.call('reports.monthly.get', { month, ...(profileId ? { profileId } : {}) }).then(
      (report) => live && setLoaded({ key, kind: 'ready', report }),
      (e: unknown) =>
        live &&
        setLoaded({
          key,
          kind: 'failed',
          message: e instanceof ApiCallError ? e.message : 'Нет связи с рабочим местом',
        }),
    );
    return () => {
      live = false;
    };
  }, [key, month, profileId]);

  return (
    <div className="reports" data-testid="reports" data-report-state={load.kind}>
      <div className="reports__bar">
        <h2 className="reports__title">Отчёт главе за месяц</h2>
        <nav className="reports__months" aria-label="Месяц">
          <a href={reportHref(previousMonth(month))} aria-label="Предыдущий месяц">
            ‹
          </a>
          <input
            type="month"
            aria-label="Отчётный месяц"
            value={month}
            onChange={(e) => {
              if (e.target.value) window.location.hash = reportHref(e.target.value);
            }}
          />
          <a href={reportHref(nextMonth(month))} aria-label="Следующий месяц">
            ›
          </a>
        </nav>
        <label>
          Регламент{' '}
          <select value={profileId ?? ''} onChange={(e) => setProfileId(e.target.value || undefined)}>
            <option value="">действующий</option>
            {profiles.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </label>
        <ExportBar month={month} profileId={profileId} />
      </div>

      {load.kind === 'loading' && <p className="empty">Формируется отчёт…</p>}
      {load.kind === 'failed' && (
        <p className="error" role="alert">
          Не удалось сформировать отчёт: {load.message}
        </p>
      )}
      {load.kind === 'ready' && <Report report={load.report} timeZone={timeZone} />}

      <HotspotsPanel />
    </div>
  );
}

function Report({ report, timeZone }: { report: MonthlyReport; timeZone: string }) {
  const props = { report, timeZone };
  return (
    <>
      <p className="reports__meta">
        {report.monthLabel} · {report.profile.name} · данные на {dateTime(report.asOf, timeZone)} · срок
        представления главе — {dayLabel(report.deadline)}
      </p>
      <SummaryCards {...props} />
      <div className="reports__grid">
        <section className="panel">
          <h2>Ответы по подразделениям</h2>
          <DepartmentsChart report={report} />
        </section>
        <section className="panel">
          <h2>Динамика к предыдущему месяцу</h2>
          <DynamicsTable {...props} />
        </section>
      </div>
      <section className="panel">
        <h2>Результаты по подразделениям</h2>
        <DepartmentsTable {...props} />
      </section>
      <div className="reports__grid">
        <section className="panel">
          <h2>Качество: возвраты на доработку по критериям</h2>
          <CriteriaChart report={report} />
          <QualityFigures {...props} />
        </section>
        <section className="panel">
          <h2>Темы сообщений</h2>
          <TopicsChart report={report} />
        </section>
      </div>
      <section className="panel">
        <h2>Места</h2>
        <LocationTable {...props} />
      </section>
      <section className="panel">
        <h2>Повторные сообщения и ранее данные ответы</h2>
        <RepeatsList {...props} />
      </section>
      <section className="panel">
        <h2>Нарушения сроков</h2>
        <BreachesTable {...props} />
      </section>
      {report.hotspots.length > 0 && (
        <section className="panel" data-testid="month-hotspots">
          <h2>Всплески за месяц</h2>
          <ul>
            {report.hotspots.map((h) => (
              <li key={`${h.dimension}-${h.key}`}>
                {h.dimension === 'topic' ? 'Тема' : 'Место'} «{h.key}»: {h.count} сообщений за 7 дней до{' '}
                {dateTime(h.windowEnd, timeZone)} при обычных {h.median.toLocaleString('ru-RU')}
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
