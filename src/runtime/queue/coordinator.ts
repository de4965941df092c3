/**
 * The coordinator's side of the distributed queue: an {@link EnsembleExecutor}
 * that computes an ensemble's missing runs on `concert worker` processes
 * through BullMQ on Redis (docs/scale-out.md).
 *
 * For each ensemble it
 * 1. takes the ensemble's lease in Redis, so that one coordinator at a time
 *    collects its results (another one waits; a lease whose holder died on
 *    this host is taken over at once, any other lapses after
 *    {@link LEASE_MS});
 * 2. publishes the ensemble's record (engine version, parts, seed, scenario
 *    definition), from which workers rebuild and verify the scenario;
 * 3. submits the chunks that hold missing runs as jobs with the id
 *    `<ensemble id>-c<index>`, keeping at most a window of chunks
 *    outstanding (four per worker thread connected, at least
 *    {@link MIN_WINDOW}), so that Redis holds a bounded number of chunks and
 *    results however many runs the ensemble has;
 * 4. consumes the ensemble's result jobs, writes each chunk to the run store
 *    in one transaction (the only writer) and only then lets BullMQ delete
 *    it; a duplicate result (a chunk finished twice) is left out;
 * 5. reconciles every second: a chunk whose job and result have both
 *    disappeared without being stored (Redis restarted without persistence)
 *    is submitted again, the record is put back if it is missing, and a
 *    chunk that has failed (three attempts, or refused by a worker) ends the
 *    ensemble with an error naming the chunk, its runs and the cause.
 *
 * Results do not depend on which worker computes which chunk, or in which
 * order chunks finish: each run depends only on (scenario, seed, run index).
 */
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { type Job, Queue, Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import { ConcertError } from '../../core/errors.js';
import type { RunResult } from '../../scenario/engine.js';
import { ENGINE_VERSION, type EnsembleExecutor, type EnsembleWork } from '../../scenario/ensemble.js';
import { defaultPartsName } from '../../scenario/parts.js';
import { connectRedis, redisOptions } from './connection.js';
import type { RedisTarget } from './url.js';
import {
  CHUNK_QUEUE,
  type ChunkJob,
  chunkJobId,
  chunkRange,
  decodeFloats,
  type EnsembleRecord,
  ensembleRecordKey,
  leaseKey,
  QUEUE_CHUNK_RUNS,
  QUEUE_PREFIX,
  type ResultJob,
  ResultJobSchema,
  resultQueueName,
  shortId,
} from './protocol.js';

/** How long an ensemble's lease lasts without renewal (ms); it is renewed every third of that. */
export const LEASE_MS = 10_000;

/** Fewest chunks a coordinator keeps outstanding. */
export const MIN_WINDOW = 16;

/** Outstanding chunks per worker thread connected. */
export const CHUNKS_PER_THREAD = 4;

/** Attempts of a chunk before it counts as failed (a refusal fails at once). */
export const CHUNK_ATTEMPTS = 3;

/** How long the coordinator waits with no worker connected before saying so (ms). */
const NO_WORKER_NOTICE_MS = 3000;

/** BullMQ options of every chunk job. */
const CHUNK_JOB_OPTIONS = {
  attempts: CHUNK_ATTEMPTS,
  backoff: { type: 'exponential', delay: 1000 },
  removeOnComplete: true,
  // Failed chunks stay a day for inspection (a new run of the ensemble retries them).
  removeOnFail: { age: 24 * 3600, count: 1000 },
} as const;

export interface QueueExecutorOptions {
  readonly redis: RedisTarget;
  /** Called with things the user should know while waiting (no worker connected, Redis away, another coordinator). */
  readonly onNotice?: (message: string) => void;
  /** How often to reconcile, ms (default 1000). */
  readonly reconcileMs?: number;
}

/** Per-chunk timings of the last ensemble computed (for benchmarks and logs). */
export interface QueueStats {
  readonly chunks: number;
  /** Sum over chunks of the time from submission to stored, ms. */
  readonly latencyMs: number;
  /** Sum over chunks of the workers' compute time, ms. */
  readonly computeMs: number;
  /** Chunks submitted again by reconciliation. */
  readonly resubmitted: number;
  /** Results left out because their runs were already stored. */
  readonly duplicates: number;
}

/** Lua: renew the lease if we hold it, take it again if it has gone (Redis restarted); 0 if another holds it. */
const RENEW_LEASE = `
local v = redis.call('get', KEYS[1])
if v == ARGV[1] then return redis.call('pexpire', KEYS[1], ARGV[2]) end
if not v then redis.call('set', KEYS[1], ARGV[1], 'PX', ARGV[2]) return 2 end
return 0`;

/** Lua: delete the key if it holds ARGV[1]. */
const DELETE_IF = `
if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) end
return 0`;

/**
 * Computes ensembles' runs on queue workers. Make one per process (it holds
 * two Redis connections), use it for any number of ensembles one after the
 * other or at once, and close it.
 */
export class QueueExecutor implements EnsembleExecutor {
  readonly redis: RedisTarget;
  readonly control: Redis;
  readonly chunks: Queue;
  readonly notice: (message: string) => void;
  readonly reconcileMs: number;
  /** Timings of the last ensemble computed. */
  stats: QueueStats = { chunks: 0, latencyMs: 0, computeMs: 0, resubmitted: 0, duplicates: 0 };
  private readonly running = new Set<Coordination>();
  private closed = false;

  constructor(options: QueueExecutorOptions) {
    this.redis = options.redis;
    this.notice = options.onNotice ?? (() => undefined);
    this.reconcileMs = options.reconcileMs ?? 1000;
    this.control = connectRedis(options.redis, `${QUEUE_PREFIX}:coordinator:${hostname()}:${process.pid}`);
    let up = true;
    this.control.on('close', () => {
      if (up && !this.closed) {
        up = false;
        this.notice(`lost the connection to Redis at ${this.redis.display}; reconnecting`);
      }
    });
    this.control.on('ready', () => {
      if (!up) {
        up = true;
        this.notice(`reconnected to Redis at ${this.redis.display}`);
      }
    });
    this.chunks = new Queue(CHUNK_QUEUE, {
      connection: this.control,
      prefix: QUEUE_PREFIX,
      streams: { events: { maxLen: 2000 } },
    });
    this.chunks.on('error', () => undefined);
  }

  async compute(work: EnsembleWork): Promise<void> {
    if (this.closed) throw closedError();
    const run = new Coordination(this, work);
    this.running.add(run);
    try {
      await run.run();
      this.stats = run.stats();
    } finally {
      this.running.delete(run);
    }
  }

  /**
   * Stops: ensembles being computed end with an error (their submitted
   * chunks stay queued, so running the ensemble again resumes from them),
   * then the connections close.
   */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.all([...this.running].map((run) => run.interrupt(closedError())));
    await this.chunks.close();
    this.control.disconnect();
  }
}

