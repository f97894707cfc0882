import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { repoRoot } from '../../support/run-cli';

const tsx = fileURLToPath(new URL('../../../node_modules/tsx/dist/cli.mjs', import.meta.url));

export type RunningHost = { url: string; process: ChildProcess; stop(): Promise<void> };

/** Starts `src/main/web/cli.ts` (what `npm run web` runs after the build) on a free port. */
export function startHost(dataDir: string, extraArgs: readonly string[] = []): Promise<RunningHost> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [tsx, 'src/main/web/cli.ts', '--port', '0', '--data-dir', dataDir, ...extraArgs],
      {
        cwd: repoRoot,
        env: process.env,
      },
    );
    let out = '';
    let err = '';
    const stop = () =>
      new Promise<void>((done) => {
        if (child.exitCode !== null) return done();
        child.once('exit', () => done());
        child.kill('SIGTERM');
      });
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /(http:\/\/127\.0\.0\.1:\d+\/)/.exec(out);
      if (m?.[1]) resolve({ url: m[1], process: child, stop });
    });
    child.once('exit', (code) => reject(new Error(`web host exited with ${code}: ${err}`)));
  });
}
