import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  BUNDLED_PROFILE_IDS,
  loadBundledProfile,
  loadBundledProfiles,
  loadBundledProfilesSync,
} from '../../../../src/main/regulations/bundled';
import { RegulationProfileError } from '../../../../src/shared/regulations';
import { useTempDirs } from '../../../support/temp-dir';

const resources = fileURLToPath(new URL('../../../../resources', import.meta.url));

describe('bundled regulation profiles', () => {
  const tempDir = useTempDirs();

  /** A copy of the bundled resources that a test may break. */
  function copyResources(): string {
    const dir = tempDir();
    mkdirSync(join(dir, 'regulations'));
    for (const id of BUNDLED_PROFILE_IDS) {
      copyFileSync(join(resources, 'regulations', `${id}.json`), join(dir, 'regulations', `${id}.json`));
    }
    return dir;
  }

  it('reads and validates the three seed profiles from the app resources', async () => {
    const profiles = await loadBundledProfiles();
    expect(profiles.map((p) => p.id)).toEqual(['novorossiysk', 'stavropol', 'ukhta']);
    expect(profiles.map((p) => p.name)).toEqual([
      'Новороссийск — Порядок работы с сообщениями в соцсетях',
      'Ставрополь — Положение о работе с сообщениями из открытых источников',
      'Ухта — Порядок рассмотрения сообщений из открытых источников',
    ]);
    expect(loadBundledProfilesSync()).toEqual(profiles);
  });

  it('reads from another resources folder, given as a path or a URL', async () => {
    const dir = copyResources();
    expect((await loadBundledProfile('ukhta', dir)).id).toBe('ukhta');
    expect(await loadBundledProfiles(new URL(`file://${dir}/`))).toHaveLength(3);
  });

  it('names the file and the field when a profile is broken', async () => {
    const dir = copyResources();
    const file = join(dir, 'regulations', 'stavropol.json');
    const json = JSON.parse(readFileSync(file, 'utf8')) as { stages: { minutes?: unknown }[] };
    json.stages[4]!.minutes = 0;
    writeFileSync(file, JSON.stringify(json));
    const err = await loadBundledProfiles(dir).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RegulationProfileError);
    expect((err as Error).message).toContain(file);
    expect((err as RegulationProfileError).issues[0]?.path).toBe('stages[4]{draft}.minutes');
  });

  it('rejects a file that is not JSON, or holds another profile than its name says', async () => {
    const dir = copyResources();
    writeFileSync(join(dir, 'regulations', 'ukhta.json'), '{ "id": ');
    await expect(loadBundledProfile('ukhta', dir)).rejects.toThrow(/ukhta\.json: .*некорректный JSON/s);
    copyFileSync(join(dir, 'regulations', 'novorossiysk.json'), join(dir, 'regulations', 'ukhta.json'));
    expect(() => loadBundledProfilesSync(dir)).toThrow(/id: ожидался «ukhta»/);
  });
});
