// Where this model has been promoted, on its card: the latest attempts per model, so the audit
// is visible from the model itself and not only from the run's panel and the Models page. The
// records are the ones the run page's Promotions panel loads and keeps live.
import { useMemo } from 'react';
import { formatDateCompact } from '../../../../src-shared/format';
import { selectRecords, usePromotionsStore } from '../../stores/promotions-store';
import { remoteVersionLabel } from './gate-format';
import { OutcomeBadge } from './promotion-outcome';

const SHOWN = 3;

export function ModelPromotions({ runId, modelId }: { runId: string; modelId: string }) {
  const byId = usePromotionsStore((s) => s.byId);
  const records = useMemo(() => selectRecords(byId, runId).filter((r) => r.modelRef === modelId), [byId, runId, modelId]);
  if (records.length === 0) return null;
  return (
    <ul className="model-promotions" data-testid="model-promotions" aria-label="Promotions of this model">
      {records.slice(0, SHOWN).map((r) => {
        const version = remoteVersionLabel(r);
        return (
          <li key={r.id} data-testid="model-promotion">
            <OutcomeBadge outcome={r.outcome} />
            <span className="mono">
              {r.registry} · {r.remoteName}
              {version ? ` ${version}` : ''}
              {r.alias ? ` @${r.alias}` : ''}
            </span>
            <span className="muted">{formatDateCompact(r.startedAt)}</span>
          </li>
        );
      })}
      {records.length > SHOWN && <li className="muted">… {records.length - SHOWN} earlier, in the Promotions panel</li>}
    </ul>
  );
}
