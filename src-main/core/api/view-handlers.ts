// Saved runs-table views: the core only stores them; the renderer owns what a column id means.
import type { Handlers } from '../../../src-shared/contract';
import type { Store } from '../store/store';

export function createViewHandlers(store: Store, now: () => number): Pick<Handlers, 'listViews' | 'saveView' | 'deleteView'> {
  return {
    listViews: () => ({ views: store.views.list() }),
    saveView: (view) => ({ view: store.views.save({ ...view, updatedAt: now() }) }),
    deleteView: ({ name }) => ({ removed: store.views.remove(name) }),
  };
}
