import type Database from 'better-sqlite3';
import { ApiFailure, type Envelope } from '../../shared/api/envelope';
import { Settings, type AppInfo } from '../../shared/api/contract';
import { kyselyOver, migrateToLatest, openSqlite, type Db } from '../db/open';
import { countIncidents } from '../db/incidents';
import { readSetting, writeSetting } from '../db/settings';
import { prepareDataDir, type DataDir } from './data-dir';
import { CoreEvents } from './events';
import { dispatch, type Handlers, type Logger } from './dispatch';
import { loadIdentity, type Identity } from './identity';
import type { CoreContext } from './context';
import { newConnection, type Connection } from './session';
import { findUserByLogin, type UserRecord } from '../db/users';
import { queueHandlers } from './handlers/queue';
import { organisationHandlers } from './handlers/organisation';
import { reportsHandlers } from './handlers/reports';
import { sessionHandlers } from './handlers/session';
import { card, workflowHandlers } from './handlers/workflow';
import { reviewHandlers } from './handlers/review';
import { liveQueueHandlers } from './handlers/queue-live';
import { syncHandlers } from './handlers/sync';
import { SyncService } from '../sync/service';
import { workingTimeSla, type SlaClock } from './sla';
import { loadOrganisation, type Organisation } from './organisation';
import { seedDemo, DemoFeed, DEMO_DEFAULT_LOGIN } from './demo-feed';

export type CoreOptions = {
  dataDir: string;
  transport: AppInfo['transport'] | 'cli';
  /** Seed the demo set when the database is new (the embedded default). */
  demo?: boolean;
  /** Override the stored «demo feed» setting for this run (a command-line flag). */
  demoFeed?: boolean;
  /** Watch the database for commits by other processes (the CLI, another window) and push `queue.changed`. */
  watchExternalChanges?: boolean;
  now?: () => number;
  nativeBinding?: string;
  logger?: Logger;
  version?: string;
  /** The `resources/` folder (calendars, regulation profiles); defaults to the source tree's. */
  resourcesDir?: string;
};

export type Core = {
  dataDir: DataDir;
  db: Db;
  identity: Identity;
  events: CoreEvents;
  handlers: Handlers;
  now: () => number;
  /** The organisation as currently configured (it changes when an administrator edits it). */
  organisation(): Organisation;
  sla(): SlaClock;
  /** A new connection (a window, a WebSocket) with the workstation's default session. */
  connect(options?: { readOnly?: boolean }): Connection;
  /** Calls a method as `connection` (by default, an internal connection with the default session). */
  dispatch(method: string, request: unknown, connection?: Connection): Promise<Envelope<unknown>>;
  close(): Promise<void>;
};

const DEFAULT_SETTINGS: Settings = { demoFeed: false, demoFeedIntervalMs: 5000 };
const SETTINGS_KEY = 'app.settings';
const EXTERNAL_POLL_MS = 500;

async function readSettings(db: Db): Promise<Settings> {
  const stored = Settings.partial().safeParse((await readSetting(db, SETTINGS_KEY)) ?? {});
  return { ...DEFAULT_SETTINGS, ...(stored.success ? stored.data : {}) };
}

/**
 * Opens the workstation core on a data directory: database, migrations, identity, demo seed and
 * feed, and the API handlers. No Electron here: the same core runs under Electron, the web host and the CLI.
 */
