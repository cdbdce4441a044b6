// "Compare with…" on a run page: pick other runs (searchable, any number) and open a
// comparison that starts with this run, so it is the first column and default baseline.
import { useMemo, useState } from 'react';
import type { RunSummary } from '../../../../src-shared/domain';
import { Popover } from '../../components/popover';
import { RunSwatch } from '../../components/run-swatch';
import { formatCount } from '../../../../src-shared/format';
import { compareRoute, navigate } from '../../lib/hash-router';
import { useActiveRuns } from '../../stores/runs-store';

/** Rows drawn at once; the search narrows the rest. Picks are kept whatever is drawn. */
const SHOWN_AT_MOST = 100;

function matches(run: RunSummary, needle: string): boolean {
  return !needle || run.name.toLowerCase().includes(needle) || run.experiment.toLowerCase().includes(needle) || run.id.startsWith(needle);
}

function PickerPanel({ runId }: { runId: string }) {
  const active = useActiveRuns();
  const [search, setSearch] = useState('');
  const [picked, setPicked] = useState<string[]>([]);
  // Runs of this run's experiment first (the usual comparison), newest first within each.
  const others = useMemo(() => {
    const experiment = active.find((r) => r.id === runId)?.experimentId;
    return active
      .filter((r) => r.id !== runId)
      .sort((a, b) => Number(b.experimentId === experiment) - Number(a.experimentId === experiment) || b.startTime - a.startTime);
  }, [active, runId]);
  const needle = search.trim().toLowerCase();
  const found = needle ? others.filter((r) => matches(r, needle)) : others;
  const toggle = (id: string) => setPicked((p) => (p.includes(id) ? p.filter((x) => x !== id) : [...p, id]));

  return (
    <>
      <input
        type="search"
        value={search}
        onChange={(e) => setSearch(e.target.value)}
        placeholder="Search runs by name, experiment, id…"
        aria-label="Search runs"
        data-testid="compare-with-search"
        spellCheck={false}
      />
      {found.length === 0 ? (
        <div className="popover__note">{others.length === 0 ? 'There is no other run yet.' : `No run matches “${search}”.`}</div>
      ) : (
        <div className="popover__list compare-with__list">
          {found.slice(0, SHOWN_AT_MOST).map((run) => (
            <label key={run.id} className="compare-with__run" title={`${run.name || run.id} · ${run.experiment}`} data-testid="compare-with-run" data-run-id={run.id}>
              <input type="checkbox" checked={picked.includes(run.id)} onChange={() => toggle(run.id)} />
              <RunSwatch runId={run.id} />
              <span className="compare-with__name">{run.name || run.id.slice(0, 12)}</span>
              <span className="compare-with__experiment muted">{run.experiment}</span>
            </label>
          ))}
          {found.length > SHOWN_AT_MOST && <div className="popover__note compare-with__more">{formatCount(found.length - SHOWN_AT_MOST)} more: narrow the search</div>}
        </div>
      )}
      <div className="compare-with__footer">
        <span className="popover__note">{picked.length === 0 ? 'Pick one or more runs' : `${picked.length} picked`}</span>
        <button type="button" className="primary" disabled={picked.length === 0} onClick={() => navigate(compareRoute([runId, ...picked]))} data-testid="compare-with-go">
          Compare {picked.length + 1} runs
        </button>
      </div>
    </>
  );
}

export function CompareWith({ runId }: { runId: string }) {
  return (
    <Popover trigger="Compare with…" triggerTitle="Compare this run with others" label="Compare with other runs" testId="compare-with" align="end">
      {() => <PickerPanel runId={runId} />}
    </Popover>
  );
}
