import { describe, expect, it } from 'vitest';
import { formatOpening, pausedText } from '../../../../src/renderer/queue/pause';

const MSK = 'Europe/Moscow';
// Friday 2026-03-06 19:00 MSK (16:00 UTC).
const FRIDAY_EVENING = Date.UTC(2026, 2, 6, 16, 0);

describe('the paused clock text', () => {
  it('names only the time when the clocks start again later today', () => {
    const now = Date.UTC(2026, 2, 9, 4, 0); // Monday 07:00 MSK
    expect(formatOpening(Date.UTC(2026, 2, 9, 6, 0), now, MSK)).toBe('09:00');
  });

  it('adds the weekday when they start on another day of the coming week', () => {
    expect(formatOpening(Date.UTC(2026, 2, 9, 6, 0), FRIDAY_EVENING, MSK)).toBe('09:00 пн');
    expect(pausedText(Date.UTC(2026, 2, 9, 6, 0), FRIDAY_EVENING, MSK)).toBe('часы не идут до 09:00 пн');
  });

  it('adds the date after a week or more (the New Year holidays)', () => {
    const dec31 = Date.UTC(2026, 11, 31, 15, 0);
    expect(formatOpening(Date.UTC(2027, 0, 11, 6, 0), dec31, MSK)).toBe('09:00 пн 11.01');
  });

  it('counts days in the organisation zone, not UTC', () => {
    // 23:30 MSK on Monday is 20:30 UTC: 09:00 MSK Tuesday is tomorrow there.
    const lateMonday = Date.UTC(2026, 2, 9, 20, 30);
    expect(formatOpening(Date.UTC(2026, 2, 10, 6, 0), lateMonday, MSK)).toBe('09:00 вт');
    expect(formatOpening(Date.UTC(2026, 2, 10, 6, 0), lateMonday, 'Asia/Vladivostok')).toBe('16:00');
  });
});
