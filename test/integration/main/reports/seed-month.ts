import { openCore, type Core } from '../../../../src/main/core/core';
import { SYSTEM_ACTOR } from '../../../../src/main/core/changes';
import type { CoreContext } from '../../../../src/main/core/context';
import { createIncidents } from '../../../../src/main/core/incidents';
import { executeCommand } from '../../../../src/main/core/workflow';
import { readWorkflowState } from '../../../../src/main/db/workflow';
import type { NewIncident } from '../../../../src/shared/api/contract';
import { CommandSchema } from '../../../../src/shared/workflow';
import { actorOf, REACTIONS, SCENARIO } from '../../../unit/shared/reports/month-scenario';

/** The core as the workflow's commands see it (what `openCore` builds inside). */
export function contextOf(core: Core): CoreContext {
  return {
    db: core.db,
    identity: core.identity,
    events: core.events,
    now: core.now,
    logger: console,
    resourcesDir: undefined,
    organisation: core.organisation,
    sla: core.sla,
    reloadOrganisation: () => Promise.resolve(core.organisation()),
  };
}

async function create(core: Core, incident: NewIncident): Promise<string> {
  const { created } = await createIncidents(
    core.db,
    core.identity,
    SYSTEM_ACTOR,
    incident.detectedAt,
    [incident],
    'test.seed',
  );
  const id = created[0]?.id;
  if (!id) throw new Error(`not created: ${incident.externalId}`);
  return id;
}

/**
 * Replays the hand-built month (test/unit/shared/reports/month-scenario.ts) on a workstation database: each
 * incident registered at its detection, each step a real workflow command at its instant by its demo user,
 * each reaction recorded through the API. Returns the incident id of each scenario key.
 */
export async function seedScenario(core: Core): Promise<Map<string, string>> {
  const ctx = contextOf(core);
  const ids = new Map<string, string>();
  for (const s of SCENARIO) {
    const id = await create(core, {
      source: 'im',
      network: 'vk',
      url: s.url,
      externalId: `scenario-${s.key}`,
      authorName: s.authorName,
      text: s.text,
      publishedAt: s.detectedAt - 5 * 60_000,
      detectedAt: s.detectedAt,
      topic: s.topic,
      location: s.location,
      importance: s.importance,
    });
    ids.set(s.key, id);
  }
  const idOf = (key: string) => {
    const id = ids.get(key);
    if (!id) throw new Error(`no scenario incident ${key}`);
    return id;
  };
  for (const s of SCENARIO) {
    const incidentId = idOf(s.key);
    for (const step of s.steps) {
      const state = await readWorkflowState(core.db, incidentId);
      if (!state) throw new Error(`missing ${s.key}`);
      const actor = actorOf(step.by);
      const command = CommandSchema.parse({
        ...step.payload(idOf),
        incidentId,
        actor,
        expectedStatus: state.status,
        expectedVersion: state.version,
      });
      await executeCommand(ctx, actor, command, step.at);
    }
  }
  for (const r of REACTIONS) {
    const result = await core.dispatch('reports.reaction.record', {
      incidentId: idOf(r.key),
      reaction: r.reaction,
      note: '',
    });
    if (!result.ok) throw new Error(`reaction ${r.key}: ${result.error.message}`);
  }
  return ids;
}

export const SURGE_TOPIC = 'Ливневая канализация';
export const SURGE_PLACE = 'Северный район, ул. Береговая';

/**
 * A synthetic surge: two messages a week on one topic and place for the eight weeks before `now`, then twelve
 * in the last five days.
 */
export async function seedSurge(core: Core, now: number): Promise<void> {
  const day = 86_400_000;
  const times: number[] = [];
  for (let week = 1; week <= 8; week++)
    times.push(now - week * 7 * day - day, now - week * 7 * day - 4 * day);
  for (let i = 0; i < 12; i++) times.push(now - 5 * day + i * 9 * 3_600_000);
  let n = 0;
  for (const detectedAt of times) {
    n++;
    await create(core, {
      source: 'pos',
      network: 'pos',
      url: null,
      externalId: `surge-${n}`,
      authorName: `Житель ${n}`,
      text: 'После дождя улицу снова затопило: ливневка забита.',
      publishedAt: detectedAt - 60_000,
      detectedAt,
      topic: SURGE_TOPIC,
      location: `${SURGE_PLACE}, ${n}`,
      importance: 'normal',
    });
  }
}

/** A demo data folder (departments, users, today's incidents) with the hand-built month and the surge. */
export async function prepareReportDataDir(dataDir: string): Promise<Map<string, string>> {
  const core = await openCore({ dataDir, transport: 'cli', demo: true, demoFeed: false });
  try {
    const ids = await seedScenario(core);
    await seedSurge(core, core.now());
    return ids;
  } finally {
    await core.close();
  }
}
