// MLflow refuses a dataset digest longer than 36 characters (its own are 8 to 10), and Runlens's
// are `sha256:<64 hex>`. Push sends the first 36 characters as the digest and the whole one as
// the input tag `runlens.digest`; pull puts the whole one back, so a run pushed and pulled keeps
// its datasets' digests (and with them its lineage).
const MLFLOW_DIGEST_MAX = 36;
export const FULL_DIGEST_TAG = 'runlens.digest';

/** A local digest and input tags as MLflow's runs/log-inputs takes them. */
export function toMlflowDigest(digest: string, tags: Record<string, string>): { digest: string; tags: Record<string, string> } {
  if (digest.length <= MLFLOW_DIGEST_MAX) return { digest, tags };
  return { digest: digest.slice(0, MLFLOW_DIGEST_MAX), tags: { ...tags, [FULL_DIGEST_TAG]: digest } };
}

/** The local digest and input tags of a remote dataset input: the whole digest when the tag holds one the remote's begins. */
export function fromMlflowDigest(digest: string, tags: Record<string, string>): { digest: string; tags: Record<string, string> } {
  const { [FULL_DIGEST_TAG]: full, ...rest } = tags;
  if (full === undefined) return { digest, tags };
  return full.startsWith(digest) ? { digest: full, tags: rest } : { digest, tags };
}
