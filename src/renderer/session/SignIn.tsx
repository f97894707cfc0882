import { useEffect, useState } from 'react';
import { api, ApiCallError } from '../api/client';
import { JoinHubForm } from '../sync/JoinHubForm';
import { session, useSession } from './session-store';

/**
 * The first real start creates the administrator, or joins a hub that brings the people (the core lets a
 * workstation with nobody set up join); afterwards people sign in with their password.
 */
export function SignIn() {
  const state = useSession();
  const [login, setLogin] = useState('');
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const setup = state?.needsSetup ?? false;
  // Joined from this screen, the hub's people arrive with the loop's first round, after the join answers:
  // each round's status event reads the session again, until they are here.
  useEffect(() => (setup ? api.on('sync.status', () => void session.load()) : undefined), [setup]);

  const submit = async () => {
    setError(null);
    try {
      if (setup) await session.setupAdmin(login, name, password);
      else await session.signIn(login, password);
    } catch (e) {
      setError(e instanceof ApiCallError ? e.message : 'Нет связи с приложением');
    }
  };

  const form = (
    <form
      className="signin panel form"
      data-testid="sign-in"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <h2>{setup ? 'Первый запуск: создайте администратора' : 'Вход в Отклик'}</h2>
      {state?.demo && <p className="muted">Демонстрация: пароль всех пользователей — otklik-demo.</p>}
      <label className="form__row">
        <span>Логин</span>
        <input value={login} autoFocus autoComplete="username" onChange={(e) => setLogin(e.target.value)} />
      </label>
      {setup && (
        <label className="form__row">
          <span>Имя и фамилия</span>
          <input value={name} onChange={(e) => setName(e.target.value)} />
        </label>
      )}
      <label className="form__row">
        <span>Пароль{setup ? ' (не короче 8 знаков)' : ''}</span>
        <input
          type="password"
          value={password}
          autoComplete={setup ? 'new-password' : 'current-password'}
          onChange={(e) => setPassword(e.target.value)}
        />
      </label>
      <div className="form__actions">
        <button type="submit">{setup ? 'Создать и войти' : 'Войти'}</button>
        {error && (
          <span className="error" role="alert">
            {error}
          </span>
        )}
      </div>
    </form>
  );
  if (!setup) return form;
  return (
    <div className="signin-first">
      {form}
      <JoinHubForm firstRun />
    </div>
  );
}
