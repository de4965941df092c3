/**
 * What the routes share: the run store, the worker pool, the job queue and
 * the caches. The store and the pool are opened on first use, so a server
 * that only answers model queries never starts threads or opens SQLite, and
 * both are closed when the server closes.
 */
import { fileURLToPath } from 'node:url';
import { defaultWorkerCount, WorkerPool } from '../runtime/pool.js';
import type { QueueExecutor } from '../runtime/queue/coordinator.js';
import type { RedisTarget } from '../runtime/queue/url.js';
import { defaultStorePath, RunStore } from '../runtime/store.js';
import { LruCache } from './cache.js';
import { TaskPool } from './task-pool.js';
import { DEFAULT_MAX_QUEUED_JOBS, JobQueue } from './jobs.js';

/** Options of {@link buildServer}. */
export interface ServerOptions {
  /** Run store file (default: `$CONCERT_HOME/runs.db` or `~/.concert/runs.db`; `:memory:` for a throwaway store). */
  readonly storePath?: string;
  /** Folder of the built web app (default: `web/dist` of the package); null serves no web app. */
  readonly webRoot?: string | null;
  /** Folder of the shipped scenarios (default: `scenarios/` of the package). */
  readonly scenariosDir?: string;
  /**
   * Worker threads for ensembles, tournaments and balance reports (default: the
   * available cores, at least 2). With 1, ensembles run in the server's own thread.
   */
  readonly workers?: number;
  /** Largest accepted request body, bytes (default 1 MiB). */
  readonly bodyLimitBytes?: number;
  /** Time allowed to receive a whole request, ms (default 30 000). */
  readonly requestTimeoutMs?: number;
  /** How long closing waits for a running job before closing the store under it, ms (default 10 000). */
  readonly closeGraceMs?: number;
  /** Log requests and faults with fastify's logger (pino) on stderr (default false). */
  readonly logger?: boolean;
  /**
   * The Redis of the distributed queue: ensemble and comparison jobs then
   * run their runs on `concert worker` processes (docs/scale-out.md), and
   * this server only collects them into its run store.
   */
  readonly queue?: RedisTarget;
  /** Where the queue's notices go (no worker connected, Redis away; default: stderr). */
  readonly onQueueNotice?: (message: string) => void;
  /** Jobs that may wait behind the running one; more are answered 429 (default 16). */
  readonly maxQueuedJobs?: number;
  /**
   * Host names (without port) a request's `Host` header may give; others get
   * 421, so a page on another site cannot reach the API through DNS
   * rebinding. Default: the loopback names (localhost, 127.0.0.1, ::1).
   * `'any'` accepts every host.
   */
  readonly allowedHosts?: readonly string[] | 'any';
  /** Time allowed to one request's computation on a worker thread (equilibria, balance…), ms (default 20 000). */
  readonly taskTimeoutMs?: number;
}

/** The host names a loopback server answers to. */
export const LOOPBACK_HOSTS: readonly string[] = ['localhost', '127.0.0.1', '::1'];

/** The package root: two levels above this file, in `src/` and in `dist/` alike. */
export const PACKAGE_ROOT = fileURLToPath(new URL('../../', import.meta.url));

export const DEFAULT_BODY_LIMIT_BYTES = 1024 * 1024;
export const DEFAULT_REQUEST_TIMEOUT_MS = 30_000;
export const DEFAULT_CLOSE_GRACE_MS = 10_000;
export const DEFAULT_TASK_TIMEOUT_MS = 20_000;

/** Shared state of one server. */
export class ServerContext {
  readonly storePath: string;
  readonly webRoot: string | null;
  readonly scenariosDir: string;
  readonly workers: number;
  readonly bodyLimitBytes: number;
  readonly closeGraceMs: number;
  readonly allowedHosts: ReadonlySet<string> | 'any';
  readonly taskTimeoutMs: number;
  readonly jobs: JobQueue;
  /** Results of pure computations keyed by their canonical inputs. */
  readonly cache = new LruCache<unknown>(512);
  /** Results computed on workers (balance reports), keyed the same way. */
  readonly asyncCache = new LruCache<Promise<unknown>>(64);
  readonly queue: RedisTarget | undefined;
  private readonly onQueueNotice: (message: string) => void;
  private store: RunStore | undefined;
  private pool: WorkerPool | undefined;
  private tasks: TaskPool | undefined;
  private readonly onFault: (e: unknown) => void;
  private executor: Promise<QueueExecutor> | undefined;

