import { describe, expect, it } from 'vitest';
import type { FolderListing } from '../../../stores/artifacts-store';
import { visibleRows } from './artifact-tree';

const ready = (entries: FolderListing['entries']): FolderListing => ({ status: 'ready', root: '/a', entries, error: null });

describe('visibleRows', () => {
  const listings: Record<string, FolderListing> = {
    '': ready([
      { path: 'config', isDir: true },
      { path: 'model', isDir: true },
      { path: 'notes.txt', isDir: false, size: 3 },
    ]),
    config: ready([{ path: 'config/params.json', isDir: false, size: 10 }]),
  };
  const rowsOf = (expanded: string[]) =>
    visibleRows((f) => listings[f], new Set(expanded)).map((r) => (r.kind === 'entry' ? `${r.depth}:${r.name}${r.expanded ? '/' : ''}` : `${r.depth}:(${r.text})`));

  it('shows collapsed folders as single rows', () => {
    expect(rowsOf([])).toEqual(['0:config', '0:model', '0:notes.txt']);
  });
  it('nests an expanded folder, and says when its listing is still out', () => {
    expect(rowsOf(['config', 'model'])).toEqual(['0:config/', '1:params.json', '0:model/', '1:(Loading…)', '0:notes.txt']);
  });
});
