import type { DataFlowRows } from './lineage-rows';
import type { VersionPlace } from './dataset-versions';
import { addEdge, reachableFrom, type Adjacency } from './reachable';
import { datasetNodeId, runNodeId } from './node-ids';

/** Downstream adjacency of the data flow: input dataset → run → output dataset. */
export function dataFlowAdjacency(flow: DataFlowRows): Adjacency {
  const adj: Adjacency = new Map();
  for (const l of flow.inputs) addEdge(adj, datasetNodeId(l.dataset_id), runNodeId(l.run_id));
  for (const l of flow.outputs) addEdge(adj, runNodeId(l.run_id), datasetNodeId(l.dataset_id));
  return adj;
}

/**
 * The nodes with newer data available: everything downstream of a dataset version that a later
 * version of its name supersedes. The superseded version itself is not flagged (it has
 * `newerVersion`) unless it was itself made from superseded data.
 */
export function newerDataNodes(adj: Adjacency, places: ReadonlyMap<number, VersionPlace>): Set<string> {
  const superseded: string[] = [];
  for (const [id, place] of places) if (place.newerVersion) superseded.push(datasetNodeId(id));
  return reachableFrom(superseded, adj);
}
