import type { RegulationProfile } from '../../shared/regulations';
import { DEFAULT_MAX_DRIFT_MS } from '../../shared/sync/hlc';
import { HUB_PROTOCOL, type ProtocolRange } from '../../shared/sync/versions';
import { BUNDLED_PROFILE_IDS, loadBundledProfile, type BundledProfileId } from '../regulations/bundled';
import type { HubContext } from './context';
import { openHubDatabase, type HubDatabase } from './db/open';
import { jsonLogger, type HubLogger } from './log';
import { startHubServer, type HubServer } from './server';

export type HubOptions = {
  port: number;
  host?: string;
  dataDir?: string;
  /** `postgres://…` for PostgreSQL; `:memory:` for an in-memory SQLite (tests). */
  databaseUrl?: string;
  /** The regulation profile workflow commands are decided with (a bundled profile id). */
  profileId?: string;
  profile?: RegulationProfile;
  protocol?: ProtocolRange;
  maxDriftMs?: number;
  sessionTtlMs?: number;
  now?: () => number;
  logger?: HubLogger;
};

export type Hub = {
  url: string;
  port: number;
  database: HubDatabase;
  context: HubContext;
  server: HubServer;
  close(): Promise<void>;
};

const DAY = 86_400_000;

/** Starts a hub: its database (migrated), its HTTP API and its poke channel. */
export async function startHub(options: HubOptions): Promise<Hub> {
  const logger = options.logger ?? jsonLogger();
  const profileId = options.profileId ?? 'novorossiysk';
  if (!options.profile && !(BUNDLED_PROFILE_IDS as readonly string[]).includes(profileId)) {
    throw new Error(`Unknown regulation profile ${profileId}: ${BUNDLED_PROFILE_IDS.join(', ')}`);
  }
  const profile = options.profile ?? (await loadBundledProfile(profileId as BundledProfileId));
  const database = await openHubDatabase({ databaseUrl: options.databaseUrl, dataDir: options.dataDir });
  let server: HubServer | null = null;
  const context: HubContext = {
    db: database.db,
    dialect: database.dialect,
    now: options.now ?? (() => Date.now()),
    profile,
    protocol: options.protocol ?? HUB_PROTOCOL,
    maxDriftMs: options.maxDriftMs ?? DEFAULT_MAX_DRIFT_MS,
    sessionTtlMs: options.sessionTtlMs ?? 30 * DAY,
    logger,
    notify: (range, except) => server?.poke(range, except),
  };
  try {
    server = await startHubServer(context, { port: options.port, host: options.host });
  } catch (e) {
    await database.db.destroy();
    throw e;
  }
  logger.info('hub.started', { url: server.url, database: database.describe, profile: profile.id });
  const started = server;
  let closed: Promise<void> | null = null;
  return {
    url: started.url,
    port: started.port,
    database,
    context,
    server: started,
    close() {
      closed ??= (async () => {
        await started.close();
        await database.db.destroy();
        logger.info('hub.stopped', {});
      })();
      return closed;
    },
  };
}
