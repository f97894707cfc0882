import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { MonthlyReport } from '../../shared/reports';

/** Colours that stay apart for colour-blind readers (Okabe–Ito), with labels on every series. */
const COLOR = {
  onTime: '#009E73',
  late: '#D55E00',
  waiting: '#E69F00',
  closed: '#999999',
  current: '#0072B2',
  previous: '#9ecae1',
  rework: '#CC79A7',
} as const;

const tooltipFormatter = (v: unknown) => (typeof v === 'number' ? v.toLocaleString('ru-RU') : String(v));

/** Per department: answers on time, late, still waiting, and closed without an answer or as repeats. */
export function DepartmentsChart({ report }: { report: MonthlyReport }) {
  const data = report.departments.map((d) => ({
    name: d.shortName,
    onTime: d.figures.answeredOnTime,
    late: d.figures.answeredLate,
    waiting: d.figures.awaitingAnswer,
    closed: d.figures.closedNoAnswer + d.figures.closedAsRepeat,
  }));
  if (data.length === 0) return <p className="empty">Сообщений за месяц нет.</p>;
  return (
    <div className="chart" data-testid="chart-departments" role="img" aria-label="Ответы по подразделениям">
      <ResponsiveContainer width="100%" height={Math.max(220, 44 * data.length + 60)}>
        <BarChart data={data} layout="vertical" margin={{ left: 8, right: 24 }}>
          <CartesianGrid strokeDasharray="3 3" horizontal={false} />
          <XAxis type="number" allowDecimals={false} />
          <YAxis type="category" dataKey="name" width={150} />
          <Tooltip formatter={tooltipFormatter} />
          <Legend />
          <Bar
            dataKey="onTime"
            name="Ответ в срок"
            stackId="a"
            fill={COLOR.onTime}
            isAnimationActive={false}
          />
          <Bar
            dataKey="late"
            name="С нарушением срока"
            stackId="a"
            fill={COLOR.late}
            isAnimationActive={false}
          />
          <Bar
            dataKey="waiting"
            name="Ожидают ответа"
            stackId="a"
            fill={COLOR.waiting}
            isAnimationActive={false}
          />
          <Bar
            dataKey="closed"
            name="Без ответа / повторные"
            stackId="a"
            fill={COLOR.closed}
            isAnimationActive={false}
          />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}

/** The most frequent topics of the month against the month before. */
export function TopicsChart({ report }: { report: MonthlyReport }) {
  const data = report.topics
    .slice(0, 10)
    .map((t) => ({ name: t.topic, current: t.count, previous: t.previous }));
  if (data.length === 0) return null;
  return (
    <div className="chart" data-testid="chart-topics" role="img" aria-label="Темы сообщений">
      <ResponsiveContainer width="100%" height={260}>
        <BarChart data={data} margin={{ left: 0, right: 16, bottom: 40 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="name" interval={0} angle={-25} textAnchor="end" height={60} />
          <YAxis allowDecimals={false} />
          <Tooltip formatter={tooltipFormatter} />
          <Legend verticalAlign="top" />
          <Bar
            dataKey="previous"
            name={report.previousMonthLabel}
            fill={COLOR.previous}
            isAnimationActive={false}
          />
          <Bar dataKey="current" name={report.monthLabel} fill={COLOR.current} isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}

/** Returns for rework by criterion. */
export function CriteriaChart({ report }: { report: MonthlyReport }) {
  const data = report.criteria
    .filter((c) => c.returns > 0)
    .map((c) => ({ name: c.label, returns: c.returns }));
  if (data.length === 0) return <p className="empty">Возвратов на доработку не было.</p>;
  return (
    <div
      className="chart"
      data-testid="chart-criteria"
      role="img"
      aria-label="Возвраты на доработку по критериям"
    >
      <ResponsiveContainer width="100%" height={Math.max(160, 34 * data.length + 40)}>
        <BarChart data={data} layout="vertical" margin={{ left: 8, right: 24 }}>
          <CartesianGrid strokeDasharray="3 3" horizontal={false} />
          <XAxis type="number" allowDecimals={false} />
          <YAxis type="category" dataKey="name" width={220} />
          <Tooltip formatter={tooltipFormatter} />
          <Bar dataKey="returns" name="Возвратов" fill={COLOR.rework} isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
