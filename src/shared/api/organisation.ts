import { z } from 'zod';
import { WeeklyScheduleSchema } from '../worktime';
import { RegulationProfileSchema } from '../regulations';

export const ProfileSummary = z.object({
  id: z.string(),
  name: z.string(),
  custom: z.boolean(),
  derivedFrom: z.string().nullable(),
});
export type ProfileSummary = z.infer<typeof ProfileSummary>;

export const OrganisationSettings = z.object({
  schedule: WeeklyScheduleSchema,
  productionCalendar: z.boolean(),
  activeProfileId: z.string(),
  profiles: z.array(ProfileSummary),
  /** The active profile in full: stages with their clauses, approval chain, criteria. */
  activeProfile: RegulationProfileSchema,
});
export type OrganisationSettings = z.infer<typeof OrganisationSettings>;

const ProfileId = z
  .string()
  .regex(/^[a-z][a-z0-9-]{1,40}$/, 'латинские строчные буквы, цифры и дефис, от 2 до 41 знака');

/** The organisation's working time and regulation (issue #3: editable in settings). */
export const organisationMethods = {
  'org.get': { request: z.object({}).strict(), response: OrganisationSettings },
  'org.setSchedule': {
    request: z.object({ schedule: WeeklyScheduleSchema, productionCalendar: z.boolean() }).strict(),
    response: OrganisationSettings,
  },
  'org.setProfile': {
    request: z.object({ profileId: z.string().min(1) }).strict(),
    response: OrganisationSettings,
  },
  /** A custom profile made from any other: its stage minutes changed, everything else inherited. */
  'org.deriveProfile': {
    request: z
      .object({
        baseId: z.string().min(1),
        id: ProfileId,
        name: z.string().min(3).max(200),
        stageMinutes: z.record(z.string(), z.number().int().positive().max(100_000)),
        activate: z.boolean().default(true),
      })
      .strict(),
    response: OrganisationSettings,
  },
} as const;
