// A running promotion's bars (one per file, bytes as they go) and, once it ended, its outcome.
import type { PromotionOutcome, PromotionRecord } from '../../../../src-shared/promotion';
import { formatBytes } from '../../../../src-shared/format';
import { usePromotionsStore } from '../../stores/promotions-store';
import { OUTCOME_LABELS, percent, remoteVersionLabel } from './gate-format';

const PHASE_LABELS = { gate: 'Checking the gate…', upload: 'Uploading…', register: 'Registering the version…', verify: 'Reading back and verifying digests…', done: 'Finishing…' } as const;

export function OutcomeBadge({ outcome }: { outcome: PromotionOutcome }) {
  const { label, tone } = OUTCOME_LABELS[outcome];
  return (
    <span className={`status-badge status-badge--${tone}`} data-testid="promotion-outcome" data-outcome={outcome}>
      {outcome === 'running' && <span className="status-badge__pulse" aria-hidden />}
      {label}
    </span>
  );
}

function Bar({ done, total, label }: { done: number; total: number; label: string }) {
  const value = percent(done, total);
  return (
    <div className="promote-bar" role="progressbar" aria-label={label} aria-valuemin={0} aria-valuemax={100} aria-valuenow={value}>
      <div className="promote-bar__fill" style={{ width: `${value}%` }} />
    </div>
  );
}

export function PushProgress({ promotionId }: { promotionId: string }) {
  const progress = usePromotionsStore((s) => s.progress[promotionId]);
  return (
    <div className="promote-progress" data-testid="promote-progress" data-phase={progress?.phase ?? 'gate'}>
      <div className="promote-progress__phase">
        <span>{PHASE_LABELS[progress?.phase ?? 'gate']}</span>
        {progress && progress.bytesTotal > 0 && (
          <span className="num muted" data-testid="promote-progress-total">
            {formatBytes(progress.bytesDone)} of {formatBytes(progress.bytesTotal)}
          </span>
        )}
      </div>
      {progress && progress.bytesTotal > 0 && <Bar done={progress.bytesDone} total={progress.bytesTotal} label="The whole upload" />}
      {progress && progress.files.length > 0 ? (
        <ul className="promote-files">
          {progress.files.map((f) => (
            <li key={f.file} className="promote-file" data-testid="promote-file" data-file={f.file}>
              <span className="mono promote-file__name" title={f.file}>
                {f.file}
              </span>
              <span className="num muted promote-file__bytes">
                {formatBytes(f.bytesDone)} / {formatBytes(f.bytesTotal)}
              </span>
              <Bar done={f.bytesDone} total={f.bytesTotal} label={`Upload of ${f.file}`} />
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">Waiting for the first file…</p>
      )}
    </div>
  );
}

/** What the finished promotion says: where it landed and that it was verified, or why not. */
export function OutcomeSummary({ record }: { record: PromotionRecord }) {
  const version = remoteVersionLabel(record);
  return (
    <div className={`promote-outcome promote-outcome--${record.outcome}`} data-testid="promote-result" data-outcome={record.outcome}>
      <div className="promote-outcome__head">
        <OutcomeBadge outcome={record.outcome} />
        {record.outcome === 'verified' && (
          <span>
            <span aria-hidden>✓ </span>
            {record.remoteName}
            {version && <span className="mono"> {version}</span>} on {record.registry}
            {record.alias && <> as “{record.alias}”</>}; its files match the run’s digests.
          </span>
        )}
        {record.outcome === 'blocked' && <span>The gate failed and no override reason was given; nothing was pushed.</span>}
        {record.outcome === 'cancelled' && <span>Cancelled before it finished. Promoting again starts a new attempt.</span>}
        {record.outcome === 'failed' && <span>The promotion failed.</span>}
      </div>
      {/* A cancelled record's error only repeats the badge. */}
      {record.error && record.outcome !== 'cancelled' && (
        <p className="promote-outcome__error mono" data-testid="promote-error">
          {record.error}
        </p>
      )}
    </div>
  );
}
