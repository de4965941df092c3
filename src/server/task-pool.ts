/**
 * The worker threads that answer single requests (equilibria, balance
 * reports, power indices, bargaining, gravity, scenario validation): a pool
 * of their own, so a request is never queued behind an ensemble's chunks, and
 * each task has a time limit and a heap limit. A task past its time is
 * stopped (its thread is terminated and replaced) and a task past its heap
 * ends with its thread; either way the request gets a 422 naming the limit
 * and the server goes on.
 */
import { Piscina } from 'piscina';
import type { WorkerData, WorkerTask } from '../runtime/pool.js';
import { ServerBusy, TaskOverrun } from './busy.js';

/** Heap of one request thread, MB: a task beyond it ends with its thread. */
export const TASK_HEAP_MB = 1024;
/** Tasks that may wait for a request thread; more are answered 429. */
export const MAX_QUEUED_TASKS = 32;

const fromSource = import.meta.url.endsWith('.ts');

export class TaskPool {
  private readonly piscina: Piscina;

  constructor(
    threads: number,
    private readonly timeoutMs: number,
    onFault: (e: unknown) => void,
  ) {
    this.piscina = new Piscina({
      filename: new URL(fromSource ? '../runtime/worker-shim.mjs' : '../runtime/worker.js', import.meta.url)
        .href,
      minThreads: 1,
      maxThreads: Math.max(1, threads),
      idleTimeout: 60_000,
      workerData: { preload: [] } satisfies WorkerData,
      resourceLimits: { maxOldGenerationSizeMb: TASK_HEAP_MB },
    });
    // A thread that dies (out of memory) fails its task; the pool itself must not throw 'error' unhandled.
    this.piscina.on('error', onFault);
  }

  /** Runs `exportName(input)` of `module` on a request thread, within the time and heap limits. */
  async run<I, O>(module: string, exportName: string, input: I, what: string): Promise<O> {
    if (this.piscina.queueSize >= MAX_QUEUED_TASKS)
      throw new ServerBusy(
        `the server is busy: ${this.piscina.queueSize} computations are waiting for a thread; try again in a few seconds`,
        5,
      );
    const task: WorkerTask<I> = { module, exportName, input };
    const signal = AbortSignal.timeout(this.timeoutMs);
    try {
      return (await this.piscina.run(task, { signal })) as O;
    } catch (e) {
      if (signal.aborted)
        throw new TaskOverrun(
          `${what} took longer than the server's limit of ${this.timeoutMs / 1000} s and was stopped: ask for less (a smaller game, another method) or use the CLI`,
        );
      if ((e as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY')
        throw new TaskOverrun(
          `${what} needed more than the server's ${TASK_HEAP_MB} MB and was stopped: ask for less or use the CLI`,
        );
      throw e;
    }
  }

  async close(): Promise<void> {
    await this.piscina.destroy();
  }
}
