import { wallClockOf } from '../../shared/worktime/zone';
import type { IncidentSource, Network } from '../../shared/domain/incident';

export const NETWORK_LABEL: Record<Network, string> = {
  vk: 'ВКонтакте',
  ok: 'Одноклассники',
  telegram: 'Telegram',
  pos: 'ПОС',
  other: 'Другое',
};

export const SOURCE_LABEL: Record<IncidentSource, string> = {
  im: 'ИМ',
  pos: 'ПОС',
  manual: 'Вручную',
  import: 'Импорт',
};

/** Where an incident came from: «ИМ · ВКонтакте»; the feedback platform once, «ПОС», not «ПОС · ПОС». */
export function originLabel(source: IncidentSource, network: Network): string {
  const from = SOURCE_LABEL[source];
  const where = NETWORK_LABEL[network];
  return from === where ? from : `${from} · ${where}`;
}

export { STATUS_LABEL } from '../../shared/workflow/labels';

/** «2 ч 15 мин» — working time, rounded down to the minute. */
export function formatDuration(minutes: number): string {
  const total = Math.floor(Math.abs(minutes));
  const h = Math.floor(total / 60);
  const m = total % 60;
  if (h === 0) return `${m} мин`;
  return m === 0 ? `${h} ч` : `${h} ч ${m} мин`;
}

export function formatTimeLeft(minutes: number): string {
  return minutes >= 0
    ? `осталось ${formatDuration(minutes)} раб.`
    : `просрочен на ${formatDuration(minutes)} раб.`;
}

/** Two digits: «05». */
export const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));

/**
 * «06.01, 09:05» — ru-RU day, month and 24-hour time in the organisation's zone (ux.md), as
 * `Intl.DateTimeFormat('ru-RU', { day, month, hour, minute: '2-digit', hourCycle: 'h23' })` writes it.
 * Read from the zone's offsets the core sent: the first screen's dates load no Intl data (20–30 ms of
 * the page's thread on a first use).
 */
export function formatDateTime(ms: number, timeZone: string): string {
  const t = wallClockOf(timeZone).local(ms);
  return `${pad2(t.day)}.${pad2(t.month)}, ${pad2(t.hour)}:${pad2(t.minute)}`;
}
