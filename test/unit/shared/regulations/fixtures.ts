import novorossiyskJson from '../../../../resources/regulations/novorossiysk.json';
import stavropolJson from '../../../../resources/regulations/stavropol.json';
import ukhtaJson from '../../../../resources/regulations/ukhta.json';
import { parseProfile, type RegulationProfile } from '../../../../src/shared/regulations';

export const novorossiysk: RegulationProfile = parseProfile(novorossiyskJson);
export const stavropol: RegulationProfile = parseProfile(stavropolJson);
export const ukhta: RegulationProfile = parseProfile(ukhtaJson);
export const profiles = { novorossiysk, stavropol, ukhta } as const;

/** The raw JSON, for tests that break it on purpose (a fresh deep copy each call). */
export function rawProfile(id: keyof typeof profiles): Record<string, unknown> {
  const raw = { novorossiysk: novorossiyskJson, stavropol: stavropolJson, ukhta: ukhtaJson }[id];
  return JSON.parse(JSON.stringify(raw)) as Record<string, unknown>;
}
