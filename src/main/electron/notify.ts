import { Notification } from 'electron';
import type { Core } from '../core/core';

/**
 * Desktop notifications come from main (the renderer's web Notification permission is denied). They are
 * silent: the operator's window sounds the alert, the same way in Electron and in a browser.
 */
export function showDesktopNotifications(core: Core, focus: () => void): () => void {
  return core.events.on('notifications.new', ({ alert }) => {
    if (!alert || !Notification.isSupported()) return;
    const notification = new Notification({ title: alert.title, body: alert.body, silent: true });
    notification.on('click', focus);
    notification.show();
  });
}
