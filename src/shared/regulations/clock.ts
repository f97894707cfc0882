import { assertNever } from '../assert';
import { type WorkCalendar } from '../worktime';
import {
  OPTIONAL_STAGE_KINDS,
  stageKind,
  type RegulationProfile,
  type Stage,
  type StageKind,
} from './profile';
import { addWorkingDays, signedWorkingMinutes, subtractWorkingMinutes } from './working';

/**
 * The incident clock: a regulation profile + a working calendar + the incident's log → the deadline and state of
 * every stage. Pure: `now` is an argument.
 *
 * How it reads the log (the decisions behind every deadline):
 *
 * - **Anchors chain from what really happened.** A stage counts from the actual instant of its anchor
 *   (detection, routing, the end of an earlier stage, an event), because every clause says «с момента …».
 *   An earlier stage that finishes early moves the later deadlines earlier; one that finishes late moves them
 *   later. Until the anchor has happened, the deadline is projected from the anchor's own deadline (an
 *   incident worked on time) and the stage is 'pending'. No stage except `final-after-interim` may end after
 *   the overall deadline (Ставрополь p.14 «но не позднее срока, предусмотренного пунктом 11» says so
 *   outright; it holds for every stage that leads to the answer), so every stage deadline is capped by it.
 * - **Before-deadline stages** (the draft: Новороссийск p.9, Ставрополь p.12, Ухта p.10) are due `minutes`
 *   of working time before the overall deadline, found exactly with `subtractWorkingMinutes`. The draft starts
 *   when the message is at the department (routed and not returned).
 * - **The overall deadline** counts from detection, or from routing (Ставрополь p.11); from the *latest*
 *   routing, because p.11 gives the body that answers its 4 hours from when the message reached it.
 * - **Rework.** `returned-for-rework` ends the review cycle (the review is done, on time or late) and opens
 *   `rework`, counted from the return; the next `draft-sent` ends the rework and opens a new review cycle
 *   counted from it. Only the latest cycle is shown. `remarks` (Ставрополь p.15) is the latest return,
 *   judged against the draft it answered. Later stages are projected through the open rework.
 * - **Misrouting.** `returned` shows `return-misrouted` (judged against the routing it returned) and opens
 *   `reroute` where the profile has it (Ухта p.9); the next `routed` closes it.
 * - **Approvals.** A review stage ends with an `approved` event at its level or a later one in
 *   `approvalChain`, an `approved` event without a level (final approval), or a return for rework.
 *   `{kind: 'event', event: 'approved'}` anchors count from the final approval (no level, or the last level).
 * - **Stages without an event of their own** (classify, upload, co-executors) end with a `stage-done` event;
 *   failing that, a later stage being done implies they were done, and they count as done on time, at that
 *   later instant (the log cannot tell when they really finished).
 * - **Interim answer.** `interim-published` completes the publish and answer stages (the interim is the
 *   answer within the normal period: Новороссийск p.9, 15), and the clock moves to waiting for the final
 *   answer: `finalDeadline` is the same local time `interimToFinal.workingDays` working days later
 *   (`addWorkingDays`), and `state`, `budgetMinutes` and `leftMinutes` then describe that period. Events after
 *   the interim belong to the final answer only: a `draft-sent` (when the profile's final obligation is the
 *   final draft: Ставрополь p.17, Ухта p.15) or a `published` (Новороссийск p.15) completes it.
 * - **Postponement** (`postponement-agreed`, Новороссийск p.9: the new date agreed with the controller)
 *   replaces the deadline that is running when it is agreed: the overall deadline before an interim answer,
 *   `finalDeadline` after one. The latest agreement wins; stages counted from the overall deadline follow it.
 * - **High importance** replaces the overall period with `highImportance.answerMinutes` when the profile sets
 *   one, and halves the stages it names (Новороссийск p.14: 4 h, pp. 9–13 halved, which makes the draft due
 *   1.5 h before the 4-hour deadline). Profiles without such a rule are unchanged.
 * - **States.** A stage not yet started is 'pending'; a started one is 'breached' once `now` is past its
 *   deadline, 'warning' when at most `thresholds.warningFraction` of its working time is left, else 'on-time';
 *   a finished one is 'done' or 'done-late'. A finished incident's clock stops: `leftMinutes` is measured at
 *   the moment the obligation was met.
 */

