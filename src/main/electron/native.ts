import { existsSync } from 'node:fs';
import { join } from 'node:path';

/**
 * better-sqlite3 built for Electron's ABI, kept apart from the copy in node_modules (built for
 * Node, which `npm test` and the CLI use). `npm start` builds it once per Electron version
 * (src/main/tools/electron-native.mjs).
 */
export function electronNativeBinding(appRoot: string, electronVersion: string): string | undefined {
  const file = join(appRoot, 'node_modules', '.otklik-electron', electronVersion, 'better_sqlite3.node');
  return existsSync(file) ? file : undefined;
}
