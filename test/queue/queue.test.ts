/**
 * The distributed queue in one process: a real redis-server, real BullMQ
 * workers computing on real worker threads, and the coordinator writing a
 * real run store. What a queued ensemble must be: the bytes of a local one,
 * whatever the number of workers; nothing left in Redis afterwards; a chunk
 * submitted twice computed once; a chunk a worker cannot verify refused; a
 * chunk that keeps failing ending the ensemble with a message naming it.
 */
import { readFileSync } from 'node:fs';
import { Queue, QueueEvents } from 'bullmq';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { isConcertError } from '../../src/core/errors.js';
import type { Redis } from 'ioredis';
import {
  CHUNK_QUEUE,
  type ChunkJob,
  chunkJobId,
  connectRedis,
  ensembleRecordKey,
  parseRedisUrl,
  QUEUE_PREFIX,
  QueueExecutor,
  type QueueWorker,
  type RedisTarget,
  startQueueWorker,
} from '../../src/runtime/queue/index.js';
import { sensitivityDocument } from '../../src/reports/sensitivity.js';
import { RunStore } from '../../src/runtime/store.js';
import { ENGINE_VERSION, ensembleId, ensembleMeta, runEnsemble } from '../../src/scenario/ensemble.js';
import { loadScenario } from '../../src/scenario/load.js';
import { defaultPartsName } from '../../src/scenario/parts.js';
import type { Scenario } from '../../src/scenario/scenario.js';
import { runSensitivity } from '../../src/scenario/sensitivity.js';
import { buildServer } from '../../src/server/index.js';
import { startRedis, type TestRedis } from './redis-server.js';

const scenario = loadScenario('test/scenario/fixtures/small.yaml');
let redis: TestRedis;
let target: RedisTarget;
let client: Redis;

