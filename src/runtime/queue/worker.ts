/**
 * A queue worker (`concert worker`): takes chunk jobs from Redis, checks
 * that it may compute them, computes them on its own worker-thread pool and
 * sends each chunk's runs to the ensemble's coordinator as a result job.
 *
 * What it accepts: a chunk job of an ensemble whose record (engine version,
 * parts, seed, scenario definition) is in Redis and hashes to the ensemble's
 * id with this worker's own engine version and parts. A chunk of an
 * ensemble made by another engine version, or whose record does not match
 * its id, is refused at once (BullMQ's UnrecoverableError: no retry) with a
 * message naming both, and nothing is computed; the coordinator then ends
 * the ensemble with that message. The scenario is read with `JSON.parse` and
 * run by the engine: nothing from the queue is evaluated as code.
 *
 * The runs are computed on piscina threads, so this thread stays free to
 * renew the chunks' locks in Redis; a worker that dies or stops answering
 * loses its locks after `lockMs`, and another worker takes its chunks over
 * (BullMQ's stalled-job check). A chunk's runs depend only on (scenario,
 * seed, run index), so whichever worker computes it, the bytes are the same.
 */
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { BroadcastChannel } from 'node:worker_threads';
import { type Job, Queue, UnrecoverableError, Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import { ENGINE_VERSION, ensembleId, ensemblePool, poolRunner } from '../../scenario/ensemble.js';
import { defaultPartsName } from '../../scenario/parts.js';
import type { Scenario } from '../../scenario/scenario.js';
import type { ChunkProgressMessage } from '../../scenario/task.js';
import type { WorkerPool } from '../pool.js';
import { connectRedis, redisOptions } from './connection.js';
import type { RedisTarget } from './url.js';
import {
  CHUNK_QUEUE,
  type ChunkJob,
  ChunkJobSchema,
  type ChunkReturn,
  chunkJobId,
  EnsembleRecordSchema,
  encodeFloats,
  ensembleRecordKey,
  PROGRESS_EVERY_RUNS,
  QUEUE_PREFIX,
  type ResultJob,
  resultQueueName,
  shortId,
} from './protocol.js';

/** How long a chunk stays locked to a worker that stops renewing its lock, by default (ms). */
export const DEFAULT_LOCK_MS = 30_000;

/** Times a chunk may be taken over from a worker that stopped answering before it counts as failed. */
export const MAX_STALLED = 3;

/**
 * Chunks a worker holds beyond one per thread: each waits for a free thread
 * (in the pool's queue), so a thread that finishes a chunk starts the next at
 * once instead of idling while the result goes to Redis and the next job
 * comes back.
 */
export const PREFETCH_CHUNKS = 1;

/** Ensembles whose scenario a worker keeps ready (the oldest is dropped). */
const ENSEMBLES_KEPT = 8;

export interface QueueWorkerOptions {
  readonly redis: RedisTarget;
  /** Worker threads computing chunks. */
  readonly threads: number;
  /**
   * How long a chunk stays locked to this worker if it stops renewing the
   * lock (it renews every lockMs/2), ms; the stalled-chunk check runs every
   * lockMs/2. Default {@link DEFAULT_LOCK_MS}.
   */
  readonly lockMs?: number;
  /** This worker's name in Redis and in results (default `host:pid`); printable ASCII, no spaces. */
  readonly name?: string;
  /** What happens, for a log. */
  readonly onEvent?: (event: WorkerEvent) => void;
}

/** Things a worker reports. */
export type WorkerEvent =
  | { readonly type: 'ensemble'; readonly ensemble: string; readonly scenario: string; readonly seed: number }
  | { readonly type: 'chunk'; readonly job: string; readonly runs: number; readonly computeMs: number }
  | { readonly type: 'failed'; readonly job: string; readonly reason: string }
  | { readonly type: 'connection'; readonly up: boolean };

/** A running queue worker. */
export interface QueueWorker {
  /** Its name, as chunk results and BullMQ's `processedBy` show it. */
  readonly name: string;
  /** Stops taking chunks, waits for the chunks it holds, then stops its threads and connections. */
  close(): Promise<void>;
}

/** An ensemble this worker has verified, ready to compute. */
interface Verified {
  readonly seed: number;
  readonly simulate: ReturnType<typeof poolRunner>;
  readonly results: Queue;
  /** Chunks of the ensemble in hand; its result queue closes when it is dropped and none is. */
  inHand: number;
  dropped: boolean;
}

/**
 * Starts a worker on the chunk queue of Redis at `options.redis`, computing
 * chunks on `options.threads` threads, one chunk per thread at a time, and
 * holding {@link PREFETCH_CHUNKS} more that wait for a thread.
 */
export async function startQueueWorker(options: QueueWorkerOptions): Promise<QueueWorker> {
  const threads = Math.max(1, Math.floor(options.threads));
  const name = options.name ?? `${hostname()}:${process.pid}`;
  const lockMs = Math.max(1000, options.lockMs ?? DEFAULT_LOCK_MS);
  const emit = options.onEvent ?? (() => undefined);
  const pool: WorkerPool = ensemblePool(threads);
  const control: Redis = connectRedis(options.redis, `${QUEUE_PREFIX}:worker:${name}`);
  const ensembles = new Map<string, Promise<Verified>>();
  const threadFree = new Slots(threads);

  // The threads post each chunk's progress here; it goes on to the chunk's job in Redis.
  const active = new Map<string, Job<ChunkJob>>();
  const channelName = `concert-queue-progress-${randomUUID()}`;
  const channel = new BroadcastChannel(channelName);
  channel.onmessage = (event) => {
    const message = (event as { data: ChunkProgressMessage }).data;
    const job = active.get(message.id);
    job?.updateProgress({ done: message.done, runs: job.data.count }).catch(() => undefined);
  };

  const verify = async (id: string): Promise<Verified> => {
    const text = await control.get(ensembleRecordKey(id));
    if (text === null)
      throw new Error(
        `the record of ensemble ${shortId(id)} is not in Redis (its coordinator has finished or stopped, or Redis lost it)`,
      );
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = undefined;
    }
    const record = EnsembleRecordSchema.safeParse(parsed);
    if (!record.success)
      throw new UnrecoverableError(
        `refused by worker ${name}: the record of ensemble ${shortId(id)} in Redis is malformed (${record.error.issues[0]?.message ?? 'not JSON'})`,
      );
    const r = record.data;
    if (r.engineVersion !== ENGINE_VERSION)
      throw new UnrecoverableError(
        `refused by worker ${name}: ensemble ${shortId(id)} needs engine ${r.engineVersion}, this worker runs ${ENGINE_VERSION}; run workers of the coordinator's Concert version (docs/scale-out.md)`,
      );
    if (r.parts !== defaultPartsName())
      throw new UnrecoverableError(
        `refused by worker ${name}: ensemble ${shortId(id)} needs the parts "${r.parts}", this worker has "${defaultPartsName()}"`,
      );
    if (ensembleId(r.definition, r.seed) !== id)
      throw new UnrecoverableError(
        `refused by worker ${name}: the record of ensemble ${shortId(id)} in Redis does not hash to its id (SHA-256 of engine version, parts, seed and scenario); nothing was computed`,
      );
    const scenario = JSON.parse(r.definition) as Scenario;
    const results = new Queue(resultQueueName(id), {
      connection: control,
      prefix: QUEUE_PREFIX,
      streams: { events: { maxLen: 100 } },
    });
    results.on('error', () => undefined);
    emit({ type: 'ensemble', ensemble: id, scenario: r.scenario, seed: r.seed });
    return {
      seed: r.seed,
      simulate: poolRunner(pool, scenario, r.seed, id),
      results,
      inHand: 0,
      dropped: false,
    };
  };

  const ensemble = (id: string): Promise<Verified> => {
    let entry = ensembles.get(id);
    if (!entry) {
      if (ensembles.size >= ENSEMBLES_KEPT) {
        const [oldest, dropped] = ensembles.entries().next().value!;
        ensembles.delete(oldest);
        dropped
          .then((v) => {
            v.dropped = true;
            if (v.inHand === 0) return v.results.close();
          })
          .catch(() => undefined);
      }
      entry = verify(id);
      // A refusal or a missing record is not kept: the record may be put right.
      entry.catch(() => ensembles.delete(id));
      ensembles.set(id, entry);
    }
    return entry;
  };

  const processChunk = async (job: Job<ChunkJob>): Promise<ChunkReturn> => {
    const parsed = ChunkJobSchema.safeParse(job.data);
    if (!parsed.success || job.id !== chunkJobId(parsed.data.ensemble, parsed.data.index))
      throw new UnrecoverableError(`refused by worker ${name}: chunk job ${job.id} is malformed`);
    const chunk = parsed.data;
    const e = await ensemble(chunk.ensemble);
    const runs = Array.from({ length: chunk.count }, (_, k) => chunk.first + k);
    e.inHand++;
    try {
      // A prefetched chunk waits here for a thread, so that computeMs is the thread's time on it.
      await threadFree.acquire();
      const t0 = performance.now();
      let out: Awaited<ReturnType<Verified['simulate']>>;
      active.set(job.id, job);
      try {
        out = await e.simulate(runs, { channel: channelName, id: job.id, every: PROGRESS_EVERY_RUNS });
      } finally {
        active.delete(job.id);
        threadFree.release();
      }
      const computeMs = performance.now() - t0;
      // An ensemble whose coordinator has finished (and deleted its record) needs no more results.
      if ((await control.exists(ensembleRecordKey(chunk.ensemble))) === 1) {
        const result: ResultJob = {
          ...chunk,
          values: encodeFloats(out.values),
          draws: encodeFloats(out.draws),
          worker: name,
          computeMs,
        };
        await e.results.add('result', result, { jobId: job.id, removeOnComplete: true, removeOnFail: true });
      }
      emit({ type: 'chunk', job: job.id, runs: chunk.count, computeMs });
      return { worker: name, runs: chunk.count, computeMs };
    } finally {
      e.inHand--;
      if (e.dropped && e.inHand === 0) await e.results.close().catch(() => undefined);
    }
  };

  const worker = new Worker<ChunkJob, ChunkReturn>(CHUNK_QUEUE, processChunk, {
    connection: redisOptions(options.redis),
    prefix: QUEUE_PREFIX,
    name: `${name}/${threads}t`,
    concurrency: threads + PREFETCH_CHUNKS,
    lockDuration: lockMs,
    stalledInterval: Math.round(lockMs / 2),
    maxStalledCount: MAX_STALLED,
  });
  // Connection errors are retried; the log says when Redis goes away and comes back.
  worker.on('error', () => undefined);
  let up = true;
  let closing = false;
  control.on('close', () => {
    if (!up || closing) return;
    up = false;
    emit({ type: 'connection', up });
  });
  control.on('ready', () => {
    if (up) return;
    up = true;
    emit({ type: 'connection', up });
  });
  worker.on('failed', (job, err) => {
    if (job) emit({ type: 'failed', job: job.id ?? '?', reason: err.message });
  });
  await worker.waitUntilReady();

  return {
    name,
    async close() {
      closing = true;
      await worker.close();
      for (const entry of ensembles.values())
        await entry.then((v) => v.results.close()).catch(() => undefined);
      ensembles.clear();
      channel.close();
      await pool.close();
      control.disconnect();
    },
  };
}

/** A counting semaphore: at most `n` holders at a time, the others served in order. */
class Slots {
  private readonly waiting: (() => void)[] = [];
  constructor(private free: number) {}

  acquire(): Promise<void> {
    if (this.free > 0) {
      this.free--;
      return Promise.resolve();
    }
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  release(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.free++;
  }
}
