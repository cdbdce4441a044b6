import { useEffect } from 'react';
import { useRoute } from '../lib/hash-router';
import { RunsPage } from '../features/runs/runs-page';
import { RunPage } from '../features/run/run-page';
import { useRunsStore } from '../stores/runs-store';
import { startLiveUpdates } from './live-updates';
import { useApplyTheme } from './theme';
import { TopBar } from './top-bar';
import './app.css';

export function App() {
  const route = useRoute();
  const theme = useApplyTheme();

  useEffect(() => {
    void useRunsStore.getState().load();
    return startLiveUpdates();
  }, []);

  return (
    <div className="app">
      <TopBar route={route} theme={theme} />
      <main className="app__main">
        {route.page === 'run' ? <RunPage key={route.runId} runId={route.runId} /> : <RunsPage />}
      </main>
    </div>
  );
}
