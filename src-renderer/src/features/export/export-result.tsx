// A running export's progress, then its files (each can be delivered again) or why it failed.
import { useState } from 'react';
import { formatBytes } from '../../../../src-shared/format';
import type { ReportDone, ReportProgress } from '../../../../src-shared/report-export';
import { errorMessage } from '../../api/api-errors';
import { ErrorBanner } from '../../components/error-banner';
import { ProgressBar } from '../../components/progress-bar';
import { DELIVERY_LABEL, deliverExport } from './deliver-export';

export function ExportProgress({ progress }: { progress: ReportProgress | null }) {
  const value = progress && progress.total > 0 ? progress.done / progress.total : 0;
  return (
    <div className="export-progress" data-testid="export-progress">
      <div className="export-progress__phase">
        <span>{progress ? `${progress.phase[0]!.toUpperCase()}${progress.phase.slice(1)}…` : 'Starting…'}</span>
        {progress && progress.total > 1 && (
          <span className="num muted">
            {progress.done} of {progress.total}
          </span>
        )}
      </div>
      <ProgressBar value={value} label="Export" />
    </div>
  );
}

export function ExportFiles({ done, deliveryError }: { done: ReportDone; deliveryError: string | null }) {
  const [error, setError] = useState<string | null>(null);
  const deliver = (name: string) => {
    setError(null);
    deliverExport(done.exportId, name).catch((e: unknown) => setError(errorMessage(e)));
  };
  const shownError = error ?? deliveryError;
  return (
    <div className="export-done" data-testid="export-done">
      <p className="export-done__title">
        <span className="export-done__check" aria-hidden>
          ✓
        </span>
        Saved {done.files.length === 1 ? 'the report' : `${done.files.length} files`}
      </p>
      <ul className="export-files">
        {done.files.map((file) => (
          <li key={file.name} className="export-file" data-testid="export-file" data-name={file.name}>
            <span className="mono export-file__name" title={file.name}>
              {file.name}
            </span>
            <span className="num muted export-file__bytes">{formatBytes(file.bytes)}</span>
            <button type="button" className="export-file__deliver" onClick={() => deliver(file.name)} data-testid="export-deliver">
              {DELIVERY_LABEL}
            </button>
          </li>
        ))}
      </ul>
      {shownError && <ErrorBanner message={shownError} />}
    </div>
  );
}
