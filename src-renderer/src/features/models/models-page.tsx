// What is promoted where: every promotion record, newest first, filtered by outcome (kept in the
// address so a link to "failed promotions" works). Live: `promotion.updated` lands in the store.
import { useEffect, useMemo } from 'react';
import type { PromotionOutcome } from '../../../../src-shared/promotion';
import { ErrorBanner } from '../../components/error-banner';
import { Skeleton } from '../../components/skeleton';
import { replaceRoute, routeHref } from '../../lib/hash-router';
import { selectRecords, usePromotionsStore } from '../../stores/promotions-store';
import { OUTCOME_LABELS } from '../promotion/gate-format';
import { PromotionsTable } from '../promotion/promotions-table';
import '../../components/status-badge.css';
import '../promotion/promotion.css';
import './models-page.css';

const FILTERS: (PromotionOutcome | null)[] = [null, 'verified', 'running', 'failed', 'blocked', 'cancelled'];

export function ModelsPage({ outcome }: { outcome: PromotionOutcome | null }) {
  const byId = usePromotionsStore((s) => s.byId);
  const all = usePromotionsStore((s) => s.all);
  useEffect(() => {
    void usePromotionsStore.getState().loadAll();
  }, []);

  const records = useMemo(() => selectRecords(byId), [byId]);
  const shown = useMemo(() => (outcome ? records.filter((r) => r.outcome === outcome) : records), [records, outcome]);
  const counts = useMemo(() => {
    const c: Record<string, number> = {};
    for (const r of records) c[r.outcome] = (c[r.outcome] ?? 0) + 1;
    return c;
  }, [records]);

  return (
    <div className="scroll-page models-page" data-testid="models-page">
      <header className="scroll-page__head">
        <div>
          <h1>Models</h1>
          <p className="muted">Every promotion to a registry, newest first: where each model went, whether its files were verified, and who sent it.</p>
        </div>
        <a href={routeHref({ page: 'registries' })} data-testid="models-registries-link">
          Registries
        </a>
      </header>
      {records.length > 0 && (
        <div className="models-page__filters" role="group" aria-label="Filter by outcome">
          {FILTERS.map((f) => (
            <button
              key={f ?? 'all'}
              type="button"
              aria-pressed={outcome === f}
              className={outcome === f ? 'models-filter models-filter--on' : 'models-filter'}
              onClick={() => replaceRoute({ page: 'models', outcome: f })}
              data-testid={`models-filter-${f ?? 'all'}`}
            >
              {f ? OUTCOME_LABELS[f].label.toLowerCase() : 'all'}
              <span className="num muted">{f ? (counts[f] ?? 0) : records.length}</span>
            </button>
          ))}
        </div>
      )}
      {all.error && <ErrorBanner message={all.error} onRetry={() => void usePromotionsStore.getState().loadAll()} />}
      {all.status === 'loading' && records.length === 0 && <Skeleton rows={4} height={18} />}
      {all.status === 'ready' && records.length === 0 && (
        <div className="models-empty panel" data-testid="models-empty">
          <h2>Nothing promoted yet</h2>
          <p className="muted">
            Open a run with a model and choose <strong>Promote model…</strong> (on the run page, a model in the lineage graph, or a run in a comparison). Its gate is checked first, then the files are
            pushed and verified; every attempt is listed here.
          </p>
          <p className="muted">
            No registry yet? <a href={routeHref({ page: 'registries' })}>Add a registry</a> first.
          </p>
        </div>
      )}
      {records.length > 0 &&
        (shown.length > 0 ? (
          <div className="panel">
            <PromotionsTable records={shown} showRun />
          </div>
        ) : (
          <p className="muted" data-testid="models-filter-empty">
            No {outcome} promotions. <a href={routeHref({ page: 'models', outcome: null })}>Show all</a>
          </p>
        ))}
    </div>
  );
}
