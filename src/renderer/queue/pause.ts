import { wallClockOf } from '../../shared/worktime/zone';

const WEEKDAY: readonly string[] = ['пн', 'вт', 'ср', 'чт', 'пт', 'сб', 'вс'];
const DAY_MS = 24 * 60 * 60 * 1000;

type Local = { y: number; m: number; d: number; hh: string; mm: string; weekday: number };

/** The zone's wall clock, from the offsets the core sent (no Intl on the first screen). */
function local(ms: number, zone: string): Local {
  const t = wallClockOf(zone).local(ms);
  return {
    y: t.year,
    m: t.month,
    d: t.day,
    hh: String(t.hour).padStart(2, '0'),
    mm: String(t.minute).padStart(2, '0'),
    weekday: t.weekday - 1,
  };
}

/**
 * When the clocks start again, as the bars say it: «09:00» later today, «09:00 пн» within a week,
 * «09:00 пн 12.01» further away (long holidays). In the organisation's zone.
 */
export function formatOpening(opening: number, now: number, zone: string): string {
  const at = local(opening, zone);
  const today = local(now, zone);
  const time = `${at.hh}:${at.mm}`;
  const days = Math.round(
    (Date.UTC(at.y, at.m - 1, at.d) - Date.UTC(today.y, today.m - 1, today.d)) / DAY_MS,
  );
  if (days <= 0) return time;
  const weekday = `${time} ${WEEKDAY[at.weekday] ?? ''}`.trim();
  if (days < 7) return weekday;
  return `${weekday} ${String(at.d).padStart(2, '0')}.${String(at.m).padStart(2, '0')}`;
}

/** «часы не идут до 09:00 пн» */
export function pausedText(opening: number, now: number, zone: string): string {
  return `часы не идут до ${formatOpening(opening, now, zone)}`;
}
