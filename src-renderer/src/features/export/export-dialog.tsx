// "Export…" on the compare page: a modal <dialog> (the browser traps focus and turns Esc into
// `cancel`). The report is made in the core in the background; progress comes as events, and
// when it is done the main file is delivered (shown in its folder, or downloaded) once.
import { useEffect, useMemo, useRef, useState } from 'react';
import type { RunSummary } from '../../../../src-shared/domain';
import { api } from '../../api/client';
import { errorMessage } from '../../api/api-errors';
import { ErrorBanner } from '../../components/error-banner';
import { ModalDialog } from '../../components/modal-dialog';
import type { CompareView } from '../../lib/compare-view';
import { useExportsStore } from '../../stores/exports-store';
import { allMetricKeys } from '../compare/compare-model';
import { deliverExport } from './deliver-export';
import { choicesProblem, exportInput, FORMAT_INFO, initialChoices, type ExportChoices } from './export-choices';
import { ExportForm } from './export-form';
import { ExportFiles, ExportProgress } from './export-result';
import './export-dialog.css';

interface ExportDialogProps {
  runs: readonly RunSummary[];
  view: CompareView;
  onClose: () => void;
}

export function ExportDialog({ runs, view, onClose }: ExportDialogProps) {
  const [choices, setChoices] = useState<ExportChoices>(() => initialChoices(view, runs));
  const [exportId, setExportId] = useState<string | null>(null);
  const [starting, setStarting] = useState(false);
  const [requestError, setRequestError] = useState<string | null>(null);
  const [deliveryError, setDeliveryError] = useState<string | null>(null);
  const state = useExportsStore((s) => (exportId ? s.byId[exportId] : undefined));
  const delivered = useRef<string | null>(null);
  const metricKeys = useMemo(() => allMetricKeys([...runs]), [runs]);
  const done = state?.done ?? null;

  useEffect(() => {
    const main = done?.files[0];
    if (!done || !main || delivered.current === done.exportId) return;
    delivered.current = done.exportId;
    deliverExport(done.exportId, main.name).catch((e: unknown) => setDeliveryError(errorMessage(e)));
  }, [done]);

  const start = async () => {
    setStarting(true);
    setRequestError(null);
    setDeliveryError(null);
    try {
      const { exportId: id } = await api.exportReport(exportInput(runs.map((r) => r.id), choices));
      useExportsStore.getState().started(id);
      setExportId(id);
    } catch (error) {
      setRequestError(errorMessage(error));
    } finally {
      setStarting(false);
    }
  };

  const again = () => {
    setExportId(null);
    setDeliveryError(null);
  };

  const step = !exportId ? 'choose' : !done ? 'running' : done.error !== undefined ? 'failed' : 'done';
  const baselineName = runs.find((r) => r.id === choices.baseline)?.name;

  return (
    <ModalDialog
      name="export"
      title="Export comparison"
      subtitle={
        <>
          {runs.length} runs{baselineName ? ` · baseline ${baselineName}` : ''}
          {step !== 'choose' && ` · ${FORMAT_INFO[choices.format].label}`}
        </>
      }
      step={step}
      width={560}
      onDismiss={onClose}
      onClose={onClose}
    >

      {requestError && <ErrorBanner message={requestError} />}

      {step === 'choose' && (
        <ExportForm
          choices={choices}
          onChange={(patch) => setChoices((c) => ({ ...c, ...patch }))}
          runs={runs}
          metricKeys={metricKeys}
          problem={choicesProblem(choices, metricKeys.length)}
          busy={starting}
          onSubmit={() => void start()}
          onCancel={onClose}
        />
      )}

      {step === 'running' && (
        <div className="export-body">
          <ExportProgress progress={state?.progress ?? null} />
          <div className="export-buttons">
            <span className="export-buttons__note">Closing this does not stop the export.</span>
            <button type="button" onClick={onClose}>
              Close
            </button>
          </div>
        </div>
      )}

      {step === 'failed' && done && (
        <div className="export-body" data-testid="export-failed">
          <ErrorBanner message={`The export failed: ${done.error}`} />
          <div className="export-buttons">
            <button type="button" onClick={again} data-testid="export-back">
              Back
            </button>
            <button type="button" className="primary" onClick={onClose} autoFocus>
              Close
            </button>
          </div>
        </div>
      )}

      {step === 'done' && done && (
        <div className="export-body">
          <ExportFiles done={done} deliveryError={deliveryError} />
          <div className="export-buttons">
            <button type="button" className="quiet export-buttons__left" onClick={again} data-testid="export-again">
              Export another
            </button>
            <button type="button" className="primary" onClick={onClose} autoFocus data-testid="export-done-close">
              Close
            </button>
          </div>
        </div>
      )}
    </ModalDialog>
  );
}
