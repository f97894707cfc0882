import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ruRU from 'dictionary-ru';
import { describe, expect, it } from 'vitest';
import { buildDawg } from '../../../../src/main/review/dawg-build';
import { collectWordForms } from '../../../../src/main/review/build-dictionary';
import {
  loadReviewResources,
  loadReviewResourcesSync,
  REVIEW_FILES,
  ReviewResourcesError,
} from '../../../../src/main/review/resources';
import { createReviewer, readDawg } from '../../../../src/shared/review';
import { useTempDirs } from '../../../support/temp-dir';

const resources = fileURLToPath(new URL('../../../../resources', import.meta.url));

describe('review resources', () => {
  const tempDir = useTempDirs();

  function copyResources(): string {
    const dir = tempDir();
    cpSync(join(resources, 'review'), join(dir, 'review'), { recursive: true });
    cpSync(join(resources, 'dictionaries'), join(dir, 'dictionaries'), { recursive: true });
    return dir;
  }

  it('loads the bundled dictionary and lists as bytes and plain data, sync or async', async () => {
    const sync = loadReviewResourcesSync();
    const async = await loadReviewResources();
    expect(async.data).toEqual(sync.data);
    expect(sync.dictionary).toBeInstanceOf(Uint8Array);
    expect(readDawg(sync.dictionary).size).toBeGreaterThan(1_300_000);
    expect(JSON.parse(JSON.stringify(sync.data))).toEqual(sync.data);
    expect(() => createReviewer(sync)).not.toThrow();
  });

  it('reads another resources folder, given as a path or a URL', async () => {
    const dir = copyResources();
    expect(loadReviewResourcesSync(dir).data.abbreviations).toContain('МФЦ');
    expect((await loadReviewResources(new URL(`file://${dir}/`))).data.stamps.length).toBeGreaterThan(30);
  });

  it('names the file when a list is broken or missing', () => {
    const dir = copyResources();
    writeFileSync(join(dir, REVIEW_FILES.stamps), '{ "stamps": [');
    expect(() => loadReviewResourcesSync(dir)).toThrow(ReviewResourcesError);
    expect(() => loadReviewResourcesSync(dir)).toThrow(join(dir, REVIEW_FILES.stamps));
    const other = copyResources();
    const file = join(other, REVIEW_FILES.stamps);
    const json = JSON.parse(readFileSync(file, 'utf8')) as { stamps: Array<{ severity: string }> };
    json.stamps[0]!.severity = 'very';
    writeFileSync(file, JSON.stringify(json));
    expect(() => loadReviewResourcesSync(other)).toThrow(/stamps\.0\.severity/);
  });

  it('ships the dictionary that the generator makes from dictionary-ru and extra-ru.dic', () => {
    const decoder = new TextDecoder();
    const extra = readFileSync(join(resources, 'dictionaries', 'extra-ru.dic'), 'utf8');
    const forms = collectWordForms(decoder.decode(ruRU.aff), [decoder.decode(ruRU.dic), extra]);
    const built = buildDawg(forms);
    const shipped = readFileSync(join(resources, REVIEW_FILES.dictionary));
    expect(Buffer.from(built).equals(shipped)).toBe(true);
  });
});
