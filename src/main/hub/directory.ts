import type { DepartmentDirectory, Role } from '../../shared/workflow';
import type { Directory } from '../../shared/sync/wire';
import type { HubConn } from './replicas';

/** The users and departments as workstations receive them. */
export async function loadClientDirectory(db: HubConn, version: number): Promise<Directory> {
  const [departments, users] = await Promise.all([
    db.selectFrom('hub_departments').selectAll().orderBy('id').execute(),
    db.selectFrom('hub_users').selectAll().orderBy('id').execute(),
  ]);
  return {
    version,
    departments: departments.map((d) => ({ id: d.id, name: d.name, shortName: d.short_name })),
    users: users.map((u) => ({
      id: u.id,
      login: u.login,
      displayName: u.display_name,
      role: u.role as Role,
      departmentId: u.department_id,
      passwordHash: u.password_hash,
      active: u.active === 1,
    })),
  };
}

/** The department directory the workflow decides with, built from the hub's users and departments. */
export async function loadDirectory(db: HubConn): Promise<{ directory: DepartmentDirectory }> {
  const dir = await loadClientDirectory(db, 0);
  const active = dir.users.filter((u) => u.active);
  return {
    directory: {
      departments: dir.departments.map((d) => ({
        id: d.id,
        name: d.name,
        responsibleUserIds: active
          .filter((u) => u.departmentId === d.id && u.role === 'department-head')
          .map((u) => u.id),
        executorUserIds: active
          .filter((u) => u.departmentId === d.id && u.role === 'executor')
          .map((u) => u.id),
        substitutions: [],
      })),
    },
  };
}
