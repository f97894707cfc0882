/**
 * Places without a map. Locations are free text («Центральный район, ул. Ленина, 10»); messages about the same
 * street should count together, so a place is the district and the street: the first two comma-separated
 * parts once house numbers are dropped. Spacing is normalised; the spelling is kept
 * as written (the classifier picks locations from a list, so variants are rare).
 */

const HOUSE = /^(?:д\.?\s*|дом\s+|корп\.?\s*|стр\.?\s*|кв\.?\s*)?\d+[\p{L}\d/-]*$/iu;

function segments(location: string): string[] {
  return location
    .split(',')
    .map((s) => s.replace(/\s+/g, ' ').trim())
    .filter((s) => s.length > 0 && !HOUSE.test(s));
}

/** «Центральный район, ул. Ленина» for «Центральный район, ул. Ленина, 10»; '' when there is no location. */
export function placeOf(location: string): string {
  return segments(location).slice(0, 2).join(', ');
}

/** The first part: usually the district («Центральный район»). */
export function districtOf(location: string): string {
  return segments(location)[0] ?? '';
}

export const NO_PLACE = 'Место не указано';
