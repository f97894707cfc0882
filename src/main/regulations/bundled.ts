import { readFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseProfile, RegulationProfileError, type RegulationProfile } from '../../shared/regulations';

/** The profiles shipped with the app, one per seed regulation; the file name is the profile id. */
export const BUNDLED_PROFILE_IDS = ['novorossiysk', 'stavropol', 'ukhta'] as const;
export type BundledProfileId = (typeof BUNDLED_PROFILE_IDS)[number];

const DEFAULT_RESOURCES = new URL('../../../resources', import.meta.url);

function profileUrl(id: string, resourcesDir: URL | string): URL {
  const base = typeof resourcesDir === 'string' ? pathToFileURL(resourcesDir) : resourcesDir;
  const dir = base.href.endsWith('/') ? base : new URL(`${base.href}/`);
  return new URL(`regulations/${id}.json`, dir);
}

function parseFile(id: string, url: URL, text: string): RegulationProfile {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new RegulationProfileError(
      [{ path: '(файл)', message: `некорректный JSON: ${(e as Error).message}` }],
      fileURLToPath(url),
    );
  }
  const profile = parseProfile(json, fileURLToPath(url));
  if (profile.id !== id) {
    throw new RegulationProfileError(
      [{ path: 'id', message: `ожидался «${id}» (по имени файла), получен «${profile.id}»` }],
      fileURLToPath(url),
    );
  }
  return profile;
}

/** Reads and validates one bundled profile; throws `RegulationProfileError` naming the file and the field. */
export async function loadBundledProfile(
  id: BundledProfileId,
  resourcesDir: URL | string = DEFAULT_RESOURCES,
): Promise<RegulationProfile> {
  const url = profileUrl(id, resourcesDir);
  return parseFile(id, url, await readFile(url, 'utf8'));
}

/** Reads and validates every bundled profile, in `BUNDLED_PROFILE_IDS` order. */
export async function loadBundledProfiles(
  resourcesDir: URL | string = DEFAULT_RESOURCES,
): Promise<RegulationProfile[]> {
  return Promise.all(BUNDLED_PROFILE_IDS.map((id) => loadBundledProfile(id, resourcesDir)));
}

/** The synchronous form, for start-up code and CLI commands that have nothing else to wait for. */
export function loadBundledProfilesSync(resourcesDir: URL | string = DEFAULT_RESOURCES): RegulationProfile[] {
  return BUNDLED_PROFILE_IDS.map((id) => {
    const url = profileUrl(id, resourcesDir);
    return parseFile(id, url, readFileSync(url, 'utf8'));
  });
}
