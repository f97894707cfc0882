import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';

/** A seeded source of choices. Mutable: every call advances the underlying generator. */
export interface Rng {
  /** An integer in [min, max], both included. */
  int(min: number, max: number): number;
  /** True with probability `p` (0..1). */
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** Picks by relative weight; weights need not sum to anything in particular. */
  weighted<T>(items: ReadonlyArray<readonly [T, number]>): T;
  /** `n` distinct items in random order (all of them when `n` exceeds the length). */
  sample<T>(items: readonly T[], n: number): T[];
}

/**
 * xoroshiro128+ seeds from a single 32-bit number and its first outputs follow the seed closely,
 * so neighbouring seeds (1, 2, 3…) would give near-identical data. The parts are therefore folded
 * through a 32-bit mixer (murmur3's finaliser) and the generator is warmed up before use.
 */
export function createRng(...seedParts: number[]): Rng {
  let h = 0x9e3779b9;
  for (const part of seedParts) {
    if (!Number.isFinite(part)) throw new RangeError(`Seed must be a finite number, got ${part}`);
    const whole = Math.trunc(part);
    h = mix32(h ^ (whole >>> 0));
    h = mix32(h ^ (Math.floor(whole / 0x1_0000_0000) >>> 0));
  }
  const gen = xoroshiro128plus(h | 0);
  for (let i = 0; i < 32; i++) gen.next();

  const int = (min: number, max: number): number => uniformInt(gen, min, max);
  const pick = <T>(items: readonly T[]): T => {
    if (items.length === 0) throw new RangeError('Cannot pick from an empty list');
    return items[int(0, items.length - 1)] as T;
  };
  return {
    int,
    pick,
    chance: (p) => int(0, 999_999) < p * 1_000_000,
    weighted: (items) => {
      const total = items.reduce((sum, [, w]) => sum + w, 0);
      let roll = int(0, Math.max(0, Math.round(total * 1000) - 1)) / 1000;
      for (const [item, w] of items) {
        if (roll < w) return item;
        roll -= w;
      }
      return pick(items)[0];
    },
    sample: (items, n) => {
      const copy = [...items];
      const count = Math.min(n, copy.length);
      for (let i = 0; i < count; i++) {
        const j = int(i, copy.length - 1);
        [copy[i], copy[j]] = [copy[j] as (typeof copy)[number], copy[i] as (typeof copy)[number]];
      }
      return copy.slice(0, count);
    },
  };
}

function mix32(x: number): number {
  let h = x | 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}
