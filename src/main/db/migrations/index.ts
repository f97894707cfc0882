import type { Migration, MigrationProvider } from 'kysely';
import * as m0001 from './0001_initial';

/**
 * Every migration, listed statically (bundlers cannot follow a directory scan, and the order
 * must be explicit). Names sort in the order they run. Append only.
 */
export const migrations: Record<string, Migration> = {
  '0001_initial': m0001,
};

export const staticMigrationProvider: MigrationProvider = {
  getMigrations: () => Promise.resolve(migrations),
};