export async function openCore(options: CoreOptions): Promise<Core> {
  const now = options.now ?? (() => Date.now());
  const logger = options.logger ?? console;
  const dataDir = prepareDataDir(options.dataDir);
  const sqlite: Database.Database = openSqlite(dataDir.database, { nativeBinding: options.nativeBinding });
  const db = kyselyOver(sqlite);
  await migrateToLatest(db);
  const identity = await loadIdentity(db);
  const events = new CoreEvents();
  let organisation = await loadOrganisation(db, { resourcesDir: options.resourcesDir });
  let sla: SlaClock = workingTimeSla(organisation);

  const ctx: CoreContext = {
    db,
    identity,
    events,
    now,
    logger,
    resourcesDir: options.resourcesDir,
    organisation: () => organisation,
    sla: () => sla,
    async reloadOrganisation() {
      organisation = await loadOrganisation(db, { resourcesDir: options.resourcesDir });
      sla = workingTimeSla(organisation);
      events.emit('worktime.changed', { profileId: organisation.profile.id });
      events.emit('queue.changed', { reason: 'updated', ids: [] });
      return organisation;
    },
  };

  if (
    (options.demo ?? true) &&
    (await countIncidents(db)) === 0 &&
    (await readSetting(db, 'demo.seeded')) === undefined
  ) {
    await seedDemo(ctx);
    await writeSetting(db, SETTINGS_KEY, { ...(await readSettings(db)), demoFeed: true });
    await writeSetting(db, 'demo.seeded', true);
  }

  let settings = await readSettings(db);
  const feed = new DemoFeed(
    db,
    identity,
    now,
    (ids) => events.emit('queue.changed', { reason: 'created', ids }),
    logger,
  );
  const applyFeed = () => feed.configure(options.demoFeed ?? settings.demoFeed, settings.demoFeedIntervalMs);
  applyFeed();

  let lastDataVersion = sqlite.pragma('data_version', { simple: true }) as number;
  const watcher =
    (options.watchExternalChanges ?? options.transport !== 'cli')
      ? setInterval(() => {
          // data_version changes only when another connection commits: the CLI or a second app instance.
          if (!sqlite.open) return;
          const version = sqlite.pragma('data_version', { simple: true }) as number;
          if (version !== lastDataVersion) {
            lastDataVersion = version;
            events.emit('queue.changed', { reason: 'updated', ids: [] });
          }
        }, EXTERNAL_POLL_MS)
      : null;
  watcher?.unref();

  // The embedded demo opens signed in as an operator (issue #4); a real workstation asks to sign in.
  const demoMode = (await readSetting(db, 'demo.seeded')) === true;
  const defaultUser: UserRecord | null = demoMode ? await findUserByLogin(db, DEMO_DEFAULT_LOGIN) : null;

  // Sync with the hub (issue #7): the background loop runs once the workstation has joined one.
  const sync = await SyncService.start({
    db,
    identity,
    events,
    now,
    logger,
    background: options.transport !== 'cli',
    filesDir: dataDir.root,
  });

  const handlers: Handlers = {
    'app.info': () =>
      Promise.resolve({
        name: 'Отклик',
        version: options.version ?? '0.1.0',
        timeZone: organisation.schedule.zone,
        transport: options.transport === 'electron' ? 'electron' : 'web',
        demo: settings.demoFeed || options.demoFeed === true,
      }),
    'settings.get': () => Promise.resolve(settings),
    'settings.update': async (patch) => {
      // The feed writes made-up incidents: on a real workstation they would stand in its queue and, joined
      // to a hub, reach every other one. Only the demo's database has it.
      if (patch.demoFeed === true && !demoMode) {
        throw new ApiFailure(
          'forbidden',
          'Демо-поток есть только в демонстрации: в рабочей базе он добавлял бы вымышленные инциденты',
        );
      }
      settings = Settings.parse({ ...settings, ...patch });
      await writeSetting(db, SETTINGS_KEY, settings);
      applyFeed();
      events.emit('settings.changed', settings);
      return settings;
    },
    ...queueHandlers(ctx),
    ...organisationHandlers(ctx),
    ...reportsHandlers(ctx),
    ...sessionHandlers(ctx, { demo: () => demoMode }),
    ...workflowHandlers(ctx, dataDir),
    ...reviewHandlers(ctx, (id, connection) => card(ctx, id, connection)),
    ...liveQueueHandlers(ctx),
    ...syncHandlers(sync, db),
  };
  handlers['session.signIn'] = sync.wrapSignIn(handlers['session.signIn']);

  const connect = (o: { readOnly?: boolean } = {}) =>
    newConnection({ user: o.readOnly ? null : defaultUser, readOnly: o.readOnly ?? false });
  const internal = connect();

  return {
    dataDir,
    db,
    identity,
    events,
    handlers,
    now,
    organisation: () => organisation,
    sla: () => sla,
    connect,
    dispatch: (method, request, connection = internal) =>
      dispatch(handlers, method, request, connection, logger),
    async close() {
      await sync.stop();
      feed.stop();
      if (watcher) clearInterval(watcher);
      await db.destroy();
    },
  };
}
