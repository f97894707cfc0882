import { useState } from 'react';
import { HUB_JOINERS } from '../../shared/workflow';
import { api, ApiCallError } from '../api/client';
import { useSession } from '../session/session-store';
import { formatDateTime } from '../i18n/labels';
import { syncLabel, useSyncStatus } from './useSyncStatus';
import './sync.css';

/**
 * Joins this workstation to a hub with the token an administrator issued (`hub add-workstation`): in the
 * settings, and on a fresh workstation's first screen (`firstRun`), where the hub brings the people who sign
 * in (`SignIn` reads the session again as they arrive).
 */
export function JoinHubForm({
  timeZone = 'Europe/Moscow',
  firstRun = false,
}: {
  timeZone?: string;
  firstRun?: boolean;
}) {
  const status = useSyncStatus();
  // The core refuses anyone else's join (handlers/sync.ts): the form says so first.
  const role = useSession()?.user?.role;
  const canJoin = firstRun || (role !== undefined && HUB_JOINERS.includes(role));
  const [hubUrl, setHubUrl] = useState('');
  const [token, setToken] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      await api.call('sync.join', { hubUrl: hubUrl.trim(), token: token.trim() });
      setToken('');
    } catch (e) {
      setError(e instanceof ApiCallError ? e.message : 'Нет связи с приложением');
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="panel sync-join" data-testid="sync-join">
      <h2>{firstRun ? 'Или подключите рабочее место к хабу МЦУ' : 'Синхронизация с хабом'}</h2>
      {firstRun && (
        <p>
          Рабочее место, подключённое к хабу, получает с него пользователей и их пароли: администратора здесь
          создавать не нужно.
        </p>
      )}
      {status?.joined && (
        <p>
          Подключено к хабу <strong>{status.hubUrl}</strong>: {syncLabel(status).text.toLowerCase()}
          {status.lastSyncAt
            ? `, последняя синхронизация ${formatDateTime(status.lastSyncAt, timeZone)}`
            : ''}
          .
        </p>
      )}
      {!canJoin && (
        <p className="muted" data-testid="sync-join-read-only">
          Подключает рабочее место к хабу администратор или руководитель МЦУ.
        </p>
      )}
      {canJoin && (
        <form
          className="sync-join__form"
          onSubmit={(e) => {
            e.preventDefault();
            void submit();
          }}
        >
          <label>
            Адрес хаба
            <input
              type="url"
              required
              placeholder="http://192.168.1.10:8420"
              value={hubUrl}
              onChange={(e) => setHubUrl(e.target.value)}
            />
          </label>
          <label>
            Токен рабочего места
            <input
              type="password"
              required
              autoComplete="off"
              value={token}
              onChange={(e) => setToken(e.target.value)}
            />
          </label>
          <button type="submit" disabled={busy}>
            {status?.joined ? 'Подключить к другому хабу' : 'Подключить'}
          </button>
        </form>
      )}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <p className="muted">
        Токен выдаёт администратор хаба командой <code>hub add-workstation</code>. Изменения, сделанные без
        связи, сохраняются и отправляются, когда связь появится.
      </p>
    </section>
  );
}
