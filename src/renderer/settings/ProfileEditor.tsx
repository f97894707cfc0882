import { useState } from 'react';
import type { OrganisationSettings } from '../../shared/api/organisation';
import { api, ApiCallError } from '../api/client';
import { formatDuration } from '../i18n/labels';

type Props = { org: OrganisationSettings; onChange: (org: OrganisationSettings) => void };

/** Picks the active regulation profile and makes a custom one from it (issue #3, item 4). */
export function ProfileEditor({ org, onChange }: Props) {
  const profile = org.activeProfile;
  const [minutes, setMinutes] = useState<Record<string, string>>({});
  const [name, setName] = useState(`${profile.name} (изменённый)`);
  const [id, setId] = useState(`${profile.id}-custom`);
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);

  const run = async (call: () => Promise<OrganisationSettings>, ok: string) => {
    try {
      onChange(await call());
      setMinutes({});
      setMessage({ kind: 'ok', text: ok });
    } catch (e) {
      setMessage({ kind: 'error', text: e instanceof ApiCallError ? e.message : 'Не удалось сохранить' });
    }
  };

  const changed = Object.fromEntries(
    Object.entries(minutes)
      .filter(([, v]) => v.trim() !== '')
      .map(([k, v]) => [k, Number(v)]),
  );

  return (
    <div className="form">
      <label className="form__row">
        <span>Действующий регламент</span>
        <select
          value={org.activeProfileId}
          onChange={(e) =>
            void run(() => api.call('org.setProfile', { profileId: e.target.value }), 'Регламент выбран.')
          }
        >
          {org.profiles.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
              {p.custom ? ' (свой)' : ''}
            </option>
          ))}
        </select>
      </label>
      <table className="stages">
        <thead>
          <tr>
            <th>Этап</th>
            <th>Срок</th>
            <th>Новый срок, раб. мин</th>
            <th>Пункт</th>
          </tr>
        </thead>
        <tbody>
          {profile.stages.map((s) => (
            <tr key={s.id}>
              <td>{s.title}</td>
              <td>
                {s.minutes !== undefined ? formatDuration(s.minutes) : `${s.workingDays ?? 0} раб. дн.`}
              </td>
              <td>
                {s.minutes !== undefined && (
                  <input
                    type="number"
                    min={1}
                    aria-label={`Новый срок: ${s.title}`}
                    value={minutes[s.id] ?? ''}
                    placeholder={String(s.minutes)}
                    onChange={(e) => setMinutes({ ...minutes, [s.id]: e.target.value })}
                  />
                )}
              </td>
              <td className="muted">{s.clause}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <label className="form__row">
        <span>Название своего регламента</span>
        <input value={name} onChange={(e) => setName(e.target.value)} />
      </label>
      <label className="form__row">
        <span>Код (латиницей)</span>
        <input value={id} onChange={(e) => setId(e.target.value)} />
      </label>
      <div className="form__actions">
        <button
          type="button"
          onClick={() =>
            void run(
              () =>
                api.call('org.deriveProfile', {
                  baseId: profile.id,
                  id,
                  name,
                  stageMinutes: changed,
                  activate: true,
                }),
              'Свой регламент создан и выбран.',
            )
          }
        >
          Создать свой регламент на основе этого
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
