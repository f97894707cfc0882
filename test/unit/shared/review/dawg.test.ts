import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildDawg } from '../../../../src/main/review/dawg-build';
import { DawgFormatError, readDawg } from '../../../../src/shared/review';

describe('DAWG word list', () => {
  it('answers exactly for the words it was built from', () => {
    const d = readDawg(buildDawg(['дом', 'дома', 'домик', 'кот', 'Москва']));
    for (const w of ['дом', 'дома', 'домик', 'кот', 'Москва']) expect(d.has(w)).toBe(true);
    for (const w of ['до', 'домики', 'ко', 'москва', '', 'котя', 'xyz']) expect(d.has(w)).toBe(false);
    expect(d.size).toBe(5);
  });

  it('keeps every word and adds none, for any word list', () => {
    const word = fc.string({ unit: fc.constantFrom(...'абвгдеёжз-'), minLength: 1, maxLength: 8 });
    fc.assert(
      fc.property(
        fc.uniqueArray(word, { maxLength: 60 }),
        fc.array(word, { maxLength: 30 }),
        (words, probes) => {
          const d = readDawg(buildDawg(words));
          const set = new Set(words);
          for (const w of [...words, ...probes]) expect(d.has(w)).toBe(set.has(w));
        },
      ),
    );
  });

  it('reads bytes that are not 4-byte aligned', () => {
    const bytes = buildDawg(['улица', 'улицы']);
    const shifted = new Uint8Array(bytes.byteLength + 1);
    shifted.set(bytes, 1);
    expect(readDawg(shifted.subarray(1)).has('улицы')).toBe(true);
  });

  it('rejects bytes of another format with a Russian message', () => {
    expect(() => readDawg(new Uint8Array(40))).toThrow(DawgFormatError);
    const bytes = buildDawg(['а']);
    expect(() => readDawg(bytes.subarray(0, bytes.byteLength - 4))).toThrow(/Словарь поврежден/);
  });
});
