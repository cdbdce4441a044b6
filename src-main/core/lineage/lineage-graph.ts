import type { LineageEdge, LineageGraph, LineageNode } from '../../../src-shared/domain';
import type { DatasetRow, LineageRows } from './lineage-rows';
import { versionPlaces } from './dataset-versions';
import { dataFlowAdjacency, newerDataNodes } from './newer-data';
import { addEdge } from './reachable';
import { datasetNodeId, modelNodeId, runNodeId } from './node-ids';

/**
 * The whole lineage graph: every dataset version and model, the runs linked to any of them, and
 * input, output and derived edges. A derived edge joins each input of a run to each dataset it
 * output (D1 → D2 via the run), so dataset-only views need not walk through runs.
 */
export function buildLineageGraph(rows: LineageRows): LineageGraph {
  const places = versionPlaces(rows.datasets);
  const adj = dataFlowAdjacency(rows);
  for (const l of rows.modelLinks) addEdge(adj, runNodeId(l.run_id), modelNodeId(l.model_id));
  const newer = newerDataNodes(adj, places);

  const nodes: LineageNode[] = [];
  for (const d of rows.datasets) {
    const id = datasetNodeId(d.id);
    const place = places.get(d.id)!;
    nodes.push({ id, kind: d.kind, label: d.name, detail: datasetDetail(d), datasetName: d.name, version: place.version, newerVersion: place.newerVersion, newerDataAvailable: newer.has(id) });
  }
  for (const r of rows.runs) {
    const id = runNodeId(r.id);
    nodes.push({ id, kind: 'run', label: r.name, detail: `${r.experiment} · ${r.status}`, runId: r.id, newerVersion: false, newerDataAvailable: newer.has(id) });
  }
  for (const m of rows.models) {
    const id = modelNodeId(m.id);
    const detail = [m.model_type, m.status].filter(Boolean).join(' · ');
    nodes.push({ id, kind: 'model', label: m.name, detail, modelId: m.id, ...(m.source_run_id ? { runId: m.source_run_id } : {}), newerVersion: false, newerDataAvailable: newer.has(id) });
  }

  const edges: LineageEdge[] = [];
  for (const l of rows.inputs) edges.push({ from: datasetNodeId(l.dataset_id), to: runNodeId(l.run_id), kind: 'input', context: l.context });
  for (const l of rows.outputs) edges.push({ from: runNodeId(l.run_id), to: datasetNodeId(l.dataset_id), kind: 'output', context: l.context });
  for (const l of rows.modelLinks) edges.push({ from: runNodeId(l.run_id), to: modelNodeId(l.model_id), kind: 'output', context: null });
  edges.push(...derivedEdges(rows));
  return { nodes, edges };
}

function derivedEdges(rows: LineageRows): LineageEdge[] {
  const inputsOf = new Map<string, number[]>();
  for (const l of rows.inputs) {
    const list = inputsOf.get(l.run_id);
    if (list) list.push(l.dataset_id);
    else inputsOf.set(l.run_id, [l.dataset_id]);
  }
  const out: LineageEdge[] = [];
  for (const o of rows.outputs) {
    for (const input of inputsOf.get(o.run_id) ?? []) {
      // A run that rewrites the very version it read derives nothing new.
      if (input !== o.dataset_id) out.push({ from: datasetNodeId(input), to: datasetNodeId(o.dataset_id), kind: 'derived', context: null, viaRunId: o.run_id });
    }
  }
  return out;
}

/** `md5:c3c6bc2a · 1,204 rows`: the digest's algorithm and first hex digits, and the rows when known. */
function datasetDetail(d: DatasetRow): string {
  const colon = d.digest.indexOf(':');
  const digest = colon > 0 ? d.digest.slice(0, colon + 9) : d.digest.slice(0, 12);
  return d.row_count === null ? digest : `${digest} · ${d.row_count.toLocaleString('en-US')} rows`;
}
