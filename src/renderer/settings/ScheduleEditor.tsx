import { useState } from 'react';
import type { OrganisationSettings } from '../../shared/api/organisation';
import type { IsoWeekday, WeeklySchedule } from '../../shared/worktime';
import { api, ApiCallError } from '../api/client';
import { rangesToText, textToRanges } from './schedule-text';

const WEEKDAYS: Array<[IsoWeekday, string]> = [
  [1, 'Понедельник'],
  [2, 'Вторник'],
  [3, 'Среда'],
  [4, 'Четверг'],
  [5, 'Пятница'],
  [6, 'Суббота'],
  [7, 'Воскресенье'],
];

type Props = { org: OrganisationSettings; onChange: (org: OrganisationSettings) => void };

export function ScheduleEditor({ org, onChange }: Props) {
  const [days, setDays] = useState(() => WEEKDAYS.map(([d]) => rangesToText(org.schedule.days[d])));
  const [zone, setZone] = useState(org.schedule.zone);
  const [cut, setCut] = useState(String(org.schedule.shortenedDayCutMinutes));
  const [production, setProduction] = useState(org.productionCalendar);
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);

  const save = async () => {
    const parsed = days.map(textToRanges);
    const bad = parsed.findIndex((p) => typeof p === 'string');
    if (bad >= 0) {
      setMessage({ kind: 'error', text: `${WEEKDAYS[bad]?.[1] ?? ''}: ${String(parsed[bad])}` });
      return;
    }
    const schedule: WeeklySchedule = {
      zone: zone.trim(),
      shortenedDayCutMinutes: Number(cut),
      days: Object.fromEntries(WEEKDAYS.map(([d], i) => [d, parsed[i]])) as WeeklySchedule['days'],
    };
    try {
      onChange(await api.call('org.setSchedule', { schedule, productionCalendar: production }));
      setMessage({ kind: 'ok', text: 'График сохранён, сроки пересчитаны.' });
    } catch (e) {
      setMessage({
        kind: 'error',
        text: e instanceof ApiCallError ? e.message : 'Не удалось сохранить график',
      });
    }
  };

  return (
    <form
      className="form"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      {WEEKDAYS.map(([d, label], i) => (
        <label key={d} className="form__row">
          <span>{label}</span>
          <input
            value={days[i]}
            placeholder="выходной"
            onChange={(e) => setDays(days.map((v, j) => (j === i ? e.target.value : v)))}
          />
        </label>
      ))}
      <label className="form__row">
        <span>Часовой пояс</span>
        <input value={zone} onChange={(e) => setZone(e.target.value)} />
      </label>
      <label className="form__row">
        <span>Сокращение предпраздничного дня, мин</span>
        <input type="number" min={0} max={480} value={cut} onChange={(e) => setCut(e.target.value)} />
      </label>
      <label className="form__row form__row--check">
        <input type="checkbox" checked={production} onChange={(e) => setProduction(e.target.checked)} />
        <span>Учитывать производственный календарь РФ (праздники, переносы, сокращённые дни)</span>
      </label>
      <div className="form__actions">
        <button type="submit">Сохранить график</button>
        {message && (
          <span className={message.kind === 'ok' ? 'ok' : 'error'} role="status">
            {message.text}
          </span>
        )}
      </div>
    </form>
  );
}
