/**
 * Faults of a distributed ensemble, with real processes: `concert worker`
 * processes and a `concert run --queue` coordinator (the CLI, from source),
 * a real redis-server, SIGKILL. Each ensemble must end with exactly its N
 * runs in the store and print the same JSON document, byte for byte, as a
 * local `concert run` with the same seed.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { QueueEvents } from 'bullmq';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CHUNK_QUEUE, QUEUE_PREFIX } from '../../src/runtime/queue/index.js';
import { RunStore } from '../../src/runtime/store.js';
import { runCli } from '../helpers/cli.js';
import { startRedis, type TestRedis } from './redis-server.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'concert-queue-faults-'));
const scenario = 'scenarios/baseline-2017.yaml';
// Four chunks of 50. A run of baseline-2017 samples deterrence parameters and takes ~0.2 s of CPU, so
// an ensemble takes ~40 s on one thread: long enough to kill things in the middle of it.
const RUNS = 200;
const SEED = 7;
const LOCK_MS = 2000;

let redis: TestRedis;
let reference: string;
const children: ChildProcess[] = [];

beforeAll(async () => {
  redis = await startRedis();
  const local = runCli([
    'run',
    scenario,
    '--runs',
    String(RUNS),
    '--seed',
    String(SEED),
    '--workers',
    '1',
    '--store',
    join(dir, 'local.db'),
    '--json',
  ]);
  expect(local.code, local.stderr).toBe(0);
  reference = local.stdout;
}, 240_000);
afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
  redis.cli('flushall');
});
afterAll(async () => {
  await redis?.stop();
  rmSync(dir, { recursive: true, force: true });
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function concert(args: readonly string[]): {
  child: ChildProcess;
  output: Promise<{ code: number | null; stdout: string; stderr: string }>;
} {
  const child = spawn(process.execPath, ['--import', 'tsx', `${root}src/cli/bin.ts`, ...args], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d: Buffer) => {
    stdout += d.toString();
  });
  child.stderr!.on('data', (d: Buffer) => {
    stderr += d.toString();
  });
  const output = new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) =>
    child.on('exit', (code) => resolve({ code, stdout, stderr })),
  );
  return { child, output };
}

/** A `concert worker` of one thread, resolved once it takes chunks. */
async function worker(name: string): Promise<{ child: ChildProcess; log: () => string }> {
  const { child } = concert([
    'worker',
    '--redis',
    redis.url,
    '--threads',
    '1',
    '--lock-ms',
    String(LOCK_MS),
    '--name',
    name,
  ]);
  let log = '';
  child.stdout!.on('data', (d: Buffer) => {
    log += d.toString();
  });
  const end = Date.now() + 60_000;
  while (!log.includes('taking chunks')) {
    if (child.exitCode !== null || Date.now() > end) throw new Error(`worker ${name} did not start: ${log}`);
    await sleep(50);
  }
  return { child, log: () => log };
}

/** `concert run --queue` of the reference ensemble into `store`. */
function coordinator(store: string) {
  return concert([
    'run',
    scenario,
    '--runs',
    String(RUNS),
    '--seed',
    String(SEED),
    '--queue',
    redis.url,
    '--store',
    store,
    '--json',
  ]);
}

function stored(path: string): { runs: number; distinct: number; missing: number } {
  try {
    const store = RunStore.open(path);
    try {
      const [e] = store.listEnsembles();
      if (!e) return { runs: 0, distinct: 0, missing: RUNS };
      const indices = [...store.iterateRuns(e.id)].map((r) => r.run);
      return {
        runs: indices.length,
        distinct: new Set(indices).size,
        missing: store.missingRuns(e.id, RUNS).length,
      };
    } finally {
      store.close();
    }
  } catch {
    return { runs: 0, distinct: 0, missing: RUNS };
  }
}

async function until(check: () => boolean, what: string, ms = 120_000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(25);
  }
}

describe('a worker killed in the middle of a chunk', () => {
  it('loses its chunk to another worker, which finishes it: exactly N runs, the bytes of a local run', {
    timeout: 240_000,
  }, async () => {
    const events = new QueueEvents(CHUNK_QUEUE, { connection: { port: redis.port }, prefix: QUEUE_PREFIX });
    await events.waitUntilReady();
    const progress: { jobId: string; done: number; runs: number }[] = [];
    const completed = new Map<string, { worker: string }>();
    events.on('progress', ({ jobId, data }) =>
      progress.push({ jobId, ...(data as { done: number; runs: number }) }),
    );
    events.on('completed', ({ jobId, returnvalue }) =>
      completed.set(
        jobId,
        (typeof returnvalue === 'string' ? JSON.parse(returnvalue) : returnvalue) as { worker: string },
      ),
    );
    try {
      const a = await worker('A');
      const store = join(dir, 'killed-worker.db');
      const run = coordinator(store);
      // A computes one chunk at a time (one thread; a second waits); kill it as soon as that chunk is partly computed.
      await until(() => progress.length > 0, "worker A's first progress");
      const { jobId, done, runs } = progress[0]!;
      a.child.kill('SIGKILL');
      expect(done).toBeGreaterThan(0);
      expect(done).toBeLessThan(runs);
      expect(completed.has(jobId)).toBe(false);
      await sleep(100);
      expect(completed.has(jobId)).toBe(false);

      const b = await worker('B');
      const out = await run.output;
      expect(out.code, out.stderr).toBe(0);
      expect(out.stdout).toBe(reference);
      expect(completed.get(jobId)?.worker).toBe('B');
      expect(stored(store)).toEqual({ runs: RUNS, distinct: RUNS, missing: 0 });
      b.child.kill('SIGTERM');
    } finally {
      await events.close();
    }
  });
});

describe('Redis restarted in the middle of an ensemble', () => {
  it('the coordinator and the worker reconnect, the lost chunks are submitted again: exactly N runs, the bytes of a local run', {
    timeout: 240_000,
  }, async () => {
    const w = await worker('W');
    const store = join(dir, 'redis-restart.db');
    const run = coordinator(store);
    await until(() => stored(store).runs >= 50, 'the first stored chunk');
    const before = stored(store).runs;
    // Killed: nothing in Redis survives (no persistence), so every queued chunk and result is lost.
    await redis.restart();
    expect(before).toBeLessThan(RUNS);
    const out = await run.output;
    expect(out.code, out.stderr).toBe(0);
    expect(out.stdout).toBe(reference);
    expect(out.stderr).toContain('lost the connection to Redis');
    expect(w.log()).toContain('lost the connection to Redis');
    expect(stored(store)).toEqual({ runs: RUNS, distinct: RUNS, missing: 0 });
  });
});

describe('a coordinator killed and started again', () => {
  it('resumes from the run store and the queue: exactly N runs, the bytes of a local run, nothing left in Redis', {
    timeout: 240_000,
  }, async () => {
    await worker('W');
    const store = join(dir, 'coordinator-restart.db');
    const first = coordinator(store);
    await until(() => stored(store).runs >= 50, 'the first stored chunk');
    first.child.kill('SIGKILL');
    await first.output;
    const before = stored(store);
    expect(before.runs).toBeLessThan(RUNS);

    const second = await coordinator(store).output;
    expect(second.code, second.stderr).toBe(0);
    expect(second.stdout).toBe(reference);
    expect(stored(store)).toEqual({ runs: RUNS, distinct: RUNS, missing: 0 });
    const keys = redis.cli('--scan', '--pattern', '*').split('\n').filter(Boolean);
    expect(
      keys.filter((k) => k.includes('results-') || k.includes(':ensemble:') || k.includes(':lease:')),
    ).toEqual([]);
  });
});
