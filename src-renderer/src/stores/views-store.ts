// Saved runs-table views: a name for the current query, sort and chosen columns. The core
// stores them; applying one sets the query box (run-query-store), sort and columns (ui-store).
import { create } from 'zustand';
import type { SavedView } from '../../../src-shared/domain';
import { api } from '../api/client';
import { errorMessage } from '../api/api-errors';
import { useRunQueryStore } from './run-query-store';
import { DEFAULT_SORT, useUiStore, type SortOrder } from './ui-store';

interface ViewsState {
  views: SavedView[];
  /** The name of the view last applied or saved; null before any. */
  applied: string | null;
  error: string | null;
  load: () => Promise<void>;
  /** Saves what the table shows now under `name`, replacing a view of that name. */
  save: (name: string) => Promise<void>;
  apply: (name: string) => void;
  remove: (name: string) => Promise<void>;
  dismissError: () => void;
}

/** The table's current query, sort and columns, as a view would store them. */
export function currentViewState(): Pick<SavedView, 'filter' | 'sort' | 'columns'> {
  const { sort, columns } = useUiStore.getState();
  return { filter: useRunQueryStore.getState().query, sort: { column: sort.column, descending: sort.direction === 'desc' }, columns };
}

function sortOrderOf(view: SavedView): SortOrder {
  return view.sort ? { column: view.sort.column, direction: view.sort.descending ? 'desc' : 'asc' } : DEFAULT_SORT;
}

/** True when the table shows exactly what `view` saved. */
export function viewMatches(view: SavedView, state: { query: string; sort: SortOrder; columns: string[] }): boolean {
  const sort = sortOrderOf(view);
  return view.filter === state.query && sort.column === state.sort.column && sort.direction === state.sort.direction && view.columns.join('\n') === state.columns.join('\n');
}

export const useViewsStore = create<ViewsState>()((set, get) => {
  const guarded = async (work: () => Promise<void>) => {
    try {
      await work();
      set({ error: null });
    } catch (error) {
      set({ error: errorMessage(error) });
    }
  };

  return {
    views: [],
    applied: null,
    error: null,

    load: () =>
      guarded(async () => {
        const { views } = await api.listViews({});
        set({ views });
      }),

    save: (name) =>
      guarded(async () => {
        const { view } = await api.saveView({ name, ...currentViewState() });
        // Listed again rather than merged here: the core's order is the one order.
        const { views } = await api.listViews({});
        set({ views, applied: view.name });
      }),

    apply: (name) => {
      const view = get().views.find((v) => v.name === name);
      if (!view) return;
      useRunQueryStore.getState().apply(view.filter);
      useUiStore.getState().setSort(sortOrderOf(view));
      useUiStore.getState().setColumns(view.columns);
      set({ applied: view.name });
    },

    remove: (name) =>
      guarded(async () => {
        await api.deleteView({ name });
        set(({ views, applied }) => ({ views: views.filter((v) => v.name !== name), applied: applied === name ? null : applied }));
      }),

    dismissError: () => set({ error: null }),
  };
});
