import { stageKind, type CriterionKey } from '../regulations';
import { analyseIncident, type AnalyseContext, type IncidentFacts } from './analyse';
import { figuresOf } from './figures';
import { completedBy, holderAt, type Directory } from './holder';
import { DEFAULT_HOTSPOT_RULE, surgesDuring, type Signal } from './hotspots';
import {
  REACTION_ACTION,
  ReactionAuditAfterSchema,
  type MonthlyInput,
  type ReportAuditRow,
  type ReportIncident,
} from './input';
import { CRITERION_SHORT_LABEL, FIGURE_LABEL, NO_DEPARTMENT } from './labels';
import { districtOf, NO_PLACE, placeOf } from './locations';
import { monthBounds, monthLabel, previousMonth } from './month';
import { reportDeadline } from './reminder';
import { lastRoutedDepartment } from './replay';
import type {
  BreachRow,
  CriterionRow,
  DepartmentRow,
  DynamicsRow,
  Figures,
  LocationRow,
  MonthlyReport,
  Reaction,
  RepeatCause,
  RepeatGroup,
  StageBreachCount,
  TopicRow,
} from './schema';

/** The latest reaction recorded for each incident up to `asOf`. */
function reactionsOf(audit: readonly ReportAuditRow[], asOf: number): Map<string, Reaction> {
  const latest = new Map<string, { at: number; reaction: Reaction }>();
  for (const row of audit) {
    if (row.action !== REACTION_ACTION || row.incidentId === null || row.at > asOf) continue;
    const parsed = ReactionAuditAfterSchema.safeParse(row.after);
    if (!parsed.success) continue;
    const seen = latest.get(row.incidentId);
    if (!seen || row.at >= seen.at)
      latest.set(row.incidentId, { at: row.at, reaction: parsed.data.reaction });
  }
  return new Map([...latest].map(([id, r]) => [id, r.reaction]));
}

function groupBy<K, T>(items: readonly T[], key: (t: T) => K): Map<K, T[]> {
  const out = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = out.get(k);
    if (list) list.push(item);
    else out.set(k, [item]);
  }
  return out;
}

function dynamics(previous: Figures, current: Figures): DynamicsRow[] {
  const row = (
    key: keyof typeof FIGURE_LABEL & keyof Figures,
    unit: DynamicsRow['unit'],
    better: DynamicsRow['better'],
  ): DynamicsRow => {
    const read = (f: Figures): number | null => {
      const v = f[key];
      if (typeof v !== 'number') return null;
      return unit === 'hours' ? v / 60 : v;
    };
    const p = read(previous);
    const c = read(current);
    return {
      key,
      label: FIGURE_LABEL[key].replace(', раб. ч', ''),
      unit,
      previous: p,
      current: c,
      delta: p === null || c === null ? null : c - p,
      better,
    };
  };
  return [
    row('received', 'count', 'neutral'),
    row('answeredOnTime', 'count', 'up'),
    row('answeredLate', 'count', 'down'),
    row('onTimeShare', 'share', 'up'),
    row('overdueNow', 'count', 'down'),
    row('reworkReturns', 'count', 'down'),
    row('firstPassShare', 'share', 'up'),
    row('publishMinutesMedian', 'hours', 'down'),
    row('interim', 'count', 'neutral'),
    row('closedNoAnswer', 'count', 'neutral'),
    row('repeats', 'count', 'down'),
    row('satisfactionShare', 'share', 'up'),
  ];
}

/**
 * The monthly summary to the head (Новороссийск p.20; Ухта p.22; Сочи 2.4, 2.6, 3.5): the incidents detected in
 * the month, judged at `now` by the profile's clock on the organisation's calendar, per department and in
 * total, against the month before, with topics, places, repeats, breaches and hot spots. Pure.
 */
