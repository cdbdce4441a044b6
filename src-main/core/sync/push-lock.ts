/**
 * One push of a run to a remote at a time: a job and the live push must not both send a key's
 * next batch from the same mark (the remote would get those points twice).
 */
export class PushLock {
  private readonly tails = new Map<string, Promise<unknown>>();

  /** Runs `fn` once every earlier holder of `key` is done. */
  async with<T>(key: string, fn: () => Promise<T>): Promise<T> {
    // Tails never reject: a failed push does not fail the next in line.
    const before = this.tails.get(key) ?? Promise.resolve();
    const run = before.then(fn);
    const tail = run.catch(() => undefined);
    this.tails.set(key, tail);
    try {
      return await run;
    } finally {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    }
  }
}
