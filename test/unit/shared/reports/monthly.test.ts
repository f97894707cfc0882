import { describe, expect, it } from 'vitest';
import { buildMonthlyReport, type MonthlyInput, type MonthlyReport } from '../../../../src/shared/reports';
import {
  AS_OF,
  DEPARTMENTS,
  EXPECTED,
  MONTH,
  msk,
  officeCalendar,
  profile,
  runScenarioPurely,
  USERS,
} from './month-scenario';

const calendar = officeCalendar();

function input(over: Partial<MonthlyInput> = {}): MonthlyInput {
  const { incidents, audit } = runScenarioPurely();
  return {
    month: MONTH,
    zone: 'Europe/Moscow',
    now: AS_OF,
    profile,
    calendar,
    departments: DEPARTMENTS,
    users: USERS,
    incidents,
    audit,
    ...over,
  };
}

function department(report: MonthlyReport, id: string | null) {
  const row = report.departments.find((d) => d.departmentId === id);
  if (!row) throw new Error(`no row for ${id}`);
  return row;
}

describe('the monthly report on the hand-built March 2026', () => {
  const report = buildMonthlyReport(input());

  it('gives the administration’s figures counted by hand', () => {
    expect(report.total).toEqual(EXPECTED.total);
  });

  it('splits them per department: ЖКХ, roads (with the repeat of its answer) and МЦУ', () => {
    const { 'dep-zhkh': zhkh, 'dep-roads': roads, mcu } = EXPECTED.departments;
    const z = department(report, 'dep-zhkh');
    expect(z.figures).toMatchObject({
      received: zhkh.received,
      answeredOnTime: zhkh.answeredOnTime,
      answeredLate: zhkh.answeredLate,
      overdueNow: zhkh.overdueNow,
      reworkReturns: zhkh.reworkReturns,
      reworkByCriterion: { addressee: 1, 'plain-language': 1 },
      interim: zhkh.interim,
      finalOnTime: zhkh.finalOnTime,
      publishMinutesAvg: zhkh.publishMinutesAvg,
      publishMinutesMedian: zhkh.publishMinutesMedian,
    });
    expect(z.previous.received).toBe(zhkh.previousReceived);
    const r = department(report, 'dep-roads');
    expect(r.figures).toMatchObject({
      received: roads.received,
      answeredOnTime: roads.answeredOnTime,
      answeredLate: roads.answeredLate,
      reworkReturns: roads.reworkReturns,
      reworkByCriterion: { deadline: 1 },
      misroutedReturns: roads.misroutedReturns,
      repeats: roads.repeats,
      closedAsRepeat: roads.closedAsRepeat,
      publishMinutesAvg: roads.publishMinutesAvg,
      highImportance: 1,
    });
    expect(r.previous.received).toBe(roads.previousReceived);
    expect(department(report, null)).toMatchObject({
      shortName: 'МЦУ',
      figures: { received: mcu.received, closedNoAnswer: mcu.closedNoAnswer, answered: 0 },
    });
    // The per-department rows add up to the total.
    const sum = (k: 'received' | 'answeredOnTime' | 'reworkReturns') =>
      report.departments.reduce((n, d) => n + d.figures[k], 0);
    expect(sum('received')).toBe(report.total.received);
    expect(sum('answeredOnTime')).toBe(report.total.answeredOnTime);
    expect(sum('reworkReturns')).toBe(report.total.reworkReturns);
  });

  it('compares with February', () => {
    expect(report.previousTotal).toMatchObject(EXPECTED.previous);
    const row = (key: string) => report.dynamics.find((d) => d.key === key);
    expect(row('received')).toMatchObject({ previous: 4, current: 11, delta: 7 });
    expect(row('onTimeShare')).toMatchObject({ previous: 0.75, current: 0.875, delta: 0.125, better: 'up' });
    expect(row('publishMinutesMedian')).toMatchObject({ unit: 'hours', previous: 100 / 60, current: 2 });
    expect(row('satisfactionShare')).toMatchObject({ previous: null, delta: null });
  });

  it('lists the answer breaches first, each with who held the incident at the deadline', () => {
    const primary = report.breaches.filter((b) => b.primary);
    expect(primary.map((b) => [b.incidentId, b.stageId, b.doneAt === null])).toEqual([
      ['A2', 'answer', false],
      ['A6', 'answer', true],
    ]);
    expect(primary[0]).toMatchObject({
      deadline: msk(3, 4, 10),
      doneAt: msk(3, 4, 11, 40),
      overdueMinutes: 100,
      departmentName: 'Управление жилищно-коммунального хозяйства',
      holder: {
        unit: 'Управление жилищно-коммунального хозяйства',
        role: 'executor',
        personName: 'Кузнецов Дмитрий Олегович',
        basis: 'автор проекта ответа',
      },
      completedBy: 'Иванова Мария Сергеевна',
    });
    // Mar 31 10–18, Apr 1–3, Apr 6 09–10: 32 working hours late at the report's moment.
    expect(primary[1]).toMatchObject({
      deadline: msk(3, 31, 10),
      overdueMinutes: 32 * 60,
      completedBy: null,
    });
    // The high-importance review of B5 was decided 10 min after its halved 15 min: the controller held it.
    const review = report.breaches.find((b) => b.incidentId === 'B5');
    expect(review).toMatchObject({
      stageId: 'review',
      primary: false,
      deadline: msk(3, 20, 11, 50),
      overdueMinutes: 10,
      holder: { role: 'controller', personName: 'Петров Алексей Николаевич', statusLabel: 'На согласовании' },
    });
    expect(report.stageBreaches.map((s) => [s.stageId, s.count])).toEqual([
      ['draft', 2],
      ['review', 2],
      ['publish', 1],
      ['answer', 2],
    ]);
  });

  it('counts rework reasons by criterion of the profile', () => {
    const cited = report.criteria.filter((c) => c.returns > 0);
    expect(cited.map((c) => [c.key, c.returns, c.clause])).toEqual([
      ['addressee', 1, 'Новороссийск p.10.3'],
      ['deadline', 1, 'Новороссийск p.10.4'],
      ['plain-language', 1, 'Новороссийск p.10.5, p.17'],
    ]);
    expect(cited[0]?.share).toBeCloseTo(1 / 9);
    // Every criterion of the profile is listed, also those never cited.
    expect(report.criteria.map((c) => c.key)).toEqual(
      expect.arrayContaining(profile.criteria.map((c) => c.key)),
    );
  });

  it('groups the repeats with the earlier answer and counts them by topic', () => {
    expect(report.repeats).toHaveLength(1);
    expect(report.repeats[0]).toMatchObject({
      earlierIncidentId: 'B1',
      earlierAnswerUrl: 'https://vk.com/wall-100_B1?reply=1',
      earlier: {
        topic: 'Дороги',
        departmentName: 'Управление дорожного хозяйства и транспорта',
        answeredAt: msk(3, 11, 15, 40),
      },
    });
    expect(report.repeats[0]?.repeats.map((r) => [r.incidentId, r.newFacts, r.status])).toEqual([
      ['B3', false, 'closed-repeat'],
      ['B4', true, 'published'],
    ]);
    expect(report.repeatCauses).toEqual([{ topic: 'Дороги', repeats: 2, withNewFacts: 1 }]);
  });

  it('ranks topics and places, street by street, against February', () => {
    expect(report.topics.map((t) => [t.topic, t.count, t.previous])).toEqual([
      ['ЖКХ', 5, 3],
      ['Дороги', 5, 1],
      ['Благоустройство', 1, 0],
    ]);
    expect(report.locations.map((l) => [l.place, l.count, l.previous, l.overdueNow, l.repeats])).toEqual([
      ['Центральный район, ул. Ленина', 4, 2, 1, 0],
      ['Центральный район, пр-т Мира', 4, 1, 0, 2],
      ['Заречный район, ул. Советская', 3, 1, 0, 0],
    ]);
    expect(report.locations[0]).toMatchObject({ district: 'Центральный район', topTopic: 'ЖКХ' });
  });

  it('sets the deadline to the 10th of April and names the profile', () => {
    expect(report).toMatchObject({
      monthLabel: 'март 2026',
      previousMonthLabel: 'февраль 2026',
      deadline: '2026-04-10',
      profile: { id: 'novorossiysk' },
      from: msk(3, 1, 0),
      to: msk(4, 1, 0),
    });
  });
});

