import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from './run-cli';

type Range = { start: string; end: string };
type Days = Record<'1' | '2' | '3' | '4' | '5' | '6' | '7', Range[]>;

const allDay: Range[] = [{ start: '00:00', end: '24:00' }];

/** A control centre working around the clock with no production calendar: the clocks always run. */
export const ROUND_THE_CLOCK = {
  zone: 'UTC',
  days: { 1: allDay, 2: allDay, 3: allDay, 4: allDay, 5: allDay, 6: allDay, 7: allDay } as unknown as Days,
  shortenedDayCutMinutes: 60,
  productionCalendar: false,
};

/** Works only on a weekday other than today's (UTC): the clocks are standing still right now. */
export function closedToday(now = new Date()): typeof ROUND_THE_CLOCK {
  const today = ((now.getUTCDay() + 6) % 7) + 1;
  const other = (today % 7) + 1;
  const days = Object.fromEntries(
    [1, 2, 3, 4, 5, 6, 7].map((d) => [String(d), d === other ? [{ start: '09:00', end: '18:00' }] : []]),
  );
  return { ...ROUND_THE_CLOCK, days: days as Days };
}

/** Sets a data folder's schedule through the CLI, as an administrator would. */
export async function setSchedule(dataDir: string, schedule: typeof ROUND_THE_CLOCK): Promise<void> {
  const file = join(dataDir, 'schedule.json');
  writeFileSync(file, JSON.stringify(schedule));
  const r = await runCli(['schedule', 'set', file, '--data-dir', dataDir]);
  if (r.code !== 0) throw new Error(`schedule set failed: ${r.stderr}`);
}
