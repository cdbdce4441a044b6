// The remotes, one row each: where, who, whether a secret is stored, the last connection test's
// verdict inline (what went wrong, when it did), and Test / Browse / Edit / Delete (asks first).
import { useState } from 'react';
import type { RemoteConfig } from '../../../../src-shared/sync';
import { EditDeleteActions } from '../../components/edit-delete-actions';
import { routeHref } from '../../lib/hash-router';
import { useRemotesStore, type RemoteTest } from '../../stores/remotes-store';

function TestVerdict({ test }: { test: RemoteTest | undefined }) {
  if (!test) return <span className="muted">not tested</span>;
  if (test.status === 'testing') return <span className="muted remote-test remote-test--testing">Testing…</span>;
  return (
    <span className={`remote-test remote-test--${test.status}`} title={test.message} data-status={test.status}>
      <span aria-hidden>{test.status === 'ok' ? '✓' : '✕'}</span> {test.message}
    </span>
  );
}

function RemoteRow({ remote, browsing, onEdit }: { remote: RemoteConfig; browsing: boolean; onEdit: () => void }) {
  const [error, setError] = useState<string | null>(null);
  const test = useRemotesStore((s) => s.tests[remote.name]);
  return (
    <tr data-testid="remote-row" data-name={remote.name} className={browsing ? 'is-browsing' : undefined}>
      <td className="registries-table__name">{remote.name}</td>
      <td className="mono registries-table__url" title={remote.url}>
        {remote.url}
      </td>
      <td>{remote.username || <span className="muted">—</span>}</td>
      <td data-testid="remote-has-secret">{remote.hasSecret ? 'stored' : <span className="muted">none</span>}</td>
      <td className="remotes-table__test" data-testid="remote-test">
        <TestVerdict test={test} />
      </td>
      <td className="registries-table__actions">
        {error && <span className="registries-table__error">{error}</span>}
        <EditDeleteActions
          question={`Delete ${remote.name}? Runs stay.`}
          onEdit={onEdit}
          onDelete={() => useRemotesStore.getState().remove(remote.name)}
          onError={setError}
          testIdPrefix="remote"
          extra={
            <>
              <button type="button" onClick={() => void useRemotesStore.getState().test(remote.name)} disabled={test?.status === 'testing'} data-testid="remote-test-button">
                Test connection
              </button>
              {!browsing && (
                <a className="button-link" href={routeHref({ page: 'team', remote: remote.name, experiment: null })} data-testid="remote-browse">
                  Browse
                </a>
              )}
            </>
          }
        />
      </td>
    </tr>
  );
}

export function RemotesTable({ remotes, browsing, onEdit }: { remotes: RemoteConfig[]; browsing: string | null; onEdit: (name: string) => void }) {
  return (
    <table className="registries-table remotes-table panel" data-testid="remotes-table">
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col">Tracking URL</th>
          <th scope="col">User</th>
          <th scope="col">Secret</th>
          <th scope="col">Connection</th>
          <th scope="col" aria-label="Actions" />
        </tr>
      </thead>
      <tbody>
        {remotes.map((r) => (
          <RemoteRow key={r.name} remote={r} browsing={r.name === browsing} onEdit={() => onEdit(r.name)} />
        ))}
      </tbody>
    </table>
  );
}
