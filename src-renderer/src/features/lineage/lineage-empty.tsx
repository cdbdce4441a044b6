// No dataset, run input or model is recorded yet: the ways to record some.
import { authToken, transportKind } from '../../api/client';
import { CopyButton } from '../../components/copy-button';

export function lineageCurl(origin: string, token: string): string {
  const auth = token ? ` \\\n  -H 'Authorization: Bearer ${token}'` : '';
  return [
    '# Record what a run read (a local path is digested and its schema read)',
    `curl -s -X POST ${origin}/api/v1/runs/RUN_ID/inputs${auth} \\`,
    `  -H 'Content-Type: application/json' \\`,
    `  -d '{"inputs":[{"path":"/data/clean.csv","context":"train"}]}'`,
    '',
    '# …and what it wrote: datasets, or artifacts with "kind":"artifact"',
    `curl -s -X POST ${origin}/api/v1/runs/RUN_ID/outputs${auth} \\`,
    `  -H 'Content-Type: application/json' \\`,
    `  -d '{"outputs":[{"path":"/data/features.parquet"}]}'`,
  ].join('\n');
}

export function LineageEmpty() {
  const origin = transportKind === 'http' ? window.location.origin : 'http://127.0.0.1:PORT';
  const text = lineageCurl(origin, authToken);
  return (
    <div className="lineage-empty" data-testid="lineage-empty">
      <h1>No lineage yet</h1>
      <p className="muted">
        The graph links the datasets runs read to the datasets and models they made. It fills in as soon as a run records
        its inputs or outputs:
      </p>
      <ul className="lineage-empty__ways">
        <li>
          From MLflow: <code>mlflow.log_input(dataset, context="training")</code> in a run logged to this server.
        </li>
        <li>
          Over HTTP: <code>POST /api/v1/runs/&lt;id&gt;/inputs</code> and <code>/outputs</code>, with a path or a digest and a name.
        </li>
        <li>
          In a watched run folder: <code>inputs.json</code> and <code>outputs.json</code> beside <code>run.json</code>.
        </li>
        <li>Watch a DVC project (a folder with <code>dvc.yaml</code> and <code>dvc.lock</code>): every stage's deps and outs are drawn.</li>
      </ul>
      <div className="curl-snippet">
        <div className="curl-snippet__bar">
          <span className="section-title">Record a run's inputs with curl</span>
          <CopyButton text={text} testId="copy-lineage-curl" />
        </div>
        <pre data-testid="lineage-curl">{text}</pre>
      </div>
    </div>
  );
}
