import { readFileSync } from 'node:fs';
import novorossiyskJson from '../../../../resources/regulations/novorossiysk.json';
import { parseProfile, type RegulationProfile } from '../../../../src/shared/regulations';
import {
  REACTION_ACTION,
  type ReportAuditRow,
  type ReportDepartment,
  type ReportIncident,
  type ReportUser,
} from '../../../../src/shared/reports';
import {
  decide,
  initialWorkflowState,
  type Actor,
  type Command,
  type DepartmentDirectory,
  type IncidentWorkflowState,
  type WorkflowEvent,
} from '../../../../src/shared/workflow';
import {
  buildWorkCalendar,
  DEFAULT_SCHEDULE,
  parseXmlCalendar,
  type WorkCalendar,
} from '../../../../src/shared/worktime';

/**
 * The hand-built month of the report tests: March 2026 (and four incidents of February for the dynamics) in
 * two departments of the demo administration, under the Новороссийск profile (8 working hours from detection,
 * 4 for high importance, draft 3 h before the deadline, 7 working days from an interim to the final answer) on
 * the office calendar (Mon–Fri 09–13, 14–18 МСК; Monday 9 March 2026 is a holiday).
 *
 * The same script runs purely here (through `decide`) and through the workstation core in the integration
 * tests (`executeCommand`), so both must give the figures in `EXPECTED`.
 */

/** Moscow time in 2026 (UTC+3 all year): `msk(3, 2, 10)` = Mon 2 March 10:00 МСК. */
export const msk = (month: number, day: number, hour: number, minute = 0) =>
  Date.UTC(2026, month - 1, day, hour - 3, minute);

export const MONTH = '2026-03';
/** The report's moment in the unit tests: Monday 6 April 2026, 10:00 МСК (before the 10th). */
export const AS_OF = msk(4, 6, 10);

export const profile: RegulationProfile = parseProfile(novorossiyskJson);

/** The organisation's calendar as the workstation builds it: the default schedule and the RF calendar 2026. */
export function officeCalendar(): WorkCalendar {
  const xml = readFileSync(new URL('../../../../resources/calendars/ru-2026.xml', import.meta.url), 'utf8');
  return buildWorkCalendar(DEFAULT_SCHEDULE, parseXmlCalendar(xml, 2026));
}

/** The demo administration's ids (src/main/core/demo-users.ts), so the script also runs on a demo database. */
export const DEPARTMENTS: ReportDepartment[] = [
  { id: 'dep-zhkh', name: 'Управление жилищно-коммунального хозяйства', shortName: 'ЖКХ' },
  { id: 'dep-roads', name: 'Управление дорожного хозяйства и транспорта', shortName: 'Дороги и транспорт' },
];

export const USERS: ReportUser[] = [
  { id: 'user-operator', displayName: 'Иванова Мария Сергеевна', role: 'operator', departmentId: null },
  { id: 'user-controller', displayName: 'Петров Алексей Николаевич', role: 'controller', departmentId: null },
  {
    id: 'user-exec-zhkh',
    displayName: 'Кузнецов Дмитрий Олегович',
    role: 'executor',
    departmentId: 'dep-zhkh',
  },
  {
    id: 'user-head-zhkh',
    displayName: 'Орлов Николай Степанович',
    role: 'department-head',
    departmentId: 'dep-zhkh',
  },
  {
    id: 'user-exec-roads',
    displayName: 'Соколова Анна Павловна',
    role: 'executor',
    departmentId: 'dep-roads',
  },
  {
    id: 'user-head-roads',
    displayName: 'Захарова Ирина Владимировна',
    role: 'department-head',
    departmentId: 'dep-roads',
  },
];

const DIRECTORY: DepartmentDirectory = {
  departments: DEPARTMENTS.map((d) => ({
    id: d.id,
    name: d.name,
    responsibleUserIds: USERS.filter((u) => u.departmentId === d.id && u.role === 'department-head').map(
      (u) => u.id,
    ),
    executorUserIds: USERS.filter((u) => u.departmentId === d.id && u.role === 'executor').map((u) => u.id),
    substitutions: [],
  })),
};