function closedError(): ConcertError {
  return new ConcertError('internal', [
    { message: 'the queue coordinator was closed before the ensemble ended' },
  ]);
}

/** The computation of one ensemble's missing runs through the queue. */
class Coordination {
  private readonly id: string;
  private order: number[] = [];
  private readonly ranges = new Map<number, { first: number; count: number }>();
  private next = 0;
  /** Chunks submitted and not yet stored, with their submission time. */
  private readonly outstanding = new Map<number, number>();
  private failure: Error | undefined;
  private wake: (() => void) | undefined;
  private signalled = false;
  private window = MIN_WINDOW;
  private results: Queue | undefined;
  private consumer: Worker<ResultJob> | undefined;
  private readonly token = `${hostname()}:${process.pid}:${randomUUID()}`;
  private leaseTimer: NodeJS.Timeout | undefined;
  private noWorkersSince: number | undefined;
  private saidNoWorkers = false;
  private finished: Promise<void> | undefined;
  private interrupted = false;
  private readonly totals = { chunks: 0, latencyMs: 0, computeMs: 0, resubmitted: 0, duplicates: 0 };

  constructor(
    private readonly executor: QueueExecutor,
    private readonly work: EnsembleWork,
  ) {
    this.id = work.meta.id;
    this.plan(work.missing);
  }

