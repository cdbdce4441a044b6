import type { DatasetVersion } from '../../../../src-shared/domain';
import { shortDigest } from '../../lib/digest';
import { formatBytes, formatCount, formatDateCompact } from '../../../../src-shared/format';
import { diffVersions, type NumberChange } from './version-diff';

function signed(delta: number, format: (n: number) => string): string {
  if (delta === 0) return '±0';
  return `${delta > 0 ? '+' : '−'}${format(Math.abs(delta))}`;
}

function ChangeRow({ label, change, format, testId }: { label: string; change: NumberChange; format: (n: number) => string; testId: string }) {
  const { from, to, delta } = change;
  return (
    <tr data-testid={testId}>
      <th scope="row">{label}</th>
      <td className="num">
        {from === null ? '—' : format(from)} <span className="muted">→</span> {to === null ? '—' : format(to)}
      </td>
      <td className="num">
        {delta !== null && (
          <span className={`diff-delta diff-delta--${delta > 0 ? 'up' : delta < 0 ? 'down' : 'same'}`} data-testid={`${testId}-delta`}>
            {signed(delta, format)}
          </span>
        )}
      </td>
    </tr>
  );
}

function VersionPicker({ label, versions, value, onChange, testId }: { label: string; versions: DatasetVersion[]; value: number; onChange: (id: number) => void; testId: string }) {
  return (
    <label className="diff-picker">
      <span className="muted">{label}</span>
      <select value={value} onChange={(e) => onChange(Number(e.target.value))} data-testid={testId}>
        {versions.map((v, i) => (
          <option key={v.id} value={v.id}>
            v{i + 1} · {shortDigest(v.digest)} · {formatDateCompact(v.createdAt)}
          </option>
        ))}
      </select>
    </label>
  );
}

/** Two versions side by side: what a reviewer asks of a data change before trusting a run on it. */
export function VersionDiffPanel({
  versions,
  baseId,
  nextId,
  onPick,
}: {
  versions: DatasetVersion[];
  baseId: number;
  nextId: number;
  onPick: (baseId: number, nextId: number) => void;
}) {
  const base = versions.find((v) => v.id === baseId);
  const next = versions.find((v) => v.id === nextId);
  if (!base || !next) return null;
  const diff = diffVersions(base, next);
  return (
    <section className="panel dataset-card" data-testid="version-diff">
      <header className="dataset-card__head">
        <h2 className="section-title">Compare versions</h2>
        <VersionPicker label="from" versions={versions} value={base.id} onChange={(id) => onPick(id, next.id)} testId="diff-base" />
        <span className="muted" aria-hidden>
          →
        </span>
        <VersionPicker label="to" versions={versions} value={next.id} onChange={(id) => onPick(base.id, id)} testId="diff-next" />
      </header>
      <div className="dataset-diff__body">
        <table className="dataset-diff__numbers">
          <tbody>
            <tr data-testid="diff-digest">
              <th scope="row">Digest</th>
              <td className="mono">
                <span title={base.digest}>{shortDigest(base.digest)}</span> <span className="muted">→</span> <span title={next.digest}>{shortDigest(next.digest)}</span>
              </td>
              <td>{diff.sameDigest ? <span className="diff-delta diff-delta--same">same content</span> : <span className="diff-delta diff-delta--changed">changed</span>}</td>
            </tr>
            <ChangeRow label="Rows" change={diff.rows} format={formatCount} testId="diff-rows" />
            <ChangeRow label="Size" change={diff.sizeBytes} format={formatBytes} testId="diff-size" />
            <tr data-testid="diff-format">
              <th scope="row">Format</th>
              <td>{diff.format.changed ? `${diff.format.from ?? '—'} → ${diff.format.to ?? '—'}` : (diff.format.to ?? '—')}</td>
              <td>{diff.format.changed && <span className="diff-delta diff-delta--changed">changed</span>}</td>
            </tr>
          </tbody>
        </table>
        <div className="dataset-diff__columns" data-testid="diff-columns">
          <h3 className="dataset-diff__subhead">Columns</h3>
          {!diff.schemaKnown && <p className="muted">No schema recorded for {base.columns === null ? (next.columns === null ? 'either version' : 'the older version') : 'the newer version'}.</p>}
          {diff.schemaKnown && diff.added.length + diff.removed.length + diff.retyped.length === 0 && (
            <p className="muted" data-testid="diff-columns-same">
              Same {formatCount(diff.unchanged)} {diff.unchanged === 1 ? 'column' : 'columns'}, same types.
            </p>
          )}
          {diff.schemaKnown && diff.added.length + diff.removed.length + diff.retyped.length > 0 && (
            <ul className="column-changes">
              {diff.added.map((c) => (
                <li key={`+${c.name}`} className="column-change column-change--added" data-testid="column-added" data-name={c.name}>
                  <span className="column-change__sign" aria-label="added">+</span>
                  <span className="mono column-change__name">{c.name}</span>
                  <span className="mono muted">{c.type}</span>
                </li>
              ))}
              {diff.removed.map((c) => (
                <li key={`-${c.name}`} className="column-change column-change--removed" data-testid="column-removed" data-name={c.name}>
                  <span className="column-change__sign" aria-label="removed">−</span>
                  <span className="mono column-change__name">{c.name}</span>
                  <span className="mono muted">{c.type}</span>
                </li>
              ))}
              {diff.retyped.map((c) => (
                <li key={`~${c.name}`} className="column-change column-change--retyped" data-testid="column-retyped" data-name={c.name}>
                  <span className="column-change__sign" aria-label="retyped">~</span>
                  <span className="mono column-change__name">{c.name}</span>
                  <span className="mono">
                    <span className="muted">{c.from}</span> → {c.to}
                  </span>
                </li>
              ))}
              {diff.unchanged > 0 && (
                <li className="column-change column-change--same muted">
                  {formatCount(diff.unchanged)} unchanged {diff.unchanged === 1 ? 'column' : 'columns'}
                </li>
              )}
            </ul>
          )}
        </div>
      </div>
    </section>
  );
}
