import type { RunSummary } from '../../../../../src-shared/domain';
import { ArtifactBrowser } from './artifact-browser';
import './artifacts.css';

export function ArtifactsPanel({ run }: { run: RunSummary }) {
  return (
    <section className="run-section panel run-section--artifacts" data-testid="artifacts-panel">
      <header className="run-section__head">
        <h2 className="section-title">Artifacts</h2>
        {run.artifactUri && (
          <span className="mono muted run-section__aside" title={run.artifactUri}>
            {run.artifactUri}
          </span>
        )}
      </header>
      <ArtifactBrowser
        runId={run.id}
        label="Artifacts"
        empty={
          // A pulled copy is read-only here: how to log files would be advice about someone else's run.
          run.sync?.state === 'remote' ? (
            <>The run has no artifacts on {run.sync.remote}.</>
          ) : (
            <>
              No artifacts. Log files with <code>mlflow.log_artifact(path)</code> or put them in the run folder.
            </>
          )
        }
        noRoot={run.artifactUri ? 'Artifacts are stored outside Runlens; they cannot be listed here.' : 'This run has no artifact location.'}
      />
    </section>
  );
}
