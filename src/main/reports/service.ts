import { randomUUID } from 'node:crypto';
import {
  buildMonthlyReport,
  DEFAULT_HOTSPOT_RULE,
  detectHotspots,
  ProducedMonthsSchema,
  REACTION_ACTION,
  reportReminder,
  type HotspotRow,
  type HotspotRule,
  type Month,
  type MonthlyReport,
  type ProducedMonths,
  type Reaction,
  type ReportReminder,
} from '../../shared/reports';
import type { RegulationProfile } from '../../shared/regulations';
import { SYNC_SCHEMA_VERSION } from '../../shared/sync/op';
import type { AuditEventWire } from '../../shared/sync/payloads';
import { appendAuditEvent } from '../db/audit';
import type { Conn } from '../db/incidents';
import type { Db } from '../db/open';
import { appendOutboxOp } from '../db/outbox';
import { readSetting, writeSetting } from '../db/settings';
import type { Identity } from '../core/identity';
import type { Organisation } from '../core/organisation';
import { loadHistoryStart, loadMonthlyData, loadSignals } from './load';

const DAY = 86_400_000;
const PRODUCED_KEY = 'reports.produced';

export class UnknownProfileError extends Error {
  constructor(readonly profileId: string) {
    super(`Нет регламента «${profileId}»`);
    this.name = 'UnknownProfileError';
  }
}

function profileFor(org: Organisation, profileId: string | undefined): RegulationProfile {
  if (profileId === undefined) return org.profile;
  const found = org.profiles.find((p) => p.id === profileId);
  if (!found) throw new UnknownProfileError(profileId);
  return found;
}

/** The monthly report of `month` at `now`, under the active profile or the one named. */
export async function monthlyReport(
  db: Conn,
  org: Organisation,
  month: Month,
  now: number,
  profileId?: string,
): Promise<MonthlyReport> {
  const profile = profileFor(org, profileId);
  const zone = org.schedule.zone;
  const data = await loadMonthlyData(db, month, zone);
  return buildMonthlyReport({
    month,
    zone,
    now,
    profile,
    calendar: org.calendar,
    departments: data.departments,
    users: data.users,
    incidents: data.incidents,
    signals: data.signals,
    historyFrom: data.historyFrom,
    audit: data.audit,
  });
}

export type HotspotsNow = {
  asOf: number;
  rule: HotspotRule;
  topics: HotspotRow[];
  places: HotspotRow[];
};

/** Topics and places judged now by the hot-spot rule (the dashboard and the wall screen). */
export async function hotspotsAt(db: Conn, now: number, rule = DEFAULT_HOTSPOT_RULE): Promise<HotspotsNow> {
  const from = now - (rule.baselineWindows + 1) * rule.windowDays * DAY;
  const [signals, historyFrom] = await Promise.all([loadSignals(db, from, now + 1), loadHistoryStart(db)]);
  const first = historyFrom ?? Number.POSITIVE_INFINITY;
  return {
    asOf: now,
    rule,
    topics: detectHotspots(signals, 'topic', now, rule, first),
    places: detectHotspots(signals, 'place', now, rule, first),
  };
}

export async function readProducedMonths(db: Conn): Promise<ProducedMonths> {
  const parsed = ProducedMonthsSchema.safeParse((await readSetting(db, PRODUCED_KEY)) ?? {});
  return parsed.success ? parsed.data : {};
}

/** Records that the month's report was produced (exported): the reminder stops (Новороссийск p.20). */
export async function markProduced(
  db: Conn,
  month: Month,
  at: number,
  by: string | null,
  format: string,
): Promise<void> {
  const produced = await readProducedMonths(db);
  // The first production counts for the deadline; a later export does not move it.
  if (produced[month]) return;
  await writeSetting(db, PRODUCED_KEY, { ...produced, [month]: { at, by, format } });
}

export async function reminderAt(db: Conn, now: number, zone: string): Promise<ReportReminder> {
  return reportReminder(now, zone, await readProducedMonths(db));
}

export type ReactionInput = { incidentId: string; reaction: Reaction; note: string };

/**
 * Records an author's reaction to the answer (Сочи 2.4). It is an audit event of its own (`reports.reaction`),
 * replicated like every audit event (an `audit.append` op in the same transaction), so no table is needed:
 * the report reads the latest one per incident.
 */
export async function recordReaction(
  db: Db,
  identity: Identity,
  actor: { userId: string; role: string },
  at: number,
  input: ReactionInput,
): Promise<void> {
  const event: AuditEventWire = {
    id: randomUUID(),
    at,
    actorId: actor.userId,
    actorRole: actor.role,
    deviceId: identity.deviceId,
    incidentId: input.incidentId,
    action: REACTION_ACTION,
    before: null,
    after: { reaction: input.reaction, note: input.note },
  };
  await db.transaction().execute(async (trx) => {
    await appendAuditEvent(trx, event);
    await appendOutboxOp(
      trx,
      {
        opId: event.id,
        kind: 'audit.append',
        entity: 'incident',
        entityId: input.incidentId,
        payload: event,
        hlc: await identity.nextHlc(trx, at),
        deviceId: identity.deviceId,
        userId: actor.userId,
        schemaVersion: SYNC_SCHEMA_VERSION,
      },
      at,
    );
  });
}
