import { z } from 'zod';

/**
 * The people of the product (regulations.md, Roles). A role says which commands a person may issue; the
 * department directory (`directory.ts`) says for which departments.
 */
export const ROLES = [
  /** Finds, classifies, routes, publishes (Новороссийск p.4, 13; Ставрополь p.7, 9, 14; Ухта p.5, 14). */
  'operator',
  /** Reviews answers, agrees postponements; routes in Новороссийск (p.5, 8, 10). */
  'controller',
  /** A department's executor (Новороссийск p.6; Ставрополь p.8; Ухта p.7). */
  'executor',
  /** The department's responsible person (Новороссийск p.6; Ставрополь p.8). */
  'department-head',
  /** Руководитель МЦУ: everything an operator or a controller may do, and reopening a wrong closure. */
  'supervisor',
  /** Manages users and settings; never performs a workflow step (the audit must name who really acted). */
  'admin',
  /** The wall screen: read only. */
  'wall',
] as const;
export const RoleSchema = z.enum(ROLES);
export type Role = z.infer<typeof RoleSchema>;

/**
 * Who changes the organisation's schedule and regulation profile, on which every deadline depends: the
 * administrator and the МЦУ's supervisor. Everyone signed in may read them. (Here, not beside the settings'
 * schemas in `api/organisation.ts`: the settings screen needs the list, not the regulation schemas.)
 */
export const ORGANISATION_EDITORS: readonly Role[] = ['admin', 'supervisor'];

/**
 * Who joins the workstation to a hub (or to another one): where every change made here goes. The same two;
 * a fresh workstation, with nobody set up yet, joins from its first screen (the hub brings its people).
 */
export const HUB_JOINERS: readonly Role[] = ['admin', 'supervisor'];

const Id = z.string().min(1);

/** The signed-in person. `departmentId` is the home department (null for МЦУ staff, admin, wall). */
export const ActorSchema = z.strictObject({
  userId: Id,
  role: RoleSchema,
  departmentId: Id.nullable(),
});
export type Actor = z.infer<typeof ActorSchema>;

export function sameActor(a: Actor, b: Actor): boolean {
  return a.userId === b.userId && a.role === b.role && a.departmentId === b.departmentId;
}