  /** The chunks holding the runs `missing`, in order. */
  private plan(missing: readonly number[]): void {
    this.ranges.clear();
    for (const run of missing) {
      const index = Math.floor(run / QUEUE_CHUNK_RUNS);
      if (!this.ranges.has(index)) this.ranges.set(index, chunkRange(index, this.work.runs));
    }
    this.order = [...this.ranges.keys()];
  }

  stats(): QueueStats {
    return { ...this.totals };
  }

  run(): Promise<void> {
    this.finished ??= this.coordinate();
    return this.finished;
  }

  /**
   * Ends the computation with `error`, leaving its chunks queued and its
   * record in Redis (a new run of the ensemble resumes from them), and waits
   * until it has stopped.
   */
  async interrupt(error: Error): Promise<void> {
    this.interrupted = true;
    this.fail(error);
    await this.finished?.catch(() => undefined);
  }

  private fail(error: Error): void {
    this.failure ??= error;
    this.signal();
  }

  /** Ends the current (or the next) {@link pause}: a result was stored, or the ensemble failed. */
  private signal(): void {
    this.signalled = true;
    this.wake?.();
  }

  /** Waits `ms`, or until {@link signal} (also one that came while this thread was busy elsewhere). */
  private async pause(ms: number): Promise<void> {
    if (!this.signalled)
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, ms);
        this.wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    this.wake = undefined;
    this.signalled = false;
  }

  private async coordinate(): Promise<void> {
    if (this.order.length === 0) return;
    await this.acquireLease();
    if (this.failure) throw this.failure;
    const { control } = this.executor;
    try {
      // A coordinator that held the lease before may have stored runs in the same store.
      this.plan(this.work.refresh());
      if (this.order.length === 0) return;
      await control.set(ensembleRecordKey(this.id), JSON.stringify(this.record()));
      this.results = new Queue(resultQueueName(this.id), {
        connection: control,
        prefix: QUEUE_PREFIX,
        streams: { events: { maxLen: 100 } },
      });
      this.results.on('error', () => undefined);
      this.consumer = new Worker<ResultJob>(resultQueueName(this.id), async (job) => this.receive(job), {
        connection: redisOptions(this.executor.redis),
        prefix: QUEUE_PREFIX,
        concurrency: 1,
        lockDuration: 5000,
        stalledInterval: 2500,
        maxStalledCount: 100,
      });
      this.consumer.on('error', () => undefined);
      await this.updateWorkers();
      let reconciled = performance.now();
      while (!this.failure && (this.next < this.order.length || this.outstanding.size > 0)) {
        await this.fill();
        await this.pause(this.executor.reconcileMs);
        if (!this.failure && performance.now() - reconciled >= this.executor.reconcileMs) {
          await this.reconcile();
          reconciled = performance.now();
        }
      }
      if (this.failure) throw this.failure;
    } finally {
      await this.cleanUp();
    }
  }

  private record(): EnsembleRecord {
    const { meta } = this.work;
    return {
      engineVersion: ENGINE_VERSION,
      parts: defaultPartsName(),
      seed: meta.seed,
      scenario: meta.scenario,
      definition: meta.definition,
    };
  }

  private chunkData(index: number): ChunkJob {
    return { ensemble: this.id, index, ...this.ranges.get(index)! };
  }

  /** Submits chunks until the window is full. A chunk that failed in an earlier session gets a new start. */
  private async fill(): Promise<void> {
    const batch: number[] = [];
    while (this.outstanding.size + batch.length < this.window && this.next < this.order.length)
      batch.push(this.order[this.next++]!);
    if (batch.length === 0) return;
    const { chunks } = this.executor;
    const states = await Promise.all(batch.map((index) => chunks.getJobState(chunkJobId(this.id, index))));
    await Promise.all(
      batch
        .filter((_, k) => states[k] === 'failed')
        .map((index) => chunks.remove(chunkJobId(this.id, index))),
    );
    const now = performance.now();
    for (const index of batch) this.outstanding.set(index, now);
    await this.submit(batch);
  }

  private async submit(indices: readonly number[]): Promise<void> {
    await this.executor.chunks.addBulk(
      indices.map((index) => ({
        name: 'chunk',
        data: this.chunkData(index),
        opts: { jobId: chunkJobId(this.id, index), ...CHUNK_JOB_OPTIONS },
      })),
    );
  }

  /** Stores a chunk's result (the result job is deleted by BullMQ once this returns). */
  private receive(job: Job<ResultJob>): void {
    const parsed = ResultJobSchema.safeParse(job.data);
    const { meta } = this.work;
    const width = meta.series.length * (meta.yearTo - meta.yearFrom + 1);
    const drawWidth = meta.parameters.length;
    const r = parsed.success ? parsed.data : undefined;
    const values = r ? decodeFloats(r.values) : undefined;
    const draws = r ? decodeFloats(r.draws) : undefined;
    if (
      !r ||
      r.ensemble !== this.id ||
      job.id !== chunkJobId(this.id, r.index) ||
      r.first !== r.index * QUEUE_CHUNK_RUNS ||
      values?.length !== r.count * width ||
      draws?.length !== r.count * drawWidth
    ) {
      this.fail(
        new ConcertError('internal', [
          {
            message: `a malformed result (job ${job.id}) arrived for ensemble ${shortId(this.id)} (${meta.scenario}): its runs were not stored`,
          },
        ]),
      );
      return;
    }
    const runs: RunResult[] = [];
    for (let k = 0; k < r.count; k++) {
      runs.push({
        run: r.first + k,
        values: values.subarray(k * width, (k + 1) * width),
        draws: draws.subarray(k * drawWidth, (k + 1) * drawWidth),
      });
    }
    try {
      this.work.save(runs);
    } catch (e) {
      this.fail(e instanceof Error ? e : new Error(String(e)));
      return;
    }
    const wanted = this.ranges.get(r.index);
    const submitted = this.outstanding.get(r.index);
    // A result covering fewer runs than wanted (a job left from a smaller ensemble) does not finish the chunk.
    if (submitted === undefined || !wanted || r.count < wanted.count) {
      this.totals.duplicates++;
      return;
    }
    this.outstanding.delete(r.index);
    this.totals.chunks++;
    this.totals.latencyMs += performance.now() - submitted;
    this.totals.computeMs += r.computeMs;
    this.signal();
  }

  /**
   * Finds failed chunks (which end the ensemble) and lost ones (neither job
   * nor result in Redis, not stored: submitted again); puts the ensemble's
   * record back if Redis lost it; sizes the window to the workers connected.
   */
  private async reconcile(): Promise<void> {
    const { control, chunks } = this.executor;
    if ((await control.exists(ensembleRecordKey(this.id))) === 0)
      await control.set(ensembleRecordKey(this.id), JSON.stringify(this.record()));
    const indices = [...this.outstanding.keys()];
    const states = await Promise.all(indices.map((index) => chunks.getJobState(chunkJobId(this.id, index))));
    const failed = indices.find((_, k) => states[k] === 'failed');
    if (failed !== undefined) {
      this.fail(await this.chunkFailure(failed));
      return;
    }
    const gone = indices.filter((_, k) => states[k] === 'unknown');
    if (gone.length > 0 && this.results) {
      const results = this.results;
      const resultStates = await Promise.all(
        gone.map((index) => results.getJobState(chunkJobId(this.id, index))),
      );
      // Checked after the awaits: a result stored meanwhile has left `outstanding`.
      const lost = gone.filter((index, k) => resultStates[k] === 'unknown' && this.outstanding.has(index));
      if (lost.length > 0) {
        this.totals.resubmitted += lost.length;
        await this.submit(lost);
      }
    }
    await this.updateWorkers();
  }

  private async chunkFailure(index: number): Promise<ConcertError> {
    const { meta } = this.work;
    const job = await this.executor.chunks.getJob(chunkJobId(this.id, index));
    const { first, count } = this.ranges.get(index)!;
    const attempts = job?.attemptsMade ?? 0;
    const worker = job?.processedBy?.replace(/\/\d+t$/, '');
    return new ConcertError('internal', [
      {
        message:
          `chunk ${index} (runs ${first}–${first + count - 1}) of ensemble ${shortId(this.id)} (${meta.scenario}, seed ${meta.seed}) failed` +
          `${attempts > 1 ? ` after ${attempts} attempts` : ''}${worker ? `, last on worker ${worker}` : ''}: ${job?.failedReason ?? 'no reason recorded'}`,
      },
    ]);
  }

  /** Sizes the window to the worker threads connected; says so when there are none for a while. */
  private async updateWorkers(): Promise<void> {
    const workers = await this.executor.chunks.getWorkers();
    let threads = 0;
    for (const w of workers) {
      const m = /\/(\d+)t$/.exec(String(w.rawname ?? ''));
      threads += m ? Number(m[1]) : 1;
    }
    this.window = Math.max(MIN_WINDOW, CHUNKS_PER_THREAD * threads);
    const now = performance.now();
    if (workers.length > 0) {
      if (this.saidNoWorkers)
        this.executor.notice(`${workers.length} worker(s) with ${threads} thread(s) now take chunks`);
      this.noWorkersSince = undefined;
      this.saidNoWorkers = false;
    } else if (this.noWorkersSince === undefined) {
      this.noWorkersSince = now;
    } else if (!this.saidNoWorkers && now - this.noWorkersSince >= NO_WORKER_NOTICE_MS) {
      this.saidNoWorkers = true;
      this.executor.notice(
        `no worker takes chunks from Redis at ${this.executor.redis.display}; start one with \`concert worker --redis <url>\` (docs/scale-out.md)`,
      );
    }
  }

  /** Takes the ensemble's lease, waiting while another live coordinator holds it. */
  private async acquireLease(): Promise<void> {
    const { control } = this.executor;
    const key = leaseKey(this.id);
    let said = false;
    while (!this.failure) {
      if ((await control.set(key, this.token, 'PX', LEASE_MS, 'NX')) === 'OK') {
        this.renewLease();
        return;
      }
      const holder = await control.get(key);
      if (holder !== null && holderIsDead(holder)) {
        await control.eval(DELETE_IF, 1, key, holder);
        continue;
      }
      if (!said && holder !== null) {
        said = true;
        this.executor.notice(
          `ensemble ${shortId(this.id)} (${this.work.meta.scenario}) is being collected by another coordinator (${holder.split(':').slice(0, 2).join(':')}); waiting for it`,
        );
      }
      await this.pause(1000);
    }
  }

  private renewLease(): void {
    this.leaseTimer = setTimeout(async () => {
      try {
        const held = await this.executor.control.eval(
          RENEW_LEASE,
          1,
          leaseKey(this.id),
          this.token,
          LEASE_MS,
        );
        if (held === 0) {
          this.fail(
            new ConcertError('internal', [
              { message: `another coordinator took over ensemble ${shortId(this.id)}; this one stopped` },
            ]),
          );
          return;
        }
      } catch {
        // Redis is away: try again at the next renewal.
      }
      if (this.leaseTimer) this.renewLease();
    }, LEASE_MS / 3);
  }

  /**
   * Stops consuming results. Unless interrupted: when the ensemble failed,
   * its queued chunks are removed (running ones finish and are dropped); its
   * result queue and its record are deleted. Then the lease is released.
   */
  private async cleanUp(): Promise<void> {
    const { control, chunks } = this.executor;
    await this.consumer?.close().catch(() => undefined);
    if (!this.interrupted) {
      if (this.failure)
        await Promise.all(
          [...this.outstanding.keys()].map((index) =>
            chunks.remove(chunkJobId(this.id, index)).catch(() => undefined),
          ),
        );
      await this.results?.obliterate({ force: true }).catch(() => undefined);
      await control.del(ensembleRecordKey(this.id)).catch(() => undefined);
    }
    await this.results?.close().catch(() => undefined);
    clearTimeout(this.leaseTimer);
    this.leaseTimer = undefined;
    await control.eval(DELETE_IF, 1, leaseKey(this.id), this.token).catch(() => undefined);
  }
}

/** Whether a lease holder (`host:pid:…`) is a process of this host that no longer exists. */
function holderIsDead(holder: string): boolean {
  const [host, pid] = holder.split(':');
  if (host !== hostname() || !pid || !/^\d+$/.test(pid) || Number(pid) === process.pid) return false;
  try {
    process.kill(Number(pid), 0);
    return false;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'ESRCH';
  }
}
