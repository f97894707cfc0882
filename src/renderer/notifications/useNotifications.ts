import { useEffect, useRef, useState } from 'react';
import type { AppNotification } from '../../shared/api/queue';
import type { AppInfo } from '../../shared/api/contract';
import { api } from '../api/client';
import { playAlertSound, unlockSoundOnGesture } from './sound';

const KEEP = 100;

export type NotificationsState = {
  items: AppNotification[];
  unread: number;
  markAllRead(): void;
};

/** The browser's own notifications, where the user allowed them (the web host; Electron shows them from main). */
function showInBrowser(title: string, body: string): void {
  if (typeof Notification === 'undefined' || Notification.permission !== 'granted') return;
  if (!document.hidden) return;
  new Notification(title, { body, lang: 'ru' });
}

/**
 * The notification centre's list, kept live; a new alert sounds (when the core says so) and, in a
 * browser tab that is not on screen, shows as a browser notification.
 */
export function useNotifications(transport: AppInfo['transport'] | null): NotificationsState {
  const [items, setItems] = useState<AppNotification[]>([]);
  const [unread, setUnread] = useState(0);
  // The transport is known a moment after start: the list is asked once, not again when it is.
  const transportRef = useRef(transport);
  useEffect(() => {
    transportRef.current = transport;
  }, [transport]);
  useEffect(() => unlockSoundOnGesture(), []);
  useEffect(() => {
    let alive = true;
    void api.call('notifications.list', { limit: KEEP }).then(
      (r) => {
        if (!alive) return;
        setItems(r.items);
        setUnread(r.unread);
      },
      () => undefined,
    );
    const off = api.on('notifications.new', ({ notifications, alert }) => {
      if (notifications.length > 0) {
        setItems((old) => [...notifications, ...old].slice(0, KEEP));
        setUnread((n) => n + notifications.length);
      }
      if (alert?.sound) playAlertSound();
      if (alert && transportRef.current === 'web') showInBrowser(alert.title, alert.body);
    });
    return () => {
      alive = false;
      off();
    };
  }, []);
  return {
    items,
    unread,
    markAllRead: () => {
      void api.call('notifications.markRead', {}).then((r) => {
        setUnread(r.unread);
        setItems((old) => old.map((n) => (n.readAt === null ? { ...n, readAt: 0 } : n)));
      });
    },
  };
}
