// The views menu: save the table's query, sort and columns under a name; apply or delete one.
// The button names the view applied, marked "edited" once the table no longer matches it.
import { useEffect, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { Popover } from '../../components/popover';
import { useRunQueryStore } from '../../stores/run-query-store';
import { useUiStore } from '../../stores/ui-store';
import { useViewsStore, viewMatches } from '../../stores/views-store';

function ViewsPanel({ close }: { close: () => void }) {
  const { views, applied, error, save, apply, remove } = useViewsStore(
    useShallow((s) => ({ views: s.views, applied: s.applied, error: s.error, save: s.save, apply: s.apply, remove: s.remove })),
  );
  const [name, setName] = useState(applied ?? '');
  const trimmed = name.trim();
  const replaces = views.some((v) => v.name === trimmed);

  return (
    <>
      <form
        className="views-menu__save"
        onSubmit={(e) => {
          e.preventDefault();
          if (trimmed) void save(trimmed);
        }}
      >
        <input
          type="text"
          value={name}
          onChange={(e) => setName(e.target.value)}
          placeholder="Name this view"
          aria-label="View name"
          maxLength={200}
          data-testid="view-name"
          spellCheck={false}
        />
        <button type="submit" className="primary" disabled={!trimmed} data-testid="view-save">
          {replaces ? 'Replace' : 'Save'}
        </button>
      </form>
      <div className="popover__note">Saves the query, sort and columns.</div>
      {error && (
        <div className="views-menu__error" role="alert">
          {error}
        </div>
      )}
      <div className="popover__heading">Saved views</div>
      {views.length === 0 ? (
        <div className="popover__note">None yet.</div>
      ) : (
        <ul className="popover__list views-menu__list">
          {views.map((view) => (
            <li key={view.name} className={`views-menu__item${view.name === applied ? ' is-applied' : ''}`} data-testid="view-item" data-view-name={view.name}>
              <button
                type="button"
                className="quiet views-menu__apply"
                onClick={() => {
                  apply(view.name);
                  close();
                }}
                title={view.filter ? `Query: ${view.filter}` : 'No query: every run'}
                data-testid="view-apply"
              >
                <span className="views-menu__name">{view.name}</span>
                <span className="views-menu__meta mono">{view.filter || 'all runs'}</span>
              </button>
              <button type="button" className="quiet views-menu__delete" onClick={() => void remove(view.name)} aria-label={`Delete view ${view.name}`} title="Delete this view" data-testid="view-delete">
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

export function ViewsMenu() {
  const applied = useViewsStore((s) => s.views.find((v) => v.name === s.applied) ?? null);
  const state = useUiStore(useShallow((s) => ({ sort: s.sort, columns: s.columns })));
  const query = useRunQueryStore((s) => s.query);
  useEffect(() => {
    void useViewsStore.getState().load();
  }, []);
  const edited = applied !== null && !viewMatches(applied, { ...state, query });

  return (
    <Popover
      trigger={
        applied ? (
          <span className="views-menu__trigger" data-testid="applied-view">
            View: <strong>{applied.name}</strong>
            {edited && <span className="muted">(edited)</span>}
          </span>
        ) : (
          'Views'
        )
      }
      triggerTitle="Saved views: query, sort and columns"
      label="Saved views"
      testId="views-menu"
      align="end"
    >
      {(close) => <ViewsPanel close={close} />}
    </Popover>
  );
}
