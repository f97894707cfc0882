import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { Conn } from '../db/incidents';
import { readSetting, writeSetting } from '../db/settings';
import { formatHlc, parseHlc, tick, type Hlc } from '../../shared/sync/hlc';

const DEVICE_KEY = 'device.id';
const HLC_KEY = 'device.hlc';

/** This workstation's id and its hybrid logical clock, persisted so the clock survives restarts. */
export type Identity = {
  deviceId: string;
  /** Advances the clock for a local change at wall time `at` and stores it in the change's transaction. */
  nextHlc(trx: Conn, at: number): Promise<string>;
  /**
   * Merges a timestamp received from the hub (already capped there), so that a change made after seeing
   * another's is ordered after it even when this workstation's wall clock is behind.
   */
  observe(trx: Conn, remote: string): Promise<void>;
};

export async function loadIdentity(db: Conn): Promise<Identity> {
  let deviceId = z
    .string()
    .optional()
    .parse(await readSetting(db, DEVICE_KEY));
  if (!deviceId) {
    deviceId = randomUUID();
    await writeSetting(db, DEVICE_KEY, deviceId);
  }
  const stored = z
    .string()
    .optional()
    .parse(await readSetting(db, HLC_KEY));
  let last: Hlc = stored ? parseHlc(stored) : { millis: 0, counter: 0, node: deviceId };
  return {
    deviceId,
    async nextHlc(trx, at) {
      const next = tick(last, at);
      const text = formatHlc(next);
      await writeSetting(trx, HLC_KEY, text);
      // Only advance in memory once the write is queued in the transaction; a rollback leaves a gap, never a repeat.
      last = next;
      return text;
    },
    async observe(trx, remote) {
      const r = parseHlc(remote);
      if (r.millis < last.millis || (r.millis === last.millis && r.counter <= last.counter)) return;
      // The next tick goes past it; the wall clock is not consulted here (it may be the wrong one).
      const next: Hlc = { millis: r.millis, counter: r.counter, node: last.node };
      await writeSetting(trx, HLC_KEY, formatHlc(next));
      last = next;
    },
  };
}
