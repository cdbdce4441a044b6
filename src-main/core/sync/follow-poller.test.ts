import { describe, expect, it } from 'vitest';
import { FOLLOW_INTERVAL_MS, FollowPoller, followInterval } from './follow-poller';

async function until(cond: () => boolean): Promise<void> {
  for (let i = 0; i < 1000 && !cond(); i++) await new Promise((r) => setTimeout(r, 5));
  expect(cond()).toBe(true);
}

describe('FollowPoller', () => {
  it('reads its interval from RUNLENS_FOLLOW_INTERVAL_MS, else the default', () => {
    expect(followInterval({ RUNLENS_FOLLOW_INTERVAL_MS: '50' })).toBe(50);
    expect(followInterval({ RUNLENS_FOLLOW_INTERVAL_MS: 'soon' })).toBe(FOLLOW_INTERVAL_MS);
    expect(followInterval({})).toBe(FOLLOW_INTERVAL_MS);
  });

  it('polls again and again, one poll at a time, survives a failing poll, and stop() waits for the poll running', async () => {
    let polls = 0;
    let running = 0;
    let overlapped = false;
    const logged: string[] = [];
    const poller = new FollowPoller(
      1,
      async (signal) => {
        polls++;
        running++;
        overlapped ||= running > 1;
        try {
          if (polls === 2) throw new Error('remote down');
          if (polls === 4) await new Promise<void>((r) => signal.addEventListener('abort', () => r()));
        } finally {
          running--;
        }
      },
      (m) => logged.push(m),
    );
    poller.start();
    await until(() => polls === 4);
    expect(logged).toEqual(['following remote experiments: remote down']);
    // The fourth poll is still running: a pollOnce now joins it rather than starting another.
    void poller.pollOnce();
    expect(polls).toBe(4);
    expect(running).toBe(1);
    await poller.stop();
    expect(running).toBe(0);
    expect(overlapped).toBe(false);
    expect(polls).toBe(4);
  });
});
