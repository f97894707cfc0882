import type { Db } from '../db/open';
import type { CoreEvents } from './events';
import type { Identity } from './identity';
import type { Logger } from './dispatch';
import type { Organisation } from './organisation';
import type { SlaClock } from './sla';
import type { Handlers } from './dispatch';
import type { Method } from '../../shared/api/contract';

/** What every feature's handlers share: the database, the clock, the organisation, the push events. */
export type CoreContext = {
  db: Db;
  identity: Identity;
  events: CoreEvents;
  now: () => number;
  logger: Logger;
  resourcesDir: string | undefined;
  /** The organisation as last loaded; replaced when an administrator changes it. */
  organisation(): Organisation;
  sla(): SlaClock;
  /** Re-reads the organisation's settings, rebuilds the clock and tells every window. */
  reloadOrganisation(): Promise<Organisation>;
};

/** The handlers of one feature's group of methods. */
export type HandlersOf<M extends Method> = Pick<Handlers, M>;
