/**
 * A local worker-thread pool (piscina) that runs named, pure functions of
 * Concert's modules on other cores. A task names a module (by URL) and one
 * of its exports; the worker imports the module once and calls the export
 * with the task's input. Anything structured-cloneable can go in and out.
 *
 * Workers run compiled code (`dist/runtime/worker.js`) when Concert runs from
 * `dist`, and the TypeScript sources through a tsx shim (`worker-shim.mjs`)
 * when it runs from `src` (tests, `tsx` scripts): Node 20 ignores `--import`
 * loaders in a worker's execArgv (nodejs/node#47747), so the shim registers
 * tsx itself (STACK.md, setup note 1).
 *
 * Determinism is the caller's job and is easy: give each unit of work its own
 * random stream derived from (seed, unit index), never from the worker.
 */
import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';

/** What every worker of a pool is started with. */
export interface WorkerData {
  /** Modules to import as soon as the thread starts. */
  readonly preload: readonly string[];
}

/** What a worker receives: which export of which module to call, and its input. */
export interface WorkerTask<I = unknown> {
  readonly module: string;
  readonly exportName: string;
  readonly input: I;
}

const fromSource = import.meta.url.endsWith('.ts');

/** The worker entry for the way this process runs (compiled or from source). */
function workerFile(): string {
  return new URL(fromSource ? './worker-shim.mjs' : './worker.js', import.meta.url).href;
}

/**
 * The URL of module `name` (without extension) next to `callerUrl`, with the
 * caller's own extension: `.ts` from source, `.js` from dist. Use it to name
 * task modules: `moduleUrl(import.meta.url, './tournament-task')`.
 */
export function moduleUrl(callerUrl: string, name: string): string {
  const ext = callerUrl.endsWith('.ts') ? '.ts' : '.js';
  return new URL(`${name}${ext}`, callerUrl).href;
}

/** The default number of workers: the cores Node reports as available. */
export function defaultWorkerCount(): number {
  return Math.max(1, availableParallelism());
}

/** A pool of `threads` worker threads. Close it when done, or the process stays alive. */
export class WorkerPool {
  private readonly piscina: Piscina;
  readonly threads: number;

  private constructor(threads: number, preload: readonly string[]) {
    this.threads = threads;
    this.piscina = new Piscina({
      filename: workerFile(),
      minThreads: threads,
      maxThreads: threads,
      idleTimeout: 60_000,
      workerData: { preload } satisfies WorkerData,
    });
  }

  /**
   * A pool with `threads` workers (at least 1). Each thread starts importing
   * the `preload` modules (URLs, as for {@link run}) as soon as it starts, so
   * that its first task does not wait for them.
   */
  static create(
    threads: number = defaultWorkerCount(),
    options: { preload?: readonly string[] } = {},
  ): WorkerPool {
    return new WorkerPool(Math.max(1, Math.floor(threads)), options.preload ?? []);
  }

  /** Runs `exportName(input)` of `module` on a worker and resolves with its result. */
  run<I, O>(module: string, exportName: string, input: I): Promise<O> {
    const task: WorkerTask<I> = { module, exportName, input };
    return this.piscina.run(task) as Promise<O>;
  }

  /** Stops the workers. */
  async close(): Promise<void> {
    await this.piscina.destroy();
  }
}

/**
 * Runs `count` independent units split into chunks on the pool and returns
 * the chunk results in order. `makeInput(start, end)` builds the input for
 * units [start, end); `onChunk` is called as chunks finish (for progress).
 */
export async function runChunked<I, O>(
  pool: WorkerPool,
  module: string,
  exportName: string,
  count: number,
  makeInput: (start: number, end: number) => I,
  options: { chunks?: number; onChunk?: (done: number, total: number) => void } = {},
): Promise<O[]> {
  const chunks = Math.max(1, Math.min(count, options.chunks ?? pool.threads * 8));
  const bounds: Array<[number, number]> = [];
  for (let c = 0; c < chunks; c++) {
    bounds.push([Math.floor((c * count) / chunks), Math.floor(((c + 1) * count) / chunks)]);
  }
  let done = 0;
  return Promise.all(
    bounds.map(async ([start, end]) => {
      const result = await pool.run<I, O>(module, exportName, makeInput(start, end));
      done += end - start;
      options.onChunk?.(done, count);
      return result;
    }),
  );
}
