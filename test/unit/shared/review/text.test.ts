import { describe, expect, it } from 'vitest';
import {
  compilePhrase,
  editDistance,
  findAll,
  normalize,
  sentences,
} from '../../../../src/shared/review/text';

describe('review text helpers', () => {
  it('normalises to lower case with «е» for «ё» and keeps every offset', () => {
    const s = 'Ёлка у Подъезда, ЖКХ и Wi-Fi';
    expect(normalize(s)).toBe('елка у подъезда, жкх и wi-fi');
    expect(normalize(s)).toHaveLength(s.length);
  });

  it('splits sentences, but not at street, house and initial abbreviations or dates', () => {
    const text =
      'Анна, добрый день! Фонарь на ул. Ленина, д. 5 заменили 12.05.2025 по заявке А.В. Иванова. Спасибо!\nС уважением';
    const parts = sentences(text).map((s) => text.slice(s.start, s.end));
    expect(parts).toEqual([
      'Анна, добрый день!',
      'Фонарь на ул. Ленина, д. 5 заменили 12.05.2025 по заявке А.В. Иванова.',
      'Спасибо!',
      'С уважением',
    ]);
  });

  it('matches a list phrase with any ending and any spacing, as whole words', () => {
    const re = compilePhrase('осуществл* (выезд|контроль)');
    expect(findAll(re, 'был осуществлен  выезд').map((m) => m.text)).toEqual(['осуществлен  выезд']);
    expect(findAll(re, 'неосуществлен выезд')).toEqual([]);
  });

  it('counts a swapped pair of letters as one edit', () => {
    expect(editDistance('дмитрий', 'дмитирй')).toBe(1);
    expect(editDistance('анна', 'аня')).toBe(2);
    expect(editDistance('анна', 'сергей', 2)).toBe(3);
  });
});
