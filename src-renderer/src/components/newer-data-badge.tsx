import './newer-data-badge.css';

/**
 * "A newer version of the data exists": on a run or model whose upstream data changed (`kind`
 * run), or on the one dataset version a run read that is no longer the latest (`kind` version).
 * `compact` shows the icon only, for a table cell; the tooltip says the same in words.
 */
export function NewerDataBadge({
  kind = 'run',
  detail,
  compact = false,
  testId = 'newer-data-badge',
}: {
  kind?: 'run' | 'version';
  /** What is outdated, when known: appended to the tooltip. */
  detail?: string;
  compact?: boolean;
  testId?: string;
}) {
  const label = kind === 'run' ? 'newer data available' : 'newer version available';
  // A run's flag may come from further upstream than its own inputs (what they were made from).
  const fallback = kind === 'run' ? 'data upstream of this has a newer version; the lineage page shows where' : 'a later version of this dataset exists';
  const title = `${label[0]!.toUpperCase()}${label.slice(1)}: ${detail ?? fallback}`;
  return (
    <span className={`newer-data-badge${compact ? ' newer-data-badge--compact' : ''}`} title={title} aria-label={compact ? label : undefined} data-testid={testId}>
      <svg width="10" height="10" viewBox="0 0 10 10" aria-hidden>
        <path d="M5 1 L5 6.5 M2.5 4 L5 1 L7.5 4" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" strokeLinejoin="round" />
        <path d="M2 9 L8 9" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" />
      </svg>
      {!compact && label}
    </span>
  );
}
