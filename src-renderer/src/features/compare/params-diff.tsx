// Params side by side, rows = keys, columns = runs, under the run's metadata. Only the keys whose
// values differ are shown by default: with dozens of params, the two that differ are the point.
// Nested configs are grouped by their first key part, each group collapsible. A cell that
// differs from the baseline column is highlighted; a column header's button makes its run the
// baseline. The header row and the key column stay put while the table scrolls under them, so a
// sweep of a hundred runs is still readable.
import { useMemo, useState } from 'react';
import type { RunSummary } from '../../../../src-shared/domain';
import { CopyButton } from '../../components/copy-button';
import { RunDuration } from '../../components/run-duration';
import { RunSwatch } from '../../components/run-swatch';
import { StatusBadge } from '../../components/status-badge';
import type { CompareView } from '../../lib/compare-view';
import { formatDateTimeSeconds } from '../../../../src-shared/format';
import { gitCommit } from '../run/git-commit';
import { sourceLabel } from '../run/source-label';
import { paramGroups, paramRows, runParams, type ParamGroup, type ParamRow } from './compare-model';

function SourceCell({ run }: { run: RunSummary }) {
  const source = sourceLabel(run);
  return (
    <span title={source.path ?? undefined}>
      {source.kind}
      {source.path && <span className="mono muted compare-table__path"> {source.path}</span>}
    </span>
  );
}

function CommitCell({ run }: { run: RunSummary }) {
  const sha = gitCommit(run);
  if (!sha) return <span className="muted">—</span>;
  return (
    <span className="compare-table__commit" data-testid="git-commit" data-sha={sha}>
      <span className="mono" title={sha}>
        {sha.slice(0, 7)}
      </span>
      <CopyButton text={sha} label="copy" className="compare-copy" />
    </span>
  );
}

const META_ROWS: { label: string; id: string; cell: (run: RunSummary) => React.ReactNode }[] = [
  { label: 'Status', id: 'status', cell: (run) => <StatusBadge status={run.status} /> },
  { label: 'Duration', id: 'duration', cell: (run) => <RunDuration run={run} /> },
  { label: 'Source', id: 'source', cell: (run) => <SourceCell run={run} /> },
  { label: 'Git commit', id: 'commit', cell: (run) => <CommitCell run={run} /> },
  { label: 'Started', id: 'started', cell: (run) => formatDateTimeSeconds(run.startTime) },
];

interface ParamsDiffProps {
  runs: RunSummary[];
  baselineIndex: number;
  view: CompareView;
  onChange: (patch: Partial<CompareView>) => void;
}