  constructor(options: ServerOptions, onFault: (e: unknown) => void) {
    this.storePath = options.storePath ?? defaultStorePath();
    this.webRoot = options.webRoot === undefined ? `${PACKAGE_ROOT}web/dist` : options.webRoot;
    this.scenariosDir = options.scenariosDir ?? `${PACKAGE_ROOT}scenarios`;
    this.workers = Math.max(1, Math.floor(options.workers ?? Math.max(2, defaultWorkerCount())));
    this.bodyLimitBytes = options.bodyLimitBytes ?? DEFAULT_BODY_LIMIT_BYTES;
    this.closeGraceMs = options.closeGraceMs ?? DEFAULT_CLOSE_GRACE_MS;
    this.onFault = onFault;
    this.jobs = new JobQueue(100, onFault, options.maxQueuedJobs ?? DEFAULT_MAX_QUEUED_JOBS);
    this.allowedHosts =
      options.allowedHosts === 'any'
        ? 'any'
        : new Set((options.allowedHosts ?? LOOPBACK_HOSTS).map((h) => h.toLowerCase()));
    this.taskTimeoutMs = options.taskTimeoutMs ?? DEFAULT_TASK_TIMEOUT_MS;
    this.queue = options.queue;
    this.onQueueNotice =
      options.onQueueNotice ?? ((message) => process.stderr.write(`concert serve: ${message}\n`));
  }

  /** The run store, opened on first use. */
  runStore(): RunStore {
    this.store ??= RunStore.open(this.storePath);
    return this.store;
  }

  /** The worker pool, started on first use. */
  workerPool(): WorkerPool {
    this.pool ??= WorkerPool.create(this.workers);
    return this.pool;
  }

  /**
   * Runs one request's computation on the request threads (not behind
   * ensemble chunks), within the time limit (`taskTimeoutMs`) and heap limit;
   * `what` names it in the message of an overrun.
   */
  runTask<I, O>(module: string, exportName: string, input: I, what: string): Promise<O> {
    this.tasks ??= new TaskPool(Math.max(1, Math.min(2, this.workers)), this.taskTimeoutMs, this.onFault);
    return this.tasks.run<I, O>(module, exportName, input, what);
  }

  /** The queue's coordinator (made on first use, its module loaded then), or undefined without a queue. */
  async queueExecutor(): Promise<QueueExecutor | undefined> {
    const queue = this.queue;
    if (!queue) return undefined;
    this.executor ??= import('../runtime/queue/coordinator.js').then(
      ({ QueueExecutor }) => new QueueExecutor({ redis: queue, onNotice: this.onQueueNotice }),
    );
    return this.executor;
  }

  /** A cached value of a pure computation. */
  cached<T>(key: string, compute: () => T): T {
    return this.cache.get(key, compute) as T;
  }

  /**
   * Waits for the running job (at most `closeGraceMs`), stops the workers and
   * closes the store.
   */
  async close(): Promise<void> {
    // A long ensemble is not waited for beyond the grace period: its finished
    // runs are in the store, and running it again resumes from them.
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      this.jobs.close(),
      new Promise<void>((resolve) => {
        timer = setTimeout(resolve, this.closeGraceMs);
      }),
    ]);
    clearTimeout(timer);
    // The queue's coordinator writes to the store: it stops first (a cut-short ensemble's chunks stay queued).
    const executor = this.executor;
    this.executor = undefined;
    await (await executor)?.close();
    await this.pool?.close();
    this.pool = undefined;
    await this.tasks?.close();
    this.tasks = undefined;
    this.store?.close();
    this.store = undefined;
  }
}
