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

const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();

/** ru-RU, 24-hour, in the organisation's zone (ux.md). */
export function formatDateTime(ms: number, timeZone: string): string {
  let f = dateTimeFormats.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('ru-RU', {
      timeZone,
      day: '2-digit',
      month: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    dateTimeFormats.set(timeZone, f);
  }
  return f.format(ms);
}