export type ClockEvent =
  | { kind: 'detected'; at: number }
  /** `coexecutors`: sent to several departments at once (Новороссийск p.16, Ставрополь p.18). */
  | { kind: 'routed'; at: number; coexecutors?: boolean }
  /** Returned as misrouted. */
  | { kind: 'returned'; at: number }
  | { kind: 'draft-sent'; at: number }
  | { kind: 'returned-for-rework'; at: number }
  | { kind: 'approved'; at: number; level?: string }
  | { kind: 'published'; at: number }
  | { kind: 'interim-published'; at: number }
  | { kind: 'postponement-agreed'; at: number; until: number }
  /** A stage with no event of its own is done: 'classify', 'upload', 'coexecutors', 'coexecutors-forward'. */
  | { kind: 'stage-done'; at: number; stage: string };

export type StageState = 'on-time' | 'warning' | 'breached' | 'done' | 'done-late' | 'pending';

export type ClockStage = {
  id: string;
  title: string;
  deadline: number;
  doneAt: number | null;
  state: StageState;
  clause: string;
};

export type IncidentClock = {
  /** Overall deadline, epoch ms (after a postponement: the agreed date). */
  answerDeadline: number;
  /** Working minutes of the running period: the answer period, or after an interim answer the final one. */
  budgetMinutes: number;
  /** Working minutes from now to the running deadline; negative when overdue (working minutes since). */
  leftMinutes: number;
  state: 'on-time' | 'warning' | 'breached' | 'done' | 'done-late';
  /** Id of the current stage; null when the incident is done. */
  current: string | null;
  stages: ClockStage[];
  /** After an interim answer: final answer (or final draft) due. */
  finalDeadline: number | null;
};

export type ClockImportance = 'normal' | 'high';

export type ClockInput = {
  profile: RegulationProfile;
  calendar: WorkCalendar;
  importance: ClockImportance;
  events: readonly ClockEvent[];
  now: number;
};

type Indexed = ClockEvent & { i: number };
type Kind = ClockEvent['kind'];
type Point = { at: number; actual: boolean };

type Rec = {
  stage: Stage;
  kind: StageKind;
  deadline: number;
  started: boolean;
  /** The actual start when started, else the projected one. */
  startAt: number;
  doneAt: number | null;
  implied: boolean;
  /** When the next stage may count from: actual, or projected. */
  exit: Point;
};

const NOT_APPLICABLE = Symbol('not-applicable');

/** The event log, sorted stably by time; "after" and "before" follow that order, not just the instants. */
class Log {
  private constructor(readonly all: readonly Indexed[]) {}
  static of(events: readonly ClockEvent[]): Log {
    const sorted = events
      .map((e, i) => ({ e, i }))
      .sort((a, b) => a.e.at - b.e.at || a.i - b.i)
      .map(({ e }, i) => ({ ...e, i }));
    return new Log(sorted);
  }
  slice(pred: (e: Indexed) => boolean): Log {
    return new Log(this.all.filter(pred));
  }
  first<K extends Kind>(
    kinds: K | readonly K[],
    after = -1,
    pred?: (e: Extract<Indexed, { kind: K }>) => boolean,
  ) {
    const ks: readonly Kind[] = typeof kinds === 'string' ? [kinds] : kinds;
    return this.all.find(
      (e): e is Extract<Indexed, { kind: K }> =>
        e.i > after && ks.includes(e.kind) && (!pred || pred(e as Extract<Indexed, { kind: K }>)),
    );
  }
  last<K extends Kind>(
    kinds: K | readonly K[],
    before = Infinity,
    pred?: (e: Extract<Indexed, { kind: K }>) => boolean,
  ) {
    const ks: readonly Kind[] = typeof kinds === 'string' ? [kinds] : kinds;
    for (let j = this.all.length - 1; j >= 0; j--) {
      const e = this.all[j]!;
      if (e.i < before && ks.includes(e.kind) && (!pred || pred(e as Extract<Indexed, { kind: K }>))) {
        return e as Extract<Indexed, { kind: K }>;
      }
    }
    return undefined;
  }
}

