import { randomUUID } from 'node:crypto';
import { ApiFailure } from '../../../shared/api/envelope';
import type { SessionState, UserView } from '../../../shared/api/session';
import {
  countUsers,
  findUserById,
  findUserByLogin,
  insertSubstitution,
  insertUser,
  listUsers,
  type UserRecord,
} from '../../db/users';
import { insertDepartments, listDepartments } from '../../db/departments';
import { hashPassword, verifyPassword } from '../auth/password';
import type { CoreContext, HandlersOf } from '../context';
import type { Connection } from '../session';
import { syncDb } from '../../sync/schema';
import { readHubConfig, readHubUsers } from '../../sync/state';

export type SessionOptions = { demo: () => boolean };

async function viewOf(ctx: CoreContext, user: UserRecord): Promise<UserView> {
  const departments = await listDepartments(ctx.db);
  return {
    id: user.id,
    login: user.login,
    displayName: user.displayName,
    role: user.role,
    departmentId: user.departmentId,
    departmentName: departments.find((d) => d.id === user.departmentId)?.name ?? null,
  };
}

async function stateOf(
  ctx: CoreContext,
  connection: Connection,
  options: SessionOptions,
): Promise<SessionState> {
  return {
    user: connection.user ? await viewOf(ctx, connection.user) : null,
    needsSetup: (await countUsers(ctx.db)) === 0,
    demo: options.demo(),
  };
}

/** Requires a signed-in administrator on this connection. */
function requireAdmin(connection: Connection): UserRecord {
  if (connection.user?.role !== 'admin')
    throw new ApiFailure('forbidden', 'Только администратор управляет пользователями');
  return connection.user;
}

/**
 * A workstation joined to a hub takes its people and departments from the hub (docs/sync.md): made here,
 * they would be unknown to it, and every change of such a person refused.
 */
async function refuseWhenJoined(ctx: CoreContext, what: string, command: string): Promise<void> {
  if ((await readHubConfig(syncDb(ctx.db))) !== null)
    throw new ApiFailure(
      'forbidden',
      `Рабочее место подключено к хабу: ${what} заводит администратор хаба (npm run -s cli -- ${command}), они приходят с хаба`,
    );
}

/**
 * A local account on a workstation joined to a hub, unknown to the hub: every change of theirs would be
 * refused (`refuseStrangersOps`). The administrator keeps signing in (the workstation's own settings).
 */
async function isStrangerToHub(ctx: CoreContext, user: UserRecord): Promise<boolean> {
  if (user.role === 'admin') return false;
  const hubUsers = await readHubUsers(syncDb(ctx.db));
  return hubUsers !== null && !hubUsers.includes(user.id);
}

/** Local sign-in (issue #4): scrypt-hashed passwords; the demo switches user in one click. */
export function sessionHandlers(
  ctx: CoreContext,
  options: SessionOptions,
): HandlersOf<
  | 'session.current'
  | 'session.signIn'
  | 'session.switch'
  | 'session.signOut'
  | 'session.setupAdmin'
  | 'users.list'
  | 'users.create'
  | 'substitutions.add'
  | 'departments.create'
> {
  return {
    'session.current': (_r, connection) => stateOf(ctx, connection, options),
    'session.signIn': async ({ login, password }, connection) => {
      const user = await findUserByLogin(ctx.db, login.trim());
      // One message for an unknown login and a wrong password: do not tell which logins exist.
      const ok =
        user?.active && user.passwordHash !== null && (await verifyPassword(password, user.passwordHash));
      if (!user || !ok) throw new ApiFailure('forbidden', 'Неверный логин или пароль');
      if (await isStrangerToHub(ctx, user))
        throw new ApiFailure(
          'forbidden',
          'Эта учётная запись есть только на этом рабочем месте, а оно подключено к хабу: хаб не примет её изменения. Войдите под учётной записью хаба',
        );
      connection.user = user;
      return stateOf(ctx, connection, options);
    },
    'session.switch': async ({ userId }, connection) => {
      if (!options.demo())
        throw new ApiFailure(
          'forbidden',
          'Смена пользователя без пароля есть только в демонстрации: войдите с паролем',
        );
      const user = await findUserById(ctx.db, userId);
      if (!user?.active) throw new ApiFailure('not_found', 'Пользователь не найден');
      connection.user = user;
      return stateOf(ctx, connection, options);
    },
    'session.signOut': async (_r, connection) => {
      connection.user = null;
      return stateOf(ctx, connection, options);
    },
    'session.setupAdmin': async ({ login, displayName, password }, connection) => {
      if ((await countUsers(ctx.db)) > 0)
        throw new ApiFailure('conflict', 'Администратор уже создан: войдите с паролем');
      const admin: UserRecord = {
        id: randomUUID(),
        login,
        displayName,
        role: 'admin',
        departmentId: null,
        passwordHash: await hashPassword(password),
        active: true,
      };
      await insertUser(ctx.db, admin, ctx.now());
      connection.user = admin;
      return stateOf(ctx, connection, options);
    },
    'users.list': async (_r, connection) => {
      if (!options.demo()) requireAdmin(connection);
      const users = await listUsers(ctx.db);
      return Promise.all(users.filter((u) => u.active).map((u) => viewOf(ctx, u)));
    },
    'users.create': async (request, connection) => {
      requireAdmin(connection);
      await refuseWhenJoined(ctx, 'пользователей', 'hub add-user');
      if (await findUserByLogin(ctx.db, request.login))
        throw new ApiFailure('conflict', `Логин «${request.login}» уже занят`);
      const needsDepartment = request.role === 'executor' || request.role === 'department-head';
      if (needsDepartment && !request.departmentId)
        throw new ApiFailure('bad_request', 'Исполнителю и руководителю подразделения нужно подразделение');
      const user: UserRecord = {
        id: randomUUID(),
        login: request.login,
        displayName: request.displayName,
        role: request.role,
        departmentId: request.departmentId,
        passwordHash: await hashPassword(request.password),
        active: true,
      };
      await insertUser(ctx.db, user, ctx.now());
      return viewOf(ctx, user);
    },
    'departments.create': async ({ id, name, shortName }, connection) => {
      requireAdmin(connection);
      await refuseWhenJoined(ctx, 'подразделения', 'hub add-department');
      if ((await listDepartments(ctx.db)).some((d) => d.id === id)) {
        throw new ApiFailure('conflict', `Подразделение с кодом «${id}» уже есть`);
      }
      await insertDepartments(ctx.db, [{ id, name, shortName }], ctx.now());
      ctx.events.emit('queue.changed', { reason: 'updated', ids: [] });
      return { id };
    },
    'substitutions.add': async ({ absentUserId, substituteUserId, from, until }, connection) => {
      requireAdmin(connection);
      const [absent, substitute] = await Promise.all([
        findUserById(ctx.db, absentUserId),
        findUserById(ctx.db, substituteUserId),
      ]);
      if (!absent || !substitute) throw new ApiFailure('not_found', 'Пользователь не найден');
      const id = randomUUID();
      await insertSubstitution(ctx.db, { id, absentUserId, substituteUserId, from, until }, ctx.now());
      return { id };
    },
  };
}
