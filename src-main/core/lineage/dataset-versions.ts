import type { DatasetRow } from './lineage-rows';

export interface VersionPlace {
  /** 1 for a name's oldest version. */
  version: number;
  /** A later version of the same name exists. */
  newerVersion: boolean;
}

/**
 * Each dataset version's place among the versions of its name, ordered by when each was first
 * seen (the id breaks ties: two versions stored in the same millisecond keep their write order).
 */
export function versionPlaces(datasets: readonly DatasetRow[]): Map<number, VersionPlace> {
  const byName = new Map<string, DatasetRow[]>();
  for (const d of datasets) {
    let list = byName.get(d.name);
    if (!list) byName.set(d.name, (list = []));
    list.push(d);
  }
  const out = new Map<number, VersionPlace>();
  for (const list of byName.values()) {
    list.sort((a, b) => a.created_at - b.created_at || a.id - b.id);
    list.forEach((d, i) => out.set(d.id, { version: i + 1, newerVersion: i < list.length - 1 }));
  }
  return out;
}
