#!/usr/bin/env node
// `npm test`: typecheck, lint, build, then every vitest project (unit, integration, e2e), and one
// closing line `N passed, N failed` for the whole run. Static checks count as one test each.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
let passed = 0;
let failed = 0;

function step(name, cmd, args) {
  process.stdout.write(`\n▶ ${name}: ${cmd} ${args.join(' ')}\n`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: process.env });
  if (r.status === 0) passed += 1;
  else {
    failed += 1;
    process.stdout.write(`✗ ${name} failed\n`);
  }
  return r.status === 0;
}

step('typecheck', 'npm', ['run', '-s', 'typecheck']);
step('lint', 'npm', ['run', '-s', 'lint']);
const built = step('build', npx, ['electron-vite', 'build']);

const reportDir = mkdtempSync(join(tmpdir(), 'otklik-vitest-'));
const report = join(reportDir, 'report.json');
const projects = built ? [] : ['--project', 'unit', '--project', 'integration'];
process.stdout.write(
  `\n▶ tests: vitest ${built ? 'unit, integration, e2e' : 'unit, integration (build failed: e2e skipped)'}\n`,
);
const vitest = spawnSync(
  npx,
  [
    'vitest',
    'run',
    '--config',
    'test/vitest.config.ts',
    ...projects,
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${report}`,
  ],
  { stdio: 'inherit', env: process.env },
);
try {
  const result = JSON.parse(readFileSync(report, 'utf8'));
  passed += result.numPassedTests;
  failed += result.numFailedTests;
  // A file that fails to load has no tests to count; it still fails the run.
  if (result.numFailedTestSuites > 0 && result.numFailedTests === 0) failed += result.numFailedTestSuites;
  if (result.numTotalTests === 0) failed += 1;
} catch {
  failed += 1;
  process.stdout.write(`✗ vitest produced no report (exit ${vitest.status})\n`);
}
if (vitest.status !== 0 && failed === 0) failed += 1;
rmSync(reportDir, { recursive: true, force: true });

process.stdout.write(`\n${passed} passed, ${failed} failed\n`);
process.exit(failed === 0 ? 0 : 1);