describe('the monthly report at another moment', () => {
  it('ignores what happened after its moment: on 11 March A4 waits for its final answer', () => {
    const r = buildMonthlyReport(input({ now: msk(3, 11, 9) }));
    const a4 = department(r, 'dep-zhkh').figures;
    expect(a4).toMatchObject({ interim: 1, finalOnTime: 0, finalPending: 1, received: 4 });
    // B1 onwards were not detected yet.
    expect(r.total.received).toBe(5);
  });

  it('counts an unanswered final as overdue once its 7 working days have passed', () => {
    const { incidents, audit } = runScenarioPurely();
    const cut = incidents.map((i) =>
      i.id === 'A4' ? { ...i, events: i.events.filter((e) => e.at < msk(3, 11, 0)) } : i,
    );
    const r = buildMonthlyReport(input({ incidents: cut, audit }));
    expect(department(r, 'dep-zhkh').figures).toMatchObject({ finalOverdue: 1, overdueNow: 2, open: 2 });
    const final = r.breaches.find((b) => b.incidentId === 'A4');
    expect(final).toMatchObject({
      stageId: 'final-after-interim',
      primary: true,
      deadline: msk(3, 17, 11, 40),
    });
  });

  it('takes the latest reaction recorded for an incident', () => {
    const { incidents, audit } = runScenarioPurely();
    const later = {
      ...audit[1]!,
      at: msk(3, 25, 10),
      after: { reaction: 'positive', note: 'Поблагодарил в комментарии' },
    };
    const r = buildMonthlyReport(input({ incidents, audit: [...audit, later] }));
    expect(r.total.reactions).toEqual({ positive: 3, neutral: 0, negative: 0 });
    expect(r.total.satisfactionShare).toBe(1);
  });

  it('gives empty figures for a month without messages', () => {
    const r = buildMonthlyReport(input({ month: '2026-01' }));
    expect(r.total).toMatchObject({ received: 0, onTimeShare: null, publishMinutesAvg: null });
    expect(r.departments).toEqual([]);
  });
});
