import { useEffect, useState } from 'react';
import type { OrganisationSettings } from '../../shared/api/organisation';
import { ORGANISATION_EDITORS } from '../../shared/workflow';
import { api, ApiCallError } from '../api/client';
import { DemoFeedToggle } from './DemoFeedToggle';
import { ScheduleEditor } from './ScheduleEditor';
import { ProfileEditor } from './ProfileEditor';
import { UsersEditor } from './UsersEditor';
import { JoinHubForm } from '../sync/JoinHubForm';
import { useSession } from '../session/session-store';

/** Organisation settings: the regulation profile and the working schedule (issue #3). */
export function SettingsView() {
  const [org, setOrg] = useState<OrganisationSettings | null>(null);
  const [error, setError] = useState<string | null>(null);
  const session = useSession();
  useEffect(() => {
    void api
      .call('org.get', {})
      .then(setOrg, (e: unknown) => setError(e instanceof ApiCallError ? e.message : 'Нет связи'));
  }, []);
  if (error) return <p className="error">{error}</p>;
  if (!org) return <p className="empty">Загрузка настроек…</p>;
  // The core refuses anyone else's change (handlers/organisation.ts); here the controls say so first.
  const role = session?.user?.role;
  const canEdit = role !== undefined && ORGANISATION_EDITORS.includes(role);
  const readOnly = !canEdit && (
    <p className="muted" data-testid="org-read-only">
      Регламент и график работы меняет администратор или руководитель МЦУ
      {session?.demo ? ' (в демонстрации выберите его в шапке, «Пользователь»)' : ''}.
    </p>
  );
  return (
    <div className="settings" data-testid="settings">
      <section className="panel">
        <h2>Регламент</h2>
        {readOnly}
        <fieldset className="settings__group" disabled={!canEdit}>
          <ProfileEditor org={org} onChange={setOrg} />
        </fieldset>
      </section>
      <section className="panel">
        <h2>График работы</h2>
        {readOnly}
        <fieldset className="settings__group" disabled={!canEdit}>
          <ScheduleEditor org={org} onChange={setOrg} />
        </fieldset>
      </section>
      {session?.user?.role === 'admin' && (
        <section className="panel">
          <h2>Пользователи</h2>
          <UsersEditor />
        </section>
      )}
      <JoinHubForm />
      {/* The feed writes made-up incidents: only the demo's database has it (the core refuses it elsewhere). */}
      {session?.demo && (
        <section className="panel">
          <h2>Демонстрация</h2>
          <DemoFeedToggle />
        </section>
      )}
    </div>
  );
}
