/**
 * Runs jobs one at a time per key. A job requested while the same key is running is not
 * queued twice: the key is marked dirty and runs once more after the current job, which is
 * exactly what "the file changed again while we were reading it" needs.
 */
export class KeyedQueue {
  private readonly running = new Map<string, Promise<void>>();
  private readonly dirty = new Set<string>();

  constructor(private readonly job: (key: string) => Promise<void>) {}

  request(key: string): Promise<void> {
    const current = this.running.get(key);
    if (current) {
      this.dirty.add(key);
      return current;
    }
    const run = (async () => {
      do {
        this.dirty.delete(key);
        await this.job(key);
      } while (this.dirty.has(key));
    })().finally(() => this.running.delete(key));
    this.running.set(key, run);
    return run;
  }

  /** Resolves when no job is running. */
  async idle(): Promise<void> {
    while (this.running.size > 0) await Promise.all(this.running.values());
  }
}