class Computation {
  private readonly profile: RegulationProfile;
  private readonly cal: WorkCalendar;
  private readonly high: boolean;
  private readonly now: number;
  private readonly main: Log;
  private readonly final: Log;
  private readonly detectedAt: number;
  readonly interim: Indexed | undefined;
  private readonly memo = new Map<string, Rec | typeof NOT_APPLICABLE>();
  private readonly busy = new Set<string>();
  /** Undefined while the overall deadline itself is being computed (nothing to cap by yet). */
  private answerDeadline: number | undefined;
  private answerStart: Point = { at: 0, actual: false };

  constructor(input: ClockInput) {
    this.profile = input.profile;
    this.cal = input.calendar;
    this.high = input.importance === 'high';
    this.now = input.now;
    const log = Log.of(input.events);
    const detected = log.first('detected');
    if (!detected) throw new Error('computeIncidentClock: the log has no `detected` event');
    this.detectedAt = detected.at;
    this.interim = log.first('interim-published');
    const cut = this.interim?.i ?? Infinity;
    this.main = log.slice((e) => e.i <= cut);
    this.final = log.slice((e) => e.i > cut);
    this.computeAnswer();
  }

  stage(kind: StageKind): Stage | undefined {
    return this.profile.stages.find((s) => stageKind(s.id) === kind);
  }

  minutesOf(stage: Stage): number {
    const m = stage.minutes ?? 0;
    if (!this.high) return m;
    const hs = this.profile.highImportance.halveStages;
    const halved = hs === 'all-marked' ? stage.halvedWhenHigh : hs.includes(stage.id);
    return halved ? m / 2 : m;
  }

  private period(from: number, stage: Stage): number {
    return stage.workingDays !== undefined
      ? addWorkingDays(this.cal, from, stage.workingDays)
      : this.cal.add(from, this.minutesOf(stage));
  }

  private cap(deadline: number): number {
    return this.answerDeadline === undefined ? deadline : Math.min(deadline, this.answerDeadline);
  }

  /** The overall deadline: from detection or routing, high-importance period, latest postponement. */
  private computeAnswer(): void {
    const stage = this.stage('answer')!;
    this.answerStart = this.anchorPoint(stage, 'answer') ?? { at: this.detectedAt, actual: true };
    const hi = this.profile.highImportance.answerMinutes;
    const minutes = this.high && hi !== null ? hi : (stage.minutes ?? 0);
    const postponed = this.main.last('postponement-agreed');
    this.answerDeadline = postponed ? postponed.until : this.cal.add(this.answerStart.at, minutes);
    // Records computed on the way (the routing, for Ставрополь) were not capped yet.
    this.memo.clear();
  }

  get overall(): { start: Point; deadline: number } {
    if (this.answerDeadline === undefined) {
      throw new Error('computeIncidentClock: the overall deadline depends on a stage counted back from it');
    }
    return { start: this.answerStart, deadline: this.answerDeadline };
  }

  /** The latest routing and whether the message is at a department now (not returned since). */
  private routing() {
    const routed = this.main.last('routed');
    const returned = this.main.last('returned');
    return { routed, returned, atDepartment: !!routed && (!returned || returned.i < routed.i) };
  }

  private finalApproval() {
    const chain = this.profile.approvalChain;
    const lastLevel = chain[chain.length - 1]?.id;
    const cycle = this.main.last('draft-sent');
    return this.main.last(
      'approved',
      Infinity,
      (e) => (!cycle || e.i > cycle.i) && (!e.level || e.level === lastLevel),
    );
  }

