import { useEffect, useState } from 'react';
import type { OrganisationSettings } from '../../shared/api/organisation';
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
  return (
    <div className="settings" data-testid="settings">
      <section className="panel">
        <h2>Регламент</h2>
        <ProfileEditor org={org} onChange={setOrg} />
      </section>
      <section className="panel">
        <h2>График работы</h2>
        <ScheduleEditor org={org} onChange={setOrg} />
      </section>
      {session?.user?.role === 'admin' && (
        <section className="panel">
          <h2>Пользователи</h2>
          <UsersEditor />
        </section>
      )}
      <JoinHubForm />
      <section className="panel">
        <h2>Демонстрация</h2>
        <DemoFeedToggle />
      </section>
    </div>
  );
}
