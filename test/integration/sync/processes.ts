import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { CLI_NODE_FLAGS, repoRoot } from '../../support/run-cli';

const tsxLoader = fileURLToPath(new URL('../../../node_modules/tsx/dist/esm/index.mjs', import.meta.url));

/**
 * Runs `npm run -s cli -- …` as one process (tsx as a loader, not its CLI, which would run the command in a
 * grandchild that a kill -9 of the child leaves running).
 */
export function spawnCli(args: readonly string[]): ChildProcess {
  return spawn(
    process.execPath,
    [...CLI_NODE_FLAGS, '--import', pathToFileURL(tsxLoader).href, 'src/main/cli/index.ts', ...args],
    {
      cwd: repoRoot,
      env: { ...process.env, CI: process.env.CI ?? '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
}

/** Calls `onLine` with each whole line a process writes (its logs and reports are JSON lines). */
export function onLines(stream: NodeJS.ReadableStream, onLine: (line: string) => void): void {
  let buffer = '';
  stream.on('data', (d: Buffer) => {
    buffer += d.toString();
    let nl: number;
    while ((nl = buffer.indexOf('\n')) >= 0) {
      const line = buffer.slice(0, nl);
      buffer = buffer.slice(nl + 1);
      onLine(line);
    }
  });
}

export type HubProcess = { proc: ChildProcess; url: string; port: number; logs: string[] };

/** A hub in its own process (`npm run cli -- hub`); resolves once it listens. */
export function spawnHub(dataDir: string, port = 0): Promise<HubProcess> {
  const proc = spawnCli(['hub', '--port', String(port), '--data-dir', dataDir]);
  const logs: string[] = [];
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`hub did not start: ${logs.join('')}`)), 30_000);
    proc.stderr!.on('data', (d: Buffer) => logs.push(d.toString()));
    onLines(proc.stdout!, (line) => {
      logs.push(line);
      try {
        const entry = JSON.parse(line) as { msg?: string; url?: string };
        if (entry.msg === 'hub.started' && entry.url) {
          clearTimeout(timer);
          resolve({ proc, url: entry.url, port: Number(new URL(entry.url).port), logs });
        }
      } catch {
        // not a log line
      }
    });
    proc.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`hub exited with ${code}: ${logs.join('\n')}`));
    });
  });
}

/** kill -9: no chance to finish anything. */
export function killHard(proc: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (proc.exitCode !== null || proc.signalCode !== null) return resolve();
    proc.once('exit', () => resolve());
    proc.kill('SIGKILL');
  });
}

export function waitExit(proc: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    if (proc.exitCode !== null) return resolve(proc.exitCode);
    proc.once('exit', (code) => resolve(code));
  });
}

/** Reads another process's SQLite database (WAL lets it while that process writes). */
export function peek<T>(file: string, query: string): T | undefined {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    db.pragma('busy_timeout = 2000');
    return db.prepare(query).get() as T | undefined;
  } finally {
    db.close();
  }
}

export async function until(
  check: () => boolean | Promise<boolean>,
  timeoutMs = 30_000,
  stepMs = 10,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not reached in time');
    await new Promise((r) => setTimeout(r, stepMs));
  }
}

export const hubFile = (dir: string) => join(dir, 'hub.sqlite');
export const stationFile = (dir: string) => join(dir, 'otklik.sqlite');
