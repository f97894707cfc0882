import { describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from '../../../support/run-cli';
import { useTempDirs } from '../../../support/temp-dir';

const tempDir = useTempDirs();
const fixture = (name: string) => join('test', 'fixtures', 'import', name);

type Exported = {
  externalId: string | null;
  authorName: string;
  text: string;
  publishedAt: string;
  detectedAt: string;
};

async function exportAll(dataDir: string): Promise<Exported[]> {
  const out = await runCli(['export', '--data-dir', dataDir, '--json']);
  expect(out.stderr).toBe('');
  expect(out.code).toBe(0);
  return JSON.parse(out.stdout) as Exported[];
}

describe('cli import and export', () => {
  it('imports JSON and CSV, and a second import of the same external ids adds nothing', async () => {
    const dir = tempDir();
    const json = await runCli(['import', fixture('incidents.json'), '--data-dir', dir, '--json']);
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout)).toEqual({ imported: 4, skipped: 0 });
    const csv = await runCli(['import', fixture('incidents.csv'), '--data-dir', dir, '--json']);
    expect(JSON.parse(csv.stdout)).toMatchObject({ imported: 4 });
    const again = await runCli(['import', fixture('incidents.json'), '--data-dir', dir, '--json']);
    expect(JSON.parse(again.stdout)).toEqual({ imported: 0, skipped: 4 });
    expect(await exportAll(dir)).toHaveLength(8);
  });

  it('refuses a bad file naming line and field, and changes nothing', async () => {
    const dir = tempDir();
    await runCli(['import', fixture('incidents.json'), '--data-dir', dir]);
    const before = await exportAll(dir);
    const bad = await runCli(['import', fixture('broken.csv'), '--data-dir', dir]);
    expect(bad.code).not.toBe(0);
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toMatch(/Строка 3, поле «publishedAt»/);
    expect(bad.stderr).toMatch(/Строка 4, поле «network»/);
    expect(await exportAll(dir)).toEqual(before);
  });

  it('round-trips: export, import into an empty folder, export again', async () => {
    const first = tempDir();
    await runCli(['import', fixture('incidents.csv'), '--data-dir', first]);
    const exported = await exportAll(first);
    const file = join(tempDir(), 'export.json');
    writeFileSync(file, JSON.stringify(exported));
    const second = tempDir();
    const imported = await runCli(['import', file, '--data-dir', second, '--json']);
    expect(imported.stderr).toBe('');
    expect(JSON.parse(imported.stdout)).toEqual({ imported: exported.length, skipped: 0 });
    const strip = (rows: Exported[]) =>
      rows.map(({ externalId, authorName, text, publishedAt, detectedAt }) => ({
        externalId,
        authorName,
        text,
        publishedAt,
        detectedAt,
      }));
    expect(strip(await exportAll(second))).toEqual(strip(exported));
  });

  it('says what is wrong with an unreadable file or an unknown format', async () => {
    const dir = tempDir();
    const missing = await runCli(['import', join(dir, 'nope.json'), '--data-dir', dir]);
    expect(missing.code).not.toBe(0);
    expect(missing.stderr).toMatch(/Не удалось прочитать/);
    const odd = await runCli(['import', join(dir, 'file.txt'), '--data-dir', dir]);
    expect(odd.stderr).toMatch(/--format json или csv/);
  });

  it('exports the audit trail: every imported incident has its creation, by the system', async () => {
    const dir = tempDir();
    await runCli(['import', fixture('incidents.json'), '--data-dir', dir]);
    const out = await runCli(['audit', '--data-dir', dir, '--json']);
    expect(out.stderr).toBe('');
    const audit = JSON.parse(out.stdout) as {
      action: string;
      actorRole: string;
      incidentId: string;
      at: string;
    }[];
    expect(audit).toHaveLength(4);
    expect(audit.every((a) => a.action === 'import' && a.actorRole === 'system')).toBe(true);
    expect(audit[0]?.at).toMatch(/\+03:00$/);
    const one = await runCli([
      'audit',
      '--data-dir',
      dir,
      '--incident',
      audit[0]?.incidentId ?? '',
      '--json',
    ]);
    expect(JSON.parse(one.stdout)).toHaveLength(1);
  });
});
