import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { clocksFromText, clocksToText } from '../../../../src/shared/sync/clocks-text';
import type { Clocks } from '../../../../src/shared/sync/replica';

const A = '2026-11-23T17:22:48.350Z-0000-eeaebb2e-02e3-47af-9f35-7dcb663014dc';
const B = '2026-11-23T18:00:00.000Z-0003-0b0b0b0b-02e3-47af-9f35-7dcb663014dc';

describe('stored field clocks', () => {
  it('stores each distinct clock once and reads back the same clocks', () => {
    const clocks: Clocks = { text: A, topic: A, location: B, importance: A };
    const text = clocksToText(clocks);
    expect(text.split(A)).toHaveLength(2);
    expect(clocksFromText(text)).toEqual(clocks);
  });

  it('reads clocks stored as a plain map before this format', () => {
    expect(clocksFromText(JSON.stringify({ text: A, status: B }))).toEqual({ text: A, status: B });
  });

  it('round-trips any clocks', () => {
    const field = fc.constantFrom('text', 'topic', 'location', 'importance', 'status', 'departmentId');
    fc.assert(
      fc.property(fc.dictionary(field, fc.constantFrom(A, B, 'x', '#')), (clocks) => {
        expect(clocksFromText(clocksToText(clocks as Clocks))).toEqual(clocks);
      }),
    );
  });

  it('refuses a stored index that names no clock', () => {
    expect(() => clocksFromText('{"text":3,"#":["a"]}')).toThrow(/text/);
  });
});
