// The compare charts' controls. Every one writes the view in the URL, so a reload or a shared
// link shows the same charts: keys, x-axis, smoothing, group-by, and the zoom to reset.
import type { SeriesXAxis } from '../../../../../src-shared/domain';
import type { CompareView } from '../../../lib/compare-view';
import { formatTick } from '../../../../../src-shared/format';
import { ChecklistPicker, type PickerOption } from './checklist-picker';
import { xKind, xValueLabel } from './axis-format';

interface ChartsToolbarProps {
  view: CompareView;
  /** Keys charted now (the URL's, or the shared ones). */
  keys: string[];
  keyOptions: PickerOption[];
  sharedKeys: string[];
  paramOptions: PickerOption[];
  onChange: (patch: Partial<CompareView>) => void;
}

function rangeLabel(x: SeriesXAxis, range: [number, number]): string {
  const kind = xKind(x);
  if (kind === 'step') return `steps ${formatTick(range[0])}–${formatTick(range[1])}`;
  return `${xValueLabel(kind, range[0])} – ${xValueLabel(kind, range[1])}`;
}

/** The params that differ, but the seed; when only the seed differs, every other param (one group). */
function allButSeed(options: PickerOption[]): string[] {
  const others = options.filter((o) => o.value !== 'seed');
  const differing = others.filter((o) => o.hint);
  return (differing.length ? differing : others).map((o) => o.value);
}

export function ChartsToolbar({ view, keys, keyOptions, sharedKeys, paramOptions, onChange }: ChartsToolbarProps) {
  return (
    <div className="charts-toolbar" data-testid="charts-toolbar">
      <ChecklistPicker
        label={`Metrics (${keys.length})`}
        testId="key-picker"
        options={keyOptions}
        selected={keys}
        onChange={(next) => onChange({ keys: next })}
        placeholder="Search metric keys"
        actions={
          <>
            <button type="button" onClick={() => onChange({ keys: null })} disabled={view.keys === null}>
              Shared keys ({sharedKeys.length})
            </button>
            <button type="button" onClick={() => onChange({ keys: [] })} disabled={keys.length === 0}>
              None
            </button>
          </>
        }
      />
      <label className="charts-toolbar__field">
        <span className="muted">x</span>
        <select
          value={view.x}
          data-testid="x-axis-select"
          // Ranges are in the axis' units: a step range means nothing on a time axis.
          onChange={(e) => onChange({ x: e.target.value as SeriesXAxis, range: null })}
        >
          <option value="step">step</option>
          <option value="time">wall time</option>
          <option value="relative">relative time</option>
          {keyOptions.map((o) => (
            <option key={o.value} value={`metric:${o.value}`}>
              metric: {o.value}
            </option>
          ))}
        </select>
      </label>
      <label className="charts-toolbar__field" title="Exponential moving average, debiased (as TensorBoard and W&B draw it); the raw line stays faint behind">
        <span className="muted">smoothing</span>
        <input
          type="range"
          min={0}
          max={0.99}
          step={0.01}
          value={view.smoothing}
          data-testid="smoothing-slider"
          onChange={(e) => onChange({ smoothing: Number(e.target.value) })}
        />
        <span className="num charts-toolbar__value" data-testid="smoothing-value">
          {view.smoothing.toFixed(2)}
        </span>
      </label>
      <ChecklistPicker
        label={view.groupBy.length ? `Group by ${view.groupBy.join(', ')}` : 'Group by'}
        testId="group-picker"
        options={paramOptions}
        selected={view.groupBy}
        onChange={(next) => onChange({ groupBy: next })}
        placeholder="Search params"
        actions={
          <>
            <button type="button" onClick={() => onChange({ groupBy: [] })} disabled={view.groupBy.length === 0}>
              No grouping
            </button>
            {paramOptions.some((o) => o.value === 'seed') && (
              <button
                type="button"
                title="Runs that differ only in their seed form one group"
                onClick={() => onChange({ groupBy: allButSeed(paramOptions) })}
              >
                All but seed
              </button>
            )}
          </>
        }
      />
      {view.range && (
        <span className="charts-toolbar__zoom">
          <span className="muted" data-testid="zoom-range">
            {rangeLabel(view.x, view.range)}
          </span>
          <button type="button" data-testid="reset-zoom" onClick={() => onChange({ range: null })}>
            Reset zoom
          </button>
        </span>
      )}
      <span className="muted charts-toolbar__hint">drag to zoom · double-click to reset</span>
    </div>
  );
}
