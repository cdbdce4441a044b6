import { memo, type CSSProperties } from 'react';
import type { RunSummary } from '../../../../src-shared/domain';
import { RunDuration } from '../../components/run-duration';
import { RunSwatch } from '../../components/run-swatch';
import { NewerDataBadge } from '../../components/newer-data-badge';
import { StatusBadge } from '../../components/status-badge';
import { formatDateCompact, formatDateTimeSeconds, formatNumber } from '../../../../src-shared/format';
import { navigate, routeHref } from '../../lib/hash-router';
import { SyncBadge } from '../sync/sync-badge';
import { metricValue, type RunColumn } from './run-columns';

function Cell({ run, column, checked, onCheck }: { run: RunSummary; column: RunColumn; checked: boolean; onCheck: RunRowProps['onCheck'] }) {
  switch (column.kind) {
    case 'select':
      return (
        <input
          type="checkbox"
          checked={checked}
          aria-label={`Select ${run.name || run.id} for comparison`}
          data-testid="run-check"
          // The click, not the change: only the click event says whether shift was held.
          onClick={(e) => {
            e.stopPropagation();
            onCheck(run.id, e.shiftKey);
          }}
          onChange={() => {}}
        />
      );
    case 'swatch':
      return <RunSwatch runId={run.id} />;
    case 'status':
      return <StatusBadge status={run.status} />;
    case 'sync':
      return run.sync && <SyncBadge sync={run.sync} />;
    case 'name':
      return (
        <>
          <a href={routeHref({ page: 'run', runId: run.id })} title={run.name || run.id} onClick={(e) => e.stopPropagation()}>
            {run.name || <span className="mono muted">{run.id.slice(0, 12)}</span>}
          </a>
          {run.newerDataAvailable && <NewerDataBadge compact testId="row-newer-data" />}
        </>
      );
    case 'experiment':
      return <span title={run.experiment}>{run.experiment}</span>;
    case 'startTime':
      return <span title={formatDateTimeSeconds(run.startTime)}>{formatDateCompact(run.startTime)}</span>;
    case 'duration':
      return <RunDuration run={run} />;
    case 'param':
    case 'tag': {
      const value = (column.kind === 'param' ? run.params : run.tags)[column.key];
      return value === undefined ? null : (
        <span className="mono" title={`${column.key} = ${value}`}>
          {value}
        </span>
      );
    }
    case 'metric': {
      const value = metricValue(run, column.key, column.stat);
      const label = column.stat === 'last' ? column.key : `${column.stat} of ${column.key}`;
      return value === undefined ? null : <span title={`${label} = ${value}`}>{formatNumber(value)}</span>;
    }
  }
}

interface RunRowProps {
  run: RunSummary;
  columns: RunColumn[];
  selected: boolean;
  checked: boolean;
  onCheck: (runId: string, shift: boolean) => void;
  style: CSSProperties;
}

/** Memoised: a live update re-renders only the rows whose run object changed. */
export const RunRow = memo(function RunRow({ run, columns, selected, checked, onCheck, style }: RunRowProps) {
  return (
    <div
      role="row"
      className={`runs-table__row${selected ? ' is-selected' : ''}${checked ? ' is-checked' : ''}`}
      style={style}
      data-testid="run-row"
      data-run-id={run.id}
      aria-selected={selected}
      onClick={() => navigate({ page: 'run', runId: run.id })}
    >
      {columns.map((column) => (
        <div
          role="gridcell"
          key={column.id}
          data-column={column.id}
          className={`runs-table__cell runs-table__cell--${column.kind}${column.numeric ? ' num' : ''}`}
        >
          <Cell run={run} column={column} checked={checked} onCheck={onCheck} />
        </div>
      ))}
    </div>
  );
});
