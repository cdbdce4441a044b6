// Search and focus controls above the canvas. Enter centres the next match (cycling); the
// counts say how much the search and the focus keep lit.
import { useRef, useState } from 'react';
import { useReactFlow } from '@xyflow/react';
import { useShallow } from 'zustand/react/shallow';
import { formatCount } from '../../../../src-shared/format';
import { useLineageStore } from '../../stores/lineage-store';
import { NODE_SIZE } from './lineage-layout';

export function LineageToolbar({ query, onQuery, onClearFocus }: { query: string; onQuery: (q: string) => void; onClearFocus: () => void }) {
  const { matches, highlight, focusNode, total } = useLineageStore(
    useShallow((s) => ({ matches: s.matches, highlight: s.highlight, focusNode: s.focus ? s.nodeById.get(s.focus) : undefined, total: s.graph.nodes.length })),
  );
  const flow = useReactFlow();
  const [cursor, setCursor] = useState(0);
  const inputRef = useRef<HTMLInputElement>(null);

  const centreOn = (id: string) => {
    const { positions, nodeById } = useLineageStore.getState();
    const at = positions[id];
    const node = nodeById.get(id);
    if (!at || !node) return;
    const size = NODE_SIZE[node.kind];
    void flow.setCenter(at.x + size.width / 2, at.y + size.height / 2, { zoom: Math.max(flow.getZoom(), 0.9), duration: 250 });
  };

  return (
    <div className="lineage-toolbar">
      <input
        ref={inputRef}
        type="search"
        className="lineage-toolbar__search"
        placeholder="Search datasets, runs, models…"
        value={query}
        aria-label="Search the lineage graph"
        data-testid="lineage-search"
        onChange={(e) => {
          setCursor(0);
          onQuery(e.target.value);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && matches && matches.length > 0) {
            const index = cursor % matches.length;
            centreOn(matches[index]!);
            setCursor(index + 1);
          } else if (e.key === 'Escape' && query) {
            e.stopPropagation();
            onQuery('');
          }
        }}
      />
      {matches && (
        <span className="muted num" data-testid="lineage-match-count">
          {matches.length === 0 ? 'no match' : `${formatCount(matches.length)} of ${formatCount(total)} · Enter to go to ${matches.length > 1 ? 'the next' : 'it'}`}
        </span>
      )}
      <span className="lineage-toolbar__spacer" />
      {focusNode && highlight && (
        <span className="lineage-toolbar__focus" data-testid="lineage-focus-summary">
          <span className="muted">{focusNode.kind === 'model' ? 'Upstream of' : focusNode.kind === 'run' ? 'Around' : 'Downstream of'}</span>{' '}
          <strong title={focusNode.label}>{focusNode.label}</strong>
          <span className="muted num"> · {formatCount(highlight.nodes.size)} nodes</span>
          <button type="button" className="quiet" onClick={onClearFocus} data-testid="lineage-clear-focus" title="Clear the focus (Esc)">
            Clear
          </button>
        </span>
      )}
      {!focusNode && total > 0 && <span className="muted lineage-toolbar__hint">Click a model for what made it, a dataset for what it fed</span>}
    </div>
  );
}
