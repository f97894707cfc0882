import {
  FIGURE_LABEL,
  REACTION_LABEL,
  TOTAL_LABEL,
  type Figures,
  type MonthlyReport,
} from '../../shared/reports';
import { STATUS_LABEL } from '../../shared/workflow';
import { hrefOf } from '../app/route';
import { count, dateTime, delta, percent, value, workingHours } from './format';

type Props = { report: MonthlyReport; timeZone: string };

/** The head's figures at a glance, each with its change against the month before. */
export function SummaryCards({ report }: Props) {
  const t = report.total;
  const p = report.previousTotal;
  const cards: Array<{ id: string; label: string; value: string; change: string; tone?: 'bad' | 'ok' }> = [
    {
      id: 'received',
      label: FIGURE_LABEL.received,
      value: count(t.received),
      change: delta(t.received - p.received, 'count'),
    },
    {
      id: 'on-time',
      label: FIGURE_LABEL.onTimeShare,
      value: percent(t.onTimeShare),
      change: delta(
        t.onTimeShare === null || p.onTimeShare === null ? null : t.onTimeShare - p.onTimeShare,
        'share',
      ),
    },
    {
      id: 'late',
      label: FIGURE_LABEL.answeredLate,
      value: count(t.answeredLate),
      change: delta(t.answeredLate - p.answeredLate, 'count'),
      tone: t.answeredLate > 0 ? 'bad' : undefined,
    },
    {
      id: 'overdue',
      label: FIGURE_LABEL.overdueNow,
      value: count(t.overdueNow),
      change: `в работе ${count(t.open)}`,
      tone: t.overdueNow > 0 ? 'bad' : 'ok',
    },
    {
      id: 'median',
      label: 'Медиана времени до ответа',
      value: workingHours(t.publishMinutesMedian),
      change: `среднее ${workingHours(t.publishMinutesAvg)}`,
    },
    {
      id: 'first-pass',
      label: FIGURE_LABEL.firstPassShare,
      value: percent(t.firstPassShare),
      change: `возвратов ${count(t.reworkReturns)}`,
    },
    {
      id: 'repeats',
      label: FIGURE_LABEL.repeats,
      value: count(t.repeats),
      change: `с новыми фактами ${count(t.repeatsWithNewFacts)}`,
    },
    {
      id: 'satisfaction',
      label: FIGURE_LABEL.satisfactionShare,
      value: percent(t.satisfactionShare),
      change: `отзывов ${count(t.reactions.positive + t.reactions.neutral + t.reactions.negative)}`,
    },
  ];
  return (
    <div className="kpis">
      {cards.map((c) => (
        <div key={c.id} className={`kpi${c.tone ? ` kpi--${c.tone}` : ''}`} data-testid={`kpi-${c.id}`}>
          <div className="kpi__label">{c.label}</div>
          <div className="kpi__value">{c.value}</div>
          <div className="kpi__change">{c.change}</div>
        </div>
      ))}
    </div>
  );
}

const DEPARTMENT_COLUMNS: Array<{
  key: keyof Figures & keyof typeof FIGURE_LABEL;
  unit: 'count' | 'share' | 'hours';
}> = [
  { key: 'received', unit: 'count' },
  { key: 'answeredOnTime', unit: 'count' },
  { key: 'answeredLate', unit: 'count' },
  { key: 'onTimeShare', unit: 'share' },
  { key: 'open', unit: 'count' },
  { key: 'overdueNow', unit: 'count' },
  { key: 'reworkReturns', unit: 'count' },
  { key: 'firstPassShare', unit: 'share' },
  { key: 'interim', unit: 'count' },
  { key: 'finalOnTime', unit: 'count' },
  { key: 'publishMinutesMedian', unit: 'hours' },
  { key: 'closedNoAnswer', unit: 'count' },
  { key: 'repeats', unit: 'count' },
  { key: 'satisfactionShare', unit: 'share' },
];

function cell(f: Figures, key: keyof Figures, unit: 'count' | 'share' | 'hours'): string {
  const v = f[key];
  if (typeof v !== 'number' && v !== null) return '—';
  return value(v === null ? null : unit === 'hours' ? v / 60 : v, unit);
}

