import { DateTime } from 'luxon';
import type { NewIncident } from '../../../shared/api/contract';
import { composeText } from './compose';
import { authorName } from './people';
import { createRng, type Rng } from './random';
import { assertZone, officeTimeBefore, seasonAt } from './recent-time';
import { messageUrl, NETWORK_WEIGHTS } from './sources';
import { TOPIC_TEXTS, URGENT_PROBLEMS, type Problem, type Season } from './texts';

// The demo's public surface is this module: callers import departments from here too.
export { DEMO_DEPARTMENTS, DEMO_TOPICS, departmentForTopic, type DemoTopic } from './departments';

/** Most municipalities of the regulations are on Moscow time. */
export const DEFAULT_DEMO_ZONE = 'Europe/Moscow';

/** Share of incidents «повышенной важности» in a demo set. */
export const HIGH_IMPORTANCE_SHARE = 0.1;

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

export interface DemoOptions {
  count: number;
  seed: number;
  /** Epoch ms: every incident is detected at or before it. */
  now: number;
  /** IANA zone of the organisation; office hours and id years are taken in it. */
  zone?: string;
}

type Draft = Omit<NewIncident, 'externalId'>;

/**
 * A realistic set of incidents for the demo and for tests: the same seed, now and zone always
 * give the same list. Sorted by detection time, oldest first; external ids grow in that order,
 * like the sequence numbers of the monitoring system and of ПОС.
 */
export function generateDemoIncidents(opts: DemoOptions): NewIncident[] {
  const zone = opts.zone ?? DEFAULT_DEMO_ZONE;
  assertZone(zone);
  if (!Number.isInteger(opts.count) || opts.count < 0) {
    throw new RangeError(`count must be a non-negative integer, got ${opts.count}`);
  }
  assertInstant(opts.now);

  const rng = createRng(opts.seed, 0xde30);
  const season = seasonAt(opts.now, zone);
  const indices = Array.from({ length: opts.count }, (_, i) => i);
  const urgent = new Set(rng.sample(indices, Math.round(opts.count * HIGH_IMPORTANCE_SHARE)));

  const drafts = indices.map((i) => {
    const detectedAt = Math.max(0, officeTimeBefore(opts.now, lookBack(rng), zone));
    return draftIncident(rng, detectedAt, urgent.has(i), season);
  });
  drafts.sort((a, b) => a.detectedAt - b.detectedAt);

  const counters = { im: rng.int(100, 9000), pos: rng.int(100, 9000) };
  return drafts.map((draft) => {
    const prefix = draft.source === 'pos' ? 'pos' : 'im';
    counters[prefix] += rng.int(1, 7);
    const year = DateTime.fromMillis(draft.detectedAt, { zone }).year;
    return { ...draft, externalId: `${prefix}-${year}-${String(counters[prefix]).padStart(6, '0')}` };
  });
}

/**
 * One incident detected exactly at `now`, for the simulated live feed. Its external id carries the
 * second of the year and the seed, so successive calls do not collide with each other or with a demo set.
 */
export function makeLiveIncident(seed: number, now: number, zone: string = DEFAULT_DEMO_ZONE): NewIncident {
  assertZone(zone);
  assertInstant(now);
  const rng = createRng(seed, now, 0x11fe);
  const draft = draftIncident(rng, now, rng.chance(HIGH_IMPORTANCE_SHARE), seasonAt(now, zone));
  const at = DateTime.fromMillis(now, { zone });
  const secondOfYear = Math.floor(at.diff(at.startOf('year')).as('seconds'));
  const tail = String(((Math.trunc(seed) % 100) + 100) % 100).padStart(2, '0');
  const prefix = draft.source === 'pos' ? 'pos' : 'im';
  return { ...draft, externalId: `${prefix}-${at.year}-${String(secondOfYear).padStart(8, '0')}${tail}` };
}

/** Office time between publication and detection: minutes for a quarter, hours for most, days for the rest. */
function lookBack(rng: Rng): number {
  const roll = rng.int(0, 99);
  if (roll < 25) return rng.int(MINUTE, HOUR);
  if (roll < 65) return rng.int(HOUR, 8 * HOUR);
  return rng.int(8 * HOUR, 45 * HOUR);
}

function draftIncident(rng: Rng, detectedAt: number, urgent: boolean, season: Season): Draft {
  const network = rng.weighted(NETWORK_WEIGHTS);
  const inSeason = (p: Problem): boolean => p.season === undefined || p.season === season;

  let topic: string;
  let problem: Problem;
  if (urgent) {
    const chosen = rng.pick(URGENT_PROBLEMS.filter(inSeason));
    topic = chosen.topic;
    problem = chosen;
  } else {
    const group = rng.weighted(TOPIC_TEXTS.map((t) => [t, t.weight] as const));
    topic = group.topic;
    problem = rng.pick(group.problems.filter(inSeason));
  }

  const { text, location } = composeText(rng, problem, network === 'pos' ? 'pos' : 'social', urgent);
  // ИМ finds a post minutes after it appears; ПОС registers a message almost at once.
  const lag = network === 'pos' ? rng.int(1, 8) * MINUTE : rng.int(2, 25) * MINUTE;
  return {
    source: network === 'pos' ? 'pos' : 'im',
    network,
    url: messageUrl(rng, network),
    authorName: authorName(rng, network),
    text,
    publishedAt: Math.max(0, detectedAt - lag - rng.int(0, 59) * 1000),
    detectedAt,
    topic,
    location,
    importance: urgent ? 'high' : 'normal',
  };
}

function assertInstant(now: number): void {
  if (!Number.isInteger(now) || now < 0) throw new RangeError(`now must be epoch milliseconds, got ${now}`);
}
