import { describe, expect, it } from 'vitest';
import { formatDateTime, originLabel } from '../../../../src/renderer/i18n/labels';

/** What the queue showed before: Intl's own ru-RU format. */
function intl(ms: number, timeZone: string): string {
  return new Intl.DateTimeFormat('ru-RU', {
    timeZone,
    day: '2-digit',
    month: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(ms);
}

describe('dates in the queue', () => {
  it('reads as Intl writes them, in zones with and without summer time, around midnight and New Year', () => {
    const zones = ['Europe/Moscow', 'Asia/Vladivostok', 'Europe/Berlin', 'America/Santiago', 'Asia/Kolkata'];
    const instants = [
      Date.UTC(2026, 0, 5, 21, 7),
      Date.UTC(2026, 11, 31, 23, 59),
      Date.UTC(2026, 2, 29, 0, 59), // Berlin, a minute before its clocks go forward
      Date.UTC(2026, 2, 29, 1, 0),
      Date.UTC(2026, 9, 25, 0, 30), // Berlin, the repeated hour
      Date.UTC(2026, 9, 25, 1, 30),
    ];
    // Every six hours and eleven minutes through 2026 too.
    for (let t = Date.UTC(2026, 0, 1); t < Date.UTC(2027, 0, 1); t += 22_260_000) instants.push(t);
    for (const zone of zones) {
      for (const t of instants)
        expect(formatDateTime(t, zone), `${zone} ${new Date(t).toISOString()}`).toBe(intl(t, zone));
    }
  });
});

describe('where an incident came from', () => {
  it('names the source and the network, and the feedback platform once', () => {
    expect(originLabel('im', 'vk')).toBe('ИМ · ВКонтакте');
    expect(originLabel('pos', 'pos')).toBe('ПОС');
    expect(originLabel('manual', 'telegram')).toBe('Вручную · Telegram');
    expect(originLabel('import', 'pos')).toBe('Импорт · ПОС');
  });
});
