import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { RoleSchema, type Role } from '../../shared/workflow';
import type { HubDb } from './db/open';
import { hashPassword, hashToken, newToken } from './auth';

/** What an administrator does to a hub's database (the `hub …` commands; tests use it directly). */

export class HubAdminError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'HubAdminError';
  }
}

async function bumpDirectory(db: HubDb): Promise<void> {
  await db
    .updateTable('hub_counter')
    .set({ dir_version: sql`dir_version + 1` })
    .where('id', '=', 1)
    .execute();
}

export type EnrolledWorkstation = { id: string; name: string; token: string };

/** Enrols a workstation (or an intake client): the token is shown once; only its hash is kept. */
export async function addWorkstation(
  db: HubDb,
  name: string,
  options: { kind?: 'workstation' | 'intake'; departments?: string[] | null; now?: number } = {},
): Promise<EnrolledWorkstation> {
  const trimmed = name.trim();
  if (!/^[\p{L}\p{N}._-]{1,100}$/u.test(trimmed)) {
    throw new HubAdminError('Имя рабочего места: буквы, цифры, точка, дефис и подчёркивание, до 100 знаков');
  }
  const existing = await db
    .selectFrom('hub_workstations')
    .select('id')
    .where('name', '=', trimmed)
    .executeTakeFirst();
  if (existing) throw new HubAdminError(`Рабочее место «${trimmed}» уже зарегистрировано`);
  const kind = options.kind ?? 'workstation';
  const token = newToken(kind === 'intake' ? 'otki' : 'otkw');
  const id = randomUUID();
  const departments = options.departments ?? null;
  await db
    .insertInto('hub_workstations')
    .values({
      id,
      name: trimmed,
      kind,
      token_hash: hashToken(token),
      departments: departments ? JSON.stringify([...new Set(departments)].sort()) : null,
      device_id: null,
      created_at: options.now ?? Date.now(),
      revoked_at: null,
      last_seen_at: null,
    })
    .execute();
  return { id, name: trimmed, token };
}

/** Revokes a workstation's token and every session on it: its next request is refused. */
export async function revokeWorkstation(db: HubDb, name: string, now = Date.now()): Promise<void> {
  const row = await db
    .selectFrom('hub_workstations')
    .select(['id', 'revoked_at'])
    .where('name', '=', name.trim())
    .executeTakeFirst();
  if (!row) throw new HubAdminError(`Нет рабочего места «${name}»`);
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('hub_workstations').set({ revoked_at: now }).where('id', '=', row.id).execute();
    await trx
      .updateTable('hub_sessions')
      .set({ revoked_at: now })
      .where('workstation_id', '=', row.id)
      .where('revoked_at', 'is', null)
      .execute();
  });
}

export async function listWorkstations(db: HubDb) {
  const rows = await db
    .selectFrom('hub_workstations')
    .select(['name', 'kind', 'departments', 'created_at', 'revoked_at', 'last_seen_at'])
    .orderBy('name')
    .execute();
  return rows.map((r) => ({
    name: r.name,
    kind: r.kind,
    departments: r.departments ? (JSON.parse(r.departments) as string[]) : null,
    createdAt: r.created_at,
    revokedAt: r.revoked_at,
    lastSeenAt: r.last_seen_at,
  }));
}

export async function addDepartment(
  db: HubDb,
  department: { id: string; name: string; shortName?: string },
  now = Date.now(),
): Promise<void> {
  if (!/^[\p{L}\p{N}._-]{1,100}$/u.test(department.id)) {
    throw new HubAdminError('Код подразделения: буквы, цифры, точка, дефис и подчёркивание');
  }
  if (department.name.trim() === '') throw new HubAdminError('Укажите название подразделения');
  await db
    .insertInto('hub_departments')
    .values({
      id: department.id,
      name: department.name.trim(),
      short_name: department.shortName?.trim() ?? '',
      created_at: now,
    })
    .onConflict((oc) =>
      oc
        .column('id')
        .doUpdateSet({ name: department.name.trim(), short_name: department.shortName?.trim() ?? '' }),
    )
    .execute();
  await bumpDirectory(db);
}

/** Roles whose users belong to a department (the others work for the whole control centre). */
export const DEPARTMENT_ROLES: readonly Role[] = ['executor', 'department-head'];

export type NewHubUser = {
  login: string;
  displayName?: string;
  role: string;
  departmentId?: string | null;
  password: string;
  id?: string;
};

export async function addUser(db: HubDb, user: NewHubUser, now = Date.now()): Promise<{ id: string }> {
  const role = RoleSchema.safeParse(user.role);
  if (!role.success)
    throw new HubAdminError(`Неизвестная роль «${user.role}»: ${RoleSchema.options.join(', ')}`);
  const departmentId = user.departmentId ?? null;
  if (DEPARTMENT_ROLES.includes(role.data) && !departmentId) {
    throw new HubAdminError('Исполнителю и руководителю подразделения укажите --department');
  }
  if (departmentId) {
    const dep = await db
      .selectFrom('hub_departments')
      .select('id')
      .where('id', '=', departmentId)
      .executeTakeFirst();
    if (!dep)
      throw new HubAdminError(
        `Нет подразделения «${departmentId}»: добавьте его командой hub add-department`,
      );
  }
  if (user.password.length < 8) throw new HubAdminError('Пароль — не короче 8 знаков');
  const login = user.login.trim();
  if (login === '') throw new HubAdminError('Укажите логин');
  const taken = await db.selectFrom('hub_users').select('id').where('login', '=', login).executeTakeFirst();
  if (taken) throw new HubAdminError(`Логин «${login}» уже занят`);
  const id = user.id ?? randomUUID();
  await db
    .insertInto('hub_users')
    .values({
      id,
      login,
      display_name: user.displayName?.trim() || login,
      role: role.data,
      department_id: departmentId,
      password_hash: await hashPassword(user.password),
      active: 1,
      created_at: now,
    })
    .execute();
  await bumpDirectory(db);
  return { id };
}

/** Blocks a user: sign-in refused, open sessions revoked, their ops refused from now on. */
export async function deactivateUser(db: HubDb, login: string, now = Date.now()): Promise<void> {
  const row = await db.selectFrom('hub_users').select('id').where('login', '=', login).executeTakeFirst();
  if (!row) throw new HubAdminError(`Нет пользователя «${login}»`);
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('hub_users').set({ active: 0 }).where('id', '=', row.id).execute();
    await trx
      .updateTable('hub_sessions')
      .set({ revoked_at: now })
      .where('user_id', '=', row.id)
      .where('revoked_at', 'is', null)
      .execute();
  });
  await bumpDirectory(db);
}
