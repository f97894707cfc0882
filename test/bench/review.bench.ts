/**
 * The answer review (issue 5): quality on the labelled set `test/fixtures/review/answers.json`, and the cost
 * of the dictionary and of a check.
 *
 * - review.recall.<key>: labelled defects of that key that the engine fails; review.recall: over the keys a
 *   machine judges (all but `substance`, which is manual except for a purely formal answer).
 * - review.false_alarm_rate: good answers with at least one `fail`; review.false_alarm_rate.<key> per key.
 * - review.extra_fail_rate: defective answers failed on a key they were not labelled with.
 * - review.dictionary_load_ms / review.dictionary_mb: measured in a fresh Node process (with --expose-gc), from
 *   reading the files to a ready reviewer, as RSS growth after a full GC (heap and ArrayBuffers in `extra`).
 * - review.check_1000_words_ms: median time of one check of a 1,000-word answer against every criterion.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadBundledProfilesSync } from '../../src/main/regulations/bundled';
import { loadReviewResourcesSync } from '../../src/main/review/resources';
import {
  CRITERION_KEYS,
  deriveCustomProfile,
  type CriterionKey,
  type RegulationProfile,
} from '../../src/shared/regulations';
import { createReviewer, type ReviewCase } from '../../src/shared/review';
import type { Report } from './report';

type Labelled = { id: string; broken: CriterionKey[]; case: ReviewCase };

const fixtures = new URL('../fixtures/review/answers.json', import.meta.url);
const MANUAL_KEYS: ReadonlySet<CriterionKey> = new Set(['substance']);

/** Every criterion once: Новороссийск p.10 plus what Ухта p.10, p.12 add. */
export function allCriteriaProfile(): RegulationProfile {
  const profiles = loadBundledProfilesSync();
  const nov = profiles.find((p) => p.id === 'novorossiysk')!;
  const extra = profiles
    .flatMap((p) => p.criteria)
    .filter((c, i, all) => all.findIndex((x) => x.key === c.key) === i);
  return deriveCustomProfile(
    nov,
    { criteria: extra.filter((c) => !nov.criteria.some((n) => n.key === c.key)) },
    'all-criteria',
    'Все критерии',
  );
}

type LoadCost = { ms: number; rssMb: number; peakRssMb: number; heapMb: number; arrayBuffersMb: number };

function measureLoadInChild(): LoadCost {
  const loader = new URL('../../node_modules/tsx/dist/loader.mjs', import.meta.url).href;
  const child = spawnSync(
    process.execPath,
    ['--expose-gc', '--import', loader, fileURLToPath(import.meta.url), '--measure-load'],
    { encoding: 'utf8', cwd: fileURLToPath(new URL('../../', import.meta.url)) },
  );
  const line = child.stdout.trim().split('\n').pop() ?? '';
  if (child.status !== 0 || !line.startsWith('{')) {
    throw new Error(`review load measurement failed: ${child.stderr || child.stdout}`);
  }
  return JSON.parse(line) as LoadCost;
}

/** Runs in the child: modules are imported first, so only loading the resources is measured. */
function measureLoadHere(): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('run with --expose-gc');
  const mb = (n: number) => n / 1024 / 1024;
  gc();
  const before = process.memoryUsage();
  const t0 = performance.now();
  const reviewer = createReviewer(loadReviewResourcesSync());
  const ms = performance.now() - t0;
  const peak = process.memoryUsage();
  gc();
  const after = process.memoryUsage();
  if (typeof reviewer.check !== 'function') throw new Error('unreachable');
  process.stdout.write(
    `${JSON.stringify({
      ms,
      rssMb: mb(after.rss - before.rss),
      peakRssMb: mb(peak.rss - before.rss),
      heapMb: mb(after.heapUsed - before.heapUsed),
      arrayBuffersMb: mb(after.arrayBuffers - before.arrayBuffers),
    })}\n`,
  );
}

