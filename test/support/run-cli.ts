import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const tsx = fileURLToPath(new URL('../../node_modules/tsx/dist/cli.mjs', import.meta.url));

/**
 * The Node.js flags `npm run cli` starts the CLI with (package.json: `tsx <flags> src/main/cli/index.ts`), so
 * the hub and `sync --watch` run in tests and benchmarks as they are deployed.
 */
export const CLI_NODE_FLAGS: readonly string[] = (() => {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
    scripts: { cli: string };
  };
  const words = pkg.scripts.cli.split(/\s+/);
  const script = words.indexOf('src/main/cli/index.ts');
  if (words[0] !== 'tsx' || script < 0) throw new Error(`Unexpected cli script: ${pkg.scripts.cli}`);
  return words.slice(1, script);
})();

export type CliResult = { code: number; stdout: string; stderr: string };

/** Runs `npm run -s cli -- …` the way a user would, minus npm's own start-up. */
export function runCli(args: readonly string[], options: { input?: string } = {}): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...CLI_NODE_FLAGS, tsx, 'src/main/cli/index.ts', ...args], {
      cwd: repoRoot,
      env: process.env,
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
    if (options.input !== undefined) child.stdin.end(options.input);
    else child.stdin.end();
  });
}
