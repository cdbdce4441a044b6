import type { RunStatus } from '../../../src-shared/domain';
import './status-badge.css';

export function StatusBadge({ status }: { status: RunStatus }) {
  return (
    <span className={`status-badge status-badge--${status.toLowerCase()}`} data-testid="status-badge">
      {status === 'RUNNING' && <span className="status-badge__pulse" aria-hidden />}
      {status}
    </span>
  );
}
