// OS notifications for the core's alerts; a click marks the alert read and opens the run. (Serve mode shows the same
// alerts as toasts from the event stream; the window shows them too when it is open.)
import { Notification } from 'electron';
import type { Core } from '../core/core';
import { alertNotification } from './alert-notification';

/** How many unanswered notifications keep their click handler (older ones just stop opening the run). */
const MAX_LIVE = 20;

/** Returns the unsubscribe function. A click marks the alert read (every UI's bell follows) and opens its run. */
export function notifyAlerts(core: Core, openRoute: (route: string) => void): () => void {
  if (!Notification.isSupported()) return () => {};
  // Electron drops a notification's handlers once nothing references it: hold the ones not yet
  // clicked or closed.
  const live = new Set<Notification>();
  return core.hub.subscribe((event) => {
    if (event.type !== 'alert.raised') return;
    const { title, body, route } = alertNotification(event.data.alert);
    const notification = new Notification({ title, body });
    const forget = () => live.delete(notification);
    const { id } = event.data.alert;
    notification.on('click', () => {
      forget();
      core.alerts.markRead([id]);
      openRoute(route);
    });
    notification.on('close', forget);
    live.add(notification);
    if (live.size > MAX_LIVE) live.delete(live.values().next().value!);
    notification.show();
  });
}
