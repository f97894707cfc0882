import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { NewIncident } from '../../../../../src/shared/api/contract';
import type { Network } from '../../../../../src/shared/domain/incident';
import {
  DEMO_TOPICS,
  generateDemoIncidents,
  makeLiveIncident,
} from '../../../../../src/main/core/demo/generate';

const ZONE = 'Europe/Moscow';
/** Wednesday 4 March 2026, 11:20 in Moscow: mid-morning of a working day. */
const NOW = Date.parse('2026-03-04T11:20:00+03:00');
const JULY = Date.parse('2026-07-15T15:00:00+03:00');

function sentenceCount(text: string): number {
  const withoutAbbreviations = text.replace(/(ул|пер|корп)\./g, '$1');
  return withoutAbbreviations.match(/[.!?]+/g)?.length ?? 0;
}

describe('generateDemoIncidents', () => {
  const set = generateDemoIncidents({ count: 240, seed: 42, now: NOW });

  it('is deterministic for a seed', () => {
    expect(generateDemoIncidents({ count: 240, seed: 42, now: NOW })).toEqual(set);
  });

  it('gives unrelated data for neighbouring seeds', () => {
    const a = generateDemoIncidents({ count: 100, seed: 1, now: NOW }).map((i) => i.text);
    const b = new Set(generateDemoIncidents({ count: 100, seed: 2, now: NOW }).map((i) => i.text));
    expect(a.filter((text) => b.has(text)).length).toBeLessThan(10);
  });

  it('returns the requested number of records, all valid per NewIncident', () => {
    expect(set).toHaveLength(240);
    for (const incident of set) expect(NewIncident.parse(incident)).toEqual(incident);
    expect(generateDemoIncidents({ count: 0, seed: 1, now: NOW })).toEqual([]);
  });

  it('covers every topic group and every network', () => {
    expect(new Set(set.map((i) => i.topic))).toEqual(new Set(DEMO_TOPICS));
    const networks = new Set(set.map((i) => i.network));
    for (const network of ['vk', 'ok', 'telegram', 'pos'] satisfies Network[]) {
      expect(networks).toContain(network);
    }
  });

  it('marks a tenth of the set as high importance', () => {
    expect(set.filter((i) => i.importance === 'high')).toHaveLength(24);
    expect(
      generateDemoIncidents({ count: 60, seed: 7, now: NOW }).filter((i) => i.importance === 'high'),
    ).toHaveLength(6);
  });

  it('uses source im for social networks and pos for ПОС, with links of the network', () => {
    const hosts: Record<string, string> = {
      vk: 'vk.com',
      ok: 'ok.ru',
      telegram: 't.me',
      pos: 'pos.gosuslugi.ru',
    };
    for (const incident of set) {
      expect(incident.source).toBe(incident.network === 'pos' ? 'pos' : 'im');
      expect(new URL(incident.url ?? '').host).toBe(hosts[incident.network]);
    }
  });

  it('numbers external ids uniquely, growing with detection time', () => {
    const ids = set.map((i) => i.externalId ?? '');
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^(im|pos)-2026-\d{6}$/);
    for (const prefix of ['im', 'pos']) {
      const own = set.filter((i) => i.externalId?.startsWith(`${prefix}-`));
      const numbers = own.map((i) => Number(i.externalId?.slice(-6)));
      expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
    }
    expect(set.map((i) => i.detectedAt)).toEqual(set.map((i) => i.detectedAt).sort((a, b) => a - b));
  });

  it('detects incidents in office hours before now, from minutes to days ago', () => {
    for (const incident of set) {
      expect(incident.detectedAt).toBeLessThanOrEqual(NOW);
      const at = DateTime.fromMillis(incident.detectedAt, { zone: ZONE });
      expect(at.weekday).toBeLessThanOrEqual(5);
      expect(at.hour).toBeGreaterThanOrEqual(9);
      expect(at.hour * 60 + at.minute).toBeLessThanOrEqual(18 * 60);
    }
    const ages = set.map((i) => NOW - i.detectedAt);
    expect(ages.some((age) => age < 60 * 60_000)).toBe(true);
    expect(ages.some((age) => age > 24 * 60 * 60_000)).toBe(true);
  });

  it('publishes each message a few minutes before it is detected', () => {
    for (const incident of set) {
      const lag = incident.detectedAt - incident.publishedAt;
      expect(lag).toBeGreaterThan(0);
      expect(lag).toBeLessThanOrEqual(26 * 60_000);
    }
  });

  it('writes texts of 2–5 sentences that rarely repeat', () => {
    for (const incident of set) {
      expect(sentenceCount(incident.text)).toBeGreaterThanOrEqual(2);
      expect(sentenceCount(incident.text)).toBeLessThanOrEqual(5);
      expect(incident.text).not.toMatch(/[{}]/);
    }
    expect(new Set(set.map((i) => i.text)).size).toBeGreaterThanOrEqual(set.length * 0.95);
  });

  it('gives a location of district and address', () => {
    for (const incident of set) expect(incident.location).toMatch(/^[А-ЯЁ][а-яё]+ район/);
    expect(set.some((i) => /^[А-ЯЁ][а-яё]+ район, (ул\.|пр-т|пер\.|б-р) .+, \d+/.test(i.location))).toBe(
      true,
    );
  });

  it('names authors by the habits of each network', () => {
    const posNames = set.filter((i) => i.network === 'pos').map((i) => i.authorName);
    for (const name of posNames) expect(name.split(' ')).toHaveLength(3);
    expect(new Set(set.map((i) => i.authorName)).size).toBeGreaterThan(set.length / 2);
  });

  it('speaks of heating and snow in winter, of grass in summer', () => {
    const winter = generateDemoIncidents({ count: 1500, seed: 3, now: NOW }).map((i) => i.text);
    const summer = generateDemoIncidents({ count: 1500, seed: 3, now: JULY }).map((i) => i.text);
    expect(winter.some((t) => t.includes('отоплени'))).toBe(true);
    expect(winter.some((t) => t.includes('косили'))).toBe(false);
    expect(summer.some((t) => t.includes('отоплени') || t.includes('снег'))).toBe(false);
    expect(summer.some((t) => t.includes('косили'))).toBe(true);
  });

  it('takes office hours in the given zone', () => {
    const zone = 'Asia/Yekaterinburg';
    for (const incident of generateDemoIncidents({ count: 50, seed: 5, now: NOW, zone })) {
      const hour = DateTime.fromMillis(incident.detectedAt, { zone }).hour;
      expect(hour).toBeGreaterThanOrEqual(9);
      expect(hour).toBeLessThanOrEqual(18);
    }
  });

  it('looks back to Friday when now is a weekend', () => {
    const sunday = Date.parse('2026-03-08T12:00:00+03:00');
    for (const incident of generateDemoIncidents({ count: 30, seed: 9, now: sunday })) {
      expect(DateTime.fromMillis(incident.detectedAt, { zone: ZONE }).weekday).toBeLessThanOrEqual(5);
    }
  });

  it('rejects a bad count, now or zone', () => {
    expect(() => generateDemoIncidents({ count: -1, seed: 1, now: NOW })).toThrow(RangeError);
    expect(() => generateDemoIncidents({ count: 1.5, seed: 1, now: NOW })).toThrow(RangeError);
    expect(() => generateDemoIncidents({ count: 1, seed: 1, now: Number.NaN })).toThrow(RangeError);
    expect(() => generateDemoIncidents({ count: 1, seed: 1, now: NOW, zone: 'Mars/Olympus' })).toThrow(
      RangeError,
    );
  });
});

