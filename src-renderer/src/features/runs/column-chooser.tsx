// The "Columns" menu: every param, tag and metric key any run has, searchable, ticked on or
// off. The first tick turns the automatic columns into a chosen list the user then edits.
import { useMemo, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { RunSummary } from '../../../../src-shared/domain';
import { Popover } from '../../components/popover';
import { useUiStore } from '../../stores/ui-store';
import { availableKeys, columnId, METRIC_STATS, type DynamicKind } from './run-columns';

/** MLflow's own bookkeeping tags (`mlflow.user`, `mlflow.source.name`, …): noise unless asked for. */
const SYSTEM_TAG = /^mlflow\./;

function matching(keys: string[], search: string, kind: DynamicKind): string[] {
  const needle = search.trim().toLowerCase();
  if (!needle) return kind === 'tag' ? keys.filter((key) => !SYSTEM_TAG.test(key)) : keys;
  return keys.filter((key) => key.toLowerCase().includes(needle));
}

function Option({ id, label, shown, onToggle }: { id: string; label: string; shown: boolean; onToggle: (id: string) => void }) {
  return (
    <label className="column-chooser__option" title={label}>
      <input type="checkbox" checked={shown} onChange={() => onToggle(id)} data-testid="column-option" data-column-id={id} />
      <span className="column-chooser__key">{label}</span>
    </label>
  );
}

function ChooserPanel({ runs, shownIds }: { runs: RunSummary[]; shownIds: string[] }) {
  const [search, setSearch] = useState('');
  const { chosen, setColumns } = useUiStore(useShallow((s) => ({ chosen: s.columns, setColumns: s.setColumns })));
  const keys = useMemo(() => availableKeys(runs), [runs]);
  const shown = new Set(shownIds);
  const toggle = (id: string) => setColumns(shown.has(id) ? shownIds.filter((c) => c !== id) : [...shownIds, id]);

  const params = matching(keys.param, search, 'param');
  const tags = matching(keys.tag, search, 'tag');
  const metrics = matching(keys.metric, search, 'metric');
  const hiddenSystemTags = search.trim() ? 0 : keys.tag.length - tags.length;

  return (
    <>
      <input
        type="search"
        value={search}
        onChange={(e) => setSearch(e.target.value)}
        placeholder="Search params, tags, metrics…"
        aria-label="Search columns"
        data-testid="column-search"
        spellCheck={false}
      />
      <div className="popover__heading">
        <span>{chosen.length > 0 ? `${chosen.length} chosen` : 'Automatic: most common keys'}</span>
        {chosen.length > 0 && (
          <button type="button" className="quiet column-chooser__reset" onClick={() => setColumns([])} data-testid="columns-reset">
            Reset to automatic
          </button>
        )}
      </div>
      <div className="popover__list column-chooser__list">
        {params.length > 0 && <div className="column-chooser__group">Params</div>}
        {params.map((key) => (
          <Option key={key} id={columnId('param', key)} label={key} shown={shown.has(columnId('param', key))} onToggle={toggle} />
        ))}
        {tags.length > 0 && <div className="column-chooser__group">Tags</div>}
        {tags.map((key) => (
          <Option key={key} id={columnId('tag', key)} label={key} shown={shown.has(columnId('tag', key))} onToggle={toggle} />
        ))}
        {hiddenSystemTags > 0 && <div className="popover__note column-chooser__indent">{hiddenSystemTags} mlflow.* tags: search to show them</div>}
        {metrics.length > 0 && (
          <div className="column-chooser__group column-chooser__metric-head">
            <span>Metrics</span>
            {METRIC_STATS.map((stat) => (
              <span key={stat} className="column-chooser__stat">
                {stat}
              </span>
            ))}
          </div>
        )}
        {metrics.map((key) => (
          <div key={key} className="column-chooser__metric" data-testid="column-metric" data-metric-key={key}>
            <span className="column-chooser__key" title={key}>
              {key}
            </span>
            {METRIC_STATS.map((stat) => {
              const id = columnId('metric', key, stat);
              return (
                <input
                  key={stat}
                  type="checkbox"
                  className="column-chooser__stat"
                  checked={shown.has(id)}
                  onChange={() => toggle(id)}
                  aria-label={`${key}: ${stat} value`}
                  title={`${stat} value of ${key}`}
                  data-testid="column-option"
                  data-column-id={id}
                />
              );
            })}
          </div>
        ))}
        {params.length + tags.length + metrics.length === 0 && <div className="popover__note column-chooser__indent">No key matches “{search}”.</div>}
      </div>
    </>
  );
}

/** `shownIds`: the dynamic columns the table shows now, chosen or automatic. */
export function ColumnChooser({ runs, shownIds }: { runs: RunSummary[]; shownIds: string[] }) {
  return (
    <Popover trigger="Columns" triggerTitle="Choose the params, tags and metrics shown as columns" label="Choose columns" testId="column-chooser">
      {() => <ChooserPanel runs={runs} shownIds={shownIds} />}
    </Popover>
  );
}