export type Login = 'operator' | 'controller' | 'exec-zhkh' | 'exec-roads';
const ACTORS: Record<Login, Actor> = {
  operator: { userId: 'user-operator', role: 'operator', departmentId: null },
  controller: { userId: 'user-controller', role: 'controller', departmentId: null },
  'exec-zhkh': { userId: 'user-exec-zhkh', role: 'executor', departmentId: 'dep-zhkh' },
  'exec-roads': { userId: 'user-exec-roads', role: 'executor', departmentId: 'dep-roads' },
};
export function actorOf(login: Login): Actor {
  return ACTORS[login];
}

/** A command's payload; `id` turns a scenario key into the incident id of the run (for repeats). */
export type Payload = (id: (key: string) => string) => Record<string, unknown>;
export type Step = { at: number; by: Login; payload: Payload };
export type ScenarioIncident = {
  key: string;
  detectedAt: number;
  topic: string;
  location: string;
  importance: 'normal' | 'high';
  authorName: string;
  text: string;
  url: string;
  steps: Step[];
};

const route =
  (dep: string): Payload =>
  () => ({ type: 'route', mainDepartmentId: dep, coDepartmentIds: [] });
const draft =
  (kind: 'final' | 'interim' = 'final', text = 'Анна, здравствуйте! Работы выполнят до 20 марта.'): Payload =>
  () => ({ type: 'save-draft', kind, attachmentIds: [], text });
const send: Payload = () => ({ type: 'send-for-review' });
const approve: Payload = () => ({ type: 'approve' });
const publish =
  (url: string): Payload =>
  () => ({ type: 'publish', url });
const rework =
  (...criteria: string[]): Payload =>
  () => ({ type: 'return-for-rework', criteria, comment: 'Исправьте замечания' });

/** The usual on-time path, in minutes after detection: route, draft, send, approve, publish. */
function onTime(dep: string, exec: Login, detectedAt: number, url: string): Step[] {
  const m = (n: number) => detectedAt + n * 60_000;
  return [
    { at: m(10), by: 'operator', payload: route(dep) },
    { at: m(30), by: exec, payload: draft() },
    { at: m(60), by: exec, payload: send },
    { at: m(80), by: 'controller', payload: approve },
    { at: m(100), by: 'operator', payload: publish(`${url}?reply=1`) },
  ];
}

function incident(
  key: string,
  detectedAt: number,
  topic: string,
  location: string,
  steps: (url: string) => Step[],
  importance: 'normal' | 'high' = 'normal',
): ScenarioIncident {
  const url = `https://vk.com/wall-100_${key}`;
  return {
    key,
    detectedAt,
    topic,
    location,
    importance,
    authorName: `Автор ${key}`,
    text: `Сообщение ${key}: ${topic}, ${location}.`,
    url,
    steps: steps(url),
  };
}

const ZHKH = 'dep-zhkh';
const ROADS = 'dep-roads';
const LENINA = 'Центральный район, ул. Ленина, 10';
const MIRA = 'Центральный район, пр-т Мира, 5';
const SOVETSKAYA = 'Заречный район, ул. Советская, 3';