  /** When a stage counts from; null when its case has not arisen (an optional stage). */
  private anchorPoint(stage: Stage, kind: StageKind): Point | null {
    const a = stage.anchor;
    switch (a.kind) {
      case 'detected':
        return { at: this.detectedAt, actual: true };
      case 'routed': {
        const { routed, returned } = this.routing();
        const r = kind === 'return-misrouted' && returned ? this.main.last('routed', returned.i) : routed;
        if (r) return { at: r.at, actual: true };
        const route = this.stage('route');
        return route && route !== stage
          ? { at: this.rec(route).exit.at, actual: false }
          : { at: this.detectedAt, actual: false };
      }
      case 'stage-end': {
        const ref = this.profile.stages.find((s) => s.id === a.stage)!;
        const r = this.recOrNull(ref);
        return r ? r.exit : null;
      }
      case 'before-deadline': {
        const deadline = subtractWorkingMinutes(this.cal, this.overall.deadline, this.minutesOf(stage));
        return { at: deadline, actual: false };
      }
      case 'event':
        switch (a.event) {
          case 'draft-sent': {
            const e = this.main.last('draft-sent');
            if (e) return { at: e.at, actual: true };
            const draft = this.stage('draft');
            return draft ? { at: this.rec(draft).exit.at, actual: false } : null;
          }
          case 'approved': {
            const e = this.finalApproval();
            if (e) return { at: e.at, actual: true };
            const reviews = this.profile.stages.filter((s) => stageKind(s.id) === 'review');
            const lastReview = reviews[reviews.length - 1];
            return lastReview ? { at: this.rec(lastReview).exit.at, actual: false } : null;
          }
          case 'returned':
          case 'returned-for-rework':
          case 'interim-published': {
            const e = this.main.last(a.event);
            return e ? { at: e.at, actual: true } : null;
          }
          default:
            return assertNever(a.event);
        }
      default:
        return assertNever(a);
    }
  }

  recOrNull(stage: Stage): Rec | null {
    const hit = this.memo.get(stage.id);
    if (hit !== undefined) return hit === NOT_APPLICABLE ? null : hit;
    if (this.busy.has(stage.id))
      throw new Error(`computeIncidentClock: stage «${stage.id}» depends on itself`);
    this.busy.add(stage.id);
    try {
      const r = this.compute(stage);
      this.memo.set(stage.id, r ?? NOT_APPLICABLE);
      return r;
    } finally {
      this.busy.delete(stage.id);
    }
  }

  rec(stage: Stage): Rec {
    const r = this.recOrNull(stage);
    if (!r) throw new Error(`computeIncidentClock: stage «${stage.id}» is not applicable here`);
    return r;
  }

