// The Export dialog's choices: format, sections, metrics, baseline, detail of the charts and,
// for Markdown, where the images go. One form, so Enter exports.
import type { RunSummary } from '../../../../src-shared/domain';
import { REPORT_FORMATS, REPORT_SECTIONS, SECTION_LABELS } from '../../../../src-shared/report';
import { EXPORT_SERIES_LEVELS } from '../../../../src-shared/report-export';
import { DOCUMENT_FORMATS, drawsCharts, FORMAT_INFO, toggled, type ChartPoints, type ExportChoices, type JsonSeries } from './export-choices';

interface ExportFormProps {
  choices: ExportChoices;
  onChange: (patch: Partial<ExportChoices>) => void;
  runs: readonly RunSummary[];
  metricKeys: readonly string[];
  problem: string | null;
  busy: boolean;
  onSubmit: () => void;
  onCancel: () => void;
}

const points = (n: number) => n.toLocaleString('en-US');

const JSON_SERIES: { value: JsonSeries; label: string }[] = [
  { value: 'none', label: 'None (summaries only)' },
  ...EXPORT_SERIES_LEVELS.map((n) => ({ value: n, label: `${points(n)} points per series` })),
  { value: 'full', label: 'Every point' },
];

/** How the comparison shows a metric, which the report keeps: its log scale and a direction the user set. */
function ViewMarks({ logScale, direction }: { logScale: boolean; direction: 'min' | 'max' | undefined }) {
  if (!logScale && !direction) return null;
  const said = [logScale ? 'log scale' : null, direction === 'min' ? 'lower is better' : direction === 'max' ? 'higher is better' : null].filter(Boolean).join(', ');
  return (
    // The checkbox keeps the key as its name; the words are in the title and in the report itself.
    <span className="muted export-check__marks" title={`As in the comparison: ${said}`} aria-hidden="true" data-testid="export-metric-marks">
      {[logScale ? 'log' : null, direction === 'min' ? '↓' : direction === 'max' ? '↑' : null].filter(Boolean).join(' ')}
    </span>
  );
}

export function ExportForm({ choices, onChange, runs, metricKeys, problem, busy, onSubmit, onCancel }: ExportFormProps) {
  const document = DOCUMENT_FORMATS.includes(choices.format);
  return (
    <form
      className="export-form"
      onSubmit={(event) => {
        event.preventDefault();
        if (!problem && !busy) onSubmit();
      }}
    >
      <fieldset className="export-field">
        <legend>Format</legend>
        <div className="export-formats" role="radiogroup">
          {REPORT_FORMATS.map((format) => (
            <label key={format} className="export-format" data-testid={`export-format-${format}`}>
              <input type="radio" name="export-format" value={format} checked={choices.format === format} onChange={() => onChange({ format })} autoFocus={choices.format === format} />
              <span className="export-format__label">{FORMAT_INFO[format].label}</span>
              <span className="muted export-format__hint">{FORMAT_INFO[format].hint}</span>
            </label>
          ))}
        </div>
      </fieldset>

      {document && (
        <fieldset className="export-field">
          <legend>Sections</legend>
          <div className="export-checks export-checks--grid">
            {REPORT_SECTIONS.map((section) => (
              <label key={section} className="export-check">
                <input
                  type="checkbox"
                  checked={choices.sections.includes(section)}
                  onChange={(e) => onChange({ sections: toggled(choices.sections, section, e.target.checked, REPORT_SECTIONS) })}
                  data-testid={`export-section-${section}`}
                />
                {SECTION_LABELS[section]}
              </label>
            ))}
          </div>
        </fieldset>
      )}

      {metricKeys.length > 0 && (
        <fieldset className="export-field">
          <legend>
            Metrics{' '}
            <span className="muted export-field__count num">
              {choices.metrics.length} of {metricKeys.length}
            </span>
          </legend>
          <div className="export-checks export-checks--scroll" data-testid="export-metrics">
            {metricKeys.map((key) => (
              <label key={key} className="export-check" title={key}>
                <input type="checkbox" checked={choices.metrics.includes(key)} onChange={(e) => onChange({ metrics: toggled(choices.metrics, key, e.target.checked, metricKeys) })} />
                <span className="mono export-check__text">{key}</span>
                <ViewMarks logScale={choices.logKeys.includes(key)} direction={choices.directions[key]} />
              </label>
            ))}
          </div>
        </fieldset>
      )}

      <div className="export-row">
        <label className="export-field">
          <span className="export-field__label">Baseline</span>
          <select value={choices.baseline} onChange={(e) => onChange({ baseline: e.target.value })} data-testid="export-baseline">
            {runs.map((run) => (
              <option key={run.id} value={run.id}>
                {run.name || run.id.slice(0, 12)}
              </option>
            ))}
          </select>
        </label>

        {drawsCharts(choices) && (
          <label className="export-field">
            <span className="export-field__label">Points per chart line</span>
            <select value={choices.chartPoints} onChange={(e) => onChange({ chartPoints: Number(e.target.value) as ChartPoints })} data-testid="export-points">
              {EXPORT_SERIES_LEVELS.map((n) => (
                <option key={n} value={n}>
                  {points(n)}
                </option>
              ))}
            </select>
          </label>
        )}

        {choices.format === 'json' && (
          <label className="export-field">
            <span className="export-field__label">Metric series</span>
            <select
              value={String(choices.jsonSeries)}
              onChange={(e) => onChange({ jsonSeries: JSON_SERIES.find((o) => String(o.value) === e.target.value)!.value })}
              data-testid="export-json-series"
            >
              {JSON_SERIES.map((o) => (
                <option key={o.value} value={String(o.value)}>
                  {o.label}
                </option>
              ))}
            </select>
          </label>
        )}

        {choices.format === 'md' && (
          <label className="export-field">
            <span className="export-field__label">Chart images</span>
            <select value={choices.markdownImages} onChange={(e) => onChange({ markdownImages: e.target.value === 'files' ? 'files' : 'inline' })} data-testid="export-md-images">
              <option value="inline">Inside the .md (one file)</option>
              <option value="files">SVG files beside it</option>
            </select>
          </label>
        )}
      </div>

      <div className="export-buttons">
        {problem && <span className="export-buttons__note export-buttons__note--problem">{problem}</span>}
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" className="primary" disabled={!!problem || busy} data-testid="export-submit">
          {busy ? 'Starting…' : 'Export'}
        </button>
      </div>
    </form>
  );
}
