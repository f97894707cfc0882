import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { NewIncident } from '../../../../../src/shared/api/contract';
import type { Incident } from '../../../../../src/shared/domain/incident';
import { generateDemoIncidents } from '../../../../../src/main/core/demo/generate';
import { detectFormat, parseImportFile, toExportRecord } from '../../../../../src/main/core/import/parse';
import { csvOf } from './helpers';

const NOW = Date.parse('2026-03-04T11:20:00+03:00');

function makeIncident(fields: NewIncident, overrides: Partial<Incident> = {}): Incident {
  return {
    ...fields,
    id: 'inc-0001',
    status: 'routed',
    departmentId: 'dep-zhkh',
    departmentName: 'Управление жилищно-коммунального хозяйства',
    version: 3,
    updatedAt: fields.detectedAt + 60_000,
    ...overrides,
  };
}

/** What import can give back: the NewIncident part of an incident. */
function importable(incident: Incident): NewIncident {
  const {
    source,
    network,
    url,
    externalId,
    authorName,
    text,
    publishedAt,
    detectedAt,
    topic,
    location,
    importance,
  } = incident;
  return {
    source,
    network,
    url,
    externalId,
    authorName,
    text,
    publishedAt,
    detectedAt,
    topic,
    location,
    importance,
  };
}

const demo = generateDemoIncidents({ count: 60, seed: 11, now: NOW }).map((fields, i) =>
  makeIncident(fields, { id: `inc-${i}` }),
);

describe('toExportRecord', () => {
  it('writes the import fields, instants with the zone offset, and id, status, department', () => {
    const incident = makeIncident({
      source: 'pos',
      network: 'pos',
      url: null,
      externalId: null,
      authorName: 'Кузнецова Ирина Сергеевна',
      text: 'Текст',
      publishedAt: Date.parse('2026-03-02T06:41:00Z'),
      detectedAt: Date.parse('2026-03-02T06:52:30.250Z'),
      topic: 'ЖКХ',
      location: '',
      importance: 'high',
    });
    expect(toExportRecord(incident, 'Europe/Moscow')).toEqual({
      id: 'inc-0001',
      externalId: null,
      source: 'pos',
      network: 'pos',
      url: null,
      authorName: 'Кузнецова Ирина Сергеевна',
      text: 'Текст',
      publishedAt: '2026-03-02T09:41:00+03:00',
      detectedAt: '2026-03-02T09:52:30.250+03:00',
      topic: 'ЖКХ',
      location: '',
      importance: 'high',
      status: 'routed',
      departmentId: 'dep-zhkh',
      department: 'Управление жилищно-коммунального хозяйства',
    });
    expect(toExportRecord(incident, 'Asia/Yekaterinburg').publishedAt).toBe('2026-03-02T11:41:00+05:00');
  });

  it('round-trips through JSON import', () => {
    const file = JSON.stringify(
      demo.map((i) => toExportRecord(i, 'Europe/Moscow')),
      null,
      2,
    );
    expect(parseImportFile(file, 'json')).toEqual(demo.map(importable));
  });

  it('round-trips through CSV import', () => {
    const rows = demo.map((i) => {
      const {
        publishedAt,
        detectedAt,
        url,
        externalId,
        topic,
        text,
        authorName,
        network,
        source,
        location,
        importance,
      } = toExportRecord(i, 'Europe/Moscow');
      return {
        externalId,
        source,
        network,
        url,
        authorName,
        text,
        publishedAt,
        detectedAt,
        topic,
        location,
        importance,
      };
    });
    expect(parseImportFile(csvOf(rows), 'csv')).toEqual(demo.map(importable));
  });

  it('round-trips any incident, in any zone, to the millisecond', () => {
    const printable = fc
      .string({ minLength: 1, maxLength: 200 })
      .map((s) => s.trim())
      .filter((s) => s.length > 0);
    const incident = fc.record({
      source: fc.constantFrom('im', 'pos', 'manual', 'import'),
      network: fc.constantFrom('vk', 'ok', 'telegram', 'pos', 'other'),
      url: fc.option(
        fc.webUrl({ validSchemes: ['https'] }).filter((u) => u.trim() === u),
        { nil: null },
      ),
      externalId: fc.option(printable, { nil: null }),
      authorName: printable,
      text: printable,
      publishedAt: fc.integer({ min: 0, max: Date.parse('2100-01-01T00:00:00Z') }),
      lag: fc.integer({ min: 0, max: 7 * 24 * 3_600_000 }),
      topic: printable,
      location: fc.constantFrom('', 'Центральный район, ул. Советская, 14'),
      importance: fc.constantFrom('normal', 'high'),
    } as const);
    const zone = fc.constantFrom('Europe/Moscow', 'Asia/Vladivostok', 'Europe/Kaliningrad', 'UTC');
    fc.assert(
      fc.property(incident, zone, ({ lag, ...fields }, z) => {
        const source = makeIncident({ ...fields, detectedAt: fields.publishedAt + lag });
        const [back] = parseImportFile(JSON.stringify([toExportRecord(source, z)]), 'json');
        expect(back).toEqual(importable(source));
      }),
      { numRuns: 300 },
    );
  });
});

describe('detectFormat', () => {
  it('goes by the extension, in any case', () => {
    expect(detectFormat('incidents.json')).toBe('json');
    expect(detectFormat('C:\\Выгрузка\\ИНЦИДЕНТЫ.CSV')).toBe('csv');
    expect(detectFormat('incidents.xlsx')).toBeNull();
    expect(detectFormat('incidents')).toBeNull();
  });
});
