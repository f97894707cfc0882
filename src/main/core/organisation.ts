import { z } from 'zod';
import {
  buildWorkCalendar,
  CalendarExceptionSchema,
  DEFAULT_SCHEDULE,
  WeeklyScheduleSchema,
  type CalendarException,
  type WeeklySchedule,
  type WorkCalendar,
} from '../../shared/worktime';
import { RegulationProfileSchema, type RegulationProfile } from '../../shared/regulations';
import type { Conn } from '../db/incidents';
import { readSetting, writeSetting } from '../db/settings';
import { loadBundledExceptions } from '../worktime/bundled';
import { loadBundledProfilesSync } from '../regulations/bundled';

/** The bundled profile used until an administrator picks another (the first seed with full timings). */
export const DEFAULT_PROFILE_ID = 'novorossiysk';

const KEYS = {
  schedule: 'org.schedule',
  productionCalendar: 'org.productionCalendar',
  profileId: 'org.profileId',
  customProfiles: 'org.customProfiles',
  importedCalendar: 'calendar.imported',
} as const;

/** Years an administrator loaded from xmlcalendar files; a loaded year replaces the bundled one. */
const ImportedCalendar = z.record(z.string().regex(/^\d{4}$/), z.array(CalendarExceptionSchema));

/** An organisation's working time and regulation: what every deadline is computed from. */
export type Organisation = {
  schedule: WeeklySchedule;
  /**
   * Whether the RF production calendar applies. An office does; a control centre working shifts
   * around the clock (production-calendar.md, «The working day itself») follows its schedule alone.
   */
  productionCalendar: boolean;
  exceptions: CalendarException[];
  calendar: WorkCalendar;
  profile: RegulationProfile;
  profiles: RegulationProfile[];
};

export type OrganisationSources = { resourcesDir?: string | URL };

function mergeExceptions(
  bundled: CalendarException[],
  imported: z.infer<typeof ImportedCalendar>,
): CalendarException[] {
  const replaced = new Set(Object.keys(imported));
  return [
    ...bundled.filter((e) => !replaced.has(e.date.slice(0, 4))),
    ...Object.values(imported).flat(),
  ].sort((a, b) => a.date.localeCompare(b.date));
}

/** The defaults of the issue: Mon–Fri 09:00–18:00 with lunch, Europe/Moscow, the RF calendar, Новороссийск. */
export function defaultOrganisation(sources: OrganisationSources = {}): Organisation {
  return assemble(
    DEFAULT_SCHEDULE,
    true,
    loadBundledExceptions(sources.resourcesDir),
    loadBundledProfilesSync(sources.resourcesDir),
    DEFAULT_PROFILE_ID,
  );
}

function assemble(
  schedule: WeeklySchedule,
  productionCalendar: boolean,
  calendarExceptions: CalendarException[],
  profiles: RegulationProfile[],
  profileId: string,
): Organisation {
  const profile =
    profiles.find((p) => p.id === profileId) ?? profiles.find((p) => p.id === DEFAULT_PROFILE_ID);
  if (!profile) throw new Error(`No regulation profile ${profileId}`);
  const exceptions = productionCalendar ? calendarExceptions : [];
  return {
    schedule,
    productionCalendar,
    exceptions,
    calendar: buildWorkCalendar(schedule, exceptions),
    profile,
    profiles,
  };
}

/** Reads the organisation's settings from a workstation database, falling back to the defaults. */
export async function loadOrganisation(db: Conn, sources: OrganisationSources = {}): Promise<Organisation> {
  const schedule = WeeklyScheduleSchema.safeParse(await readSetting(db, KEYS.schedule));
  const imported = ImportedCalendar.safeParse((await readSetting(db, KEYS.importedCalendar)) ?? {});
  const custom = z
    .array(RegulationProfileSchema)
    .safeParse((await readSetting(db, KEYS.customProfiles)) ?? []);
  const profileId = z.string().safeParse(await readSetting(db, KEYS.profileId));
  const productionCalendar = z.boolean().safeParse(await readSetting(db, KEYS.productionCalendar));
  const bundled = loadBundledProfilesSync(sources.resourcesDir);
  return assemble(
    schedule.success ? schedule.data : DEFAULT_SCHEDULE,
    productionCalendar.success ? productionCalendar.data : true,
    mergeExceptions(loadBundledExceptions(sources.resourcesDir), imported.success ? imported.data : {}),
    [...bundled, ...(custom.success ? custom.data : [])],
    profileId.success ? profileId.data : DEFAULT_PROFILE_ID,
  );
}

/** Stores an imported year of the production calendar (replacing that year's bundled or earlier import). */
export async function storeImportedYear(
  db: Conn,
  year: number,
  exceptions: CalendarException[],
): Promise<void> {
  const current = ImportedCalendar.safeParse((await readSetting(db, KEYS.importedCalendar)) ?? {});
  await writeSetting(db, KEYS.importedCalendar, {
    ...(current.success ? current.data : {}),
    [String(year)]: exceptions,
  });
}

export async function storeSchedule(
  db: Conn,
  schedule: WeeklySchedule,
  productionCalendar: boolean,
): Promise<void> {
  await writeSetting(db, KEYS.schedule, WeeklyScheduleSchema.parse(schedule));
  await writeSetting(db, KEYS.productionCalendar, productionCalendar);
}

export async function storeActiveProfile(db: Conn, profileId: string): Promise<void> {
  await writeSetting(db, KEYS.profileId, profileId);
}

export async function storeCustomProfiles(db: Conn, profiles: RegulationProfile[]): Promise<void> {
  await writeSetting(db, KEYS.customProfiles, profiles);
}
