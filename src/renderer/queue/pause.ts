import { wallClockOf } from '../../shared/worktime/zone';
import { pad2 } from '../i18n/labels';

const WEEKDAY: readonly string[] = ['пн', 'вт', 'ср', 'чт', 'пт', 'сб', 'вс'];
const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * When the clocks start again, as the bars say it: «09:00» later today, «09:00 пн» within a week,
 * «09:00 пн 12.01» further away (long holidays). In the organisation's zone.
 */
export function formatOpening(opening: number, now: number, zone: string): string {
  // The zone's wall clock from the offsets the core sent: no Intl on the first screen.
  const clock = wallClockOf(zone);
  const at = clock.local(opening);
  const today = clock.local(now);
  const time = `${pad2(at.hour)}:${pad2(at.minute)}`;
  const days = Math.round(
    (Date.UTC(at.year, at.month - 1, at.day) - Date.UTC(today.year, today.month - 1, today.day)) / DAY_MS,
  );
  if (days <= 0) return time;
  const weekday = `${time} ${WEEKDAY[at.weekday - 1] ?? ''}`.trim();
  if (days < 7) return weekday;
  return `${weekday} ${pad2(at.day)}.${pad2(at.month)}`;
}

/** «часы не идут до 09:00 пн» */
export function pausedText(opening: number, now: number, zone: string): string {
  return `часы не идут до ${formatOpening(opening, now, zone)}`;
}
