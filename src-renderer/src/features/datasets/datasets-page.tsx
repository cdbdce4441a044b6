import { useEffect } from 'react';
import { CopyButton } from '../../components/copy-button';
import { ErrorBanner } from '../../components/error-banner';
import { Skeleton } from '../../components/skeleton';
import { shortDigest } from '../../lib/digest';
import { formatBytes, formatCount, formatDateCompact, formatDateTimeSeconds } from '../../../../src-shared/format';
import { navigate, routeHref } from '../../lib/hash-router';
import { useDatasetsStore } from '../../stores/datasets-store';
import '../run/io-cards.css';
import './datasets.css';

/** Every dataset name with its latest version; a row opens the dataset's page. */
export function DatasetsPage() {
  const list = useDatasetsStore((s) => s.list);

  useEffect(() => {
    useDatasetsStore.getState().loadList();
    document.title = 'Datasets · Runlens';
    return () => {
      document.title = 'Runlens';
    };
  }, []);

  const datasets = [...list.datasets].sort((a, b) => b.latest.createdAt - a.latest.createdAt);
  return (
    <div className="scroll-page" data-testid="datasets-page">
      <header className="datasets-head">
        <h1>Datasets</h1>
        {list.status === 'ready' && <span className="muted num">{formatCount(datasets.length)}</span>}
      </header>
      {list.status === 'error' && <ErrorBanner message={list.error ?? 'Could not load the datasets'} onRetry={() => useDatasetsStore.getState().loadList()} />}
      {(list.status === 'loading' || list.status === 'idle') && <Skeleton rows={5} height={22} />}
      {list.status === 'ready' && datasets.length === 0 && (
        <p className="muted datasets-empty" data-testid="datasets-empty">
          No datasets yet. Record a run's inputs with <span className="mono">POST /api/v1/runs/&lt;id&gt;/inputs</span>, MLflow's{' '}
          <span className="mono">log_input</span>, an <span className="mono">inputs.json</span> beside a run folder's{' '}
          <span className="mono">run.json</span>, or watch a DVC project.
        </p>
      )}
      {datasets.length > 0 && (
        <div className="panel datasets-table-wrap">
          <table className="data-table" data-testid="datasets-table">
            <thead>
              <tr>
                <th>Name</th>
                <th className="num">Versions</th>
                <th>Latest digest</th>
                <th className="num">Rows</th>
                <th className="num">Size</th>
                <th>Format</th>
                <th className="num">Last changed</th>
              </tr>
            </thead>
            <tbody>
              {datasets.map(({ name, versions, latest }) => (
                <tr key={name} className="data-table__link-row" data-testid="dataset-row" data-name={name} onClick={() => navigate({ page: 'dataset', name })}>
                  <td className="data-table__name">
                    <a href={routeHref({ page: 'dataset', name })} title={name} onClick={(e) => e.stopPropagation()}>
                      {name}
                    </a>
                    {latest.kind === 'artifact' && <span className="tag-badge">artifact</span>}
                  </td>
                  <td className="num" data-testid="dataset-versions">
                    {formatCount(versions)}
                  </td>
                  <td onClick={(e) => e.stopPropagation()}>
                    <span className="mono" title={latest.digest}>
                      {shortDigest(latest.digest)}
                    </span>{' '}
                    <CopyButton text={latest.digest} className="data-table__copy" />
                  </td>
                  <td className="num">{latest.rows === null ? '—' : formatCount(latest.rows)}</td>
                  <td className="num">{latest.sizeBytes === null ? '—' : formatBytes(latest.sizeBytes)}</td>
                  <td>{latest.format ?? '—'}</td>
                  <td className="num" title={formatDateTimeSeconds(latest.createdAt)}>
                    {formatDateCompact(latest.createdAt)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
