/** Node id → the ids one edge away (downstream, or upstream when built from reversed edges). */
export type Adjacency = Map<string, string[]>;

export function addEdge(adj: Adjacency, from: string, to: string): void {
  const list = adj.get(from);
  if (list) list.push(to);
  else adj.set(from, [to]);
}

/**
 * The nodes reachable from `starts` by one or more edges: a start is in it only when another
 * start (or itself, round a cycle) leads to it. One breadth-first pass, so cycles and shared
 * ancestors cost nothing extra.
 */
export function reachableFrom(starts: Iterable<string>, adj: Adjacency): Set<string> {
  const seen = new Set<string>();
  const queue: string[] = [];
  for (const s of starts) queue.push(...(adj.get(s) ?? []));
  for (let i = 0; i < queue.length; i++) {
    const id = queue[i]!;
    if (seen.has(id)) continue;
    seen.add(id);
    for (const next of adj.get(id) ?? []) if (!seen.has(next)) queue.push(next);
  }
  return seen;
}
