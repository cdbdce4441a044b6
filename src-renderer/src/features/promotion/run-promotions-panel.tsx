// A run page's promotions: every attempt to push one of its models, newest first.
import { useEffect, useMemo } from 'react';
import { usePromotionsStore, selectRecords } from '../../stores/promotions-store';
import { PromotionsTable } from './promotions-table';
import '../../components/status-badge.css';
import './promotion.css';

export function RunPromotionsPanel({ runId, hasModel }: { runId: string; hasModel: boolean }) {
  const byId = usePromotionsStore((s) => s.byId);
  const status = usePromotionsStore((s) => s.runs[runId]);
  useEffect(() => {
    void usePromotionsStore.getState().requestRun(runId);
    return () => usePromotionsStore.getState().forgetRun(runId);
  }, [runId]);
  const records = useMemo(() => selectRecords(byId, runId), [byId, runId]);

  // A run without models and without promotions has nothing to say here.
  if (records.length === 0 && !hasModel) return null;
  return (
    <section className="run-section panel" data-testid="run-promotions">
      <header className="run-section__head">
        <h2 className="section-title">
          Promotions <span className="run-section__count">{records.length}</span>
        </h2>
      </header>
      {status?.error && <p className="muted">{status.error}</p>}
      {records.length > 0 ? (
        <PromotionsTable records={records} showRun={false} />
      ) : (
        status?.status === 'ready' && <p className="muted run-promotions__empty">Not promoted yet. “Promote model…” on a model above checks its gate and pushes it to a registry.</p>
      )}
    </section>
  );
}
