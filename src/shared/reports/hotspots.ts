import { z } from 'zod';
import { placeOf } from './locations';

/**
 * Hot spots (Сочи 2.6, 3.13: directions with many messages, risk detection): topics and places whose message
 * count rises well above their usual level.
 *
 * **The rule.** Counts are taken in rolling windows of `windowDays` days ending at `at`: window 0 is the latest
 * (at − 7 days, at], windows 1…`baselineWindows` the ones before it. For each topic (and each place) the usual
 * level is the **median** of the baseline windows and its spread the **MAD** (median absolute deviation,
 * scaled by 1.4826 so that it estimates a standard deviation for normal noise). The latest window is a surge
 * when
 *
 *     count ≥ minCount  and  count > median + max(k · 1.4826 · MAD, minExcess)
 *
 * with k = 3, minCount = 5, minExcess = 3 by default. Median and MAD are robust: one earlier spike neither
 * raises the baseline much nor hides the next surge, as a mean and standard deviation would. `minExcess`
 * keeps a perfectly flat series (MAD = 0) from alarming at its first extra message, and `minCount` keeps rare
 * topics (0, 0, 1 → 4) from alarming at all. Rolling 7-day windows always hold the same mix of weekdays, so
 * weekends do not look like dips. Places are compared by `placeOf(location)` (district and street, no house).
 *
 * Weeks before the database's first message (`historyFrom`) are unknown, not zero: they are left out of the
 * baseline, and with fewer than `minBaselineWindows` known weeks there is no verdict (a fresh installation
 * would otherwise see every topic «surge» against an empty past).
 */
export const HotspotRuleSchema = z.object({
  windowDays: z.number().int().positive(),
  baselineWindows: z.number().int().min(3),
  k: z.number().positive(),
  minCount: z.number().int().positive(),
  minExcess: z.number().nonnegative(),
  minBaselineWindows: z.number().int().positive(),
});
export type HotspotRule = z.infer<typeof HotspotRuleSchema>;

export const DEFAULT_HOTSPOT_RULE: HotspotRule = {
  windowDays: 7,
  baselineWindows: 8,
  k: 3,
  minCount: 5,
  minExcess: 3,
  minBaselineWindows: 3,
};

/** MAD → standard deviation under normal noise. */
const MAD_SCALE = 1.4826;
const DAY = 86_400_000;

export const HotspotDimensionSchema = z.enum(['topic', 'place']);
export type HotspotDimension = z.infer<typeof HotspotDimensionSchema>;

export const HotspotRowSchema = z.object({
  dimension: HotspotDimensionSchema,
  key: z.string(),
  /** Messages in the latest window. */
  count: z.number().int().nonnegative(),
  median: z.number().nonnegative(),
  mad: z.number().nonnegative(),
  /** The count must exceed this to be a surge. */
  threshold: z.number().nonnegative(),
  surge: z.boolean(),
  /** Baseline windows after the first message in the database: the ones the verdict rests on. */
  knownWindows: z.number().int().nonnegative(),
  /** Counts per window, oldest first; the last is the latest window. */
  series: z.array(z.number().int().nonnegative()),
  /** The end of the latest window (epoch ms). */
  windowEnd: z.number(),
});
export type HotspotRow = z.infer<typeof HotspotRowSchema>;

export type Signal = { topic: string; location: string; detectedAt: number };

