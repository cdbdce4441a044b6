// "Export…" in the compare page's header: opens the Export dialog for the comparison on screen.
import { useState } from 'react';
import type { RunSummary } from '../../../../src-shared/domain';
import type { CompareView } from '../../lib/compare-view';
import { ExportDialog } from './export-dialog';

export function ExportButton({ runs, view }: { runs: readonly RunSummary[]; view: CompareView }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" onClick={() => setOpen(true)} title="Save this comparison as HTML, PDF, Markdown, CSV or JSON" data-testid="export-button">
        Export…
      </button>
      {open && <ExportDialog runs={runs} view={view} onClose={() => setOpen(false)} />}
    </>
  );
}
