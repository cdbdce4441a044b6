/**
 * A digest cut for the eye: the algorithm prefix (`sha256:`, `md5:`) dropped and the first 10
 * characters kept — MLflow's own digests are 8–10 characters already. The full digest belongs
 * in the tooltip and the copy button.
 */
export function shortDigest(digest: string): string {
  const hex = /^[a-z0-9]+:(.+)$/i.exec(digest)?.[1] ?? digest;
  return hex.slice(0, 10);
}
