import type { Migration, MigrationProvider } from 'kysely';
import * as m0001 from './0001_initial';
import * as m0002 from './0002_workflow';
import * as m0003 from './0003_queue';
import * as m0004 from './0004_sync';
import * as m0005 from './0005_sync_away';

/**
 * Every migration, listed statically (bundlers cannot follow a directory scan, and the order
 * must be explicit). Names sort in the order they run. Append only.
 */
export const migrations: Record<string, Migration> = {
  '0001_initial': m0001,
  '0002_workflow': m0002,
  '0003_queue': m0003,
  '0004_sync': m0004,
  '0005_sync_away': m0005,
};

export const staticMigrationProvider: MigrationProvider = {
  getMigrations: () => Promise.resolve(migrations),
};