describe('makeLiveIncident', () => {
  it('makes one valid incident detected exactly now', () => {
    const incident = makeLiveIncident(1, NOW);
    expect(NewIncident.parse(incident)).toEqual(incident);
    expect(incident.detectedAt).toBe(NOW);
    expect(incident.publishedAt).toBeLessThan(NOW);
    expect(incident.externalId).toMatch(/^(im|pos)-2026-\d{10}$/);
  });

  it('is deterministic for a seed and now', () => {
    expect(makeLiveIncident(17, NOW)).toEqual(makeLiveIncident(17, NOW));
  });

  it('gives successive feed items distinct ids and varied texts', () => {
    const feed = Array.from({ length: 50 }, (_, i) => makeLiveIncident(1000 + i, NOW + i * 5000));
    expect(new Set(feed.map((i) => i.externalId)).size).toBe(50);
    expect(new Set(feed.map((i) => i.text)).size).toBeGreaterThan(45);
    // Two items in the same second still differ by the seed.
    expect(makeLiveIncident(1, NOW).externalId).not.toBe(makeLiveIncident(2, NOW).externalId);
  });

  it('marks about a tenth of the feed as high importance', () => {
    const feed = Array.from({ length: 1000 }, (_, i) => makeLiveIncident(i, NOW + i * 5000));
    const high = feed.filter((i) => i.importance === 'high').length;
    expect(high).toBeGreaterThan(60);
    expect(high).toBeLessThan(140);
  });
});
