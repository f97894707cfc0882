import { useEffect, useState } from 'react';
import type { UserView } from '../../shared/api/session';
import { ROLE_LABEL } from '../../shared/workflow/labels';
import { api } from '../api/client';
import { session, useSession } from './session-store';

/** Who is signed in, and in the demo a one-click switch to any other person. */
export function SessionBar() {
  const state = useSession();
  const [users, setUsers] = useState<UserView[]>([]);
  useEffect(() => {
    if (state?.demo) void api.call('users.list', {}).then(setUsers, () => setUsers([]));
  }, [state?.demo]);
  if (!state?.user) return null;
  const user = state.user;
  return (
    <div className="session" data-testid="session">
      {state.demo ? (
        <label className="session__switch">
          <span className="muted">Пользователь:</span>
          <select
            aria-label="Сменить пользователя"
            value={user.id}
            onChange={(e) => void session.switchTo(e.target.value)}
            data-testid="user-switch"
          >
            {users.map((u) => (
              <option key={u.id} value={u.id}>
                {u.displayName} — {ROLE_LABEL[u.role]}
                {u.departmentName ? ` (${u.departmentName})` : ''}
              </option>
            ))}
          </select>
        </label>
      ) : (
        <span>
          {user.displayName} <span className="muted">— {ROLE_LABEL[user.role]}</span>
        </span>
      )}
      <button type="button" onClick={() => void session.signOut()}>
        Выйти
      </button>
    </div>
  );
}
