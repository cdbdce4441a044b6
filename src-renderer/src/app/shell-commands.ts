// What the desktop shell asks of the UI (menus, deep links, notification clicks) arrives as
// ShellCommand messages through the preload. Each is checked again here: a route is followed
// only when the router knows its shape, and then rebuilt from the parsed route, so no text from
// outside ever reaches the address bar as it came.
import { z } from 'zod';
import type { RunlensBridge } from '../../../src-shared/bridge';
import type { ShellCommand } from '../../../src-shared/shell-commands';
import { compareRoute, navigate, parseKnownRoute, parseRoute, type Route } from '../lib/hash-router';
import { useSelectionStore } from '../stores/selection-store';
import { useToastsStore } from '../stores/toasts-store';
import { useUiRequestsStore, type UiRequest } from '../stores/ui-requests-store';

const commandSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('open-route'), route: z.string().startsWith('/').max(8192) }),
  z.object({ type: z.literal('compare') }),
  z.object({ type: z.literal('export') }),
  z.object({ type: z.literal('preferences') }),
  z.object({ type: z.literal('find') }),
]);

/** What the commands act on; the app's stores and router, or fakes in a test. */
export interface ShellActions {
  currentRoute: () => Route;
  navigate: (route: Route) => void;
  /** The runs ticked in the runs table, in tick order. */
  checkedRuns: () => string[];
  request: (what: UiRequest) => void;
  openPreferences: () => void;
  /** A short note for the user when a command cannot do what it was asked. */
  notify: (text: string) => void;
}

const TICK_TWO = 'Tick two or more runs in the runs table to compare them.';

/** Carries out one command; false when it was malformed or named no known view (and was ignored). */
export function dispatchShellCommand(candidate: unknown, actions: ShellActions): boolean {
  const parsed = commandSchema.safeParse(candidate);
  if (!parsed.success) return false;
  const command: ShellCommand = parsed.data;
  switch (command.type) {
    case 'open-route': {
      const route = parseKnownRoute(`#${command.route}`);
      if (!route) return false;
      actions.navigate(route);
      return true;
    }
    case 'compare': {
      const checked = actions.checkedRuns();
      if (checked.length >= 2) actions.navigate(compareRoute(checked));
      else {
        actions.navigate({ page: 'runs' });
        actions.notify(TICK_TWO);
      }
      return true;
    }
    case 'export': {
      // Export… exports a comparison: the one on screen, else the ticked runs'.
      if (actions.currentRoute().page !== 'compare') {
        const checked = actions.checkedRuns();
        if (checked.length < 2) {
          actions.notify(`Export saves a comparison. ${TICK_TWO}`);
          return true;
        }
        actions.navigate(compareRoute(checked));
      }
      actions.request('export');
      return true;
    }
    case 'find':
      if (actions.currentRoute().page !== 'runs') actions.navigate({ page: 'runs' });
      actions.request('find');
      return true;
    case 'preferences':
      actions.openPreferences();
      return true;
  }
}

const appActions: ShellActions = {
  currentRoute: () => parseRoute(window.location.hash),
  navigate,
  checkedRuns: () => useSelectionStore.getState().checked,
  request: (what) => useUiRequestsStore.getState().request(what),
  openPreferences: () => useUiRequestsStore.getState().setPreferencesOpen(true),
  notify: (text) => useToastsStore.getState().show({ title: text, detail: '', color: null, route: null }),
};

/** Follows the shell's commands; a no-op outside the desktop app. Returns the unsubscribe function. */
export function startShellCommands(bridge: RunlensBridge | undefined, actions: ShellActions = appActions): () => void {
  if (!bridge) return () => {};
  return bridge.onCommand((command) => dispatchShellCommand(command, actions));
}
