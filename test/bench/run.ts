/**
 * `npm run bench`: runs every benchmark module in this folder and prints one JSON line per figure.
 * Benchmarks, never timed assertions in tests: the machines are shared and noisy.
 */
import { readdirSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { printReport, type Report } from './report';

const dir = fileURLToPath(new URL('.', import.meta.url));
const only = process.argv.slice(2);
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort();

for (const file of files) {
  const mod = (await import(pathToFileURL(join(dir, file)).href)) as {
    bench: (report: Report) => Promise<void>;
  };
  await mod.bench(printReport);
}
