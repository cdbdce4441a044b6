import type { DatasetVersion } from '../../../../src-shared/domain';
import { formatCount } from '../../../../src-shared/format';

/** A version's columns as the schema reader found them: what a one-version dataset shows instead of a diff. */
export function VersionSchema({ version }: { version: DatasetVersion }) {
  const columns = version.columns;
  return (
    <section className="panel dataset-card" data-testid="version-schema">
      <header className="dataset-card__head">
        <h2 className="section-title">Columns</h2>
        {columns && <span className="muted num">{formatCount(columns.length)}</span>}
      </header>
      {!columns && <p className="muted dataset-schema__none">No schema recorded for this version{version.format ? ` (${version.format})` : ''}.</p>}
      {columns && (
        <ul className="column-changes dataset-schema">
          {columns.map((c) => (
            <li key={c.name} className="column-change">
              <span className="mono column-change__name">{c.name}</span>
              <span className="mono muted">{c.type}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
