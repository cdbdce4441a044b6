import { useMemo, useState } from 'react';

/** Above this many entries a filter box appears; fewer fit at a glance. */
const FILTER_THRESHOLD = 10;

/** Params or tags: keys sorted, values in monospace (they are usually code-ish). */
export function KeyValueTable({ title, entries, testId }: { title: string; entries: Record<string, string>; testId: string }) {
  const [filter, setFilter] = useState('');
  const all = useMemo(() => Object.entries(entries).sort(([a], [b]) => a.localeCompare(b)), [entries]);
  const needle = filter.trim().toLowerCase();
  const shown = needle ? all.filter(([k, v]) => k.toLowerCase().includes(needle) || v.toLowerCase().includes(needle)) : all;

  return (
    <section className="run-section panel" data-testid={testId}>
      <header className="run-section__head">
        <h2 className="section-title">
          {title} <span className="run-section__count">{all.length}</span>
        </h2>
        {all.length > FILTER_THRESHOLD && (
          <input type="search" placeholder="Filter" value={filter} onChange={(e) => setFilter(e.target.value)} aria-label={`Filter ${title}`} />
        )}
      </header>
      {all.length === 0 ? (
        <p className="muted run-section__empty">None</p>
      ) : (
        <div className="run-section__scroll">
          <table className="kv-table">
            <tbody>
              {shown.map(([key, value]) => (
                <tr key={key}>
                  <th scope="row" title={key}>
                    {key}
                  </th>
                  <td className="mono" title={value}>
                    {value}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
