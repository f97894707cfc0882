import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatHlc, parseHlc, receive, tick, HlcError, type Hlc } from '../../../../src/shared/sync/hlc';

const zero: Hlc = { millis: 0, counter: 0, node: 'node-a' };

describe('hybrid logical clock', () => {
  it('follows the wall clock when it moves forward', () => {
    expect(tick(zero, 1000)).toEqual({ millis: 1000, counter: 0, node: 'node-a' });
  });

  it('never goes backwards when the wall clock does', () => {
    const t1 = tick(zero, 5000);
    const t2 = tick(t1, 4000);
    expect(formatHlc(t2) > formatHlc(t1)).toBe(true);
  });

  it('refuses a remote clock far in the future', () => {
    expect(() => receive(zero, { millis: 10 * 86_400_000, counter: 0, node: 'b' }, 0)).toThrow(HlcError);
  });

  it('round-trips through its string form', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 4_102_444_800_000 }),
        fc.integer({ min: 0, max: 0xffff }),
        (millis, counter) => {
          const h = { millis, counter, node: 'n1' };
          expect(parseHlc(formatHlc(h))).toEqual(h);
        },
      ),
    );
  });

  it('orders its strings as it orders events, over any sequence of local and remote events', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.boolean(), fc.integer({ min: 0, max: 1_000_000 })), {
          minLength: 1,
          maxLength: 50,
        }),
        (steps) => {
          let clock = zero;
          let previous = formatHlc(clock);
          for (const [remote, wall] of steps) {
            clock = remote
              ? receive(clock, { millis: wall, counter: 3, node: 'b' }, wall)
              : tick(clock, wall);
            const text = formatHlc(clock);
            expect(text > previous).toBe(true);
            previous = text;
          }
        },
      ),
    );
  });
});
