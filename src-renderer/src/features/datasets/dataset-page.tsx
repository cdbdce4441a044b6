import { useEffect, useState } from 'react';
import { ErrorBanner } from '../../components/error-banner';
import { Skeleton } from '../../components/skeleton';
import { formatCount } from '../../../../src-shared/format';
import { routeHref } from '../../lib/hash-router';
import { useDatasetsStore } from '../../stores/datasets-store';
import { defaultPair } from './version-diff';
import { VersionDiffPanel } from './version-diff-panel';
import { VersionSchema } from './version-schema';
import { VersionsChart } from './versions-chart';
import { VersionsTable } from './versions-table';
import '../run/io-cards.css';
import './datasets.css';

export function DatasetPage({ name }: { name: string }) {
  const entry = useDatasetsStore((s) => s.byName[name]);
  // The user's pick of versions to compare; null follows the latest pair as versions arrive.
  const [picked, setPicked] = useState<{ baseId: number; nextId: number } | null>(null);

  useEffect(() => {
    useDatasetsStore.getState().request(name);
    document.title = `${name} · Datasets · Runlens`;
    return () => {
      document.title = 'Runlens';
      useDatasetsStore.getState().forget(name);
    };
  }, [name]);

  const versions = entry?.versions ?? [];
  const latest = versions[versions.length - 1];
  const pair = defaultPair(versions);
  const ids = versions.map((v) => v.id);
  const diff = picked && ids.includes(picked.baseId) && ids.includes(picked.nextId) ? picked : pair && { baseId: pair.base.id, nextId: pair.next.id };

  return (
    <div className="scroll-page" data-testid="dataset-page" data-name={name}>
      <header className="datasets-head">
        <a href={routeHref({ page: 'datasets' })} className="muted">
          Datasets
        </a>
        <span className="muted" aria-hidden>
          /
        </span>
        <h1 data-testid="dataset-name">{name}</h1>
        {versions.length > 0 && (
          <span className="muted num" data-testid="dataset-version-count">
            {formatCount(versions.length)} {versions.length === 1 ? 'version' : 'versions'}
          </span>
        )}
        {latest && (
          <a className="datasets-head__action" href={routeHref({ page: 'lineage', focus: `dataset:${latest.id}`, q: '' })} data-testid="dataset-lineage-link">
            Show in lineage
          </a>
        )}
      </header>
      {latest?.uri && (
        <p className="dataset-uri muted">
          <span className="mono" title={latest.uri}>
            {latest.uri}
          </span>
        </p>
      )}
      {entry?.status === 'error' && <ErrorBanner message={entry.error ?? 'Could not load the dataset'} onRetry={() => useDatasetsStore.getState().request(name)} />}
      {entry?.status === 'loading' && versions.length === 0 && <Skeleton rows={5} height={22} />}
      {entry?.status === 'ready' && versions.length === 0 && <p className="muted">No dataset named {name}.</p>}
      {versions.length > 1 && diff && (
        <div className="dataset-page__top">
          <VersionDiffPanel versions={versions} baseId={diff.baseId} nextId={diff.nextId} onPick={(baseId, nextId) => setPicked({ baseId, nextId })} />
          <VersionsChart versions={versions} />
        </div>
      )}
      {versions.length === 1 && latest && (
        <div className="dataset-page__top">
          <VersionSchema version={latest} />
        </div>
      )}
      {versions.length > 0 && <VersionsTable versions={versions} usage={entry?.usage ?? {}} loading={entry?.status === 'loading'} diffIds={diff ? [diff.baseId, diff.nextId] : []} />}
    </div>
  );
}
