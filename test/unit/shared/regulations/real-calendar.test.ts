import { describe, expect, it } from 'vitest';
import { addWorkingDays, slaForDetection } from '../../../../src/shared/regulations';
import { buildWorkCalendar, DEFAULT_SCHEDULE } from '../../../../src/shared/worktime';
import { clockOf, stageOf } from './clock-helpers';
import { novorossiysk, stavropol } from './fixtures';

/** Moscow wall-clock time in March 2026 (UTC+3): `msk(2, 10)` = Mon 2 March 10:00 МСК. */
const msk = (day: number, hour: number, minute = 0) => Date.UTC(2026, 2, day, hour - 3, minute);
const calendar = buildWorkCalendar(DEFAULT_SCHEDULE, []);

describe('incident clock on the real office calendar (Mon–Fri 09–13, 14–18 МСК)', () => {
  it('gives Новороссийск 8 working hours across the lunch break and the night (p.7, p.9)', () => {
    const c = clockOf(novorossiysk, [{ kind: 'detected', at: msk(2, 10) }], msk(2, 10), { calendar });
    expect(c.answerDeadline).toBe(msk(3, 10)); // 10–13, 14–18, 09–10
    expect(c.budgetMinutes).toBe(480);
    expect(stageOf(c, 'draft').deadline).toBe(msk(2, 16)); // 3 h before: Tue 09–10 + Mon 16–18
  });

  it('counts Ставрополь’s 4 hours from routing and the draft 1.5 h before, skipping lunch (p.11, p.12)', () => {
    const events = [
      { kind: 'detected', at: msk(2, 9, 50) },
      { kind: 'routed', at: msk(2, 10) },
    ] as const;
    const c = clockOf(stavropol, events, msk(2, 10), { calendar });
    expect(c.answerDeadline).toBe(msk(2, 15)); // 10–13 + 14–15
    expect(stageOf(c, 'draft').deadline).toBe(msk(2, 12, 30)); // 14–15 + 12:30–13
  });

  it('halves Новороссийск’s stages for a high-importance incident on the real calendar (p.14)', () => {
    const sla = slaForDetection(novorossiysk, calendar, msk(2, 9), 'high');
    expect(sla.deadline).toBe(msk(2, 13)); // 09–13: the end of the morning range
    expect(sla.stages.find((s) => s.id === 'draft')?.deadline).toBe(msk(2, 11, 30));
  });

  it('ends a final-answer period on a shortened pre-holiday day at its closing time (Ставрополь p.17)', () => {
    const shortened = buildWorkCalendar(DEFAULT_SCHEDULE, [
      { date: '2026-03-06', kind: 'shortened' },
      { date: '2026-03-09', kind: 'holiday' },
    ]);
    expect(addWorkingDays(shortened, msk(3, 17, 30), 3)).toBe(msk(6, 17));
    const events = [
      { kind: 'detected', at: msk(3, 9) },
      { kind: 'routed', at: msk(3, 9, 10) },
      { kind: 'interim-published', at: msk(3, 12) },
    ] as const;
    const c = clockOf(stavropol, events, msk(4, 9), { calendar: shortened });
    expect(c.finalDeadline).toBe(msk(6, 12));
    expect(addWorkingDays(shortened, msk(5, 12), 2)).toBe(msk(10, 12)); // the holiday is skipped
  });
});
