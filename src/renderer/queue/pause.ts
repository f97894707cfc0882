const WEEKDAY: readonly string[] = ['пн', 'вт', 'ср', 'чт', 'пт', 'сб', 'вс'];
const DAY_MS = 24 * 60 * 60 * 1000;

type Local = { y: number; m: number; d: number; hh: string; mm: string; weekday: number };

const formats = new Map<string, Intl.DateTimeFormat>();

function local(ms: number, zone: string): Local {
  let f = formats.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', {
      timeZone: zone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      weekday: 'short',
      hourCycle: 'h23',
    });
    formats.set(zone, f);
  }
  const parts = Object.fromEntries(f.formatToParts(ms).map((p) => [p.type, p.value]));
  const weekday = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'].indexOf(parts.weekday ?? '');
  return {
    y: Number(parts.year),
    m: Number(parts.month),
    d: Number(parts.day),
    hh: parts.hour ?? '00',
    mm: parts.minute ?? '00',
    weekday,
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
