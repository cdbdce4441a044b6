import type { DatasetColumn, DatasetVersion, RunDatasetInput } from '../../../../../src-shared/domain';
import { CopyButton } from '../../../components/copy-button';
import { NewerDataBadge } from '../../../components/newer-data-badge';
import { shortDigest } from '../../../lib/digest';
import { formatBytes, formatCount } from '../../../../../src-shared/format';
import { routeHref } from '../../../lib/hash-router';
import { datasetColumns, datasetRowCount, datasetSourceLabel } from './dataset-fields';
import '../io-cards.css';

function ColumnsTable({ columns }: { columns: DatasetColumn[] }) {
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

/** The schema as Runlens read it from the file, else as MLflow recorded it (shown raw if odd). */
function DatasetSchema({ version, schema }: { version: DatasetVersion | undefined; schema: string | null }) {
  if (version?.columns) return <ColumnsTable columns={version.columns} />;
  if (!schema) return null;
  const columns = datasetColumns(schema);
  if (columns) return <ColumnsTable columns={columns} />;
  return (
    <pre className="dataset__raw mono" title="Schema as recorded">
      {schema}
    </pre>
  );
}

function DatasetCard({ item, versions, testId }: { item: RunDatasetInput; versions: DatasetVersion[] | undefined; testId: string }) {
  const index = versions?.findIndex((v) => v.digest === item.digest) ?? -1;
  const version = index >= 0 ? versions?.[index] : undefined;
  const rows = version?.rows ?? datasetRowCount(item.profile);
  const source = datasetSourceLabel(item.source);
  const facts = [version?.format, version?.sizeBytes != null ? formatBytes(version.sizeBytes) : null].filter(Boolean).join(' · ');
  return (
    <li className="dataset" data-testid={testId} data-name={item.name} data-newer={item.newerVersion || undefined}>
      <div className="dataset__head">
        <a className="dataset__name" href={routeHref({ page: 'dataset', name: item.name })} title={`${item.name}: every version`} data-testid="dataset-link">
          {item.name}
        </a>
        {versions && index >= 0 && (
          <span className="tag-badge num" title={`Version ${index + 1} of ${versions.length}`} data-testid="dataset-version">
            v{index + 1}
          </span>
        )}
        {version?.kind === 'artifact' && <span className="tag-badge">artifact</span>}
        {item.context && (
          <span className="tag-badge" data-testid="dataset-context">
            {item.context}
          </span>
        )}
        {item.newerVersion && <NewerDataBadge kind="version" detail={versions ? `v${versions.length} is the latest` : undefined} testId="dataset-newer" />}
        {rows !== null && (
          <span className="muted num dataset__rows" data-testid="dataset-rows">
            {formatCount(rows)} {rows === 1 ? 'row' : 'rows'}
          </span>
        )}
      </div>
      <dl className="dataset__fields">
        <dt>Digest</dt>
        <dd>
          <span className="mono" title={item.digest} data-testid="dataset-digest">
            {shortDigest(item.digest)}
          </span>
          <CopyButton text={item.digest} />
          {facts && (
            <span className="muted dataset__facts" data-testid="dataset-format">
              {facts}
            </span>
          )}
        </dd>
        <dt>Source</dt>
        <dd>
          {/* Cut at the start: the file name at the end is what tells datasets apart. */}
          <span className="mono dataset__source" title={item.source} data-testid="dataset-source">
            <bdi>{source}</bdi>
          </span>
          {item.sourceType && <span className="muted dataset__source-type">{item.sourceType}</span>}
        </dd>
      </dl>
      <DatasetSchema version={version} schema={item.schema} />
    </li>
  );
}

/** The datasets a run read (inputs) or wrote (outputs), each linked to its dataset page. */
export function DatasetsPanel({
  title,
  items,
  versions,
  testId,
  itemTestId,
}: {
  title: string;
  items: RunDatasetInput[];
  versions: Record<string, DatasetVersion[]>;
  testId: string;
  itemTestId: string;
}) {
  return (
    <section className="run-section panel" data-testid={testId}>
      <header className="run-section__head">
        <h2 className="section-title">
          {title} <span className="run-section__count">{items.length}</span>
        </h2>
      </header>
      <ul className="dataset-list">
        {items.map((item) => (
          <DatasetCard key={`${item.name}:${item.digest}:${item.context ?? ''}`} item={item} versions={versions[item.name]} testId={itemTestId} />
        ))}
      </ul>
    </section>
  );
}
