import { loadBundledExceptions } from '../../src/main/worktime/bundled';
import { buildWorkCalendar, DEFAULT_SCHEDULE } from '../../src/shared/worktime';
import type { Report } from './report';

const N = 100_000;
const FROM = Date.UTC(2025, 0, 1);
const TO = Date.UTC(2028, 0, 1);

/** A small seeded generator, so that every run measures the same inputs. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** Best of several rounds over the same inputs: ops per second of one core. */
function measure(rounds: number, run: () => number): number {
  let best = Infinity;
  let sink = 0;
  for (let r = 0; r < rounds; r++) {
    const t0 = performance.now();
    sink += run();
    best = Math.min(best, performance.now() - t0);
  }
  if (Number.isNaN(sink)) throw new Error('unreachable: keeps the results alive');
  return N / (best / 1000);
}

export async function bench(report: Report): Promise<void> {
  const t0 = performance.now();
  const cal = buildWorkCalendar(DEFAULT_SCHEDULE, loadBundledExceptions());
  report('worktime.build_ms', performance.now() - t0, 'ms', { years: '2024-2028' });

  const random = mulberry32(20260101);
  const starts = new Float64Array(N);
  const ends = new Float64Array(N);
  const minutes = new Float64Array(N);
  for (let i = 0; i < N; i++) {
    const a = Math.floor(FROM + random() * (TO - FROM));
    const b = Math.floor(FROM + random() * (TO - FROM));
    starts[i] = Math.min(a, b);
    ends[i] = Math.max(a, b);
    minutes[i] = Math.floor(random() * 5001);
  }

  const addOps = measure(10, () => {
    let acc = 0;
    for (let i = 0; i < N; i++) acc += cal.add(starts[i]!, minutes[i]!);
    return acc;
  });
  report('worktime.add.ops_per_s', addOps, 'ops/s', { n: N, minutes: '0..5000' });

  const betweenOps = measure(10, () => {
    let acc = 0;
    for (let i = 0; i < N; i++) acc += cal.between(starts[i]!, ends[i]!);
    return acc;
  });
  report('worktime.between.ops_per_s', betweenOps, 'ops/s', { n: N });
}
