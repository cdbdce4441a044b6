// Background work the core runs and reports through events (exports, pushes, pulls): each job's
// latest progress and how it ended, by id. Events can arrive before the request that started
// the job has its answer (SSE and the request travel apart), so they are kept by id and a
// dialog looks its job up once it knows the id. One slice, used by each kind of job's store.
import type { StoreApi } from 'zustand';

export interface JobState<P, D> {
  progress: P | null;
  done: D | null;
}

export interface JobsSlice<P, D> {
  byId: Record<string, JobState<P, D>>;
  /** The core answered with this id: the job is ours to follow. */
  started: (id: string) => void;
  progressed: (event: P) => void;
  finished: (event: D) => void;
  /** Reconnected: a running job may have ended while no event could arrive. */
  refetch: () => Promise<void>;
}

export interface JobsOptions<P, D> {
  progressId: (event: P) => string;
  doneId: (event: D) => string;
  /** How the job stands now: its end, or null while it runs. */
  fetchDone: (id: string) => Promise<D | null>;
  /** The end to record when the core no longer knows the job (it restarted). */
  lost: (id: string, why: string) => D;
}

export function jobsSlice<P, D, S extends JobsSlice<P, D>>(
  set: StoreApi<S>['setState'],
  get: StoreApi<S>['getState'],
  options: JobsOptions<P, D>,
): JobsSlice<P, D> {
  const empty: JobState<P, D> = { progress: null, done: null };
  const put = (id: string, update: (current: JobState<P, D>) => JobState<P, D> | null) =>
    set((s) => {
      const next = update(s.byId[id] ?? empty);
      return (next ? { byId: { ...s.byId, [id]: next } } : s) as Partial<S>;
    });
  return {
    byId: {},
    started: (id) => put(id, (current) => (current === empty ? empty : null)),
    // A report of progress held up behind the end says nothing new.
    progressed: (event) => put(options.progressId(event), (current) => (current.done ? null : { ...current, progress: event })),
    finished: (event) => put(options.doneId(event), (current) => ({ ...current, done: event })),
    refetch: async () => {
      const running = Object.entries(get().byId).filter(([, state]) => !state.done);
      await Promise.all(
        running.map(([id]) =>
          options.fetchDone(id).then(
            (done) => done && get().finished(done),
            // The core restarted and forgot it: say so rather than spin forever.
            (error: unknown) => get().finished(options.lost(id, error instanceof Error ? error.message : String(error))),
          ),
        ),
      );
    },
  };
}
