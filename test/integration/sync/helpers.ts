import { createIncidents } from '../../../src/main/core/incidents';
import { SYSTEM_ACTOR } from '../../../src/main/core/changes';
import { findUserById } from '../../../src/main/db/users';
import { newConnection } from '../../../src/main/core/session';
import type { Core } from '../../../src/main/core/core';
import { makeNewIncident } from '../../support/builders';
import type { Station } from './support';

/** Registers incidents on a workstation as an import would (system actor): returns their ids. */
export async function createOn(
  station: Station,
  count = 1,
  overrides: Parameters<typeof makeNewIncident>[0] = {},
): Promise<string[]> {
  const { core } = station;
  const items = Array.from({ length: count }, () => makeNewIncident(overrides));
  const { created } = await createIncidents(core.db, core.identity, SYSTEM_ACTOR, core.now(), items);
  return created.map((c) => c.id);
}

/** Runs a workflow command through the workstation's API, as the signed-in user `userId` would. */
export async function commandOn(core: Core, userId: string, command: Record<string, unknown>) {
  const user = await findUserById(core.db, userId);
  if (!user) throw new Error(`no user ${userId} on this workstation`);
  return core.dispatch('workflow.execute', { command }, newConnection({ user }));
}

/** The incident's workflow status and version as this workstation sees them. */
export async function statusOn(core: Core, id: string): Promise<{ status: string; version: number }> {
  const row = await core.db
    .selectFrom('incidents')
    .select(['status', 'version'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  return row;
}
