import { useCallback, useRef, useState } from 'react';
import type { AppInfo } from '../../shared/api/contract';
import { formatDateTime } from '../i18n/labels';
import { navigate } from '../app/route';
import { ClockIcon } from '../app/icons';
import { useClickAway } from '../app/click-away';
import { NotificationSettingsForm } from './NotificationSettingsForm';
import { useNotifications } from './useNotifications';

type Props = { transport: AppInfo['transport'] | null; timeZone: string };

/** The bell in the header: recent notifications, unread first marked, and their settings. */
export function NotificationCentre({ transport, timeZone }: Props) {
  const { items, unread, markAllRead } = useNotifications(transport);
  const [open, setOpen] = useState(false);
  const [tab, setTab] = useState<'list' | 'settings'>('list');
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  useClickAway(
    root,
    open,
    useCallback(() => setOpen(false), []),
  );
  return (
    <div
      className="notify"
      data-testid="notification-centre"
      ref={root}
      // Esc closes it from the panel and from the button that opened it; focus goes back to the button.
      onKeyDown={(e) => {
        if (open && e.key === 'Escape') {
          e.stopPropagation();
          setOpen(false);
          button.current?.focus();
        }
      }}
    >
      <button
        ref={button}
        type="button"
        className="notify__button"
        aria-expanded={open}
        aria-label={`Уведомления: непрочитанных ${unread}`}
        data-testid="notifications-button"
        onClick={() => setOpen((o) => !o)}
      >
        Уведомления{' '}
        <span className="notify__count" data-testid="notifications-unread">
          {unread}
        </span>
      </button>
      {open && (
        <div className="notify__panel" role="dialog" aria-label="Уведомления">
          <div className="notify__tabs">
            <button type="button" aria-pressed={tab === 'list'} onClick={() => setTab('list')}>
              Уведомления
            </button>
            <button type="button" aria-pressed={tab === 'settings'} onClick={() => setTab('settings')}>
              Настройки
            </button>
            {tab === 'list' && unread > 0 && (
              <button type="button" onClick={markAllRead}>
                Прочитано
              </button>
            )}
          </div>
          {tab === 'list' ? (
            <ul className="notify__list" data-testid="notifications-list">
              {items.length === 0 && <li className="muted">Уведомлений нет</li>}
              {items.map((n) => (
                <li
                  key={n.id}
                  className={`notify__item${n.readAt === null ? ' notify__item--unread' : ''}`}
                  data-kind={n.kind}
                  data-incident-id={n.incidentId}
                >
                  <button
                    type="button"
                    onClick={() => {
                      setOpen(false);
                      navigate('incident', n.incidentId);
                    }}
                  >
                    <span className="notify__title">
                      {n.kind === 'high' ? '▲' : <ClockIcon />} {n.title}
                    </span>
                    <span className="notify__body">{n.body}</span>
                    <span className="notify__at muted">{formatDateTime(n.at, timeZone)}</span>
                  </button>
                </li>
              ))}
            </ul>
          ) : (
            <NotificationSettingsForm transport={transport} />
          )}
        </div>
      )}
    </div>
  );
}
