// Lays out the lineage graph off the page's thread: dagre takes seconds on thousands of nodes,
// and the page keeps panning, searching and answering events meanwhile.
import { layoutLineage, type LayoutInput } from './lineage-layout';

self.onmessage = (event: MessageEvent<{ id: number; input: LayoutInput }>) => {
  const { id, input } = event.data;
  try {
    self.postMessage({ id, positions: layoutLineage(input) });
  } catch (error) {
    self.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
};