export function ParamsDiff({ runs, baselineIndex, view, onChange }: ParamsDiffProps) {
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(new Set());
  const params = useMemo(() => runParams(runs), [runs]);
  const groups = useMemo(() => paramGroups(paramRows(params, baselineIndex)), [params, baselineIndex]);
  const total = groups.reduce((n, g) => n + g.rows.length, 0);
  const differing = groups.reduce((n, g) => n + g.differing, 0);
  const hidden = view.diffOnly ? total - differing : 0;
  const shown = view.diffOnly ? groups.filter((g) => g.differing > 0) : groups;

  const toggleGroup = (name: string) =>
    setCollapsed((prev) => {
      const next = new Set(prev);
      if (!next.delete(name)) next.add(name);
      return next;
    });

  return (
    <section className="compare-section panel" data-testid="params-diff">
      <header className="compare-section__head">
        <h2 className="section-title">Params</h2>
        <label className="compare-section__toggle">
          <input type="checkbox" checked={view.diffOnly} onChange={(e) => onChange({ diffOnly: e.target.checked })} data-testid="only-diff" />
          Only differences
        </label>
        <span className="muted compare-section__note" data-testid="params-hidden" data-hidden={hidden}>
          {hidden > 0 ? `${hidden} identical ${hidden === 1 ? 'param' : 'params'} hidden · ` : ''}
          {differing} of {total} differ · the column marked <b>base</b> is the baseline; click a run to change it
        </span>
      </header>
      <div className="compare-section__scroll compare-table-frame">
        <table className="compare-table compare-table--params">
          <thead>
            <tr>
              <th scope="col" className="compare-table__key">
                Run
              </th>
              {runs.map((run, i) => (
                <th scope="col" key={run.id} className={i === baselineIndex ? 'is-baseline' : undefined}>
                  <button
                    type="button"
                    className="compare-table__run"
                    onClick={() => onChange({ baseline: run.id })}
                    aria-pressed={i === baselineIndex}
                    title={`${run.name || run.id}${i === baselineIndex ? ' (the baseline)' : ': make this run the baseline'}`}
                    data-testid="baseline-button"
                    data-run-id={run.id}
                  >
                    <RunSwatch runId={run.id} />
                    <span className="compare-table__run-name">{run.name || run.id.slice(0, 12)}</span>
                    {i === baselineIndex && <span className="compare-table__base-mark">base</span>}
                  </button>
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="compare-table__meta">
            {META_ROWS.map((meta) => (
              <tr key={meta.id} data-testid="meta-row" data-meta={meta.id}>
                <th scope="row" className="compare-table__key muted">
                  {meta.label}
                </th>
                {runs.map((run, i) => (
                  <td key={run.id} className={i === baselineIndex ? 'is-baseline' : undefined} data-testid="meta-cell" data-run-id={run.id}>
                    {meta.cell(run)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
          {shown.map((group) => (
            <ParamGroupRows
              key={group.name}
              group={group}
              diffOnly={view.diffOnly}
              runs={runs}
              baselineIndex={baselineIndex}
              collapsed={collapsed.has(group.name)}
              onToggle={() => toggleGroup(group.name)}
            />
          ))}
          {shown.length === 0 && (
            <tbody>
              <tr>
                <td colSpan={runs.length + 1} className="muted compare-table__empty" data-testid="params-empty">
                  {total === 0 ? 'No run logged params.' : `All ${total} params are the same in these runs.`}
                </td>
              </tr>
            </tbody>
          )}
        </table>
      </div>
    </section>
  );
}

interface ParamGroupRowsProps {
  group: ParamGroup;
  diffOnly: boolean;
  runs: RunSummary[];
  baselineIndex: number;
  collapsed: boolean;
  onToggle: () => void;
}

function ParamGroupRows({ group, diffOnly, runs, baselineIndex, collapsed, onToggle }: ParamGroupRowsProps) {
  const rows = diffOnly ? group.rows.filter((r) => r.differs) : group.rows;
  return (
    <tbody className="compare-table__params" data-testid="param-group" data-group={group.name}>
      {group.name !== '' && (
        <tr className="compare-table__group-head">
          <th scope="rowgroup" className="compare-table__key">
            <button type="button" className="compare-table__group-toggle" onClick={onToggle} aria-expanded={!collapsed} data-testid="param-group-toggle">
              <span aria-hidden className="compare-table__chevron">
                {collapsed ? '▸' : '▾'}
              </span>
              <span className="mono">{group.name}</span>
              <span className="muted compare-table__group-count" data-testid="param-group-count" data-differing={group.differing}>
                {group.differing} of {group.rows.length} differ
              </span>
            </button>
          </th>
          <td colSpan={runs.length} />
        </tr>
      )}
      {!collapsed && rows.map((row) => <ParamRowCells key={row.key} row={row} runs={runs} baselineIndex={baselineIndex} nested={group.name !== ''} />)}
    </tbody>
  );
}

function ParamRowCells({ row, runs, baselineIndex, nested }: { row: ParamRow; runs: RunSummary[]; baselineIndex: number; nested: boolean }) {
  return (
    <tr data-testid="param-row" data-param-key={row.key}>
      <th scope="row" className={`compare-table__key mono${nested ? ' is-nested' : ''}`} title={row.key}>
        {row.name}
      </th>
      {row.values.map((value, i) => (
        <td
          key={runs[i]!.id}
          className={`mono${row.fromBaseline[i] ? ' is-different' : ''}${i === baselineIndex ? ' is-baseline' : ''}`}
          data-testid="param-cell"
          data-different={row.fromBaseline[i] || undefined}
          title={value}
        >
          {value ?? <span className="muted">—</span>}
        </td>
      ))}
    </tr>
  );
}
