// Polls followed remote experiments on a timer: one poll at a time, the next one an interval
// after the last ended (a slow remote never piles polls up), and stop() waits for the one running.

/** How often followed experiments are looked at, unless RUNLENS_FOLLOW_INTERVAL_MS says. */
export const FOLLOW_INTERVAL_MS = 15_000;

export function followInterval(env: NodeJS.ProcessEnv): number {
  const ms = Number(env.RUNLENS_FOLLOW_INTERVAL_MS);
  return Number.isFinite(ms) && ms > 0 ? ms : FOLLOW_INTERVAL_MS;
}

export class FollowPoller {
  private timer: ReturnType<typeof setTimeout> | null = null;
  private stopped = false;
  private running: Promise<void> | null = null;
  private readonly controller = new AbortController();

  constructor(
    private readonly intervalMs: number,
    private readonly poll: (signal: AbortSignal) => Promise<void>,
    private readonly log: (message: string) => void,
  ) {}

  start(): void {
    if (this.timer || this.running || this.stopped) return;
    this.schedule();
  }

  /** One poll now (or the one running): what the timer does, for tests and a "refresh" button. */
  pollOnce(): Promise<void> {
    this.running ??= this.poll(this.controller.signal)
      .catch((e: unknown) => this.log(`following remote experiments: ${e instanceof Error ? e.message : String(e)}`))
      .finally(() => (this.running = null));
    return this.running;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.controller.abort(new Error('closing'));
    await this.running;
  }

  private schedule(): void {
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.pollOnce().then(() => {
        if (!this.stopped) this.schedule();
      });
    }, this.intervalMs);
    this.timer.unref?.();
  }
}
