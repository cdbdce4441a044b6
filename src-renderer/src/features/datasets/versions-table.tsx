import type { DatasetVersion } from '../../../../src-shared/domain';
import { CopyButton } from '../../components/copy-button';
import { shortDigest } from '../../lib/digest';
import { formatBytes, formatCount, formatDateCompact, formatDateTimeSeconds } from '../../../../src-shared/format';
import { routeHref } from '../../lib/hash-router';
import type { RunRef, VersionUsage } from './version-usage';

/** Past this many runs a cell says "+n more": the lineage page has the whole list. */
const RUNS_SHOWN = 3;

function RunLinks({ runs, versionId, loading, testId }: { runs: RunRef[] | undefined; versionId: number; loading: boolean; testId: string }) {
  if (!runs && loading) return <span className="muted">…</span>;
  if (!runs) {
    return (
      <a className="muted" href={routeHref({ page: 'lineage', focus: `dataset:${versionId}`, q: '' })}>
        in lineage
      </a>
    );
  }
  if (runs.length === 0) return <span className="muted">—</span>;
  const rest = runs.length - RUNS_SHOWN;
  return (
    <span className="run-links" data-testid={testId}>
      {runs.slice(0, RUNS_SHOWN).map((run) => (
        <a key={`${run.runId}:${run.context ?? ''}`} href={routeHref({ page: 'run', runId: run.runId })} title={run.context ? `${run.name} (${run.context})` : run.name} data-testid="version-run-link">
          {run.name}
          {run.context && <span className="muted run-links__context"> {run.context}</span>}
        </a>
      ))}
      {rest > 0 && <span className="muted">+{rest} more</span>}
    </span>
  );
}

/** Newest version first, numbered from the oldest (v1). */
export function VersionsTable({
  versions,
  usage,
  loading,
  diffIds,
}: {
  versions: DatasetVersion[];
  usage: Record<number, VersionUsage>;
  /** The runs of each version are still being looked up. */
  loading: boolean;
  diffIds: number[];
}) {
  const rows = versions.map((version, i) => ({ version, n: i + 1 })).reverse();
  return (
    <section className="panel datasets-table-wrap" data-testid="versions-panel">
      <header className="dataset-section__head">
        <h2 className="section-title">Versions</h2>
      </header>
      <table className="data-table" data-testid="versions-table">
        <thead>
          <tr>
            <th className="data-table__version">Version</th>
            <th>Digest</th>
            <th className="num">Created</th>
            <th className="num">Rows</th>
            <th className="num">Size</th>
            <th>Format</th>
            <th className="num">Columns</th>
            <th>Used by</th>
            <th>Produced by</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(({ version: v, n }) => (
            <tr key={v.id} data-testid="version-row" data-version={n} className={diffIds.includes(v.id) ? 'is-diffed' : undefined}>
              <td className="data-table__version">
                v{n}
                {n === versions.length && <span className="tag-badge">latest</span>}
              </td>
              <td>
                <span className="mono" title={v.digest} data-testid="version-digest">
                  {shortDigest(v.digest)}
                </span>{' '}
                <CopyButton text={v.digest} className="data-table__copy" />
              </td>
              <td className="num" title={formatDateTimeSeconds(v.createdAt)}>
                {formatDateCompact(v.createdAt)}
              </td>
              <td className="num" data-testid="version-rows">
                {v.rows === null ? '—' : formatCount(v.rows)}
              </td>
              <td className="num">{v.sizeBytes === null ? '—' : formatBytes(v.sizeBytes)}</td>
              <td>{v.format ?? '—'}</td>
              <td className="num" title={v.columns?.map((c) => `${c.name}: ${c.type}`).join('\n')}>
                {v.columns === null ? '—' : formatCount(v.columns.length)}
              </td>
              <td>
                <RunLinks runs={usage[v.id]?.usedBy} versionId={v.id} loading={loading} testId="version-used-by" />
              </td>
              <td>
                <RunLinks runs={usage[v.id]?.producedBy} versionId={v.id} loading={loading} testId="version-produced-by" />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
