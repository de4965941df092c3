/**
 * Cancelling a job's work on the worker pool. The ensemble engine dispatches
 * its chunks through `pool.run`, at most two per thread at a time; a job's
 * view of the shared pool refuses new chunks once the job's signal is
 * aborted, so the ensemble stops after the chunks in flight (each a few
 * hundred runs at most) and the runs already finished stay in the store.
 */
import type { WorkerPool } from '../runtime/pool.js';

/** The rejection of a chunk asked for after its job was cancelled. */
export class JobCancelled extends Error {
  constructor() {
    super('the job was cancelled');
    this.name = 'JobCancelled';
  }
}

/**
 * The pool as one job sees it: the same threads, but `run` rejects with
 * {@link JobCancelled} once `signal` is aborted. Other jobs' and requests'
 * tasks are not affected.
 */
export function cancellablePool(pool: WorkerPool, signal: AbortSignal): WorkerPool {
  return new Proxy(pool, {
    get(target, prop) {
      if (prop === 'run')
        return (module: string, exportName: string, input: unknown) =>
          signal.aborted ? Promise.reject(new JobCancelled()) : target.run(module, exportName, input);
      const value: unknown = Reflect.get(target, prop, target);
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}
