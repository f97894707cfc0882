import { randomBytes, randomUUID } from 'node:crypto';
import type { Role } from '../../shared/workflow';
import type { SessionResponse } from '../../shared/sync/wire';
import { verifyPassword } from './auth';
import type { Caller, HubContext } from './context';
import { HubError } from './errors';

/**
 * A user's session on one workstation: the workstation signs that user's ops with its secret, and the hub
 * refuses ops of a user without one (a forged actor). Revoked with the workstation or the user.
 */
export async function openSession(
  ctx: HubContext,
  caller: Caller,
  login: string,
  password: string,
): Promise<SessionResponse> {
  if (caller.kind !== 'workstation')
    throw new HubError('forbidden', 'Этот токен не предназначен для входа пользователей');
  const user = await ctx.db
    .selectFrom('hub_users')
    .selectAll()
    .where('login', '=', login.trim())
    .executeTakeFirst();
  const ok = user !== undefined && user.active === 1 && (await verifyPassword(password, user.password_hash));
  // One message for an unknown login and a wrong password: do not tell which logins exist.
  if (!user || !ok) throw new HubError('forbidden', 'Неверный логин или пароль');
  const now = ctx.now();
  const session = {
    id: randomUUID(),
    user_id: user.id,
    workstation_id: caller.id,
    secret: randomBytes(32).toString('base64url'),
    created_at: now,
    expires_at: now + ctx.sessionTtlMs,
    revoked_at: null,
  };
  await ctx.db.insertInto('hub_sessions').values(session).execute();
  ctx.logger.info('session.open', { workstation: caller.name, user: user.login });
  return {
    sessionId: session.id,
    secret: session.secret,
    expiresAt: session.expires_at,
    user: {
      id: user.id,
      login: user.login,
      displayName: user.display_name,
      role: user.role as Role,
      departmentId: user.department_id,
    },
  };
}

export async function closeSession(ctx: HubContext, caller: Caller, sessionId: string): Promise<void> {
  await ctx.db
    .updateTable('hub_sessions')
    .set({ revoked_at: ctx.now() })
    .where('id', '=', sessionId)
    .where('workstation_id', '=', caller.id)
    .where('revoked_at', 'is', null)
    .execute();
}
