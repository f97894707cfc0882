#!/usr/bin/env node
// Builds better-sqlite3 for Electron's ABI into node_modules/.otklik-electron/<electron version>/,
// leaving node_modules/better-sqlite3 built for Node (the CLI, the web host and `npm test` use it).
// Runs before `npm start` / `npm run dev`; does nothing when the binary for this Electron exists.
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, copyFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, sep } from 'node:path';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const require = createRequire(join(root, 'package.json'));

const electronDir = dirname(require.resolve('electron/package.json'));
const electronVersion = JSON.parse(readFileSync(join(electronDir, 'package.json'), 'utf8')).version;
const target = join(root, 'node_modules', '.otklik-electron', electronVersion, 'better_sqlite3.node');
if (existsSync(target)) process.exit(0);

const sourceDir = dirname(require.resolve('better-sqlite3/package.json'));
const work = join(root, 'node_modules', '.otklik-electron', 'build');
rmSync(work, { recursive: true, force: true });
mkdirSync(work, { recursive: true });
const moduleDir = join(work, 'better-sqlite3');
const oldBuild = join(sourceDir, 'build');
cpSync(sourceDir, moduleDir, {
  recursive: true,
  filter: (src) => src !== oldBuild && !src.startsWith(oldBuild + sep),
});

console.log(`Отклик: сборка better-sqlite3 для Electron ${electronVersion} (один раз)…`);
const run = (cmd, args) => execFileSync(cmd, args, { cwd: moduleDir, stdio: 'inherit', env: process.env });
const common = [`--target=${electronVersion}`, `--arch=${process.arch}`];
try {
  // The prebuilt binary for this Electron, as better-sqlite3 publishes it.
  const prebuildInstall = require.resolve('prebuild-install/bin.js', { paths: [sourceDir] });
  run(process.execPath, [prebuildInstall, '--runtime=electron', ...common, '--verbose']);
} catch {
  console.log('Готовой сборки нет, компилирую из исходников (нужны python3, make и компилятор C++)…');
  const nodeGyp = process.env.npm_config_node_gyp;
  if (!nodeGyp) throw new Error('Run this through npm (npm start), which knows where node-gyp is.');
  run(process.execPath, [
    nodeGyp,
    'rebuild',
    '--release',
    ...common,
    '--runtime=electron',
    '--dist-url=https://electronjs.org/headers',
  ]);
}
mkdirSync(dirname(target), { recursive: true });
copyFileSync(join(moduleDir, 'build', 'Release', 'better_sqlite3.node'), target);
rmSync(work, { recursive: true, force: true });
console.log(`Готово: ${target}`);
