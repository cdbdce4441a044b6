// The alerts the core raised, newest first, and how many are unread: the top bar's bell, its
// panel and the Alerts page read them. `alert.raised` events add to the list as they come; a
// (re)load replaces it, keeping any alert raised while the request was out.
import { create } from 'zustand';
import type { Alert } from '../../../src-shared/alerts';
import { api } from '../api/client';
import { errorMessage } from '../api/api-errors';

/** What the panel and the page can show; older alerts stay in the core. */
const ALERTS_KEPT = 200;

interface AlertsState {
  status: 'idle' | 'loading' | 'ready' | 'error';
  alerts: Alert[];
  unread: number;
  error: string | null;
  load: () => Promise<void>;
  raised: (alert: Alert) => void;
  /** Marks these alerts read (all when omitted); the bell's count drops at once. */
  markRead: (ids?: number[]) => Promise<void>;
  dismissError: () => void;
}

/** Alert ids grow with time: newest first is highest id first. */
function newestFirst(alerts: Alert[]): Alert[] {
  return [...alerts].sort((a, b) => b.id - a.id).slice(0, ALERTS_KEPT);
}

export const useAlertsStore = create<AlertsState>()((set, get) => ({
  status: 'idle',
  alerts: [],
  unread: 0,
  error: null,

  load: async () => {
    if (get().status !== 'ready') set({ status: 'loading' });
    try {
      const { alerts, unread } = await api.listAlerts({ limit: ALERTS_KEPT });
      set((s) => {
        // An event that arrived after the core answered is newer than the answer.
        const known = new Set(alerts.map((a) => a.id));
        const newest = alerts.reduce((max, a) => Math.max(max, a.id), 0);
        const later = s.alerts.filter((a) => !known.has(a.id) && a.id > newest);
        return { status: 'ready', alerts: newestFirst([...later, ...alerts]), unread: unread + later.filter((a) => !a.read).length, error: null };
      });
    } catch (error) {
      set({ status: get().status === 'ready' ? 'ready' : 'error', error: errorMessage(error) });
    }
  },

  raised: (alert) =>
    set((s) => (s.alerts.some((a) => a.id === alert.id) ? s : { alerts: newestFirst([alert, ...s.alerts]), unread: s.unread + (alert.read ? 0 : 1) })),

  dismissError: () => set({ error: null }),

  markRead: async (ids) => {
    const marking = ids ? new Set(ids) : null;
    set((s) => {
      const turned = s.alerts.filter((a) => !a.read && (!marking || marking.has(a.id))).length;
      return {
        alerts: s.alerts.map((a) => (!a.read && (!marking || marking.has(a.id)) ? { ...a, read: true } : a)),
        // "All" also covers unread alerts older than the list holds.
        unread: marking ? Math.max(0, s.unread - turned) : 0,
      };
    });
    try {
      await api.markAlertsRead(ids ? { ids } : {});
    } catch (error) {
      // The list says again what the core holds; then why the marks did not stick.
      await get().load();
      set({ error: errorMessage(error) });
    }
  },
}));
