// The query box: MLflow's filter syntax, evaluated by the core. It applies on Enter rather
// than per keystroke, since a half-typed clause is always invalid and the error would flicker.
import { useEffect, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useRunQueryStore } from '../../stores/run-query-store';

const EXAMPLE = "metrics.loss < 0.3 and params.lr = '0.001'";

/** The query with the token the parser stopped at marked; the parser's message names its 1-based position. */
function ErrorPointer({ query, error }: { query: string; error: string }) {
  const at = Number(/at character (\d+)/.exec(error)?.[1] ?? NaN) - 1;
  if (!(at >= 0 && at <= query.length)) return null;
  const end = at + Math.max(1, /^\S*/.exec(query.slice(at))![0].length);
  return (
    <code className="runs-query__pointer">
      {query.slice(0, at)}
      <mark data-testid="runs-query-error-token">{query.slice(at, end) || ' '}</mark>
      {query.slice(end)}
    </code>
  );
}

export function RunsQueryBox() {
  const { query, error, apply } = useRunQueryStore(useShallow((s) => ({ query: s.query, error: s.error, apply: s.apply })));
  const [draft, setDraft] = useState(query);
  useEffect(() => setDraft(query), [query]);
  const dirty = draft.trim() !== query;

  return (
    <div className="runs-query">
      <input
        type="search"
        className={`runs-query__input mono${error ? ' is-invalid' : ''}`}
        placeholder={`Query: ${EXAMPLE}`}
        title="MLflow search syntax, run with Enter: metrics.<key>, params.<key>, tags.<key>, attributes.<name>; clauses joined with AND"
        value={draft}
        onChange={(e) => {
          setDraft(e.target.value);
          // The search box's own clear button empties it: that clears the query too.
          if (e.target.value === '' && query) apply('');
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter') apply(draft);
          if (e.key === 'Escape') {
            setDraft('');
            apply('');
          }
        }}
        data-testid="runs-query"
        aria-label="Query runs (MLflow search syntax)"
        aria-invalid={Boolean(error)}
        aria-describedby={error ? 'runs-query-error' : undefined}
        spellCheck={false}
      />
      {dirty && !error && <span className="runs-query__pending muted">Enter ↵</span>}
      {error && (
        <div className="runs-query__error" id="runs-query-error" role="alert" data-testid="runs-query-error">
          <ErrorPointer query={query} error={error} />
          <div>{error}</div>
        </div>
      )}
    </div>
  );
}
