import type { NewIncident } from '../../src/shared/api/contract';

let counter = 0;

/** A valid new incident; override what the test is about. */
export function makeNewIncident(overrides: Partial<NewIncident> = {}): NewIncident {
  counter += 1;
  const detectedAt = Date.UTC(2026, 2, 2, 7, 0) + counter * 60_000;
  return {
    source: 'im',
    network: 'vk',
    url: `https://vk.com/wall-100_${counter}`,
    externalId: `test-${counter}`,
    authorName: 'Анна Петрова',
    text: 'На остановке «Школа № 5» третий день не убирают снег.',
    publishedAt: detectedAt - 120_000,
    detectedAt,
    topic: 'Благоустройство',
    location: 'Центральный район, ул. Ленина, 10',
    importance: 'normal',
    ...overrides,
  };
}
