import { useEffect, useMemo, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { ArtifactEntry } from '../../../../../src-shared/domain';
import { Skeleton } from '../../../components/skeleton';
import { formatBytes } from '../../../../../src-shared/format';
import { listingId, useArtifactsStore, type FolderListing } from '../../../stores/artifacts-store';
import { ArtifactPreview } from './artifact-preview';
import { visibleRows, type TreeRow } from './artifact-tree';

interface Props {
  runId: string;
  /** Browse this produced model's files instead of the run's. */
  modelId?: string;
  /** Shown when the root lists nothing. */
  empty: ReactNode;
  /** Shown instead of the tree when the files are not stored where the core can read them. */
  noRoot: ReactNode;
  label: string;
}

/** This browser's folder listings, by folder path ('' is the root). */
function useListings(runId: string, modelId: string | undefined): Record<string, FolderListing> {
  const prefix = listingId({ runId, modelId, path: '' });
  return useArtifactsStore(
    useShallow((s) => {
      const mine: Record<string, FolderListing> = {};
      for (const [id, listing] of Object.entries(s.listings)) if (id.startsWith(prefix)) mine[id.slice(prefix.length)] = listing;
      return mine;
    }),
  );
}

function FolderIcon({ open }: { open: boolean }) {
  return (
    <svg className="artifact-row__icon" viewBox="0 0 16 16" aria-hidden>
      {open ? (
        <path d="M1.5 4.5v8h11l2-5.5h-11l-2 5.5M1.5 4.5v-1h4.5l1.5 1.5h5v2" fill="none" stroke="currentColor" strokeLinejoin="round" />
      ) : (
        <path d="M1.5 3.5h4.5l1.5 1.5h7v7.5h-13z" fill="none" stroke="currentColor" strokeLinejoin="round" />
      )}
    </svg>
  );
}

function FileIcon() {
  return (
    <svg className="artifact-row__icon" viewBox="0 0 16 16" aria-hidden>
      <path d="M3.5 1.5h6l3 3v10h-9zM9.5 1.5v3h3" fill="none" stroke="currentColor" strokeLinejoin="round" />
    </svg>
  );
}

/**
 * A file tree over `listArtifacts`, one request per folder when first opened, with a preview of
 * the chosen file beside it. Keyboard: arrows move and open/close, Enter/Space choose, Home/End.
 */
export function ArtifactBrowser({ runId, modelId, empty, noRoot, label }: Props) {
  const listings = useListings(runId, modelId);
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(() => new Set());
  const [selected, setSelected] = useState<ArtifactEntry | null>(null);
  const [focusPath, setFocusPath] = useState<string | null>(null);
  const items = useRef(new Map<string, HTMLLIElement>());

  useEffect(() => {
    useArtifactsStore.getState().request({ runId, modelId, path: '' });
  }, [runId, modelId]);

  const rows = useMemo(() => visibleRows((folder) => listings[folder], expanded), [listings, expanded]);
  const entryRows = rows.filter((r): r is Extract<TreeRow, { kind: 'entry' }> => r.kind === 'entry');
  // The chosen file as last listed, so a size change refetches its preview.
  const shown = selected && (entryRows.find((r) => r.entry.path === selected.path)?.entry ?? selected);
  const tabStop = entryRows.some((r) => r.entry.path === focusPath) ? focusPath : (entryRows[0]?.entry.path ?? null);

  const toggle = (path: string, open: boolean) => {
    if (open) useArtifactsStore.getState().request({ runId, modelId, path });
    setExpanded((current) => {
      const next = new Set(current);
      if (open) next.add(path);
      else next.delete(path);
      return next;
    });
  };
  const activate = (entry: ArtifactEntry) => {
    if (entry.isDir) toggle(entry.path, !expanded.has(entry.path));
    else setSelected(entry);
  };
  const focus = (path: string | undefined) => {
    if (path !== undefined) items.current.get(path)?.focus();
  };

  const onKeyDown = (e: KeyboardEvent) => {
    const i = entryRows.findIndex((r) => r.entry.path === focusPath);
    const row = entryRows[i];
    if (!row) return;
    const { entry } = row;
    switch (e.key) {
      case 'ArrowDown':
        focus(entryRows[i + 1]?.entry.path);
        break;
      case 'ArrowUp':
        focus(entryRows[i - 1]?.entry.path);
        break;
      case 'Home':
        focus(entryRows[0]?.entry.path);
        break;
      case 'End':
        focus(entryRows.at(-1)?.entry.path);
        break;
      case 'ArrowRight':
        if (entry.isDir && !row.expanded) toggle(entry.path, true);
        else if (entry.isDir && entryRows[i + 1]?.parent === entry.path) focus(entryRows[i + 1]?.entry.path);
        break;
      case 'ArrowLeft':
        if (entry.isDir && row.expanded) toggle(entry.path, false);
        else if (row.parent) focus(row.parent);
        break;
      case 'Enter':
      case ' ':
        activate(entry);
        break;
      default:
        return;
    }
    e.preventDefault();
  };

  const root = listings[''];
  if (!root || (root.status === 'loading' && root.entries.length === 0)) return <Skeleton rows={3} height={14} />;
  if (root.status === 'error' && root.entries.length === 0) return <p className="artifact-browser__note artifact-browser__note--error">{root.error}</p>;
  if (root.root === null) return <p className="artifact-browser__note muted">{noRoot}</p>;
  if (root.entries.length === 0) return <p className="artifact-browser__note muted">{empty}</p>;

  return (
    <div className="artifact-browser" data-testid="artifact-browser">
      <ul className="artifact-tree" role="tree" aria-label={label} onKeyDown={onKeyDown}>
        {rows.map((row) =>
          row.kind === 'note' ? (
            <li key={`note:${row.parent}`} role="none" className="artifact-row artifact-row--note" style={{ paddingLeft: indent(row.depth) + 18 }}>
              {row.text}
            </li>
          ) : (
            <li
              key={row.entry.path}
              ref={(el) => {
                if (el) items.current.set(row.entry.path, el);
                else items.current.delete(row.entry.path);
              }}
              role="treeitem"
              aria-level={row.depth + 1}
              aria-expanded={row.entry.isDir ? row.expanded : undefined}
              aria-selected={row.entry.isDir ? undefined : shown?.path === row.entry.path}
              tabIndex={row.entry.path === tabStop ? 0 : -1}
              className={`artifact-row${row.entry.isDir ? ' artifact-row--dir' : ''}`}
              style={{ paddingLeft: indent(row.depth) }}
              data-testid="artifact-row"
              data-path={row.entry.path}
              onFocus={() => setFocusPath(row.entry.path)}
              onClick={() => activate(row.entry)}
              title={row.entry.path}
            >
              <span className="artifact-row__twisty" aria-hidden>
                {row.entry.isDir ? (row.expanded ? '▾' : '▸') : ''}
              </span>
              {row.entry.isDir ? <FolderIcon open={row.expanded} /> : <FileIcon />}
              <span className="artifact-row__name">{row.name}</span>
              {row.entry.size !== undefined && <span className="artifact-row__size num">{formatBytes(row.entry.size)}</span>}
            </li>
          ),
        )}
      </ul>
      <div className="artifact-browser__preview">
        {shown ? (
          <ArtifactPreview key={shown.path} runId={runId} modelId={modelId} entry={shown} />
        ) : (
          <p className="artifact-browser__hint muted">Choose a file to preview it.</p>
        )}
      </div>
    </div>
  );
}

function indent(depth: number): number {
  return 4 + depth * 14;
}
