import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ReviewDataSchema, type ReviewData, type ReviewResources } from '../../shared/review';

const DEFAULT_RESOURCES = new URL('../../../resources', import.meta.url);

/** The files the review reads, relative to the resources folder. */
export const REVIEW_FILES = {
  dictionary: 'dictionaries/ru_RU.dawg',
  stamps: 'review/stamps.json',
  patterns: 'review/patterns.json',
  abbreviations: 'review/abbreviations.json',
  names: 'review/names.json',
  objects: 'review/objects.json',
} as const;

export class ReviewResourcesError extends Error {
  constructor(file: string, reason: string) {
    super(`Ресурсы проверки ответов: ${file}: ${reason}`);
    this.name = 'ReviewResourcesError';
  }
}

function dirOf(resourcesDir: URL | string): string {
  return typeof resourcesDir === 'string' ? resourcesDir : fileURLToPath(resourcesDir);
}

function parseJson(file: string, text: string): Record<string, unknown> {
  try {
    const json: unknown = JSON.parse(text);
    if (typeof json !== 'object' || json === null || Array.isArray(json)) throw new Error('ожидался объект');
    return json as Record<string, unknown>;
  } catch (e) {
    throw new ReviewResourcesError(file, `некорректный JSON: ${(e as Error).message}`);
  }
}

function assemble(
  read: (key: Exclude<keyof typeof REVIEW_FILES, 'dictionary'>) => Record<string, unknown>,
): ReviewData {
  const stamps = read('stamps');
  const patterns = read('patterns');
  const abbreviations = read('abbreviations');
  const names = read('names');
  const objects = read('objects');
  const data = {
    stamps: stamps['stamps'],
    patterns: { ...patterns },
    abbreviations: abbreviations['common'],
    names: { female: names['female'], male: names['male'] },
    objects: objects['groups'],
  };
  const r = ReviewDataSchema.safeParse(data);
  if (!r.success) {
    const issue = r.error.issues[0]!;
    throw new ReviewResourcesError(issue.path.map(String).join('.'), issue.message);
  }
  return r.data;
}

/**
 * Reads the spelling dictionary and the curated lists from `resources/` (or another folder): the result is
 * plain bytes and JSON data, ready for `createReviewer` in any process.
 */
export function loadReviewResourcesSync(resourcesDir: URL | string = DEFAULT_RESOURCES): ReviewResources {
  const dir = dirOf(resourcesDir);
  const read = (key: keyof typeof REVIEW_FILES) => {
    const file = join(dir, REVIEW_FILES[key]);
    try {
      return readFileSync(file);
    } catch (e) {
      throw new ReviewResourcesError(file, `не удалось прочитать: ${(e as Error).message}`);
    }
  };
  const data = assemble((key) => parseJson(join(dir, REVIEW_FILES[key]), read(key).toString('utf8')));
  const bytes = read('dictionary');
  return { dictionary: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), data };
}

export async function loadReviewResources(
  resourcesDir: URL | string = DEFAULT_RESOURCES,
): Promise<ReviewResources> {
  const dir = dirOf(resourcesDir);
  const keys = Object.keys(REVIEW_FILES) as Array<keyof typeof REVIEW_FILES>;
  const files = await Promise.all(
    keys.map(async (key) => {
      const file = join(dir, REVIEW_FILES[key]);
      try {
        return [key, await readFile(file)] as const;
      } catch (e) {
        throw new ReviewResourcesError(file, `не удалось прочитать: ${(e as Error).message}`);
      }
    }),
  );
  const byKey = new Map(files);
  const data = assemble((key) => parseJson(join(dir, REVIEW_FILES[key]), byKey.get(key)!.toString('utf8')));
  const bytes = byKey.get('dictionary')!;
  return { dictionary: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), data };
}