export const SCENARIO: ScenarioIncident[] = [
  // February: the month before, for the dynamics.
  incident('P1', msk(2, 2, 10), 'ЖКХ', LENINA, (u) => onTime(ZHKH, 'exec-zhkh', msk(2, 2, 10), u)),
  incident('P2', msk(2, 3, 10), 'ЖКХ', LENINA, (u) => [
    { at: msk(2, 3, 10, 10), by: 'operator', payload: route(ZHKH) },
    { at: msk(2, 3, 11), by: 'exec-zhkh', payload: draft() },
    { at: msk(2, 4, 11), by: 'exec-zhkh', payload: send },
    { at: msk(2, 4, 11, 20), by: 'controller', payload: approve },
    { at: msk(2, 4, 11, 40), by: 'operator', payload: publish(`${u}?reply=1`) },
  ]),
  incident('P3', msk(2, 4, 10), 'Дороги', MIRA, (u) => onTime(ROADS, 'exec-roads', msk(2, 4, 10), u)),
  incident('P4', msk(2, 10, 10), 'ЖКХ', SOVETSKAYA, (u) => onTime(ZHKH, 'exec-zhkh', msk(2, 10, 10), u)),

  // March, ЖКХ.
  /** On time: published 2 h 40 min after detection. */
  incident('A1', msk(3, 2, 10), 'ЖКХ', LENINA, (u) => [
    { at: msk(3, 2, 10, 15), by: 'operator', payload: route(ZHKH) },
    { at: msk(3, 2, 11), by: 'exec-zhkh', payload: draft() },
    { at: msk(3, 2, 12), by: 'exec-zhkh', payload: send },
    { at: msk(3, 2, 12, 20), by: 'controller', payload: approve },
    { at: msk(3, 2, 12, 40), by: 'operator', payload: publish(`${u}?reply=1`) },
  ]),
  /**
   * Late: detected Tue 3 March 10:00, due Wed 4 March 10:00; the draft due Tue 16:00 is sent Wed 11:00, approved
   * 11:20, published 11:40. At the deadline the draft was with the ЖКХ executor.
   */
  incident('A2', msk(3, 3, 10), 'ЖКХ', LENINA, (u) => [
    { at: msk(3, 3, 10, 10), by: 'operator', payload: route(ZHKH) },
    { at: msk(3, 3, 11), by: 'exec-zhkh', payload: draft() },
    { at: msk(3, 4, 11), by: 'exec-zhkh', payload: send },
    { at: msk(3, 4, 11, 20), by: 'controller', payload: approve },
    { at: msk(3, 4, 11, 40), by: 'operator', payload: publish(`${u}?reply=1`) },
  ]),
  /** Returned once for rework (addressee, plain language), then approved and published on time. */
  incident('A3', msk(3, 4, 10), 'Благоустройство', MIRA, (u) => [
    { at: msk(3, 4, 10, 10), by: 'operator', payload: route(ZHKH) },
    { at: msk(3, 4, 10, 30), by: 'exec-zhkh', payload: draft() },
    { at: msk(3, 4, 11), by: 'exec-zhkh', payload: send },
    { at: msk(3, 4, 11, 20), by: 'controller', payload: rework('addressee', 'plain-language') },
    {
      at: msk(3, 4, 11, 40),
      by: 'exec-zhkh',
      payload: draft('final', 'Анна Петровна, здравствуйте! Трубу заменят до 20 марта.'),
    },
    { at: msk(3, 4, 12), by: 'exec-zhkh', payload: send },
    { at: msk(3, 4, 12, 20), by: 'controller', payload: approve },
    { at: msk(3, 4, 12, 40), by: 'operator', payload: publish(`${u}?reply=1`) },
  ]),
  /**
   * An interim answer on Thu 5 March 11:40 (on time), the final one on Thu 12 March 12:00: within 7 working
   * days (due Tue 17 March 11:40, Mon 9 March being a holiday).
   */
  incident('A4', msk(3, 5, 10), 'ЖКХ', SOVETSKAYA, (u) => [
    { at: msk(3, 5, 10, 10), by: 'operator', payload: route(ZHKH) },
    {
      at: msk(3, 5, 10, 40),
      by: 'exec-zhkh',
      payload: draft('interim', 'Анна, здравствуйте! Проверка займет неделю.'),
    },
    { at: msk(3, 5, 11), by: 'exec-zhkh', payload: send },
    { at: msk(3, 5, 11, 20), by: 'controller', payload: approve },
    { at: msk(3, 5, 11, 40), by: 'operator', payload: publish(`${u}?reply=1`) },
    { at: msk(3, 11, 10), by: 'exec-zhkh', payload: draft('final') },
    { at: msk(3, 11, 11), by: 'exec-zhkh', payload: send },
    { at: msk(3, 11, 12), by: 'controller', payload: approve },
    { at: msk(3, 12, 12), by: 'operator', payload: publish(`${u}?reply=2`) },
  ]),
  /** Still drafting at the report's moment: open and overdue (due Tue 31 March 10:00). */
  incident('A6', msk(3, 30, 10), 'ЖКХ', LENINA, () => [
    { at: msk(3, 30, 10, 10), by: 'operator', payload: route(ZHKH) },
    { at: msk(3, 30, 11), by: 'exec-zhkh', payload: draft() },
  ]),

  // March, МЦУ.
  /** Obscene language: closed without answer (Новороссийск p.18), never routed. */
  incident('A5', msk(3, 10, 11), 'ЖКХ', LENINA, () => [
    {
      at: msk(3, 10, 11, 10),
      by: 'operator',
      payload: () => ({ type: 'close-no-answer', reason: 'obscene', comment: 'Нецензурная лексика' }),
    },
  ]),

  // March, roads.
  incident('B1', msk(3, 11, 14), 'Дороги', MIRA, (u) => onTime(ROADS, 'exec-roads', msk(3, 11, 14), u)),
  /** Routed to ЖКХ by mistake, returned as misrouted, routed to roads, published on time. */
  incident('B2', msk(3, 16, 9, 30), 'Дороги', SOVETSKAYA, (u) => [
    { at: msk(3, 16, 9, 40), by: 'operator', payload: route(ZHKH) },
    {
      at: msk(3, 16, 9, 50),
      by: 'exec-zhkh',
      payload: () => ({
        type: 'return-misrouted',
        departmentId: ZHKH,
        reason: 'Дороги — не наша компетенция',
      }),
    },
    { at: msk(3, 16, 10), by: 'operator', payload: route(ROADS) },
    { at: msk(3, 16, 10, 10), by: 'exec-roads', payload: draft() },
    { at: msk(3, 16, 10, 30), by: 'exec-roads', payload: send },
    { at: msk(3, 16, 10, 50), by: 'controller', payload: approve },
    { at: msk(3, 16, 11, 10), by: 'operator', payload: publish(`${u}?reply=1`) },
  ]),
  /** A repeat of B1 without new facts: closed with the link to the earlier answer (Ухта p.17). */
  incident('B3', msk(3, 18, 10), 'Дороги', MIRA, () => [
    {
      at: msk(3, 18, 10, 10),
      by: 'operator',
      payload: (id) => ({
        type: 'link-repeat',
        earlierIncidentId: id('B1'),
        earlierAnswerUrl: 'https://vk.com/wall-100_B1?reply=1',
        newFacts: false,
        routing: null,
      }),
    },
  ]),
  /** A repeat of B1 with new facts: routed again and answered on time. */
  incident('B4', msk(3, 19, 10), 'Дороги', MIRA, (u) => [
    {
      at: msk(3, 19, 10, 10),
      by: 'operator',
      payload: (id) => ({
        type: 'link-repeat',
        earlierIncidentId: id('B1'),
        earlierAnswerUrl: 'https://vk.com/wall-100_B1?reply=1',
        newFacts: true,
        routing: { mainDepartmentId: ROADS, coDepartmentIds: [] },
      }),
    },
    { at: msk(3, 19, 10, 30), by: 'exec-roads', payload: draft() },
    { at: msk(3, 19, 11), by: 'exec-roads', payload: send },
    { at: msk(3, 19, 11, 20), by: 'controller', payload: approve },
    { at: msk(3, 19, 11, 40), by: 'operator', payload: publish(`${u}?reply=1`) },
  ]),
  /**
   * High importance (4 h, steps halved: Новороссийск p.14): returned for rework (deadline), re-sent 11:35, and
   * approved only at 12:00 — 10 min after the halved review's 11:50. Published 12:20, within the 15:00 deadline.
   */
  incident(
    'B5',
    msk(3, 20, 10),
    'Дороги',
    SOVETSKAYA,
    (u) => [
      { at: msk(3, 20, 10, 5), by: 'operator', payload: route(ROADS) },
      { at: msk(3, 20, 10, 30), by: 'exec-roads', payload: draft() },
      { at: msk(3, 20, 11), by: 'exec-roads', payload: send },
      { at: msk(3, 20, 11, 10), by: 'controller', payload: rework('deadline') },
      { at: msk(3, 20, 11, 30), by: 'exec-roads', payload: draft() },
      { at: msk(3, 20, 11, 35), by: 'exec-roads', payload: send },
      { at: msk(3, 20, 12), by: 'controller', payload: approve },
      { at: msk(3, 20, 12, 20), by: 'operator', payload: publish(`${u}?reply=1`) },
    ],
    'high',
  ),
];