beforeAll(async () => {
  redis = await startRedis();
  target = parseRedisUrl(redis.url, '--queue');
  client = connectRedis(target);
});
afterAll(async () => {
  client?.disconnect();
  await redis?.stop();
});
beforeEach(() => {
  redis.cli('flushall');
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Every stored run of the store's one ensemble, as bytes. */
function runBytes(store: RunStore, id: string): Map<number, Buffer> {
  const out = new Map<number, Buffer>();
  for (const r of store.iterateRuns(id)) {
    out.set(r.run, Buffer.concat([Buffer.from(r.values.buffer), Buffer.from(r.draws.buffer)]));
  }
  return out;
}

/** The ensemble computed in this process, one thread (the reference). */
async function local(s: Scenario, runs: number, seed: number): Promise<Map<number, Buffer>> {
  const store = RunStore.open(':memory:');
  try {
    const out = await runEnsemble(s, { runs, seed, workers: 1, store });
    return runBytes(store, out.meta.id);
  } finally {
    store.close();
  }
}

/** Counts the chunk jobs of `ensemble` completed, from the queue's events. */
async function completions(): Promise<{ count: (ensemble: string) => number; close: () => Promise<void> }> {
  const events = new QueueEvents(CHUNK_QUEUE, { connection: { port: redis.port }, prefix: QUEUE_PREFIX });
  await events.waitUntilReady();
  const done: string[] = [];
  events.on('completed', ({ jobId }) => done.push(jobId));
  return {
    count: (ensemble) => done.filter((id) => id.startsWith(`${ensemble}-c`)).length,
    close: () => events.close(),
  };
}

function workers(n: number): Promise<QueueWorker[]> {
  return Promise.all(
    Array.from({ length: n }, (_, k) => startQueueWorker({ redis: target, threads: 1, name: `test-${k}` })),
  );
}

async function until(check: () => boolean | Promise<boolean>, what: string, ms = 30_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(50);
  }
}

describe('an ensemble through the queue', () => {
  it('gives the bytes of a local run with one and with two workers, and leaves nothing behind in Redis', async () => {
    const runs = 230; // five chunks, the last one of 30 runs
    const seed = 11;
    const reference = await local(scenario, runs, seed);
    const executor = new QueueExecutor({ redis: target });
    for (const n of [2, 1]) {
      const ws = await workers(n);
      const store = RunStore.open(':memory:');
      try {
        const out = await runEnsemble(scenario, { runs, seed, workers: 1, store, executor });
        expect(out.computed).toBe(runs);
        expect(executor.stats.chunks).toBe(5);
        const queued = runBytes(store, out.meta.id);
        expect(queued.size).toBe(runs);
        for (const [run, bytes] of reference) expect(queued.get(run)?.equals(bytes), `run ${run}`).toBe(true);
      } finally {
        store.close();
        await Promise.all(ws.map((w) => w.close()));
      }
    }
    await executor.close();
    const keys = redis.cli('--scan', '--pattern', '*').split('\n').filter(Boolean);
    expect(
      keys.some((k) => k.includes('results-') || k.includes(':ensemble:') || k.includes(':lease:')),
    ).toBe(false);
    const chunks = new Queue(CHUNK_QUEUE, { connection: { port: redis.port }, prefix: QUEUE_PREFIX });
    const counts = await chunks.getJobCounts();
    await chunks.close();
    expect(Object.values(counts).every((c) => c === 0)).toBe(true);
  });

  it('resumes from the store: only the chunks holding missing runs are submitted', async () => {
    const runs = 160;
    const seed = 12;
    const store = RunStore.open(':memory:');
    const [w] = await workers(1);
    const executor = new QueueExecutor({ redis: target });
    try {
      await runEnsemble(scenario, { runs: 60, seed, workers: 1, store });
      const out = await runEnsemble(scenario, { runs, seed, workers: 1, store, executor });
      expect(out.computed).toBe(100);
      // Runs 60…159 lie in chunks 1 (50–99, partly stored), 2 and 3.
      expect(executor.stats.chunks).toBe(3);
      const reference = await local(scenario, runs, seed);
      const queued = runBytes(store, out.meta.id);
      for (const [run, bytes] of reference) expect(queued.get(run)?.equals(bytes), `run ${run}`).toBe(true);
    } finally {
      store.close();
      await executor.close();
      await w!.close();
    }
  });
});

describe('submitting twice', () => {
  it('a chunk already queued is not added again, and each chunk is computed once', async () => {
    const runs = 150;
    const seed = 13;
    const id = ensembleMeta(scenario, seed).id;
    const events = await completions();
    const executor = new QueueExecutor({ redis: target });
    const store = RunStore.open(':memory:');
    const chunks = new Queue(CHUNK_QUEUE, { connection: { port: redis.port }, prefix: QUEUE_PREFIX });
    try {
      const running = runEnsemble(scenario, { runs, seed, workers: 1, store, executor });
      await until(async () => (await chunks.getJobCounts('waiting')).waiting === 3, 'three queued chunks');
      // The same chunks again, as a second coordinator (or this one after a restart) submits them.
      const again: ChunkJob[] = [0, 1, 2].map((index) => ({
        ensemble: id,
        index,
        first: 50 * index,
        count: 50,
      }));
      await chunks.addBulk(
        again.map((data) => ({ name: 'chunk', data, opts: { jobId: chunkJobId(id, data.index) } })),
      );
      expect((await chunks.getJobCounts('waiting')).waiting).toBe(3);
      const [w] = await workers(1);
      await running;
      await w!.close();
      await until(() => events.count(id) >= 3, 'three completions');
      await sleep(300);
      expect(events.count(id)).toBe(3);
      expect(store.countRuns(id)).toBe(runs);
    } finally {
      store.close();
      await chunks.close();
      await events.close();
      await executor.close();
    }
  });

  it('two coordinators of one ensemble on one store: the second waits for the first, and nothing is computed twice', async () => {
    const runs = 150;
    const seed = 14;
    const id = ensembleMeta(scenario, seed).id;
    const events = await completions();
    const notices: string[] = [];
    // Either may take the ensemble's lease first (the order depends on the machine's load): both report notices.
    const first = new QueueExecutor({ redis: target, onNotice: (m) => notices.push(m) });
    const second = new QueueExecutor({ redis: target, onNotice: (m) => notices.push(m) });
    const [w] = await workers(1);
    const path = `${process.env.TMPDIR ?? '/tmp'}/concert-queue-twice-${process.pid}.db`;
    const storeA = RunStore.open(path);
    const storeB = RunStore.open(path);
    try {
      const a = runEnsemble(scenario, { runs, seed, workers: 1, store: storeA, executor: first });
      const b = runEnsemble(scenario, { runs, seed, workers: 1, store: storeB, executor: second });
      const [outA, outB] = await Promise.all([a, b]);
      expect(outA.computed + outB.computed).toBeGreaterThanOrEqual(runs);
      await sleep(300);
      expect(events.count(id)).toBe(3);
      // The one that came second waited for the other and said so — unless the other had already
      // finished when it looked, and then it found every run in the store and computed none.
      const waited = notices.some((m) => m.includes('another coordinator'));
      expect(waited || Math.min(outA.computed, outB.computed) === 0).toBe(true);
      expect(storeA.countRuns(id)).toBe(runs);
    } finally {
      storeA.close();
      storeB.close();
      await events.close();
      await first.close();
      await second.close();
      await w!.close();
    }
  });
});

describe('what a worker refuses', () => {
  it('a chunk whose record does not hash to its ensemble id: the ensemble ends, naming the chunk and the cause', async () => {
    const runs = 100;
    const seed = 15;
    const id = ensembleMeta(scenario, seed).id;
    const executor = new QueueExecutor({ redis: target });
    const store = RunStore.open(':memory:');
    let w: QueueWorker | undefined;
    try {
      const running = runEnsemble(scenario, { runs, seed, workers: 1, store, executor });
      const failed = running.then(
        () => undefined,
        (e: unknown) => e,
      );
      await until(async () => (await client.exists(ensembleRecordKey(id))) === 1, 'the record');
      // Someone with access to Redis changes the scenario (here its seed) behind the coordinator's back.
      const record = JSON.parse((await client.get(ensembleRecordKey(id)))!);
      await client.set(ensembleRecordKey(id), JSON.stringify({ ...record, seed: seed + 1 }));
      [w] = await workers(1);
      const error = await failed;
      expect(isConcertError(error)).toBe(true);
      const message = (error as Error).message;
      expect(message).toMatch(
        /^chunk [01] \(runs (0–49|50–99)\) of ensemble [0-9a-f]{12} \(small, seed 15\) failed/,
      );
      expect(message).toContain('does not hash to its id');
      expect(message).toContain('refused by worker test-0');
      expect(store.countRuns(id)).toBe(0);
    } finally {
      store.close();
      await executor.close();
      await w?.close();
    }
  });

  it('a chunk of an ensemble made by another engine version: refused at once, nothing computed', async () => {
    const seed = 16;
    const definition = JSON.stringify(scenario);
    const older = 'concert-scenario-0';
    const id = ensembleId(definition, seed, older);
    // What a coordinator of an older Concert writes: its record and a chunk job.
    await client.set(
      ensembleRecordKey(id),
      JSON.stringify({
        engineVersion: older,
        parts: defaultPartsName(),
        seed,
        scenario: 'small',
        definition,
      }),
    );
    const chunks = new Queue(CHUNK_QUEUE, { connection: { port: redis.port }, prefix: QUEUE_PREFIX });
    const computed: string[] = [];
    const w = await startQueueWorker({
      redis: target,
      threads: 1,
      name: 'newer',
      onEvent: (e) => {
        if (e.type === 'chunk') computed.push(e.job);
      },
    });
    try {
      await chunks.add(
        'chunk',
        { ensemble: id, index: 0, first: 0, count: 10 },
        { jobId: chunkJobId(id, 0), attempts: 3 },
      );
      await until(async () => (await chunks.getJobState(chunkJobId(id, 0))) === 'failed', 'the refusal');
      const job = await chunks.getJob(chunkJobId(id, 0));
      expect(job!.attemptsMade).toBe(1);
      expect(job!.failedReason).toBe(
        `refused by worker newer: ensemble ${id.slice(0, 12)} needs engine ${older}, this worker runs ${ENGINE_VERSION}; run workers of the coordinator's Concert version (docs/scale-out.md)`,
      );
      expect(computed).toEqual([]);
      expect(redis.cli('--scan', '--pattern', `*results-${id}*`).trim()).toBe('');
    } finally {
      await chunks.close();
      await w.close();
    }
  });
});

describe('a chunk that fails every time', () => {
  it('ends the ensemble after three attempts with the chunk, its runs and the cause', async () => {
    // A prepared scenario the engine cannot run (as a coordinator with a bug, or a forged one, would send).
    const broken: Scenario = {
      ...scenario,
      name: 'broken',
      raw: { ...scenario.raw, policies: { default: { strategy: 'No Such Strategy' } } },
    };
    const executor = new QueueExecutor({ redis: target });
    const [w] = await workers(1);
    const store = RunStore.open(':memory:');
    try {
      const error = await runEnsemble(broken, { runs: 70, seed: 17, workers: 1, store, executor }).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(isConcertError(error)).toBe(true);
      expect((error as Error).message).toMatch(
        /^chunk [01] \(runs (0–49|50–69)\) of ensemble [0-9a-f]{12} \(broken, seed 17\) failed after 3 attempts, last on worker test-0: strategy "No Such Strategy" is not registered/,
      );
    } finally {
      store.close();
      await executor.close();
      await w!.close();
    }
  });
});

describe('concert serve --queue', () => {
  it('runs API ensemble and comparison jobs on queue workers, with progress events and the documents of a server without a queue', async () => {
    const text = readFileSync('test/scenario/fixtures/small.yaml', 'utf8');
    const other = text
      .replace('name: small', 'name: small-b')
      .replace('interceptors: 20', 'interceptors: 200');
    const [w] = await workers(1);
    const queued = await buildServer({ storePath: ':memory:', webRoot: null, workers: 1, queue: target });
    const plain = await buildServer({ storePath: ':memory:', webRoot: null, workers: 1 });
    const job = async (app: FastifyInstance, url: string, payload: object) => {
      const start = await app.inject({ method: 'POST', url, payload });
      expect(start.statusCode).toBe(202);
      const id = start.json().id as string;
      const events = await app.inject({ method: 'GET', url: `/api/jobs/${id}/events` });
      const progress = [...events.body.matchAll(/event: progress\ndata: (.*)\n/g)].map(
        (m) => (JSON.parse(m[1]!) as { done: number }).done,
      );
      return { view: (await app.inject({ method: 'GET', url: `/api/jobs/${id}` })).json(), progress };
    };
    try {
      const body = { scenario: { text }, runs: 120, seed: 21 };
      const a = await job(queued, '/api/scenarios/run', body);
      const b = await job(plain, '/api/scenarios/run', body);
      expect(a.view.status).toBe('done');
      expect(JSON.stringify(a.view.result)).toBe(JSON.stringify(b.view.result));
      // One event per stored chunk (50, 100, 120 runs), rising to the total.
      expect(a.progress.length).toBeGreaterThanOrEqual(2);
      expect(a.progress.at(-1)).toBe(120);
      expect([...a.progress].sort((x, y) => x - y)).toEqual(a.progress);

      const pair = { a: { text }, b: { text: other }, runs: 60, seed: 22, attribution: false };
      const c = await job(queued, '/api/compare', pair);
      const d = await job(plain, '/api/compare', pair);
      expect(c.view.status).toBe('done');
      expect(JSON.stringify(c.view.result)).toBe(JSON.stringify(d.view.result));
    } finally {
      await queued.close();
      await plain.close();
      await w!.close();
    }
  });
});

describe('a sensitivity design through the queue (concert sensitivity --queue)', () => {
  it('gives the document of a local design: the same rows, the same indices', async () => {
    const options = {
      method: 'sobol' as const,
      n: 16,
      seed: 2,
      workers: 1,
      series: ['stability.index', 'stability.relations'],
    };
    const here = RunStore.open(':memory:');
    const there = RunStore.open(':memory:');
    const ws = await workers(2);
    const executor = new QueueExecutor({ redis: target });
    try {
      const a = await runSensitivity(scenario, { ...options, store: here });
      const b = await runSensitivity(scenario, { ...options, store: there, executor });
      expect(b.ensemble.computed).toBe(16 * 4);
      expect(sensitivityDocument(b)).toEqual(sensitivityDocument(a));
      expect(runBytes(there, b.ensemble.meta.id)).toEqual(runBytes(here, a.ensemble.meta.id));
    } finally {
      here.close();
      there.close();
      await executor.close();
      await Promise.all(ws.map((w) => w.close()));
    }
  });
});
