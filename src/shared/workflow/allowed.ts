import { type RegulationProfile } from '../regulations';
import { COMMAND_TYPES, type CommandType } from './commands';
import { type DepartmentDirectory } from './directory';
import { guard } from './policy';
import { type Actor } from './roles';
import { type IncidentWorkflowState } from './state';

export type AllowedOptions = {
  /** The directory and the time, to see substitutes; without them the actor's home department counts. */
  departments: DepartmentDirectory;
  now: number;
};

/**
 * The commands `actor` may issue on `state`, in `COMMAND_TYPES` order, for the UI to show only those.
 * It runs the same guard as `decide`, so a listed command is accepted with a valid payload (a route to a known
 * department, a non-empty reason…), and an unlisted one is rejected whatever its payload.
 */
export function allowedCommands(
  state: IncidentWorkflowState,
  actor: Actor,
  profile: RegulationProfile,
  options?: AllowedOptions,
): CommandType[] {
  const ctx = {
    profile,
    actor,
    departments: options?.departments ?? null,
    now: options?.now ?? 0,
  };
  return COMMAND_TYPES.filter((type) => guard(state, type, ctx) === null);
}
