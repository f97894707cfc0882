import { z } from 'zod';
import { type Actor } from './roles';

/**
 * Who works for which department (Новороссийск p.6; Ставрополь p.8): each department names its responsible
 * persons and its executors, and who stands in for whom during an absence («с учетом возможности исполнения
 * должностных обязанностей исполнителей … в период их временного отсутствия», Новороссийск p.6).
 *
 * Only the types and the pure look-ups live here; the data is kept by the database (src/main/db).
 */

const Id = z.string().min(1);
/** Epoch milliseconds, UTC. */
const Instant = z.number().int().nonnegative();

/** `substituteUserId` acts for the department of `absentUserId` in `[from, until)`. */
export const SubstitutionSchema = z
  .strictObject({
    absentUserId: Id,
    substituteUserId: Id,
    from: Instant,
    until: Instant,
  })
  .refine((s) => s.from < s.until, { message: 'Период замещения пуст: from должен быть раньше until' })
  .refine((s) => s.absentUserId !== s.substituteUserId, { message: 'Сотрудник не может замещать себя' });
export type Substitution = z.infer<typeof SubstitutionSchema>;

export const DirectoryDepartmentSchema = z.strictObject({
  id: Id,
  name: z.string().trim().min(1),
  /** Ответственное должностное лицо (Новороссийск p.6; Ставрополь p.8): a `department-head` user. */
  responsibleUserIds: z.array(Id),
  /** Исполнители: prepare answers (Новороссийск p.6; Ставрополь p.8; Ухта p.7). */
  executorUserIds: z.array(Id),
  substitutions: z.array(SubstitutionSchema),
});
export type DirectoryDepartment = z.infer<typeof DirectoryDepartmentSchema>;

export const DepartmentDirectorySchema = z
  .strictObject({ departments: z.array(DirectoryDepartmentSchema) })
  .refine((d) => new Set(d.departments.map((x) => x.id)).size === d.departments.length, {
    message: 'Подразделения повторяются',
  });
export type DepartmentDirectory = z.infer<typeof DepartmentDirectorySchema>;

export function findDepartment(
  directory: DepartmentDirectory,
  departmentId: string,
): DirectoryDepartment | undefined {
  return directory.departments.find((d) => d.id === departmentId);
}

function isMember(dep: DirectoryDepartment, userId: string): boolean {
  return dep.responsibleUserIds.includes(userId) || dep.executorUserIds.includes(userId);
}

/**
 * How `actor` may act for `departmentId` at `now`:
 * - `member`: the department is the actor's home department and the directory names them there;
 * - `substitute`: they stand in for an absent member of that department right now (Новороссийск p.6);
 * - null: neither. An unknown department has nobody.
 *
 * A substitute takes over the absent person's department, not their role: an executor standing in for an
 * absent head drafts for the department but cannot approve at a department approval level.
 */
export function departmentAccess(
  directory: DepartmentDirectory,
  departmentId: string,
  actor: Actor,
  now: number,
): 'member' | 'substitute' | null {
  const dep = findDepartment(directory, departmentId);
  if (!dep) return null;
  if (actor.departmentId === departmentId && isMember(dep, actor.userId)) return 'member';
  const standsIn = dep.substitutions.some(
    (s) =>
      s.substituteUserId === actor.userId && s.from <= now && now < s.until && isMember(dep, s.absentUserId),
  );
  return standsIn ? 'substitute' : null;
}

/** Whether `actor` may act for `departmentId` at `now` (as a member or a substitute). */
export function actsForDepartment(
  directory: DepartmentDirectory,
  departmentId: string,
  actor: Actor,
  now: number,
): boolean {
  return departmentAccess(directory, departmentId, actor, now) !== null;
}
