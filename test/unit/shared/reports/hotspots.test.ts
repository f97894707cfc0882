import { describe, expect, it } from 'vitest';
import {
  DEFAULT_HOTSPOT_RULE,
  detectHotspots,
  judgeSeries,
  mad,
  median,
  surgesDuring,
  type Signal,
} from '../../../../src/shared/reports';

const DAY = 86_400_000;
const WEEK = 7 * DAY;
/** Monday 2 November 2026, 12:00 UTC. */
const NOW = Date.UTC(2026, 10, 2, 12);

/** `counts[i]` messages in the i-th week before `at` (oldest first; the last is the latest week). */
function weekly(topic: string, location: string, counts: readonly number[], at = NOW): Signal[] {
  const out: Signal[] = [];
  counts.forEach((n, i) => {
    const weeksAgo = counts.length - 1 - i;
    for (let j = 0; j < n; j++) {
      // Spread inside the week, never on its edges.
      out.push({ topic, location, detectedAt: at - weeksAgo * WEEK - ((j + 0.5) / n) * (WEEK - 60_000) });
    }
  });
  return out;
}

describe('median and MAD', () => {
  it('are robust to one outlier', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([2, 2, 2, 2, 2, 2, 2, 40])).toBe(2);
    expect(mad([2, 2, 2, 2, 2, 2, 2, 40])).toBe(0);
    expect(mad([8, 12, 9, 11, 10, 13, 7, 10])).toBe(1.5);
  });
});

describe('the hot-spot rule: count > median + max(3 · 1.4826 · MAD, 3) of the 8 weeks before, and ≥ 5', () => {
  it('flags a synthetic surge: 2–3 messages a week, then 14', () => {
    const signals = [
      ...weekly('ЖКХ', 'Центральный район, ул. Ленина, 1', [2, 3, 2, 2, 3, 2, 3, 2, 14]),
      ...weekly('Дороги', 'Заречный район, ул. Советская, 3', [5, 6, 5, 5, 6, 5, 5, 6, 6]),
    ];
    const rows = detectHotspots(signals, 'topic', NOW);
    expect(rows[0]).toMatchObject({ key: 'ЖКХ', count: 14, median: 2, surge: true, knownWindows: 8 });
    expect(rows[0]?.series).toEqual([2, 3, 2, 2, 3, 2, 3, 2, 14]);
    expect(rows.find((r) => r.key === 'Дороги')).toMatchObject({ count: 6, surge: false });
    // The same surge shows by place (district and street, without the house number).
    const places = detectHotspots(signals, 'place', NOW);
    expect(places[0]).toMatchObject({ key: 'Центральный район, ул. Ленина', surge: true });
  });

  it('raises no false alarm on a flat series, nor on its usual noise', () => {
    expect(judgeSeries([10, 10, 10, 10, 10, 10, 10, 10, 13]).surge).toBe(false);
    expect(judgeSeries([10, 10, 10, 10, 10, 10, 10, 10, 14]).surge).toBe(true);
    const noisy = [8, 12, 9, 11, 10, 13, 7, 10];
    // median 10, MAD 1.5: threshold 10 + 3 · 1.4826 · 1.5 ≈ 16.7.
    expect(judgeSeries([...noisy, 16])).toMatchObject({ surge: false });
    expect(judgeSeries([...noisy, 17])).toMatchObject({ surge: true });
    expect(judgeSeries([...noisy, 16]).threshold).toBeCloseTo(10 + 3 * 1.4826 * 1.5);
    const flat = weekly('Образование', 'Школа № 5', [4, 4, 4, 4, 4, 4, 4, 4, 4]);
    expect(detectHotspots(flat, 'topic', NOW)[0]).toMatchObject({ count: 4, surge: false });
  });

  it('ignores a rare topic that jumps from nothing to a few messages', () => {
    expect(judgeSeries([0, 0, 1, 0, 0, 0, 1, 0, 4])).toMatchObject({ surge: false });
    expect(judgeSeries([0, 0, 1, 0, 0, 0, 1, 0, 5])).toMatchObject({ surge: true });
  });

  it('keeps one earlier spike from hiding the next surge', () => {
    expect(judgeSeries([2, 2, 30, 2, 3, 2, 2, 3, 12]).surge).toBe(true);
  });

  it('gives no verdict without three known weeks before the latest one', () => {
    const signals = weekly('ЖКХ', 'ул. Ленина', [0, 0, 0, 0, 0, 0, 2, 2, 14]);
    const firstMessage = Math.min(...signals.map((s) => s.detectedAt));
    const rows = detectHotspots(signals, 'topic', NOW, DEFAULT_HOTSPOT_RULE, firstMessage);
    expect(rows[0]).toMatchObject({ count: 14, surge: false, knownWindows: 1 });
    const longer = weekly('ЖКХ', 'ул. Ленина', [1, 2, 2, 2, 2, 2, 2, 2, 14]);
    const since = Math.min(...longer.map((s) => s.detectedAt));
    expect(detectHotspots(longer, 'topic', NOW, DEFAULT_HOTSPOT_RULE, since)[0]).toMatchObject({
      surge: true,
      knownWindows: 7,
    });
  });

  it('finds the surges during a month, once each, at their largest excess', () => {
    const monthStart = Date.UTC(2026, 9, 1);
    const monthEnd = Date.UTC(2026, 10, 1);
    // Flat 2 a week since August, 15 messages about ЖКХ on 15–19 October (the window ending on the 22nd).
    const signals: Signal[] = [];
    for (let t = Date.UTC(2026, 7, 1); t < monthEnd; t += DAY * 3.5) {
      signals.push({ topic: 'ЖКХ', location: 'ул. Ленина', detectedAt: t });
    }
    for (let i = 0; i < 15; i++) {
      signals.push({
        topic: 'ЖКХ',
        location: 'ул. Ленина',
        detectedAt: Date.UTC(2026, 9, 15, 9) + i * 8 * 3_600_000,
      });
    }
    const surges = surgesDuring(signals, monthStart, monthEnd);
    expect(surges.map((s) => [s.dimension, s.key])).toEqual([
      ['topic', 'ЖКХ'],
      ['place', 'ул. Ленина'],
    ]);
    expect(surges[0]?.windowEnd).toBe(monthStart + 3 * WEEK);
    expect(surgesDuring(signals, monthStart, monthStart)).toEqual([]);
  });
});
