import type { Dirent } from 'node:fs';
import { basename, join, sep } from 'node:path';
import { META_FILE, REGISTRY_DIR, RESERVED_EXPERIMENT_DIRS, RUN_DATA_DIRS, TRASH_DIR } from '../../ingest/mlflow/file-store-format';

/** MLflow's default store folder name; any folder holding `.trash/` is a store too. */
export const DEFAULT_STORE_NAME = 'mlruns';

export function looksLikeFileStore(dir: string, entries: Dirent[]): boolean {
  return basename(dir) === DEFAULT_STORE_NAME || entries.some((e) => e.isDirectory() && e.name === TRASH_DIR);
}

/** Where a path sits in a file store: its experiment folder and the segments below it. */
export interface StorePlace {
  store: string;
  /** `<store>/<id>` or `<store>/.trash/<id>` (a deleted experiment). */
  expDir: string;
  rest: string[];
}

export type FileStoreUnit = { kind: 'experiment'; expDir: string } | { kind: 'run'; expDir: string; runDir: string };

/**
 * Classifies paths inside MLflow file stores from the path alone (the watcher asks for every
 * file event). A store is a folder named `mlruns`, or one a scan found holding `.trash/`.
 */
export class FileStoreLayout {
  private readonly stores = new Set<string>();

  addStore(dir: string): void {
    this.stores.add(dir);
  }

  place(path: string): StorePlace | null {
    const store = this.storeOf(path);
    if (store === null) return null;
    const rel = path.slice(store.length + 1).split(sep).filter((s) => s !== '');
    const trashed = rel[0] === TRASH_DIR;
    if (trashed) rel.shift();
    if (rel.length === 0 || (!trashed && rel[0] === REGISTRY_DIR)) return null;
    return { store, expDir: trashed ? join(store, TRASH_DIR, rel[0]!) : join(store, rel[0]!), rest: rel.slice(1) };
  }

  /** The unit a changed file belongs to: its experiment (meta.yaml, tags) or its run. */
  unitOfFile(path: string): FileStoreUnit | null {
    const p = this.place(path);
    if (!p) return null;
    const [first, second] = p.rest;
    if (first === undefined) return null;
    if (p.rest.length === 1) return first === META_FILE ? { kind: 'experiment', expDir: p.expDir } : null;
    if (first === 'tags') return { kind: 'experiment', expDir: p.expDir };
    if (RESERVED_EXPERIMENT_DIRS.has(first)) return null;
    const runDir = join(p.expDir, first);
    if (p.rest.length === 2) return second === META_FILE ? { kind: 'run', expDir: p.expDir, runDir } : null;
    return RUN_DATA_DIRS.has(second!) ? { kind: 'run', expDir: p.expDir, runDir } : null;
  }

  /** A unit key (a folder) back to its kind. */
  unitOfDir(dir: string): FileStoreUnit | null {
    const p = this.place(dir);
    if (!p) return null;
    if (p.rest.length === 0) return { kind: 'experiment', expDir: p.expDir };
    if (p.rest.length === 1 && !RESERVED_EXPERIMENT_DIRS.has(p.rest[0]!)) return { kind: 'run', expDir: p.expDir, runDir: dir };
    return null;
  }

  /**
   * Folders holding nothing Runlens reads: run `artifacts/` and `outputs/` (often thousands of
   * files), experiment `traces/` and logged `models/`, the registry. Not watched.
   */
  ignoresDir(dir: string): boolean {
    const store = this.storeOf(dir);
    if (store === null) return false;
    if (dir === join(store, REGISTRY_DIR)) return true;
    const p = this.place(dir);
    if (!p) return false;
    if (p.rest.length === 1) return p.rest[0] === 'traces' || p.rest[0] === 'models';
    return p.rest.length === 2 && !RESERVED_EXPERIMENT_DIRS.has(p.rest[0]!) && (p.rest[1] === 'artifacts' || p.rest[1] === 'outputs');
  }

  /** The innermost known store holding `path`, else the innermost `mlruns` folder above it. */
  private storeOf(path: string): string | null {
    let best: string | null = null;
    for (const s of this.stores) if (path.startsWith(s + sep) && (best === null || s.length > best.length)) best = s;
    if (best !== null) return best;
    const marker = sep + DEFAULT_STORE_NAME + sep;
    const at = path.lastIndexOf(marker);
    return at < 0 ? null : path.slice(0, at + marker.length - 1);
  }
}
