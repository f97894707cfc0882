import { mkdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

export const APP_NAME = 'Otklik';
export const DATABASE_FILE = 'otklik.sqlite';

/**
 * The folder Electron's `app.getPath('userData')` uses, so the web host and the CLI find the same
 * data as the desktop app when no `--data-dir` is given.
 */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), APP_NAME);
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', APP_NAME);
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), APP_NAME);
}

export type DataDir = { root: string; database: string };

export function prepareDataDir(dir: string): DataDir {
  const root = resolve(dir);
  mkdirSync(root, { recursive: true });
  return { root, database: join(root, DATABASE_FILE) };
}
