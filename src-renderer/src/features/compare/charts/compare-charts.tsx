// The compare page's metric charts: the toolbar, then one chart per chosen key. Asks the core
// for every run × key in one bulk query (at about one bucket per pixel of a chart, over the
// zoomed range) and builds each chart's lines from the answer.
import { useEffect, useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { RunSummary } from '../../../../../src-shared/domain';
import { RUN_PALETTE } from '../../../../../src-shared/run-color';
import { useRunColor } from '../../../components/run-colors';
import type { CompareView } from '../../../lib/compare-view';
import { useElementWidth } from '../../../lib/use-element-width';
import { compareSeriesId, useCompareSeriesStore } from '../../../stores/compare-series-store';
import { sharedMetricKeys } from '../compare-model';
import { xKind } from './axis-format';
import { buildChartModel, type ChartRun, type GriddedSeries } from './chart-model';
import { ChartsToolbar } from './charts-toolbar';
import type { PickerOption } from './checklist-picker';
import { CompareChart } from './compare-chart';
import { groupRuns } from './group-stats';
import { useDocumentTheme } from './use-document-theme';
import { bucketsForWidth } from './series-query-plan';
import './compare-chart.css';
import './charts-toolbar.css';

/** Matches .compare-charts__grid: the narrowest column and the gap between charts. */
const MIN_COLUMN = 440;
const GAP = 12;
/** A chart's horizontal padding and y-axis labels, which take no buckets. */
const CHART_CHROME = 80;

function plotWidth(gridWidth: number): number {
  const columns = Math.max(1, Math.floor((gridWidth + GAP) / (MIN_COLUMN + GAP)));
  return (gridWidth - GAP * (columns - 1)) / columns - CHART_CHROME;
}

interface CompareChartsProps {
  runs: RunSummary[];
  view: CompareView;
  onChange: (patch: Partial<CompareView>) => void;
}

export function CompareCharts({ runs, view, onChange }: CompareChartsProps) {
  const [gridRef, gridWidth] = useElementWidth<HTMLDivElement>();
  const theme = useDocumentTheme();
  const sharedKeys = useMemo(() => sharedMetricKeys(runs), [runs]);
  const keys = view.keys ?? sharedKeys;

  const keyOptions = useMemo((): PickerOption[] => {
    const counts = new Map<string, number>();
    for (const run of runs) for (const m of run.metrics) counts.set(m.key, (counts.get(m.key) ?? 0) + 1);
    return [...counts.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([value, n]) => ({ value, hint: n === runs.length ? undefined : `${n} of ${runs.length} runs` }));
  }, [runs]);

  const paramOptions = useMemo((): PickerOption[] => {
    const keysOf = [...new Set(runs.flatMap((run) => Object.keys(run.params)))].sort((a, b) => a.localeCompare(b));
    const options = keysOf.map((key) => ({ value: key, hint: runs.some((run) => run.params[key] !== runs[0]!.params[key]) ? 'differs' : undefined }));
    // Params that differ are what one groups by: listed first.
    return [...options.filter((o) => o.hint), ...options.filter((o) => !o.hint)];
  }, [runs]);

  const runColor = useRunColor();
  const chartRuns = useMemo((): ChartRun[] => runs.map((run) => ({ id: run.id, label: run.name || run.id, color: runColor(run.id) })), [runs, runColor]);
  const groupKey = view.groupBy.join(',');
  const groups = useMemo(
    // Groups are few and not runs: palette colours in order, so no two groups share one.
    () => (view.groupBy.length ? groupRuns(runs, view.groupBy).map((g, i) => ({ ...g, color: RUN_PALETTE[i % RUN_PALETTE.length]! })) : null),
    // groupKey stands for view.groupBy, whose array is new on every address change.
    [runs, groupKey],
  );

  const runIdsKey = runs.map((r) => r.id).join(',');
  const keysKey = keys.join('\u0000');
  const buckets = gridWidth > 0 ? bucketsForWidth(plotWidth(gridWidth)) : 0;
  const [r0, r1] = view.range ?? [null, null];
  const range = useMemo((): [number, number] | null => (r0 !== null && r1 !== null ? [r0, r1] : null), [r0, r1]);
  useEffect(() => {
    if (!buckets) return;
    useCompareSeriesStore.getState().load({
      runIds: runIdsKey.split(','),
      keys: keysKey ? keysKey.split('\u0000') : [],
      x: view.x,
      range,
      buckets,
    });
  }, [runIdsKey, keysKey, view.x, range, buckets]);
  useEffect(() => () => useCompareSeriesStore.getState().clear(), []);

  const kind = xKind(view.x);
  return (
    <section className="compare-section panel compare-charts" data-testid="compare-charts">
      <header className="compare-section__head">
        <h2 className="section-title">Charts</h2>
        <ChartsToolbar view={view} keys={keys} keyOptions={keyOptions} sharedKeys={sharedKeys} paramOptions={paramOptions} onChange={onChange} />
      </header>
      <div className="compare-charts__grid" ref={gridRef}>
        {keys.length === 0 && <p className="muted compare-section__empty">{sharedKeys.length === 0 ? 'These runs share no metric key: pick keys from Metrics.' : 'No metric chosen.'}</p>}
        {keys.map((key) => (
          <KeyChart
            key={key}
            metricKey={key}
            runs={chartRuns}
            groups={groups}
            view={view}
            range={range}
            kind={kind}
            theme={theme}
            onChange={onChange}
          />
        ))}
      </div>
    </section>
  );
}

interface KeyChartProps {
  metricKey: string;
  runs: ChartRun[];
  groups: Parameters<typeof buildChartModel>[0]['groups'];
  view: CompareView;
  range: [number, number] | null;
  kind: ReturnType<typeof xKind>;
  theme: string;
  onChange: (patch: Partial<CompareView>) => void;
}

/** One key's chart, fed from the store: only its own series re-render it. */
function KeyChart({ metricKey, runs, groups, view, range, kind, theme, onChange }: KeyChartProps) {
  const series = useCompareSeriesStore(useShallow((s) => runs.map((run) => s.series[compareSeriesId(run.id, metricKey)])));
  const { answered, error } = useCompareSeriesStore(useShallow((s) => ({ answered: s.answered, error: s.error })));
  const loading = answered === null || !answered.keys.includes(metricKey) || runs.some((run) => !answered.runIds.includes(run.id));
  const log = view.logKeys.includes(metricKey);

  const model = useMemo(() => {
    const byRun = new Map<string, GriddedSeries>();
    series.forEach((s, i) => s && byRun.set(runs[i]!.id, s));
    return buildChartModel({ runs, groups, series: byRun, loading, smoothing: view.smoothing, log });
  }, [series, runs, groups, loading, view.smoothing, log]);

  return (
    <CompareChart
      metricKey={metricKey}
      model={model}
      kind={kind}
      log={log}
      range={range}
      loading={loading && model.points === 0}
      error={error}
      theme={theme}
      onZoom={(range) => onChange({ range })}
      onToggleLog={() => onChange({ logKeys: log ? view.logKeys.filter((k) => k !== metricKey) : [...view.logKeys, metricKey] })}
    />
  );
}
