import { basename, dirname, relative, sep } from 'node:path';
import type { Store } from '../../store/store';

/**
 * The watched (or ingested) folder a unit lies under. Other loggers' files name no experiment,
 * so a run's experiment is that folder's name, and its name the path below it. Roots are those
 * a scan started from (`findUnits`) and those the store remembers as watched.
 */
export class WatchedRoots {
  private readonly seen = new Set<string>();

  constructor(private readonly store: Store) {}

  remember(root: string): void {
    this.seen.add(root);
  }

  /** The deepest known root holding `path`; its parent folder when none does. */
  rootOf(path: string): string {
    let best: string | null = null;
    for (const root of [...this.seen, ...this.store.watch.roots().map((r) => r.path)]) {
      if ((path === root || path.startsWith(root.endsWith(sep) ? root : root + sep)) && (best === null || root.length > best.length)) best = root;
    }
    return best ?? dirname(path);
  }

  experimentFor(path: string): string {
    return basename(this.rootOf(path)) || 'Default';
  }

  /** `path` relative to its root with `/` separators; its own name when it is the root. */
  nameFor(path: string): string {
    const rel = relative(this.rootOf(path), path);
    return rel === '' ? basename(path) : rel.split(sep).join('/');
  }
}
