import { useState } from 'react';
import { formatDateTime } from '../i18n/labels';
import { ConflictsList } from './ConflictsList';
import { syncLabel, useSyncStatus } from './useSyncStatus';
import './sync.css';

/**
 * Always in the header: «синхронизировано», «нет связи», «ожидают отправки: N», the last sync, and the
 * conflicts to look at (issue #7, point 5).
 */
export function SyncIndicator({ timeZone }: { timeZone: string }) {
  const status = useSyncStatus();
  const [open, setOpen] = useState(false);
  if (!status || !status.joined) return null;
  const label = syncLabel(status);
  return (
    <div className="sync" data-testid="sync-indicator" data-sync-state={label.tone}>
      <button
        type="button"
        className={`sync__button sync__button--${label.tone}`}
        aria-expanded={open}
        onClick={() => setOpen((o) => !o)}
        title={
          status.lastSyncAt
            ? `Последняя синхронизация: ${formatDateTime(status.lastSyncAt, timeZone)}`
            : undefined
        }
      >
        <span className="sync__dot" aria-hidden="true" />
        <span data-testid="sync-label">{label.text}</span>
        {status.conflicts > 0 && (
          <span className="sync__conflicts" data-testid="sync-conflicts-count">
            конфликтов: {status.conflicts}
          </span>
        )}
      </button>
      {open && (
        <div
          className="sync__panel"
          role="dialog"
          aria-label="Синхронизация"
          onKeyDown={(e) => {
            if (e.key === 'Escape') setOpen(false);
          }}
        >
          <dl className="sync__facts">
            <dt>Хаб</dt>
            <dd>{status.hubUrl}</dd>
            <dt>Последняя синхронизация</dt>
            <dd>{status.lastSyncAt ? formatDateTime(status.lastSyncAt, timeZone) : 'ещё не было'}</dd>
            <dt>Ожидают отправки</dt>
            <dd>{status.pending}</dd>
            {status.waitingForUser && (
              <>
                <dt>Ждут входа</dt>
                <dd>{status.waitingForUser}: войдите при наличии связи с хабом, чтобы отправить изменения</dd>
              </>
            )}
            {status.error && (
              <>
                <dt>Ошибка</dt>
                <dd className="error">{status.error.message}</dd>
              </>
            )}
          </dl>
          <h3>Конфликты</h3>
          <ConflictsList timeZone={timeZone} changed={status.conflicts} />
        </div>
      )}
    </div>
  );
}
