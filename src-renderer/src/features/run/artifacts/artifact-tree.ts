// The artifact browser's visible rows: the root listing, and below each expanded folder its own
// listing (or a row saying it is loading, empty or failed). Flattened so keyboard navigation is
// "the next row", as in a file tree with aria-level.
import type { ArtifactEntry } from '../../../../../src-shared/domain';
import type { FolderListing } from '../../../stores/artifacts-store';

export type TreeRow =
  | { kind: 'entry'; entry: ArtifactEntry; name: string; depth: number; expanded: boolean; parent: string }
  | { kind: 'note'; depth: number; text: string; parent: string };

export function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

export function visibleRows(listing: (folder: string) => FolderListing | undefined, expanded: ReadonlySet<string>): TreeRow[] {
  const rows: TreeRow[] = [];
  const walk = (folder: string, depth: number) => {
    const list = listing(folder);
    if (folder !== '' && (!list || list.status === 'loading') && !list?.entries.length) {
      rows.push({ kind: 'note', depth, text: 'Loading…', parent: folder });
      return;
    }
    if (!list) return;
    if (list.status === 'error' && folder !== '') {
      rows.push({ kind: 'note', depth, text: list.error ?? 'Could not list this folder', parent: folder });
      return;
    }
    if (folder !== '' && list.entries.length === 0) rows.push({ kind: 'note', depth, text: 'Empty folder', parent: folder });
    for (const entry of list.entries) {
      const open = entry.isDir && expanded.has(entry.path);
      rows.push({ kind: 'entry', entry, name: baseName(entry.path), depth, expanded: open, parent: folder });
      if (open) walk(entry.path, depth + 1);
    }
  };
  walk('', 0);
  return rows;
}
