import type { Directory } from '../../shared/sync/wire';
import type { SyncConn } from './schema';
import { writeHubUsers } from './state';

/**
 * The hub's users and departments, kept here so that people sign in (against the hub's password hash) and
 * the workflow checks departments while the network is down. The hub is the authority: a local user with
 * the same login but another id (made before joining) gives the login up and is deactivated.
 */
export async function applyDirectory(trx: SyncConn, dir: Directory, now: number): Promise<void> {
  for (const d of dir.departments) {
    await trx
      .insertInto('departments')
      .values({ id: d.id, name: d.name, short_name: d.shortName, created_at: now })
      .onConflict((oc) => oc.column('id').doUpdateSet({ name: d.name, short_name: d.shortName }))
      .execute();
  }
  for (const u of dir.users) {
    const clash = await trx
      .selectFrom('users')
      .select('id')
      .where('login', '=', u.login)
      .where('id', '<>', u.id)
      .executeTakeFirst();
    if (clash) {
      await trx
        .updateTable('users')
        .set({ login: `${u.login}~${clash.id.slice(0, 8)}`, active: 0 })
        .where('id', '=', clash.id)
        .execute();
    }
    if (u.departmentId) {
      await trx
        .insertInto('departments')
        .values({ id: u.departmentId, name: u.departmentId, short_name: '', created_at: now })
        .onConflict((oc) => oc.column('id').doNothing())
        .execute();
    }
    const row = {
      login: u.login,
      display_name: u.displayName,
      role: u.role,
      department_id: u.departmentId,
      password_hash: u.passwordHash,
      active: u.active ? 1 : 0,
    };
    await trx
      .insertInto('users')
      .values({ id: u.id, ...row, created_at: now })
      .onConflict((oc) => oc.column('id').doUpdateSet(row))
      .execute();
    await trx.deleteFrom('department_members').where('user_id', '=', u.id).execute();
    if (u.departmentId && (u.role === 'executor' || u.role === 'department-head')) {
      await trx
        .insertInto('department_members')
        .values({
          department_id: u.departmentId,
          user_id: u.id,
          kind: u.role === 'department-head' ? 'responsible' : 'executor',
        })
        .execute();
    }
  }
  await writeHubUsers(
    trx,
    dir.users.map((u) => u.id),
  );
}