  private compute(stage: Stage): Rec | null {
    const kind = stageKind(stage.id)!;
    const log = this.main;
    const { routed, returned, atDepartment } = this.routing();
    const rfr = log.last('returned-for-rework');

    // Optional stages exist only once their case has arisen.
    switch (kind) {
      case 'return-misrouted':
      case 'reroute':
        if (!returned) return null;
        break;
      case 'remarks':
      case 'rework':
        if (!rfr) return null;
        break;
      case 'coexecutors':
      case 'coexecutors-forward':
        if (!routed?.coexecutors && !log.first('stage-done', -1, (e) => e.stage === stage.id)) return null;
        break;
      case 'final-after-interim':
        if (!this.interim) return null;
        return this.computeFinal(stage);
      case 'answer':
        return this.computeAnswerRec(stage);
      default:
        break;
    }

    let start: Point;
    let deadline: number;
    if (stage.anchor.kind === 'before-deadline') {
      deadline = this.anchorPoint(stage, kind)!.at;
      start = this.beforeDeadlineStart(stage, kind, atDepartment);
    } else {
      const p = this.anchorPoint(stage, kind);
      if (!p) return null;
      start = p;
      deadline = this.cap(this.period(p.at, stage));
    }

    let doneAt: number | null = null;
    let exit: Point | null = null;
    const stageDone = () => log.first('stage-done', -1, (e) => e.stage === stage.id)?.at ?? null;
    switch (kind) {
      case 'classify':
      case 'upload':
      case 'coexecutors':
      case 'coexecutors-forward':
        doneAt = stageDone();
        break;
      case 'route':
        doneAt = log.first('routed')?.at ?? null;
        break;
      case 'reroute':
        doneAt = log.first('routed', returned!.i)?.at ?? null;
        break;
      case 'return-misrouted':
        doneAt = returned!.at;
        break;
      case 'draft': {
        doneAt = log.first('draft-sent')?.at ?? null;
        const latest = log.last('draft-sent');
        exit = latest ? { at: latest.at, actual: true } : { at: deadline, actual: false };
        break;
      }
      case 'review': {
        const r = this.computeReview(stage, start, deadline);
        doneAt = r.doneAt;
        exit = r.exit;
        break;
      }
      case 'remarks': {
        doneAt = rfr!.at;
        const draft = log.last('draft-sent', rfr!.i);
        if (draft) start = { at: draft.at, actual: true };
        deadline = this.cap(this.period(start.at, stage));
        break;
      }
      case 'rework':
        doneAt = log.first('draft-sent', rfr!.i)?.at ?? null;
        break;
      case 'publish':
        doneAt = log.first(['published', 'interim-published'])?.at ?? null;
        break;
      default:
        break;
    }
    return {
      stage,
      kind,
      deadline,
      started: start.actual,
      startAt: start.at,
      doneAt,
      implied: false,
      exit: exit ?? (doneAt !== null ? { at: doneAt, actual: true } : { at: deadline, actual: false }),
    };
  }

  /** A before-deadline stage starts when the message is at the department (draft) or the stage before is done. */
  private beforeDeadlineStart(stage: Stage, kind: StageKind, atDepartment: boolean): Point {
    if (kind === 'draft') {
      const routed = this.main.last('routed');
      return routed && atDepartment
        ? { at: routed.at, actual: true }
        : { at: this.detectedAt, actual: false };
    }
    const idx = this.profile.stages.indexOf(stage);
    for (let j = idx - 1; j >= 0; j--) {
      const prev = this.profile.stages[j]!;
      const pk = stageKind(prev.id)!;
      if (OPTIONAL_STAGE_KINDS.has(pk) || pk === 'answer') continue;
      return this.rec(prev).exit;
    }
    return { at: this.detectedAt, actual: true };
  }

  private computeReview(
    stage: Stage,
    start: Point,
    deadline: number,
  ): { doneAt: number | null; exit: Point } {
    const chain = this.profile.approvalChain;
    const levelIdx = chain.findIndex((l) => l.id === stage.level);
    const cycle = this.main.last('draft-sent');
    if (!cycle || !start.actual) return { doneAt: null, exit: { at: deadline, actual: false } };
    const end = this.main.first(['approved', 'returned-for-rework'], cycle.i, (e) => {
      if (e.kind !== 'approved' || e.level === undefined) return true;
      const at = chain.findIndex((l) => l.id === e.level);
      return at >= 0 && at >= levelIdx;
    });
    if (!end) return { doneAt: null, exit: { at: deadline, actual: false } };
    if (end.kind === 'approved') return { doneAt: end.at, exit: { at: end.at, actual: true } };
    // Ended with remarks: the approval is projected through the rework and a new review.
    const rework = this.stage('rework');
    const resubmitBy = rework ? this.rec(rework).deadline : end.at;
    return { doneAt: end.at, exit: { at: this.cap(this.period(resubmitBy, stage)), actual: false } };
  }

  private computeAnswerRec(stage: Stage): Rec {
    const { start, deadline } = this.overall;
    const doneAt = this.main.first(['published', 'interim-published'])?.at ?? null;
    return {
      stage,
      kind: 'answer',
      deadline,
      started: start.actual,
      startAt: start.at,
      doneAt,
      implied: false,
      exit: doneAt !== null ? { at: doneAt, actual: true } : { at: deadline, actual: false },
    };
  }