/** Author reactions recorded by МЦУ (audit rows, as `reports.reaction.record` writes them). */
export const REACTIONS: Array<{ key: string; reaction: 'positive' | 'neutral' | 'negative'; at: number }> = [
  { key: 'A1', reaction: 'positive', at: msk(3, 3, 10) },
  { key: 'B1', reaction: 'negative', at: msk(3, 13, 10) },
  { key: 'B2', reaction: 'positive', at: msk(3, 17, 10) },
];

/** The scenario run through the shared state machine alone: report input without a database. */
export function runScenarioPurely(): { incidents: ReportIncident[]; audit: ReportAuditRow[] } {
  const incidents = SCENARIO.map((s): ReportIncident => {
    // As the workstation stores an incident registered with its topic and location (`stateFromRow`).
    let state: IncidentWorkflowState = initialWorkflowState({
      incidentId: s.key,
      importance: s.importance,
      classification: { topic: s.topic, location: s.location },
    });
    const events: WorkflowEvent[] = [];
    for (const step of s.steps) {
      const actor = actorOf(step.by);
      const command = {
        ...step.payload((k) => k),
        incidentId: s.key,
        actor,
        expectedStatus: state.status,
        expectedVersion: state.version,
      } as Command;
      const decision = decide(state, command, { profile, actor, now: step.at, departments: DIRECTORY });
      if (!decision.ok) throw new Error(`${s.key} ${command.type}: ${decision.reason.message}`);
      events.push(...decision.events);
      state = decision.next;
    }
    return {
      id: s.key,
      detectedAt: s.detectedAt,
      topic: s.topic,
      location: s.location,
      importance: s.importance,
      status: state.status,
      departmentId: 'routing' in state ? state.routing.mainDepartmentId : null,
      authorName: s.authorName,
      text: s.text,
      events,
    };
  });
  const audit = REACTIONS.map((r) => ({
    incidentId: r.key,
    at: r.at,
    actorId: 'user-operator',
    action: REACTION_ACTION,
    after: { reaction: r.reaction, note: '' },
  }));
  return { incidents, audit };
}

