import type { TimeRange } from '../../shared/worktime';

/** «09:00–13:00, 14:00–18:00» ⇄ ranges, for editing a day of the weekly schedule as text. */
export function rangesToText(ranges: readonly TimeRange[]): string {
  return ranges.map((r) => `${r.start}–${r.end}`).join(', ');
}

export function textToRanges(text: string): TimeRange[] | string {
  const trimmed = text.trim();
  if (trimmed === '' || trimmed === '—' || trimmed.toLowerCase() === 'выходной') return [];
  const ranges: TimeRange[] = [];
  for (const part of trimmed.split(/[,;]/)) {
    const m = /^\s*(\d{1,2}:\d{2})\s*[-–—]\s*(\d{1,2}:\d{2})\s*$/.exec(part);
    if (!m?.[1] || !m[2]) return `«${part.trim()}»: ожидается интервал вида 09:00–13:00`;
    ranges.push({ start: m[1].padStart(5, '0'), end: m[2].padStart(5, '0') });
  }
  return ranges;
}