  finalDeadline(): number | null {
    if (!this.interim) return null;
    const postponed = this.final.last('postponement-agreed');
    return postponed
      ? postponed.until
      : addWorkingDays(this.cal, this.interim.at, this.profile.interimToFinal.workingDays);
  }

  private computeFinal(stage: Stage): Rec {
    const deadline = this.finalDeadline()!;
    const due = this.profile.interimToFinal.due;
    const own = due === 'final-draft' ? this.final.first('draft-sent') : this.final.first('published');
    // A published final answer implies its draft was sent, even when the log does not say when.
    const implied = !own ? this.final.first('published') : undefined;
    const doneAt = own?.at ?? implied?.at ?? null;
    return {
      stage,
      kind: 'final-after-interim',
      deadline,
      started: true,
      startAt: this.interim!.at,
      doneAt,
      implied: !!implied,
      exit: doneAt !== null ? { at: doneAt, actual: true } : { at: deadline, actual: false },
    };
  }

  rate(start: number, deadline: number): 'on-time' | 'warning' | 'breached' {
    if (this.now > deadline) return 'breached';
    const total = this.cal.between(start, deadline);
    const left = this.cal.between(this.now, deadline);
    return left <= this.profile.thresholds.warningFraction * total ? 'warning' : 'on-time';
  }

  stateOf(r: Rec): StageState {
    if (r.doneAt !== null) return r.implied || r.doneAt <= r.deadline ? 'done' : 'done-late';
    if (!r.started) return 'pending';
    return this.rate(r.startAt, r.deadline);
  }

  /** Stages the log skips are done once a later stage of the main sequence is done. */
  implyCompletion(recs: readonly Rec[]): void {
    let later: number | null = null;
    for (let j = recs.length - 1; j >= 0; j--) {
      const r = recs[j]!;
      if (OPTIONAL_STAGE_KINDS.has(r.kind)) continue;
      if (r.doneAt === null && later !== null) {
        r.doneAt = later;
        r.implied = true;
      } else if (r.doneAt !== null) {
        later = later === null ? r.doneAt : Math.min(later, r.doneAt);
      }
    }
  }

  awaitingReroute(): boolean {
    const { returned, atDepartment } = this.routing();
    return !!returned && !atDepartment;
  }

  /** The final answer has been published after the interim one. */
  finalPublished(): boolean {
    return !!this.final.first('published');
  }
}

/** The deadline and state of every stage of one incident at `now`. Throws when the log has no `detected`. */
export function computeIncidentClock(input: ClockInput): IncidentClock {
  const c = new Computation(input);
  const { calendar: cal, now } = input;
  const answerDeadline = c.overall.deadline;
  const recs: Rec[] = [];
  for (const s of input.profile.stages) {
    const r = c.recOrNull(s);
    if (r) recs.push(r);
  }
  c.implyCompletion(recs);
  const stages: ClockStage[] = recs.map((r) => ({
    id: r.stage.id,
    title: r.stage.title,
    deadline: r.deadline,
    doneAt: r.doneAt,
    state: c.stateOf(r),
    clause: r.stage.clause,
  }));

  const answer = recs.find((r) => r.kind === 'answer')!;
  const finalDeadline = c.finalDeadline();
  let state: IncidentClock['state'];
  let budgetMinutes: number;
  let leftMinutes: number;
  let current: string | null = null;

  if (c.interim && finalDeadline !== null) {
    const fin = recs.find((r) => r.kind === 'final-after-interim')!;
    budgetMinutes = cal.between(c.interim.at, finalDeadline);
    const onTime = fin.doneAt !== null && (fin.implied || fin.doneAt <= finalDeadline);
    if (c.finalPublished()) state = onTime ? 'done' : 'done-late';
    // The final draft is in (Ставрополь p.17, Ухта p.15): nothing more is timed until it is published.
    else if (fin.doneAt !== null) state = onTime ? 'on-time' : 'breached';
    else state = c.rate(c.interim.at, finalDeadline);
    leftMinutes = signedWorkingMinutes(cal, fin.doneAt ?? now, finalDeadline);
    current = fin.doneAt === null ? fin.stage.id : null;
  } else {
    const start = c.overall.start.at;
    budgetMinutes = cal.between(start, answerDeadline);
    if (answer.doneAt !== null) {
      state = answer.doneAt <= answerDeadline ? 'done' : 'done-late';
      leftMinutes = signedWorkingMinutes(cal, answer.doneAt, answerDeadline);
    } else {
      state = c.rate(start, answerDeadline);
      leftMinutes = signedWorkingMinutes(cal, now, answerDeadline);
      const inProgress = recs.find(
        (r, j) => r.kind !== 'answer' && r.kind !== 'final-after-interim' && isRunning(stages[j]!.state),
      );
      const route = recs.find((r) => r.kind === 'route');
      current = inProgress?.stage.id ?? (c.awaitingReroute() && route ? route.stage.id : answer.stage.id);
    }
  }

  return { answerDeadline, budgetMinutes, leftMinutes, state, current, stages, finalDeadline };
}

