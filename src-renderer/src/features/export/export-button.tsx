// "Export…" in the compare page's header: opens the Export dialog for the comparison on screen,
// on a click or when the desktop app's menu asks for it.
import { useEffect, useState } from 'react';
import type { RunSummary } from '../../../../src-shared/domain';
import type { CompareView } from '../../lib/compare-view';
import { useUiRequestsStore } from '../../stores/ui-requests-store';
import { ExportDialog } from './export-dialog';

export function ExportButton({ runs, view }: { runs: readonly RunSummary[]; view: CompareView }) {
  const [open, setOpen] = useState(false);
  const requested = useUiRequestsStore((s) => s.pending.export);
  useEffect(() => {
    if (requested && useUiRequestsStore.getState().take('export')) setOpen(true);
  }, [requested]);
  return (
    <>
      <button type="button" onClick={() => setOpen(true)} title="Save this comparison as HTML, PDF, Markdown, CSV or JSON" data-testid="export-button">
        Export…
      </button>
      {open && <ExportDialog runs={runs} view={view} onClose={() => setOpen(false)} />}
    </>
  );
}
