import { describe, expect, it } from 'vitest';
import {
  districtOf,
  monthBounds,
  monthOf,
  placeOf,
  previousMonth,
  reportReminder,
} from '../../../../src/shared/reports';

const ZONE = 'Europe/Moscow';
const msk = (month: number, day: number, hour: number) => Date.UTC(2026, month - 1, day, hour - 3);
const produced = { at: msk(4, 3, 12), by: 'user-controller', format: 'pdf' };

describe('the reminder of the monthly report (Новороссийск p.20; Ухта p.22)', () => {
  it('asks for the previous month’s report from the 1st of the month, due by the 10th', () => {
    const r = reportReminder(msk(4, 1, 0) + 60_000, ZONE, {});
    expect(r).toMatchObject({
      month: '2026-03',
      due: true,
      overdue: false,
      deadline: '2026-04-10',
      message: 'Сформируйте отчёт за март 2026 для главы до 10 апреля 2026.',
    });
    // The local midnight counts, not UTC's: 31 March 23:30 МСК is still March.
    expect(reportReminder(msk(3, 31, 23) + 30 * 60_000, ZONE, {}).month).toBe('2026-02');
  });

  it('says when the 10th has passed', () => {
    expect(reportReminder(msk(4, 10, 23), ZONE, {})).toMatchObject({ due: true, overdue: false });
    expect(reportReminder(msk(4, 11, 0), ZONE, {})).toMatchObject({ due: true, overdue: true });
  });

  it('stops once the report is produced, and starts again next month', () => {
    expect(reportReminder(msk(4, 5, 9), ZONE, { '2026-03': produced })).toMatchObject({
      due: false,
      producedAt: produced.at,
    });
    expect(reportReminder(msk(5, 1, 9), ZONE, { '2026-03': produced })).toMatchObject({
      month: '2026-04',
      due: true,
    });
  });
});

describe('months and places', () => {
  it('bounds a month by local midnights and steps back over a year', () => {
    expect(monthBounds('2026-03', ZONE)).toEqual({ from: msk(3, 1, 0), to: msk(4, 1, 0) });
    expect(previousMonth('2026-01')).toBe('2025-12');
    expect(monthOf(msk(3, 1, 0), ZONE)).toBe('2026-03');
    expect(monthOf(msk(3, 1, 0) - 1, ZONE)).toBe('2026-02');
  });

  it('reduces a location to the district and the street', () => {
    expect(placeOf('Центральный район, ул. Ленина, 10')).toBe('Центральный район, ул. Ленина');
    expect(placeOf('Центральный район,  ул.  Ленина , д. 10а')).toBe('Центральный район, ул. Ленина');
    expect(placeOf('ул. Ленина, 10/2')).toBe('ул. Ленина');
    expect(placeOf('Остановка «Драмтеатр»')).toBe('Остановка «Драмтеатр»');
    expect(placeOf('  ')).toBe('');
    expect(districtOf('Заречный район, ул. Советская, 3')).toBe('Заречный район');
  });
});
