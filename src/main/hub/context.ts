import type { RegulationProfile } from '../../shared/regulations';
import type { ProtocolRange } from '../../shared/sync/versions';
import type { HubDb } from './db/open';
import type { HubDialect } from './db/migrations';
import type { HubLogger } from './log';
import type { OpRow } from './pull';

/** What every hub service shares. */
export type HubContext = {
  db: HubDb;
  dialect: HubDialect;
  now(): number;
  /** The regulation profile workflow commands are decided with. */
  profile: RegulationProfile;
  protocol: ProtocolRange;
  /** A workstation clock further ahead than this is capped to the hub's (architecture: Sync). */
  maxDriftMs: number;
  sessionTtlMs: number;
  logger: HubLogger;
  /**
   * A commit accepted the ops `after`+1…`head`, with directory version `dirVersion`: poke the connected
   * workstations (but `except`, the one that pushed them).
   */
  notify(range: PokeRange, except?: string): void;
};

/**
 * The numbers a commit accepted, `after`+1…`head`, the directory version they were accepted with, and the
 * ops themselves as stored, each with the departments it concerns (`entered`: 1 where the incident comes
 * into that department's scope with it); null when not at hand.
 */
export type PokeRange = {
  after: number;
  head: number;
  dirVersion: number;
  ops: readonly PushedOp[] | null;
};
export type PushedOp = { row: OpRow; scope: readonly { departmentId: string; entered: number }[] };

/** The authenticated client of a request. */
export type Caller = {
  id: string;
  name: string;
  kind: 'workstation' | 'intake';
  /** Departments it serves; null: the whole control centre. */
  departments: string[] | null;
  deviceId: string | null;
};

/** Runs `fn` over `items` in chunks small enough for any database's bound-parameter limit. */
export async function inChunks<T, R>(
  items: readonly T[],
  size: number,
  fn: (chunk: T[]) => Promise<R[]>,
): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < items.length; i += size) out.push(...(await fn(items.slice(i, i + size))));
  return out;
}
