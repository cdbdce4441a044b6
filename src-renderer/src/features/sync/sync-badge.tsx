// A run's sync state in one glance: ✓ pushed, ↑ behind, ⇣ remote copy; a dot while live push is
// on, a ! when the last attempt failed. Everything else (which remote, when, why) is in the tooltip.
import type { RunSync } from '../../../../src-shared/sync';
import { syncLabel } from './sync-state';
import './sync.css';

export function SyncBadge({ sync }: { sync: RunSync }) {
  const label = syncLabel(sync);
  return (
    <span
      className={`sync-badge sync-badge--${label.state}${label.error ? ' sync-badge--error' : ''}`}
      title={label.title}
      data-testid="sync-badge"
      data-state={label.state}
      data-live={label.live}
      data-error={label.error ? 'true' : undefined}
    >
      <span className="sync-badge__glyph" aria-hidden>
        {label.glyph}
      </span>
      {label.word}
      {label.live && <span className="sync-badge__live" aria-label="live push on" />}
      {label.error && (
        <span className="sync-badge__error" aria-label={`last attempt failed: ${label.error}`}>
          !
        </span>
      )}
    </span>
  );
}
