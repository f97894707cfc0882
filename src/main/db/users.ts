import type { Selectable } from 'kysely';
import type { Conn } from './incidents';
import type { UsersTable } from './schema';
import type { DepartmentDirectory, Role } from '../../shared/workflow';

export type UserRecord = {
  id: string;
  login: string;
  displayName: string;
  role: Role;
  departmentId: string | null;
  passwordHash: string | null;
  active: boolean;
};

function toUser(row: Selectable<UsersTable>): UserRecord {
  return {
    id: row.id,
    login: row.login,
    displayName: row.display_name,
    role: row.role as Role,
    departmentId: row.department_id,
    passwordHash: row.password_hash,
    active: row.active === 1,
  };
}

export async function listUsers(db: Conn): Promise<UserRecord[]> {
  const rows = await db.selectFrom('users').selectAll().orderBy('display_name').execute();
  return rows.map(toUser);
}

export async function findUserById(db: Conn, id: string): Promise<UserRecord | null> {
  const row = await db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toUser(row) : null;
}

export async function findUserByLogin(db: Conn, login: string): Promise<UserRecord | null> {
  const row = await db.selectFrom('users').selectAll().where('login', '=', login).executeTakeFirst();
  return row ? toUser(row) : null;
}

export async function countUsers(db: Conn): Promise<number> {
  const row = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function insertUser(db: Conn, user: UserRecord, now: number): Promise<void> {
  await db
    .insertInto('users')
    .values({
      id: user.id,
      login: user.login,
      display_name: user.displayName,
      role: user.role,
      department_id: user.departmentId,
      password_hash: user.passwordHash,
      active: user.active ? 1 : 0,
      created_at: now,
    })
    .execute();
  if (user.departmentId && (user.role === 'executor' || user.role === 'department-head')) {
    await db
      .insertInto('department_members')
      .values({
        department_id: user.departmentId,
        user_id: user.id,
        kind: user.role === 'department-head' ? 'responsible' : 'executor',
      })
      .onConflict((oc) => oc.doNothing())
      .execute();
  }
}

/** The department directory the workflow guards read (Новороссийск p.6: responsible persons, executors, substitutes). */
export async function loadDirectory(db: Conn): Promise<DepartmentDirectory> {
  const [departments, members, substitutions] = await Promise.all([
    db.selectFrom('departments').select(['id', 'name']).orderBy('name').execute(),
    db.selectFrom('department_members').selectAll().execute(),
    db.selectFrom('substitutions').selectAll().execute(),
  ]);
  const memberOf = new Map<string, string>();
  for (const m of members) memberOf.set(m.user_id, m.department_id);
  return {
    departments: departments.map((d) => ({
      id: d.id,
      name: d.name,
      responsibleUserIds: members
        .filter((m) => m.department_id === d.id && m.kind === 'responsible')
        .map((m) => m.user_id),
      executorUserIds: members
        .filter((m) => m.department_id === d.id && m.kind === 'executor')
        .map((m) => m.user_id),
      substitutions: substitutions
        .filter((s) => memberOf.get(s.absent_user_id) === d.id)
        .map((s) => ({
          absentUserId: s.absent_user_id,
          substituteUserId: s.substitute_user_id,
          from: s.from_at,
          until: s.until_at,
        })),
    })),
  };
}

export async function insertSubstitution(
  db: Conn,
  s: { id: string; absentUserId: string; substituteUserId: string; from: number; until: number },
  now: number,
): Promise<void> {
  await db
    .insertInto('substitutions')
    .values({
      id: s.id,
      absent_user_id: s.absentUserId,
      substitute_user_id: s.substituteUserId,
      from_at: s.from,
      until_at: s.until,
      created_at: now,
    })
    .execute();
}