/** A long answer made of the fixture answers, cut at 1,000 words. */
function thousandWordCase(cases: readonly Labelled[]): ReviewCase {
  const words: string[] = [];
  for (let i = 0; words.length < 1000; i++) {
    const c = cases[i % cases.length]!.case;
    const body = c.answer.split(/\s+/).slice(3);
    words.push(...body);
  }
  const first = cases[0]!.case;
  return { ...first, answer: `Анна, добрый день! ${words.slice(0, 997).join(' ')}` };
}

export async function bench(report: Report): Promise<void> {
  const load = measureLoadInChild();
  report('review.dictionary_load_ms', load.ms, 'ms', {
    goal: '<= 500',
    process: 'fresh node, files to ready reviewer',
  });
  const round = (n: number) => Math.round(n * 100) / 100;
  // The larger of the two honest readings: RSS growth, or what V8 says it holds (heap + ArrayBuffers).
  report('review.dictionary_mb', Math.max(load.rssMb, load.heapMb + load.arrayBuffersMb), 'MB', {
    goal: '<= 60',
    rssAfterGcMb: round(load.rssMb),
    peakRssMb: round(load.peakRssMb),
    heapMb: round(load.heapMb),
    arrayBuffersMb: round(load.arrayBuffersMb),
  });

  const reviewer = createReviewer(loadReviewResourcesSync());
  const profile = allCriteriaProfile();
  const { cases } = JSON.parse(readFileSync(fixtures, 'utf8')) as { cases: Labelled[] };
  const good = cases.filter((c) => c.broken.length === 0);
  const bad = cases.filter((c) => c.broken.length > 0);

  const failsOf = (c: Labelled) =>
    new Set(
      reviewer
        .check(profile, c.case)
        .criteria.filter((x) => x.status === 'fail')
        .map((x) => x.key),
    );
  const goodFails = good.map(failsOf);
  const badFails = bad.map(failsOf);

  let found = 0;
  let labelled = 0;
  for (const key of CRITERION_KEYS) {
    const withKey = bad.map((c, i) => ({ c, fails: badFails[i]! })).filter((x) => x.c.broken.includes(key));
    if (withKey.length > 0) {
      const hit = withKey.filter((x) => x.fails.has(key)).length;
      if (!MANUAL_KEYS.has(key)) {
        found += hit;
        labelled += withKey.length;
      }
      report(`review.recall.${key}`, hit / withKey.length, 'ratio', {
        found: hit,
        labelled: withKey.length,
        ...(MANUAL_KEYS.has(key) ? { note: 'manual key: only a purely formal answer fails' } : {}),
      });
    }
    const falseAlarms = goodFails.filter((f) => f.has(key)).length;
    report(`review.false_alarm_rate.${key}`, falseAlarms / good.length, 'ratio', { good: good.length });
  }
  report('review.recall', found / labelled, 'ratio', { goal: '>= 0.95', found, labelled, keys: 'automatic' });
  const alarmed = goodFails.filter((f) => f.size > 0).length;
  report('review.false_alarm_rate', alarmed / good.length, 'ratio', {
    goal: '<= 0.05',
    goodAnswersWithAFail: alarmed,
    good: good.length,
  });
  const extra = bad.filter((c, i) => [...badFails[i]!].some((k) => !c.broken.includes(k))).length;
  report('review.extra_fail_rate', extra / bad.length, 'ratio', {
    bad: bad.length,
    withUnlabelledFail: extra,
  });

  const long = thousandWordCase(cases);
  for (let i = 0; i < 5; i++) reviewer.check(profile, long);
  const times: number[] = [];
  for (let i = 0; i < 30; i++) {
    const t0 = performance.now();
    reviewer.check(profile, long);
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  report('review.check_1000_words_ms', times[Math.floor(times.length / 2)]!, 'ms', {
    goal: '<= 20',
    words: long.answer.split(/\s+/).length,
    criteria: profile.criteria.length,
    max: Math.round(times[times.length - 1]! * 100) / 100,
  });
}

if (process.argv.includes('--measure-load')) measureLoadHere();
