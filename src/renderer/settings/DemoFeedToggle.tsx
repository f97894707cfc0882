import { useEffect, useState } from 'react';
import type { Settings } from '../../shared/api/contract';
import { api } from '../api/client';

/** One click to stop or resume the simulated ИМ feed of the embedded demo. */
export function DemoFeedToggle() {
  const [settings, setSettings] = useState<Settings | null>(null);
  useEffect(() => {
    void api.call('settings.get', {}).then(setSettings, () => setSettings(null));
    return api.on('settings.changed', setSettings);
  }, []);
  if (!settings) return null;
  return (
    <label className="toggle">
      <input
        type="checkbox"
        checked={settings.demoFeed}
        onChange={(e) => void api.call('settings.update', { demoFeed: e.target.checked }).then(setSettings)}
      />
      Демо-поток инцидентов
    </label>
  );
}