/**
 * The figures of March 2026, counted by hand from the script above (docs/reports.md explains each):
 * - received 11: ЖКХ A1 A2 A3 A4 A6, roads B1 B2 B4 B5 and the repeat B3 (counted for roads, whose answer it
 *   repeats), МЦУ A5 (closed without answer, never routed);
 * - answered 8, of them on time 7 and late 1 (A2: due Wed 10:00, published 11:40, 100 working minutes late);
 * - open 1 and overdue 1 (A6, due Tue 31 March 10:00);
 * - rework: A3 (addressee, plain-language) and B5 (deadline); 9 answers reviewed and approved (A4's interim and
 *   final count apart), 7 at the first pass;
 * - time to the first answer, working minutes: A1 160, A2 580, A3 160, A4 100, B1 100, B2 100, B4 100, B5 140:
 *   mean 180, median 120;
 * - reactions: A1 and B2 positive, B1 negative → 2/3 satisfied.
 */
export const EXPECTED = {
  total: {
    received: 11,
    highImportance: 1,
    answered: 8,
    answeredOnTime: 7,
    answeredLate: 1,
    onTimeShare: 7 / 8,
    open: 1,
    awaitingAnswer: 1,
    overdueNow: 1,
    misroutedReturns: 1,
    reworkIncidents: 2,
    reworkReturns: 2,
    reworkByCriterion: { addressee: 1, 'plain-language': 1, deadline: 1 },
    reviewedAnswers: 9,
    approvedAnswers: 9,
    firstPassAnswers: 7,
    firstPassShare: 7 / 9,
    interim: 1,
    finalOnTime: 1,
    finalLate: 0,
    finalOverdue: 0,
    finalPending: 0,
    publishMinutesAvg: 180,
    publishMinutesMedian: 120,
    closedNoAnswer: 1,
    closedByReason: { obscene: 1, insulting: 0, threats: 0, 'intent-to-harm': 0 },
    repeats: 2,
    repeatsWithNewFacts: 1,
    closedAsRepeat: 1,
    reactions: { positive: 2, neutral: 0, negative: 1 },
    satisfactionShare: 2 / 3,
  },
  /** February: P1, P3, P4 on time (100 min each), P2 late (580 min). */
  previous: {
    received: 4,
    answered: 4,
    answeredOnTime: 3,
    answeredLate: 1,
    onTimeShare: 0.75,
    publishMinutesAvg: 220,
  },
  departments: {
    'dep-zhkh': {
      received: 5,
      answeredOnTime: 3,
      answeredLate: 1,
      overdueNow: 1,
      reworkReturns: 1,
      interim: 1,
      finalOnTime: 1,
      publishMinutesAvg: 250,
      publishMinutesMedian: 160,
      previousReceived: 3,
    },
    'dep-roads': {
      received: 5,
      answeredOnTime: 4,
      answeredLate: 0,
      overdueNow: 0,
      reworkReturns: 1,
      misroutedReturns: 1,
      repeats: 2,
      closedAsRepeat: 1,
      publishMinutesAvg: 110,
      previousReceived: 1,
    },
    mcu: { received: 1, closedNoAnswer: 1 },
  },
} as const;
