import { create } from 'zustand';

export type Theme = 'light' | 'dark';
export type SortDirection = 'asc' | 'desc';
/** `status`, `name`, …, or a dynamic column's id (`param:<key>`, `metric-min:<key>`, …). */
export type SortColumn = string;

export interface SortOrder {
  column: SortColumn;
  direction: SortDirection;
}

/** Newest first: what one looks for on opening the app. */
export const DEFAULT_SORT: SortOrder = { column: 'startTime', direction: 'desc' };

const THEME_KEY = 'runlens.theme';

function storedTheme(): Theme | null {
  try {
    const value = localStorage.getItem(THEME_KEY);
    return value === 'light' || value === 'dark' ? value : null;
  } catch {
    return null;
  }
}

interface UiState {
  /** The user's explicit choice; null follows the system's `prefers-color-scheme`. */
  themeChoice: Theme | null;
  filter: string;
  sort: SortOrder;
  /** Dynamic column ids the user chose for the runs table; empty shows the automatic ones. */
  columns: string[];
  selectedRunId: string | null;
  watchPanelOpen: boolean;
  /** Show only the runs whose upstream data has a newer version. */
  newerDataOnly: boolean;
  /** null: follow the system again. */
  setTheme: (theme: Theme | null) => void;
  setFilter: (filter: string) => void;
  /** Sorting by the current column flips the direction; a new column starts descending for
   *  numbers and times (largest/latest first is what one looks for) and ascending for text. */
  toggleSort: (column: SortColumn, textual: boolean) => void;
  setSort: (sort: SortOrder) => void;
  setColumns: (columns: string[]) => void;
  select: (runId: string | null) => void;
  toggleWatchPanel: () => void;
  setNewerDataOnly: (on: boolean) => void;
}

export const useUiStore = create<UiState>()((set) => ({
  themeChoice: storedTheme(),
  filter: '',
  sort: DEFAULT_SORT,
  columns: [],
  selectedRunId: null,
  watchPanelOpen: false,
  newerDataOnly: false,

  setTheme: (theme) => {
    try {
      if (theme) localStorage.setItem(THEME_KEY, theme);
      else localStorage.removeItem(THEME_KEY);
    } catch {
      // Storage can be disabled; the choice then lasts for this session only.
    }
    set({ themeChoice: theme });
  },
  setFilter: (filter) => set({ filter }),
  toggleSort: (column, textual) =>
    set(({ sort }) => ({
      sort:
        sort.column === column
          ? { column, direction: sort.direction === 'asc' ? 'desc' : 'asc' }
          : { column, direction: textual ? 'asc' : 'desc' },
    })),
  setSort: (sort) => set({ sort }),
  setColumns: (columns) => set({ columns }),
  select: (selectedRunId) => set({ selectedRunId }),
  toggleWatchPanel: () => set(({ watchPanelOpen }) => ({ watchPanelOpen: !watchPanelOpen })),
  setNewerDataOnly: (newerDataOnly) => set({ newerDataOnly }),
}));
