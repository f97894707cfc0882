import { describe, expect, it } from 'vitest';
import { toFtsQuery } from '../../../../src/main/db/queue-search';

describe('the search query', () => {
  it('asks for every word as a prefix', () => {
    expect(toFtsQuery('мусор Ленина')).toBe('"мусор"* "ленина"*');
  });

  it('searches «ё» as «е», as the index stores it', () => {
    expect(toFtsQuery('Жильё')).toBe('"жилье"*');
  });

  it('lets nothing of the FTS5 query syntax through', () => {
    expect(toFtsQuery('"a" OR b* NEAR(c) -d ^e text:f')).toBe(
      '"a"* "or"* "b"* "near"* "c"* "d"* "e"* "text"* "f"*',
    );
    expect(toFtsQuery('  ,.;  ')).toBeNull();
    expect(toFtsQuery('')).toBeNull();
  });

  it('keeps at most twelve words', () => {
    expect(toFtsQuery(Array.from({ length: 20 }, (_, i) => `w${i}`).join(' '))?.split(' ')).toHaveLength(12);
  });
});
