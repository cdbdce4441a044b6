import type { RunSummary } from '../../../../src-shared/domain';

/**
 * Tags that hold the commit a run was started from, most specific first: MLflow's client sets
 * `mlflow.source.git.commit`, the W&B reader stores `git.commit`, and scripts that log it by
 * hand tend to pick one of the last three.
 */
const COMMIT_TAGS = ['mlflow.source.git.commit', 'git.commit', 'git_commit', 'git_sha', 'git.sha'] as const;

export function gitCommit(run: Pick<RunSummary, 'tags'>): string | null {
  for (const tag of COMMIT_TAGS) {
    const sha = run.tags[tag]?.trim();
    if (sha) return sha;
  }
  return null;
}
