import { useEffect, useState } from 'react';
import type { NotificationSettings, WallConfig } from '../../shared/api/queue';
import type { Stage } from '../../shared/regulations';
import { api, ApiCallError } from '../api/client';

type Loaded = { settings: NotificationSettings; stages: Stage[]; wall: WallConfig };

function messageOf(e: unknown): string {
  return e instanceof ApiCallError ? e.message : 'Нет связи с ядром приложения';
}

/** Notification settings (sound, working hours, lead time per stage) and the wall screen's. */
export function NotificationSettingsForm({ transport }: { transport: 'electron' | 'web' | null }) {
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [permission, setPermission] = useState(
    typeof Notification === 'undefined' ? 'denied' : Notification.permission,
  );
  useEffect(() => {
    void Promise.all([
      api.call('notifications.settings.get', {}),
      api.call('org.get', {}),
      api.call('wall.config.get', {}),
    ]).then(
      ([settings, org, wall]) => setLoaded({ settings, stages: org.activeProfile.stages, wall }),
      (e: unknown) => setError(messageOf(e)),
    );
  }, []);
  if (error) return <p className="error">{error}</p>;
  if (!loaded) return <p className="muted">Загрузка…</p>;
  const { settings, wall } = loaded;
  const save = (patch: Partial<NotificationSettings>) =>
    api.call('notifications.settings.set', patch).then(
      (next) => setLoaded((l) => l && { ...l, settings: next }),
      (e: unknown) => setError(messageOf(e)),
    );
  const saveWall = (patch: Partial<WallConfig>) =>
    api.call('wall.config.set', patch).then(
      (next) => setLoaded((l) => l && { ...l, wall: next }),
      (e: unknown) => setError(messageOf(e)),
    );
  const minutes = (raw: string) => Math.max(1, Math.min(1440, Math.round(Number(raw) || 1)));
  return (
    <div className="notify-settings" data-testid="notification-settings">
      <label className="toggle">
        <input
          type="checkbox"
          checked={settings.enabled}
          onChange={(e) => void save({ enabled: e.target.checked })}
        />
        Уведомлять на рабочем столе
      </label>
      <label className="toggle">
        <input
          type="checkbox"
          checked={settings.sound}
          onChange={(e) => void save({ sound: e.target.checked })}
        />
        Звук
      </label>
      <label className="toggle">
        <input
          type="checkbox"
          checked={settings.workingHoursOnly}
          onChange={(e) => void save({ workingHoursOnly: e.target.checked })}
        />
        Только в рабочее время
      </label>
      {transport === 'web' && permission !== 'granted' && typeof Notification !== 'undefined' && (
        <button type="button" onClick={() => void Notification.requestPermission().then(setPermission)}>
          Разрешить уведомления браузера
        </button>
      )}
      <fieldset className="notify-settings__lead">
        <legend>Предупреждать до срока этапа, мин раб.</legend>
        <label>
          По умолчанию{' '}
          <input
            type="number"
            min={1}
            max={1440}
            defaultValue={settings.defaultLeadMinutes}
            onBlur={(e) => void save({ defaultLeadMinutes: minutes(e.target.value) })}
          />
        </label>
        {loaded.stages.map((s) => (
          <label key={s.id}>
            {s.title}{' '}
            <input
              type="number"
              min={1}
              max={1440}
              placeholder={String(settings.defaultLeadMinutes)}
              defaultValue={settings.leadMinutes[s.id] ?? ''}
              onBlur={(e) => {
                const rest = Object.fromEntries(
                  Object.entries(settings.leadMinutes).filter(([k]) => k !== s.id),
                );
                void save({
                  leadMinutes:
                    e.target.value.trim() === '' ? rest : { ...rest, [s.id]: minutes(e.target.value) },
                });
              }}
            />
          </label>
        ))}
      </fieldset>
      <fieldset className="notify-settings__wall">
        <legend>Экран-стена</legend>
        {transport !== 'electron' && (
          <a href="/wall" target="_blank" rel="noreferrer">
            Открыть экран-стену в новой вкладке
          </a>
        )}
        {transport === 'electron' && (
          <label>
            Окно на экране{' '}
            <select
              value={wall.display ?? ''}
              onChange={(e) =>
                void saveWall({ display: e.target.value === '' ? null : Number(e.target.value) })
              }
            >
              <option value="">не открывать</option>
              {[1, 2, 3, 4].map((n) => (
                <option key={n} value={n}>
                  {n}
                </option>
              ))}
            </select>
          </label>
        )}
        <label>
          Листать каждые, с{' '}
          <input
            type="number"
            min={3}
            max={600}
            defaultValue={wall.pageSeconds}
            onBlur={(e) =>
              void saveWall({
                pageSeconds: Math.max(3, Math.min(600, Math.round(Number(e.target.value) || 12))),
              })
            }
          />
        </label>
        <label>
          Самых срочных крупно{' '}
          <input
            type="number"
            min={1}
            max={12}
            defaultValue={wall.urgentCount}
            onBlur={(e) =>
              void saveWall({
                urgentCount: Math.max(1, Math.min(12, Math.round(Number(e.target.value) || 4))),
              })
            }
          />
        </label>
      </fieldset>
    </div>
  );
}