export function median(values: readonly number[]): number {
  if (values.length === 0) return 0;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** Median absolute deviation (unscaled). */
export function mad(values: readonly number[]): number {
  const m = median(values);
  return median(values.map((v) => Math.abs(v - m)));
}

/**
 * The rule applied to one series (oldest first, the last value is the latest window); `known` baseline windows
 * are the last ones before the latest (the earlier ones predate the data).
 */
export function judgeSeries(
  series: readonly number[],
  rule: HotspotRule = DEFAULT_HOTSPOT_RULE,
  known: number = series.length - 1,
): { count: number; median: number; mad: number; threshold: number; surge: boolean; knownWindows: number } {
  const count = series[series.length - 1] ?? 0;
  const baseline = series.slice(Math.max(0, series.length - 1 - known), -1);
  const m = median(baseline);
  const d = mad(baseline);
  const threshold = m + Math.max(rule.k * MAD_SCALE * d, rule.minExcess);
  const enough = baseline.length >= rule.minBaselineWindows;
  return {
    count,
    median: m,
    mad: d,
    threshold,
    surge: enough && count >= rule.minCount && count > threshold,
    knownWindows: baseline.length,
  };
}

function keyOf(signal: Signal, dimension: HotspotDimension): string {
  return dimension === 'topic' ? signal.topic.trim() : placeOf(signal.location);
}

/**
 * Every topic or place seen in the windows, judged at `at`: surges first (largest excess over the threshold
 * first), then the rest by their latest count.
 */
export function detectHotspots(
  signals: readonly Signal[],
  dimension: HotspotDimension,
  at: number,
  rule: HotspotRule = DEFAULT_HOTSPOT_RULE,
  historyFrom: number = Number.NEGATIVE_INFINITY,
): HotspotRow[] {
  const span = rule.windowDays * DAY;
  const windows = rule.baselineWindows + 1;
  const start = at - windows * span;
  // Baseline window i (0 = oldest) spans (start + i·span, start + (i+1)·span]; known once it starts after the data.
  let known = 0;
  for (let i = 0; i < windows - 1; i++) if (start + i * span >= historyFrom) known++;
  const series = new Map<string, number[]>();
  for (const s of signals) {
    if (s.detectedAt <= start || s.detectedAt > at) continue;
    const key = keyOf(s, dimension);
    if (!key) continue;
    // Window index from the oldest (0) to the latest (windows − 1); (a, b] so `at` itself is in the latest.
    const fromEnd = Math.floor((at - s.detectedAt) / span);
    const index = windows - 1 - Math.min(fromEnd, windows - 1);
    const counts = series.get(key) ?? new Array<number>(windows).fill(0);
    counts[index] = (counts[index] ?? 0) + 1;
    series.set(key, counts);
  }
  const rows: HotspotRow[] = [...series.entries()].map(([key, counts]) => ({
    dimension,
    key,
    ...judgeSeries(counts, rule, known),
    series: counts,
    windowEnd: at,
  }));
  return rows.sort(compareHotspots);
}

/** Surges first, the largest excess over the threshold first; then the largest counts; then by name. */
export function compareHotspots(a: HotspotRow, b: HotspotRow): number {
  return (
    Number(b.surge) - Number(a.surge) ||
    (b.surge ? b.count - b.threshold - (a.count - a.threshold) : 0) ||
    b.count - a.count ||
    a.key.localeCompare(b.key, 'ru')
  );
}

/**
 * Surges that happened during [from, to): the rule applied at the end of each window that ends inside the
 * period (every `windowDays` days from `from + windowDays`, and at `to`). A key that surged in several windows
 * is listed once, at its largest excess.
 */
export function surgesDuring(
  signals: readonly Signal[],
  from: number,
  to: number,
  rule: HotspotRule = DEFAULT_HOTSPOT_RULE,
  historyFrom: number = Number.NEGATIVE_INFINITY,
): HotspotRow[] {
  if (to <= from) return [];
  const span = rule.windowDays * DAY;
  const checkpoints: number[] = [];
  for (let t = from + span; t < to; t += span) checkpoints.push(t);
  checkpoints.push(to);
  const best = new Map<string, HotspotRow>();
  for (const at of checkpoints) {
    for (const dimension of HotspotDimensionSchema.options) {
      for (const row of detectHotspots(signals, dimension, at, rule, historyFrom)) {
        if (!row.surge) continue;
        const id = `${dimension}\u0000${row.key}`;
        const seen = best.get(id);
        if (!seen || row.count - row.threshold > seen.count - seen.threshold) best.set(id, row);
      }
    }
  }
  return [...best.values()].sort((a, b) => b.count - b.threshold - (a.count - a.threshold));
}