export function DepartmentsTable({ report }: Props) {
  const rows = [
    ...report.departments.map((d) => ({
      id: d.departmentId ?? 'mcu',
      name: d.name,
      f: d.figures,
      prev: d.previous.received,
    })),
    { id: 'total', name: TOTAL_LABEL, f: report.total, prev: report.previousTotal.received },
  ];
  return (
    <div className="table-scroll">
      <table className="report-table" data-testid="departments-table">
        <thead>
          <tr>
            <th>Подразделение</th>
            {DEPARTMENT_COLUMNS.map((c) => (
              <th key={c.key}>{FIGURE_LABEL[c.key]}</th>
            ))}
            <th>Поступило ({report.previousMonthLabel})</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr
              key={r.id}
              className={r.id === 'total' ? 'report-table__total' : undefined}
              data-department={r.id}
            >
              <th scope="row">{r.name}</th>
              {DEPARTMENT_COLUMNS.map((c) => (
                <td key={c.key} data-figure={c.key}>
                  {cell(r.f, c.key, c.unit)}
                </td>
              ))}
              <td>{count(r.prev)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function DynamicsTable({ report }: Props) {
  return (
    <table className="report-table report-table--narrow" data-testid="dynamics-table">
      <thead>
        <tr>
          <th>Показатель</th>
          <th>{report.previousMonthLabel}</th>
          <th>{report.monthLabel}</th>
          <th>Изменение</th>
        </tr>
      </thead>
      <tbody>
        {report.dynamics.map((d) => {
          const good =
            d.delta === null || d.delta === 0 || d.better === 'neutral'
              ? ''
              : d.delta > 0 === (d.better === 'up')
                ? 'delta--good'
                : 'delta--bad';
          return (
            <tr key={d.key}>
              <th scope="row">{d.label}</th>
              <td>{value(d.previous, d.unit)}</td>
              <td>{value(d.current, d.unit)}</td>
              <td className={good}>{delta(d.delta, d.unit)}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

export function QualityFigures({ report }: Props) {
  const t = report.total;
  return (
    <div className="quality">
      <p>
        Согласовано с первого раза: <strong>{count(t.firstPassAnswers)}</strong> из {count(t.approvedAnswers)}{' '}
        ({percent(t.firstPassShare)}). Промежуточных ответов: {count(t.interim)}, окончательный в срок:{' '}
        {count(t.finalOnTime)}, с нарушением: {count(t.finalLate)}, просрочен: {count(t.finalOverdue)}.
      </p>
      <table className="report-table report-table--narrow" data-testid="satisfaction-table">
        <thead>
          <tr>
            <th>Подразделение</th>
            <th>{REACTION_LABEL.positive}</th>
            <th>{REACTION_LABEL.neutral}</th>
            <th>{REACTION_LABEL.negative}</th>
            <th>Доля довольных</th>
          </tr>
        </thead>
        <tbody>
          {[
            ...report.departments.map((d) => ({ name: d.name, f: d.figures })),
            { name: TOTAL_LABEL, f: t },
          ].map((r) => (
            <tr key={r.name}>
              <th scope="row">{r.name}</th>
              <td>{count(r.f.reactions.positive)}</td>
              <td>{count(r.f.reactions.neutral)}</td>
              <td>{count(r.f.reactions.negative)}</td>
              <td>{percent(r.f.satisfactionShare)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="hint">Отзывы авторов учитываются, когда сотрудник МЦУ их отметил.</p>
    </div>
  );
}

/** The places of the month, street by street, without a map. */
export function LocationTable({ report }: Props) {
  if (report.locations.length === 0) return <p className="empty">Мест за месяц нет.</p>;
  return (
    <div className="table-scroll table-scroll--tall">
      <table className="report-table" data-testid="location-table">
        <thead>
          <tr>
            <th>Район</th>
            <th>Место</th>
            <th>{report.monthLabel}</th>
            <th>{report.previousMonthLabel}</th>
            <th>В работе</th>
            <th>Просрочено</th>
            <th>Повторных</th>
            <th>Главная тема</th>
          </tr>
        </thead>
        <tbody>
          {report.locations.map((l) => (
            <tr key={l.place}>
              <td>{l.district}</td>
              <th scope="row">{l.place}</th>
              <td>{count(l.count)}</td>
              <td>{count(l.previous)}</td>
              <td>{count(l.open)}</td>
              <td className={l.overdueNow > 0 ? 'delta--bad' : undefined}>{count(l.overdueNow)}</td>
              <td>{count(l.repeats)}</td>
              <td>{l.topTopic}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Repeated messages with the earlier answer they repeat (Ухта p.17; Сочи 2.6). */
export function RepeatsList({ report, timeZone }: Props) {
  if (report.repeats.length === 0) return <p className="empty">Повторных сообщений не было.</p>;
  return (
    <div>
      <ul className="repeats" data-testid="repeats">
        {report.repeats.map((g) => (
          <li key={g.earlierIncidentId} className="repeats__group">
            <div className="repeats__earlier">
              <a href={hrefOf('incident', g.earlierIncidentId)}>Ранее</a>
              {g.earlier && (
                <>
                  {' '}
                  {dateTime(g.earlier.detectedAt, timeZone)} · {g.earlier.topic} · {g.earlier.location}
                  {g.earlier.departmentName ? ` · ${g.earlier.departmentName}` : ''}
                </>
              )}
              <div>
                Ответ:{' '}
                <a href={g.earlierAnswerUrl} target="_blank" rel="noreferrer noopener">
                  {g.earlierAnswerUrl}
                </a>
                {g.earlier?.answeredAt ? ` (${dateTime(g.earlier.answeredAt, timeZone)})` : ''}
              </div>
            </div>
            <ul className="repeats__items">
              {g.repeats.map((r) => (
                <li key={r.incidentId}>
                  <a href={hrefOf('incident', r.incidentId)}>{dateTime(r.detectedAt, timeZone)}</a> —{' '}
                  {r.authorName}: {r.text.length > 140 ? `${r.text.slice(0, 140)}…` : r.text}{' '}
                  <span className="tag">{r.newFacts ? 'новые факты' : 'без новых фактов'}</span>{' '}
                  <span className="tag">{STATUS_LABEL[r.status]}</span>
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
      <p>
        По темам:{' '}
        {report.repeatCauses
          .map((c) => `${c.topic} — ${c.repeats} (с новыми фактами ${c.withNewFacts})`)
          .join('; ')}
      </p>
    </div>
  );
}

/** Breaches with who held the incident at the deadline (Ставрополь p.23; Ухта p.20). */
export function BreachesTable({ report, timeZone }: Props) {
  if (report.breaches.length === 0) return <p className="empty">Нарушений сроков не было.</p>;
  return (
    <div className="table-scroll table-scroll--tall">
      <table className="report-table" data-testid="breaches-table">
        <thead>
          <tr>
            <th>Сообщение</th>
            <th>Этап</th>
            <th>Подразделение</th>
            <th>Срок</th>
            <th>Выполнено</th>
            <th>Просрочка</th>
            <th>Вел сообщение в момент срока</th>
            <th>Выполнил</th>
          </tr>
        </thead>
        <tbody>
          {report.breaches.map((b) => (
            <tr key={`${b.incidentId}-${b.stageId}`} className={b.primary ? 'breach--primary' : undefined}>
              <td>
                <a href={hrefOf('incident', b.incidentId)}>{dateTime(b.detectedAt, timeZone)}</a>
                <div className="hint">{b.topic}</div>
              </td>
              <td>
                {b.stageTitle}
                <div className="hint">{b.clause}</div>
              </td>
              <td>{b.departmentName}</td>
              <td>{dateTime(b.deadline, timeZone)}</td>
              <td>{b.doneAt === null ? 'не выполнено' : dateTime(b.doneAt, timeZone)}</td>
              <td>{workingHours(b.overdueMinutes)}</td>
              <td>
                {b.holder.unit}
                <div>
                  {b.holder.personName ?? '—'} <span className="hint">({b.holder.basis})</span>
                </div>
              </td>
              <td>{b.completedBy ?? '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
