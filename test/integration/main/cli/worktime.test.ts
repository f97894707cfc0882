import { describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from '../../../support/run-cli';
import { useTempDirs } from '../../../support/temp-dir';

const tempDir = useTempDirs();

async function json(args: string[]): Promise<unknown> {
  const r = await runCli([...args, '--json']);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout);
}

describe('cli working time and deadlines', () => {
  it('adds working minutes across the January holidays and the transferred Friday 9 Jan 2026', async () => {
    // 1–11 Jan 2026 are days off (Постановление № 1466): the first working minute is Mon 12 Jan 09:00.
    expect(await json(['worktime', 'add', '--from', '2026-01-09T10:00:00+03:00', '--minutes', '60'])).toEqual(
      {
        at: '2026-01-12T10:00:00+03:00',
      },
    );
  });

  it('skips lunch and ends a shortened pre-holiday day at 17:00 (Thu 30 Apr 2026)', async () => {
    // 09:00–13:00 and 14:00–17:00: 7 working hours (ТК РФ ст. 95), then 1–3 May are off.
    expect(
      await json([
        'worktime',
        'between',
        '--from',
        '2026-04-30T09:00:00+03:00',
        '--to',
        '2026-05-04T09:00:00+03:00',
      ]),
    ).toEqual({
      minutes: 420,
    });
  });

  it('gives a Новороссийск incident 8 working hours, 4 for high importance (p.7, p.14)', async () => {
    const normal = (await json([
      'sla',
      '--profile',
      'novorossiysk',
      '--detected',
      '2026-03-02T09:00:00+03:00',
    ])) as {
      deadline: string;
      stages: { id: string; deadline: string }[];
    };
    expect(normal.deadline).toBe('2026-03-02T18:00:00+03:00');
    expect(normal.stages.map((s) => s.id)).toContain('review');
    const high = (await json([
      'sla',
      '--profile',
      'novorossiysk',
      '--detected',
      '2026-03-02T09:00:00+03:00',
      '--importance',
      'high',
    ])) as {
      deadline: string;
    };
    // 4 working hours from 09:00 end exactly at the lunch break.
    expect(high.deadline).toBe('2026-03-02T13:00:00+03:00');
  });

  it('refuses an unknown profile and a malformed instant', async () => {
    const profile = await runCli(['sla', '--profile', 'moscow', '--detected', '2026-03-02T09:00:00+03:00']);
    expect(profile.code).toBe(2);
    expect(profile.stderr).toMatch(/novorossiysk, stavropol, ukhta/);
    const instant = await runCli(['worktime', 'add', '--from', 'вчера', '--minutes', '5']);
    expect(instant.code).toBe(2);
    expect(instant.stderr).toMatch(/ISO 8601/);
  });

  it('loads a new year from an xmlcalendar file and uses it in that data folder', async () => {
    const dir = tempDir();
    const file = join(dir, 'calendar-2028.xml');
    // Mon 3 Jan 2028 declared a day off (t=1) by this file.
    writeFileSync(
      file,
      `<?xml version="1.0" encoding="UTF-8"?><calendar year="2028" lang="ru"><holidays><holiday id="1" title="Новогодние каникулы"/></holidays><days><day d="01.03" t="1" h="1"/></days></calendar>`,
    );
    expect(await json(['calendar', 'import', file, '--data-dir', dir])).toEqual({ year: 2028, days: 1 });
    const from = '2028-01-03T09:00:00+03:00';
    const to = '2028-01-04T09:00:00+03:00';
    expect(await json(['worktime', 'between', '--from', from, '--to', to, '--data-dir', dir])).toEqual({
      minutes: 0,
    });
    expect(await json(['worktime', 'between', '--from', from, '--to', to])).toEqual({ minutes: 480 });
  });

  it('refuses a broken calendar file and keeps the settings', async () => {
    const dir = tempDir();
    const file = join(dir, 'bad.xml');
    writeFileSync(file, '<calendar year="2028"><days><day d="13.45" t="1"/></days></calendar>');
    const r = await runCli(['calendar', 'import', file, '--data-dir', dir]);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/Календарь не загружен/);
  });
});
