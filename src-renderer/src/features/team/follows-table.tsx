// The experiments followed on any remote: when each was last looked at, what went wrong if it
// did, and Unfollow (the runs already imported stay).
import { useState } from 'react';
import { formatDateTime } from '../../../../src-shared/format';
import type { FollowedExperiment } from '../../../../src-shared/sync';
import { routeHref } from '../../lib/hash-router';
import { useRemoteBrowserStore } from '../../stores/remote-browser-store';

function FollowRow({ follow }: { follow: FollowedExperiment }) {
  const [error, setError] = useState<string | null>(null);
  return (
    <tr data-testid="follow-row" data-remote={follow.remote} data-experiment={follow.experimentId}>
      <td className="registries-table__name">
        <a href={routeHref({ page: 'team', remote: follow.remote, experiment: follow.experimentId })}>{follow.experimentName}</a>
      </td>
      <td>{follow.remote}</td>
      <td className="num muted" data-testid="follow-polled">
        {follow.polledAt === null ? 'not yet' : formatDateTime(follow.polledAt)}
      </td>
      <td className="follows-table__error" title={follow.error ?? undefined} data-testid="follow-error">
        {follow.error ?? <span className="muted">—</span>}
      </td>
      <td className="registries-table__actions">
        {error && <span className="registries-table__error">{error}</span>}
        <button type="button" onClick={async () => setError(await useRemoteBrowserStore.getState().unfollow(follow.remote, follow.experimentId))} data-testid="follow-unfollow">
          Unfollow
        </button>
      </td>
    </tr>
  );
}

export function FollowsTable({ follows }: { follows: FollowedExperiment[] }) {
  return (
    <table className="registries-table panel" data-testid="follows-table">
      <thead>
        <tr>
          <th scope="col">Experiment</th>
          <th scope="col">Remote</th>
          <th scope="col">Last looked</th>
          <th scope="col">Problem</th>
          <th scope="col" aria-label="Actions" />
        </tr>
      </thead>
      <tbody>
        {follows.map((f) => (
          <FollowRow key={`${f.remote}\n${f.experimentId}`} follow={f} />
        ))}
      </tbody>
    </table>
  );
}
