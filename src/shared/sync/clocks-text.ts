import type { Clocks } from './replica';

/**
 * How a replica's field clocks are stored (the hub's `hub_incidents.clocks`, a workstation's
 * `sync_shadow.clocks`): each distinct clock once, in `#`, and each field its index there. A new incident
 * has one clock for all its sixteen fields: 1,200 characters as a plain map, 260 this way, and the stored
 * bytes are what a sync of thousands of incidents spends its time writing. A plain map (rows written before
 * this format) reads as before.
 */
export function clocksToText(clocks: Clocks): string {
  const table: string[] = [];
  const at = new Map<string, number>();
  const out: Record<string, number | string[]> = {};
  for (const [field, clock] of Object.entries(clocks)) {
    if (clock === undefined) continue;
    let i = at.get(clock);
    if (i === undefined) {
      i = table.push(clock) - 1;
      at.set(clock, i);
    }
    out[field] = i;
  }
  out['#'] = table;
  return JSON.stringify(out);
}

export function clocksFromText(text: string): Clocks {
  const stored = JSON.parse(text) as Record<string, unknown>;
  const table = stored['#'];
  if (!Array.isArray(table)) return stored as Clocks;
  const clocks: Record<string, string> = {};
  for (const [field, i] of Object.entries(stored)) {
    if (field === '#') continue;
    const clock: unknown = table[i as number];
    if (typeof clock !== 'string') throw new Error(`Stored clocks name a missing clock for ${field}`);
    clocks[field] = clock;
  }
  return clocks as Clocks;
}