export function buildMonthlyReport(input: MonthlyInput): MonthlyReport {
  const { month, zone, profile, calendar } = input;
  const asOf = input.now;
  const rule = input.rule ?? DEFAULT_HOTSPOT_RULE;
  const prev = previousMonth(month);
  const bounds = monthBounds(month, zone);
  const prevBounds = monthBounds(prev, zone);
  const byId = new Map(input.incidents.map((i) => [i.id, i]));
  const departments = new Map(input.departments.map((d) => [d.id, d]));
  const dir: Directory = { profile, departments, users: new Map(input.users.map((u) => [u.id, u])) };
  const reactions = reactionsOf(input.audit, asOf);

  const ctx: AnalyseContext = {
    profile,
    calendar,
    asOf,
    departmentOfIncident: (id) => {
      const earlier = byId.get(id);
      if (!earlier) return null;
      return lastRoutedDepartment(earlier.events.filter((e) => e.at <= asOf)) ?? earlier.departmentId;
    },
    reactionOf: (id) => reactions.get(id) ?? null,
  };
  const inPeriod = (i: ReportIncident, b: { from: number; to: number }) =>
    i.detectedAt >= b.from && i.detectedAt < b.to && i.detectedAt <= asOf;
  const current = input.incidents.filter((i) => inPeriod(i, bounds)).map((i) => analyseIncident(i, ctx));
  const before = input.incidents.filter((i) => inPeriod(i, prevBounds)).map((i) => analyseIncident(i, ctx));

  const depName = (id: string | null) =>
    id === null ? NO_DEPARTMENT.name : (departments.get(id)?.name ?? id);

  // Departments.
  const curByDep = groupBy(current, (f) => f.departmentId);
  const prevByDep = groupBy(before, (f) => f.departmentId);
  const depIds = [...new Set([...curByDep.keys(), ...prevByDep.keys()])];
  const departmentRows: DepartmentRow[] = depIds
    .map((id) => ({
      departmentId: id,
      name: depName(id),
      shortName: id === null ? NO_DEPARTMENT.shortName : (departments.get(id)?.shortName ?? id),
      figures: figuresOf(curByDep.get(id) ?? []),
      previous: figuresOf(prevByDep.get(id) ?? []),
    }))
    .sort(
      (a, b) =>
        Number(a.departmentId === null) - Number(b.departmentId === null) ||
        b.figures.received - a.figures.received ||
        a.name.localeCompare(b.name, 'ru'),
    );

  const total = figuresOf(current);
  const previousTotal = figuresOf(before);

  // Quality: criteria of the profile, and any other cited.
  const cited = Object.keys(total.reworkByCriterion);
  const keys = [...new Set([...profile.criteria.map((c) => c.key), ...cited])] as CriterionKey[];
  const criteria: CriterionRow[] = keys
    .map((key) => {
      const returns = total.reworkByCriterion[key] ?? 0;
      return {
        key,
        label: CRITERION_SHORT_LABEL[key] ?? key,
        clause: profile.criteria.find((c) => c.key === key)?.clause ?? '—',
        returns,
        share: total.reviewedAnswers === 0 ? null : returns / total.reviewedAnswers,
      };
    })
    .sort((a, b) => b.returns - a.returns);

  // Topics.
  const curByTopic = groupBy(current, (f) => f.incident.topic.trim() || 'Без темы');
  const prevByTopic = groupBy(before, (f) => f.incident.topic.trim() || 'Без темы');
  const topics: TopicRow[] = [...new Set([...curByTopic.keys(), ...prevByTopic.keys()])]
    .map((topic) => {
      const fs = curByTopic.get(topic) ?? [];
      return {
        topic,
        count: fs.length,
        previous: prevByTopic.get(topic)?.length ?? 0,
        share: current.length === 0 ? null : fs.length / current.length,
        answeredOnTime: fs.filter((f) => f.answeredOnTime).length,
        overdueNow: fs.filter((f) => f.overdueNow).length,
        repeats: fs.filter((f) => f.repeat !== null).length,
      };
    })
    .sort((a, b) => b.count - a.count || b.previous - a.previous || a.topic.localeCompare(b.topic, 'ru'));

  // Places.
  const place = (f: IncidentFacts) => placeOf(f.incident.location) || NO_PLACE;
  const curByPlace = groupBy(current, place);
  const prevByPlace = groupBy(before, place);
  const locations: LocationRow[] = [...new Set([...curByPlace.keys(), ...prevByPlace.keys()])]
    .map((p) => {
      const fs = curByPlace.get(p) ?? [];
      const topicCounts = groupBy(fs, (f) => f.incident.topic);
      const topTopic =
        [...topicCounts.entries()].sort(
          (a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0], 'ru'),
        )[0]?.[0] ?? '';
      const sample = fs[0] ?? prevByPlace.get(p)?.[0];
      return {
        district: p === NO_PLACE ? '' : sample ? districtOf(sample.incident.location) : '',
        place: p,
        count: fs.length,
        previous: prevByPlace.get(p)?.length ?? 0,
        open: fs.filter((f) => f.open).length,
        overdueNow: fs.filter((f) => f.overdueNow).length,
        repeats: fs.filter((f) => f.repeat !== null).length,
        topTopic,
      };
    })
    .sort((a, b) => b.count - a.count || b.previous - a.previous || a.place.localeCompare(b.place, 'ru'));

  // Repeated messages, grouped with the earlier answer (Ухта p.17; Сочи 2.6).
  const repeatFacts = current.filter((f) => f.repeat !== null);
  const repeats: RepeatGroup[] = [...groupBy(repeatFacts, (f) => f.repeat!.earlierIncidentId).entries()]
    .map(([earlierId, fs]) => {
      const earlier = byId.get(earlierId);
      const earlierEvents = earlier?.events.filter((e) => e.at <= asOf) ?? [];
      const earlierDep = earlier ? ctx.departmentOfIncident(earlierId) : null;
      return {
        earlierIncidentId: earlierId,
        earlierAnswerUrl: fs[fs.length - 1]!.repeat!.earlierAnswerUrl,
        earlier: earlier
          ? {
              detectedAt: earlier.detectedAt,
              topic: earlier.topic,
              location: earlier.location,
              text: earlier.text,
              departmentName: earlierDep === null ? null : depName(earlierDep),
              answeredAt: earlierEvents.find((e) => e.type === 'published')?.at ?? null,
            }
          : null,
        repeats: fs
          .map((f) => ({
            incidentId: f.incident.id,
            detectedAt: f.incident.detectedAt,
            authorName: f.incident.authorName,
            text: f.incident.text,
            newFacts: f.repeat!.newFacts,
            status: f.status,
          }))
          .sort((a, b) => a.detectedAt - b.detectedAt),
      };
    })
    .sort(
      (a, b) => b.repeats.length - a.repeats.length || a.earlierIncidentId.localeCompare(b.earlierIncidentId),
    );
  const repeatCauses: RepeatCause[] = [...groupBy(repeatFacts, (f) => f.incident.topic).entries()]
    .map(([topic, fs]) => ({
      topic,
      repeats: fs.length,
      withNewFacts: fs.filter((f) => f.repeat!.newFacts).length,
    }))
    .sort((a, b) => b.repeats - a.repeats || a.topic.localeCompare(b.topic, 'ru'));

  // Breaches, with who held the incident at the deadline (Ставрополь p.23; Ухта p.20).
  const breaches: BreachRow[] = current
    .flatMap((f) =>
      f.breaches.map((s): BreachRow => {
        const kind = stageKind(s.id);
        return {
          incidentId: f.incident.id,
          detectedAt: f.incident.detectedAt,
          topic: f.incident.topic,
          location: f.incident.location,
          departmentName: depName(f.departmentId),
          stageId: s.id,
          stageTitle: s.title,
          clause: s.clause,
          primary: kind === 'answer' || kind === 'final-after-interim',
          deadline: s.deadline,
          doneAt: s.doneAt,
          overdueMinutes: calendar.between(s.deadline, s.doneAt ?? asOf),
          holder: holderAt(f.incident, f.events, s.deadline, s.id, dir),
          completedBy: s.doneAt === null ? null : completedBy(f.events, s.doneAt, dir),
        };
      }),
    )
    .sort((a, b) => Number(b.primary) - Number(a.primary) || a.deadline - b.deadline);
  const stageBreaches: StageBreachCount[] = [...groupBy(breaches, (b) => b.stageId).entries()]
    .map(([stageId, bs]) => ({
      stageId,
      stageTitle: bs[0]!.stageTitle,
      clause: bs[0]!.clause,
      count: bs.length,
    }))
    .sort(
      (a, b) =>
        profile.stages.findIndex((s) => s.id === a.stageId) -
        profile.stages.findIndex((s) => s.id === b.stageId),
    );

  const signals: readonly Signal[] =
    input.signals ??
    input.incidents.map((i) => ({ topic: i.topic, location: i.location, detectedAt: i.detectedAt }));
  const historyFrom =
    input.historyFrom ?? signals.reduce((m, s) => Math.min(m, s.detectedAt), Number.POSITIVE_INFINITY);
  const hotspots = surgesDuring(signals, bounds.from, Math.min(bounds.to, asOf), rule, historyFrom);

  return {
    month,
    monthLabel: monthLabel(month),
    previousMonth: prev,
    previousMonthLabel: monthLabel(prev),
    from: bounds.from,
    to: bounds.to,
    asOf,
    zone,
    profile: { id: profile.id, name: profile.name },
    deadline: reportDeadline(month),
    total,
    previousTotal,
    departments: departmentRows,
    dynamics: dynamics(previousTotal, total),
    criteria,
    topics,
    locations,
    repeats,
    repeatCauses,
    breaches,
    stageBreaches,
    hotspots,
    hotspotRule: rule,
  };
}
