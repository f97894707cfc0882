import { useEffect, useState } from 'react';
import type { UserView } from '../../shared/api/session';
import type { Department } from '../../shared/domain/incident';
import { ROLES, type Role } from '../../shared/workflow';
import { ROLE_LABEL } from '../../shared/workflow/labels';
import { api, ApiCallError } from '../api/client';
import { useSyncStatus } from '../sync/useSyncStatus';

type Message = { kind: 'ok' | 'error'; text: string } | null;

function errorText(e: unknown): string {
  return e instanceof ApiCallError ? e.message : 'Нет связи с приложением';
}

/** People and their roles, departments and substitutes (issue #4; Новороссийск p.6). Administrators only. */
export function UsersEditor() {
  const [users, setUsers] = useState<UserView[]>([]);
  const [departments, setDepartments] = useState<Department[]>([]);
  const [message, setMessage] = useState<Message>(null);
  const [form, setForm] = useState({
    login: '',
    displayName: '',
    role: 'executor' as Role,
    departmentId: '',
    password: '',
  });
  const [sub, setSub] = useState({ absentUserId: '', substituteUserId: '', from: '', until: '' });
  const [dep, setDep] = useState({ id: '', name: '', shortName: '' });

  const loadDepartments = () =>
    void api.call('departments.list', {}).then(setDepartments, () => setDepartments([]));

  const reload = () =>
    void api
      .call('users.list', {})
      .then(setUsers, (e: unknown) => setMessage({ kind: 'error', text: errorText(e) }));
  useEffect(() => {
    reload();
    loadDepartments();
  }, []);

  const addDepartment = async () => {
    try {
      await api.call('departments.create', dep);
      setMessage({ kind: 'ok', text: `Подразделение «${dep.name}» добавлено.` });
      setDep({ id: '', name: '', shortName: '' });
      loadDepartments();
    } catch (e) {
      setMessage({ kind: 'error', text: errorText(e) });
    }
  };

  const create = async () => {
    try {
      await api.call('users.create', { ...form, departmentId: form.departmentId || null });
      setMessage({ kind: 'ok', text: `Пользователь ${form.login} создан.` });
      setForm({ ...form, login: '', displayName: '', password: '' });
      reload();
    } catch (e) {
      setMessage({ kind: 'error', text: errorText(e) });
    }
  };

  const substitute = async () => {
    try {
      await api.call('substitutions.add', {
        absentUserId: sub.absentUserId,
        substituteUserId: sub.substituteUserId,
        from: new Date(sub.from).getTime(),
        until: new Date(sub.until).getTime(),
      });
      setMessage({ kind: 'ok', text: 'Замещение сохранено.' });
    } catch (e) {
      setMessage({ kind: 'error', text: errorText(e) });
    }
  };

  // Joined to a hub, the workstation takes its people and departments from it (the core refuses them here).
  const fromHub = useSyncStatus()?.joined ?? false;
  const departmentName = (id: string | null) => departments.find((d) => d.id === id)?.name ?? '—';
  return (
    <div className="form" data-testid="users-editor">
      <table className="stages">
        <thead>
          <tr>
            <th>Имя</th>
            <th>Логин</th>
            <th>Роль</th>
            <th>Подразделение</th>
          </tr>
        </thead>
        <tbody>
          {users.map((u) => (
            <tr key={u.id}>
              <td>{u.displayName}</td>
              <td>{u.login}</td>
              <td>{ROLE_LABEL[u.role]}</td>
              <td>{departmentName(u.departmentId)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {fromHub && (
        <p className="muted" data-testid="users-from-hub">
          Рабочее место подключено к хабу: пользователей и подразделения заводит администратор хаба (
          <code>hub add-user</code>, <code>hub add-department</code>), они приходят с хаба.
        </p>
      )}
      {!fromHub && (
        <>
          <h3>Новое подразделение</h3>
          <label className="form__row">
            <span>Название</span>
            <input value={dep.name} onChange={(e) => setDep({ ...dep, name: e.target.value })} />
          </label>
          <label className="form__row">
            <span>Краткое название</span>
            <input value={dep.shortName} onChange={(e) => setDep({ ...dep, shortName: e.target.value })} />
          </label>
          <label className="form__row">
            <span>Код (латиницей)</span>
            <input
              value={dep.id}
              placeholder="dep-roads"
              onChange={(e) => setDep({ ...dep, id: e.target.value })}
            />
          </label>
          <div className="form__actions">
            <button type="button" onClick={() => void addDepartment()}>
              Добавить подразделение
            </button>
          </div>
          <h3>Новый пользователь</h3>
          <label className="form__row">
            <span>Логин</span>
            <input value={form.login} onChange={(e) => setForm({ ...form, login: e.target.value })} />
          </label>
          <label className="form__row">
            <span>Имя и фамилия</span>
            <input
              value={form.displayName}
              onChange={(e) => setForm({ ...form, displayName: e.target.value })}
            />
          </label>
          <label className="form__row">
            <span>Роль</span>
            <select value={form.role} onChange={(e) => setForm({ ...form, role: e.target.value as Role })}>
              {ROLES.map((r) => (
                <option key={r} value={r}>
                  {ROLE_LABEL[r]}
                </option>
              ))}
            </select>
          </label>
          <label className="form__row">
            <span>Подразделение</span>
            <select
              value={form.departmentId}
              onChange={(e) => setForm({ ...form, departmentId: e.target.value })}
            >
              <option value="">— МЦУ —</option>
              {departments.map((d) => (
                <option key={d.id} value={d.id}>
                  {d.name}
                </option>
              ))}
            </select>
          </label>
          <label className="form__row">
            <span>Пароль (не короче 8 знаков)</span>
            <input
              type="password"
              autoComplete="new-password"
              value={form.password}
              onChange={(e) => setForm({ ...form, password: e.target.value })}
            />
          </label>
          <div className="form__actions">
            <button type="button" onClick={() => void create()}>
              Создать пользователя
            </button>
          </div>
        </>
      )}
      <h3>Замещение на время отсутствия</h3>
      {(['absentUserId', 'substituteUserId'] as const).map((field) => (
        <label className="form__row" key={field}>
          <span>{field === 'absentUserId' ? 'Отсутствует' : 'Замещает'}</span>
          <select value={sub[field]} onChange={(e) => setSub({ ...sub, [field]: e.target.value })}>
            <option value="">— выберите —</option>
            {users
              .filter((u) => u.role === 'executor' || u.role === 'department-head')
              .map((u) => (
                <option key={u.id} value={u.id}>
                  {u.displayName} ({departmentName(u.departmentId)})
                </option>
              ))}
          </select>
        </label>
      ))}
      <label className="form__row">
        <span>С</span>
        <input
          type="datetime-local"
          value={sub.from}
          onChange={(e) => setSub({ ...sub, from: e.target.value })}
        />
      </label>
      <label className="form__row">
        <span>По</span>
        <input
          type="datetime-local"
          value={sub.until}
          onChange={(e) => setSub({ ...sub, until: e.target.value })}
        />
      </label>
      <div className="form__actions">
        <button type="button" onClick={() => void substitute()}>
          Сохранить замещение
        </button>
        {message && (
          <span className={message.kind === 'ok' ? 'ok' : 'error'} role="status">
            {message.text}
          </span>
        )}
      </div>
    </div>
  );
}
