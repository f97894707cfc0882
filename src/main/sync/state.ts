import { z } from 'zod';
import { readSetting, writeSetting } from '../db/settings';
import type { OwnEchoes } from '../../shared/sync/wire';
import { asConn, type SyncConn } from './schema';

/** Where the sync client keeps its own state: in the workstation's settings table. */
const KEYS = {
  hub: 'sync.hub',
  cursor: 'sync.cursor',
  dirVersion: 'sync.dirVersion',
  lastSyncAt: 'sync.lastSyncAt',
  ownEchoes: 'sync.ownEchoes',
  hubUsers: 'sync.hubUsers',
} as const;

export const HubConfig = z.object({ url: z.string().url(), token: z.string().min(1) });
export type HubConfig = z.infer<typeof HubConfig>;

export async function readHubConfig(db: SyncConn): Promise<HubConfig | null> {
  const parsed = HubConfig.safeParse(await readSetting(asConn(db), KEYS.hub));
  return parsed.success ? parsed.data : null;
}

export async function writeHubConfig(db: SyncConn, config: HubConfig): Promise<void> {
  await writeSetting(asConn(db), KEYS.hub, config);
}

async function readNumber(db: SyncConn, key: string): Promise<number | null> {
  const v = await readSetting(asConn(db), key);
  return typeof v === 'number' ? v : null;
}

/** The last hub sequence number applied here; null: never synced (start from a snapshot). */
export const readCursor = (db: SyncConn) => readNumber(db, KEYS.cursor);
export const writeCursor = (db: SyncConn, v: number) => writeSetting(asConn(db), KEYS.cursor, v);
/**
 * The version of the hub's directory held here. None (0) while the hub's people are not remembered
 * (`readHubUsers`): a workstation joined before they were is sent the directory again.
 */
export const readDirVersion = async (db: SyncConn) =>
  (await readHubUsers(db)) === null ? 0 : ((await readNumber(db, KEYS.dirVersion)) ?? 0);
export const writeDirVersion = (db: SyncConn, v: number) => writeSetting(asConn(db), KEYS.dirVersion, v);
const OwnEchoesSetting = z.object({ from: z.number().int(), to: z.number().int() });

/** The numbers of this workstation's ops confirmed from push answers, one unbroken range (`OwnEchoes`). */
export async function readOwnEchoes(db: SyncConn): Promise<OwnEchoes | null> {
  const parsed = OwnEchoesSetting.safeParse(await readSetting(asConn(db), KEYS.ownEchoes));
  return parsed.success ? parsed.data : null;
}
export const writeOwnEchoes = (db: SyncConn, v: OwnEchoes | null) =>
  writeSetting(asConn(db), KEYS.ownEchoes, v);
export const readLastSyncAt = (db: SyncConn) => readNumber(db, KEYS.lastSyncAt);
export const writeLastSyncAt = (db: SyncConn, v: number) => writeSetting(asConn(db), KEYS.lastSyncAt, v);

/** The ids of the hub's people, from the last directory it sent; null before any (`refuseStrangersOps`). */
export async function readHubUsers(db: SyncConn): Promise<string[] | null> {
  const parsed = z.array(z.string()).safeParse(await readSetting(asConn(db), KEYS.hubUsers));
  return parsed.success ? parsed.data : null;
}
export const writeHubUsers = (db: SyncConn, ids: readonly string[]) =>
  writeSetting(asConn(db), KEYS.hubUsers, ids);
