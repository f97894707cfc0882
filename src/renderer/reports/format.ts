/** Numbers, shares and dates of the reports screen, in ru-RU and the organisation's zone. */

export function count(v: number | null): string {
  return v === null ? '—' : v.toLocaleString('ru-RU');
}

export function percent(v: number | null): string {
  return v === null ? '—' : `${(v * 100).toLocaleString('ru-RU', { maximumFractionDigits: 1 })} %`;
}

/** Working minutes as hours: «3,5 ч раб.». */
export function workingHours(minutes: number | null): string {
  return minutes === null
    ? '—'
    : `${(minutes / 60).toLocaleString('ru-RU', { maximumFractionDigits: 1 })} ч раб.`;
}

export function dateTime(ms: number | null, timeZone: string): string {
  if (ms === null) return '—';
  return new Intl.DateTimeFormat('ru-RU', {
    timeZone,
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(ms);
}

export function date(ms: number, timeZone: string): string {
  return new Intl.DateTimeFormat('ru-RU', { timeZone, day: '2-digit', month: '2-digit' }).format(ms);
}

/** A change with its sign; shares in percentage points. */
export function delta(v: number | null, unit: 'count' | 'share' | 'hours'): string {
  if (v === null) return '—';
  if (v === 0) return '0';
  const sign = v > 0 ? '+' : '−';
  const abs = Math.abs(v);
  if (unit === 'share')
    return `${sign}${(abs * 100).toLocaleString('ru-RU', { maximumFractionDigits: 1 })} п.п.`;
  return `${sign}${abs.toLocaleString('ru-RU', { maximumFractionDigits: 1 })}`;
}

export function value(v: number | null, unit: 'count' | 'share' | 'hours'): string {
  if (unit === 'share') return percent(v);
  if (unit === 'hours') return v === null ? '—' : v.toLocaleString('ru-RU', { maximumFractionDigits: 1 });
  return count(v);
}