function isRunning(s: StageState): boolean {
  return s === 'on-time' || s === 'warning' || s === 'breached';
}

export type SlaStage = { id: string; title: string; deadline: number; clause: string; optional: boolean };

/**
 * The deadlines of an incident detected at `detectedAt` and worked on time: each stage of the main sequence
 * done exactly at its deadline, in the order the regulation sequences them. Stages that count from the
 * routing but happen only in some cases (returning a misrouted message, co-executors' input) are listed with
 * `optional: true`, as they would be if the case arose; rework, re-routing and the final answer after an
 * interim depend on events an on-time incident does not have, so they are not listed.
 */
export function slaForDetection(
  profile: RegulationProfile,
  calendar: WorkCalendar,
  detectedAt: number,
  importance: ClockImportance,
): { deadline: number; stages: SlaStage[] } {
  const events: ClockEvent[] = [{ kind: 'detected', at: detectedAt }];
  const clockNow = (): IncidentClock =>
    computeIncidentClock({ profile, calendar, importance, events, now: detectedAt });
  const reviews = profile.stages.filter((s) => stageKind(s.id) === 'review');
  const lastReview = reviews[reviews.length - 1];

  for (const s of profile.stages) {
    const kind = stageKind(s.id)!;
    if (OPTIONAL_STAGE_KINDS.has(kind) || kind === 'answer') continue;
    const deadline = clockNow().stages.find((x) => x.id === s.id)!.deadline;
    events.push(completion(kind, s, deadline, s === lastReview));
  }
  const clock = clockNow();
  const byId = new Map(clock.stages.map((x) => [x.id, x]));
  const routedAt = events.find((e) => e.kind === 'routed')?.at ?? detectedAt;
  const c = new Computation({ profile, calendar, importance, events, now: detectedAt });

  const stages: SlaStage[] = [];
  for (const s of profile.stages) {
    const kind = stageKind(s.id)!;
    const optional = OPTIONAL_STAGE_KINDS.has(kind);
    let deadline = byId.get(s.id)?.deadline;
    if (kind === 'return-misrouted' && s.anchor.kind === 'routed') {
      deadline = Math.min(calendar.add(routedAt, c.minutesOf(s)), clock.answerDeadline);
    }
    if (deadline === undefined || kind === 'final-after-interim') continue;
    stages.push({ id: s.id, title: s.title, deadline, clause: s.clause, optional });
  }
  return { deadline: clock.answerDeadline, stages };
}

function completion(kind: StageKind, stage: Stage, at: number, finalReview: boolean): ClockEvent {
  switch (kind) {
    case 'route':
      return { kind: 'routed', at, coexecutors: true };
    case 'draft':
      return { kind: 'draft-sent', at };
    case 'review':
      return finalReview ? { kind: 'approved', at } : { kind: 'approved', at, level: stage.level };
    case 'publish':
      return { kind: 'published', at };
    default:
      return { kind: 'stage-done', at, stage: stage.id };
  }
}
