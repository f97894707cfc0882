import { ApiFailure } from '../../../shared/api/envelope';
import type { OrganisationSettings } from '../../../shared/api/organisation';
import { ORGANISATION_EDITORS } from '../../../shared/workflow';
import {
  deriveCustomProfile,
  RegulationProfileError,
  type RegulationProfile,
} from '../../../shared/regulations';
import { storeActiveProfile, storeCustomProfiles, storeSchedule, type Organisation } from '../organisation';
import { BUNDLED_PROFILE_IDS } from '../../regulations/bundled';
import type { CoreContext, HandlersOf } from '../context';
import type { Connection } from '../session';

const BUNDLED: ReadonlySet<string> = new Set(BUNDLED_PROFILE_IDS);

function view(org: Organisation): OrganisationSettings {
  return {
    schedule: org.schedule,
    productionCalendar: org.productionCalendar,
    activeProfileId: org.profile.id,
    activeProfile: org.profile,
    profiles: org.profiles.map((p) => ({
      id: p.id,
      name: p.name,
      custom: !BUNDLED.has(p.id),
      derivedFrom: p.derivedFrom ?? null,
    })),
  };
}

function customProfiles(org: Organisation): RegulationProfile[] {
  return org.profiles.filter((p) => !BUNDLED.has(p.id));
}

/** A change of the schedule or the regulation moves every deadline: only its editors make it. */
function requireEditor(connection: Connection): void {
  const role = connection.user?.role;
  if (!role || !ORGANISATION_EDITORS.includes(role)) {
    throw new ApiFailure('forbidden', 'Регламент и график работы меняет администратор или руководитель МЦУ');
  }
}

/** The organisation's schedule and regulation profile (issue #3, items 2 and 4). */
export function organisationHandlers(
  ctx: CoreContext,
): HandlersOf<'org.get' | 'org.setSchedule' | 'org.setProfile' | 'org.deriveProfile'> {
  return {
    'org.get': () => Promise.resolve(view(ctx.organisation())),
    'org.setSchedule': async ({ schedule, productionCalendar }, connection) => {
      requireEditor(connection);
      await storeSchedule(ctx.db, schedule, productionCalendar);
      return view(await ctx.reloadOrganisation());
    },
    'org.setProfile': async ({ profileId }, connection) => {
      requireEditor(connection);
      if (!ctx.organisation().profiles.some((p) => p.id === profileId)) {
        throw new ApiFailure('not_found', `Нет регламента «${profileId}»`);
      }
      await storeActiveProfile(ctx.db, profileId);
      return view(await ctx.reloadOrganisation());
    },
    'org.deriveProfile': async ({ baseId, id, name, stageMinutes, activate }, connection) => {
      requireEditor(connection);
      const org = ctx.organisation();
      const base = org.profiles.find((p) => p.id === baseId);
      if (!base) throw new ApiFailure('not_found', `Нет регламента «${baseId}»`);
      if (BUNDLED.has(id))
        throw new ApiFailure('conflict', `«${id}» — встроенный регламент, выберите другой код`);
      const unknown = Object.keys(stageMinutes).filter((s) => !base.stages.some((st) => st.id === s));
      if (unknown.length > 0) throw new ApiFailure('bad_request', `Нет этапов: ${unknown.join(', ')}`);
      let derived: RegulationProfile;
      try {
        derived = deriveCustomProfile(
          base,
          { stages: Object.entries(stageMinutes).map(([stage, minutes]) => ({ id: stage, minutes })) },
          id,
          name,
        );
      } catch (e) {
        if (e instanceof RegulationProfileError) throw new ApiFailure('bad_request', e.message);
        throw e;
      }
      await storeCustomProfiles(ctx.db, [...customProfiles(org).filter((p) => p.id !== id), derived]);
      if (activate) await storeActiveProfile(ctx.db, id);
      return view(await ctx.reloadOrganisation());
    },
  };
}
