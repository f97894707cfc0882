import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { canonicalOpText, stableStringify } from '../../../../src/shared/sync/canonical';
import { checkProtocol } from '../../../../src/shared/sync/versions';

describe('canonical op text', () => {
  it('does not depend on the order of object keys', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string({ maxLength: 4 }), fc.jsonValue({ maxDepth: 2 })), (obj) => {
        const reversed = Object.fromEntries(Object.entries(obj).reverse());
        expect(stableStringify(reversed)).toBe(stableStringify(obj));
        expect(JSON.parse(stableStringify(obj))).toEqual(JSON.parse(JSON.stringify(obj)));
      }),
    );
  });

  it('changes when anything that gives the op its meaning changes', () => {
    const op = {
      opId: '00000000-0000-4000-8000-000000000000',
      kind: 'incident.update' as const,
      entity: 'incident',
      entityId: 'i-1',
      payload: { fields: { text: 'a' } },
      hlc: '2026-01-01T00:00:00.000Z-0000-n',
      deviceId: 'd',
      userId: 'u1',
      schemaVersion: 1,
    };
    const base = canonicalOpText(op, null);
    expect(canonicalOpText({ ...op, userId: 'u2' }, null)).not.toBe(base);
    expect(canonicalOpText({ ...op, payload: { fields: { text: 'b' } } }, null)).not.toBe(base);
    expect(
      canonicalOpText(op, {
        id: 'x',
        at: 1,
        actorId: 'u1',
        actorRole: 'operator',
        deviceId: 'd',
        incidentId: 'i-1',
        action: 'a',
        before: null,
        after: null,
      }),
    ).not.toBe(base);
  });
});

describe('protocol versions', () => {
  it('serves clients from the hub’s minimum to its own version, and names who must update', () => {
    const hub = { current: 3, min: 2 };
    expect(checkProtocol(1, hub)).toBe('upgrade_client');
    expect(checkProtocol(2, hub)).toBe('ok');
    expect(checkProtocol(3, hub)).toBe('ok');
    expect(checkProtocol(4, hub)).toBe('upgrade_hub');
    expect(checkProtocol(Number.NaN, hub)).toBe('upgrade_client');
  });
});
