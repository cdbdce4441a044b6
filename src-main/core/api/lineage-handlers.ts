import type { Handlers } from '../../../src-shared/contract';
import type { Store } from '../store/store';
import { readLineage } from '../lineage/lineage-rows';
import { buildLineageGraph } from '../lineage/lineage-graph';
import { focusSubgraph } from '../lineage/focus-subgraph';

export function createLineageHandlers(store: Store): Pick<Handlers, 'getLineage'> {
  return {
    getLineage: ({ focus, direction }) => {
      const graph = buildLineageGraph(readLineage(store.db));
      return focus === undefined ? graph : focusSubgraph(graph, focus, direction);
    },
  };
}
