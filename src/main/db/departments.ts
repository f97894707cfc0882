import type { Department } from '../../shared/domain/incident';
import type { Conn } from './incidents';

export async function listDepartments(db: Conn): Promise<Department[]> {
  const rows = await db.selectFrom('departments').selectAll().orderBy('name').execute();
  return rows.map((r) => ({ id: r.id, name: r.name, shortName: r.short_name }));
}

export async function insertDepartments(
  db: Conn,
  departments: readonly Department[],
  now: number,
): Promise<void> {
  if (departments.length === 0) return;
  await db
    .insertInto('departments')
    .values(departments.map((d) => ({ id: d.id, name: d.name, short_name: d.shortName, created_at: now })))
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
}
