import { useEffect } from 'react';
import { useRoute } from '../lib/hash-router';
import { RunsPage } from '../features/runs/runs-page';
import { RunPage } from '../features/run/run-page';
import { ComparePage } from '../features/compare/compare-page';
import { DatasetPage } from '../features/datasets/dataset-page';
import { DatasetsPage } from '../features/datasets/datasets-page';
import { LineagePage } from '../features/lineage/lineage-page';
import { ModelsPage } from '../features/models/models-page';
import { PromoteDialogHost } from '../features/promotion/promote-dialog';
import { RegistriesPage } from '../features/promotion/registries-page';
import { TeamPage } from '../features/team/team-page';
import { AlertsPage } from '../features/alerts/alerts-page';
import { PreferencesHost } from '../features/preferences/preferences-dialog';
import { ToastStack } from '../components/toast-stack';
import { useAlertsStore } from '../stores/alerts-store';
import { useRunsStore } from '../stores/runs-store';
import { useUiRequestsStore } from '../stores/ui-requests-store';
import { startLiveUpdates } from './live-updates';
import { startShellCommands } from './shell-commands';
import { useApplyTheme } from './theme';
import { TopBar } from './top-bar';
import './app.css';

export function App() {
  const route = useRoute();
  const theme = useApplyTheme();

  useEffect(() => {
    // The feed refetches on connect too; this first load does not wait for it, so the list
    // shows even where the event stream is slow to open or blocked.
    void useRunsStore.getState().load();
    void useAlertsStore.getState().load();
    const stopUpdates = startLiveUpdates();
    // Menus, deep links and notification clicks of the desktop app; nothing in serve mode.
    const stopCommands = startShellCommands(window.runlens);
    return () => {
      stopUpdates();
      stopCommands();
    };
  }, []);

  // A menu's request for a page the user has since left is dropped (see ui-requests-store).
  useEffect(() => useUiRequestsStore.getState().pageShown(route.page), [route.page]);

  return (
    <div className="app">
      <TopBar route={route} theme={theme} />
      <main className="app__main">
        {route.page === 'run' && <RunPage key={route.runId} runId={route.runId} />}
        {route.page === 'compare' && <ComparePage key={route.view.runIds.join(',')} view={route.view} />}
        {route.page === 'runs' && <RunsPage />}
        {route.page === 'datasets' && <DatasetsPage />}
        {route.page === 'dataset' && <DatasetPage key={route.name} name={route.name} />}
        {route.page === 'lineage' && <LineagePage focus={route.focus} query={route.q} theme={theme} />}
        {route.page === 'models' && <ModelsPage outcome={route.outcome} />}
        {route.page === 'registries' && <RegistriesPage />}
        {route.page === 'team' && <TeamPage remote={route.remote} experiment={route.experiment} />}
        {route.page === 'alerts' && <AlertsPage experiment={route.experiment} />}
      </main>
      <PromoteDialogHost />
      <PreferencesHost />
      <ToastStack moreRoute={{ page: 'alerts', experiment: null }} />
    </div>
  );
}
