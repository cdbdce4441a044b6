import type { RunDatasetInput } from '../../../../../src-shared/domain';
import { CopyButton } from '../../../components/copy-button';
import { formatCount } from '../../../lib/format';
import { datasetColumns, datasetRowCount, datasetSourceLabel } from './dataset-fields';
import '../io-cards.css';

/** MLflow digests are 8–10 hex characters already; longer ones (custom datasets) are cut for the eye. */
const DIGEST_SHOWN = 10;

function DatasetSchema({ schema }: { schema: string | null }) {
  if (!schema) return null;
  const columns = datasetColumns(schema);
  if (!columns) {
    return (
      <pre className="dataset__raw mono" title="Schema as recorded">
        {schema}
      </pre>
    );
  }
  return (
    <details className="dataset__schema" open={columns.length <= 8}>
      <summary>
        {columns.length} {columns.length === 1 ? 'column' : 'columns'}
      </summary>
      <table className="kv-table dataset__columns" data-testid="dataset-columns">
        <tbody>
          {columns.map((c, i) => (
            <tr key={`${i}:${c.name}`}>
              <th scope="row" className="mono" title={c.name}>
                {c.name}
              </th>
              <td className="mono muted">{c.type}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}

function DatasetInput({ input }: { input: RunDatasetInput }) {
  const rows = datasetRowCount(input.profile);
  const source = datasetSourceLabel(input.source);
  return (
    <li className="dataset" data-testid="dataset-input" data-name={input.name}>
      <div className="dataset__head">
        <span className="dataset__name" title={input.name}>
          {input.name}
        </span>
        {input.context && (
          <span className="tag-badge" data-testid="dataset-context">
            {input.context}
          </span>
        )}
        {rows !== null && (
          <span className="muted num dataset__rows" data-testid="dataset-rows">
            {formatCount(rows)} {rows === 1 ? 'row' : 'rows'}
          </span>
        )}
      </div>
      <dl className="dataset__fields">
        <dt>Digest</dt>
        <dd>
          <span className="mono" title={input.digest} data-testid="dataset-digest">
            {input.digest.slice(0, DIGEST_SHOWN)}
          </span>
          <CopyButton text={input.digest} />
        </dd>
        <dt>Source</dt>
        <dd>
          <span className="mono dataset__source" title={input.source} data-testid="dataset-source">
            {source}
          </span>
          {input.sourceType && <span className="muted dataset__source-type">{input.sourceType}</span>}
        </dd>
      </dl>
      <DatasetSchema schema={input.schema} />
    </li>
  );
}

export function InputsPanel({ inputs }: { inputs: RunDatasetInput[] }) {
  return (
    <section className="run-section panel" data-testid="inputs-panel">
      <header className="run-section__head">
        <h2 className="section-title">
          Inputs <span className="run-section__count">{inputs.length}</span>
        </h2>
      </header>
      <ul className="dataset-list">
        {inputs.map((input) => (
          <DatasetInput key={`${input.name}:${input.digest}:${input.context ?? ''}`} input={input} />
        ))}
      </ul>
    </section>
  );
}
