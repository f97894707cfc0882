import { describe, expect, it } from 'vitest';
import { nextPage, pageCount, pageOffset } from '../../../../src/renderer/wall/paging';

describe('the wall pages', () => {
  it('pages the rest of the queue after the most urgent incidents', () => {
    expect(pageCount(60, 4, 8)).toBe(7);
    expect(pageCount(4, 4, 8)).toBe(1);
    expect(pageCount(0, 4, 8)).toBe(1);
    expect(pageOffset(0, 4, 8)).toBe(4);
    expect(pageOffset(2, 4, 8)).toBe(20);
  });

  it('turns to the first page after the last', () => {
    expect(nextPage(0, 7)).toBe(1);
    expect(nextPage(6, 7)).toBe(0);
    expect(nextPage(0, 1)).toBe(0);
  });
});
