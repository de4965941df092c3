/**
 * The distributed queue's cost. Run: `npm run build && npm run bench -- queue`
 * (needs Debian's redis-server; the bench starts its own on 127.0.0.1).
 *
 * The scenario is scenarios/baseline-2017.yaml with its `uncertain` block cut
 * to the parameters that are not `deterrence.*` (those are left at their
 * values), written to a temporary file: with the deterrence parameters drawn,
 * a run costs about 0.2 s of CPU, 10,000 runs take about 17 minutes per mode
 * on two cores, and the queue's overhead would be lost in them.
 *
 * 1. tinybench task: what a chunk's result costs to send, apart from Redis:
 *    the 50 runs of a chunk (8 powers × 20 years) encoded as base64
 *    little-endian Float64, serialised to JSON as BullMQ stores job data,
 *    parsed, checked against the result schema and decoded.
 * 2. The same ensemble as users run it, N = QUEUE_BENCH_RUNS (default
 *    10,000) runs with seed 1, alternately, QUEUE_BENCH_REPEATS times
 *    (default 3), each in fresh processes, with the load average printed:
 *    - local: `concert run --workers 2 --store <new> --json` (two threads);
 *    - queue: two `concert worker --threads 1` processes, started and
 *      connected first (workers are long-running; their threads have loaded
 *      the engine but run it cold), then the coordinator
 *      `concert run --queue redis://… --store <new> --json`, timed like the
 *      local run; Redis's `used_memory`, the coordinator's CPU time (from
 *      /proc) and Redis's (`info cpu`) are sampled every 50 ms meanwhile.
 *    The outputs of both are checked to be the same bytes.
 * 3. The fixed part of each: the same two commands again on the stores they
 *    filled (start-up, the scenario, the store and the summary; nothing to
 *    compute), REPEATS times alternately.
 * 4. Where a chunk's time goes, once: two fresh workers and, in a fresh
 *    process, the coordinator from dist/ (QueueExecutor + runEnsemble), which
 *    prints the sum over chunks of the workers' compute time (from when a
 *    thread takes the chunk); the threads' time not spent computing, per
 *    chunk, is (wall until the last chunk is stored × 2 − Σ compute) / chunks
 *    (waiting for Redis, sending results, the start and the tail); the
 *    summary after it is timed apart.
 * 5. Against N: a local and a queue run of N/5 and of 2N runs (how the
 *    difference grows with N), with the peak of Redis's `used_memory` during
 *    the queue runs (results are streamed to the store, so it should not grow).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Redis } from 'ioredis';
import type { Bench } from 'tinybench';
import { parseDocument } from 'yaml';
import { startRedis, type TestRedis } from '../test/queue/redis-server.js';

const dist = new URL('../dist/', import.meta.url);
const cli = fileURLToPath(new URL('../bin/concert.js', import.meta.url));
const baseline = fileURLToPath(new URL('../scenarios/baseline-2017.yaml', import.meta.url));
/** The scenario every run of the bench uses (written by {@link withoutDeterrenceUncertainty}). */
let scenario = baseline;

/**
 * baseline-2017 with its `uncertain` block cut to the parameters that are not
 * `deterrence.*` (the deterrence parameters are left at their values), as in
 * bench/sensitivity.bench.ts: with them drawn, every run evaluates its own
 * deterrence balances (about 0.2 s of CPU a run), 10,000 runs take about
 * 17 minutes per mode on two cores, and the queue's overhead is lost in it.
 */
function withoutDeterrenceUncertainty(dir: string): string {
  const doc = parseDocument(readFileSync(baseline, 'utf8'));
  const uncertain = doc.get('uncertain') as { items: { get(k: string): unknown }[] };
  uncertain.items = uncertain.items.filter((u) => !String(u.get('parameter')).startsWith('deterrence.'));
  doc.set('name', 'baseline-2017-no-deterrence-uncertainty');
  const file = join(dir, 'baseline-2017-no-deterrence-uncertainty.yaml');
  writeFileSync(file, doc.toString());
  return file;
}

type Protocol = typeof import('../src/runtime/queue/protocol.js');
type Task = typeof import('../src/scenario/task.js');
type Load = typeof import('../src/scenario/load.js');

const median = (xs: readonly number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const h = (s.length - 1) / 2;
  return (s[Math.floor(h)]! + s[Math.ceil(h)]!) / 2;
};

function run(args: readonly string[]): {
  child: ChildProcess;
  done: Promise<{ wallS: number; stdout: string }>;
} {
  const t0 = performance.now();
  const child = spawn(process.execPath, [cli, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d: Buffer) => {
    stdout += d.toString();
  });
  child.stderr!.on('data', (d: Buffer) => {
    stderr += d.toString();
  });
  const done = new Promise<{ wallS: number; stdout: string }>((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', (code) => {
      const wallS = (performance.now() - t0) / 1000;
      if (code !== 0 && code !== null) reject(new Error(`concert ${args[0]} exited with ${code}: ${stderr}`));
      else resolve({ wallS, stdout });
    });
  });
  return { child, done };
}

/** Two `concert worker --threads 1` processes, resolved once both take chunks. */
async function startWorkers(url: string): Promise<ChildProcess[]> {
  const workers = [0, 1].map((k) => {
    const w = run(['worker', '--redis', url, '--threads', '1', '--name', `bench-${k}`]);
    w.done.catch(() => undefined);
    return w.child;
  });
  await Promise.all(
    workers.map(
      (child) =>
        new Promise<void>((resolve, reject) => {
          let log = '';
          child.stdout!.on('data', (d: Buffer) => {
            log += d.toString();
            if (log.includes('taking chunks')) resolve();
          });
          child.on('exit', () => reject(new Error(`a worker exited before starting: ${log}`)));
        }),
    ),
  );
  return workers;
}

function stopWorkers(workers: readonly ChildProcess[]): Promise<void> {
  return Promise.all(
    workers.map(
      (child) =>
        new Promise<void>((resolve) => {
          if (child.exitCode !== null) return resolve();
          child.once('exit', () => resolve());
          child.kill('SIGTERM');
        }),
    ),
  ).then(() => undefined);
}

/** Redis's used_memory (bytes), through a connection (spawning redis-cli 20 times a second would load the cores measured). */
async function usedMemory(client: Redis): Promise<number> {
  const m = /used_memory:(\d+)/.exec(await client.info('memory'));
  return m ? Number(m[1]) : 0;
}

/** Redis's CPU time so far (s, user + system). */
async function redisCpuS(client: Redis): Promise<number> {
  const info = await client.info('cpu');
  const user = /used_cpu_user:([\d.]+)/.exec(info);
  const sys = /used_cpu_sys:([\d.]+)/.exec(info);
  return (user ? Number(user[1]) : 0) + (sys ? Number(sys[1]) : 0);
}

/** A process's CPU time so far (s, user + system, from /proc; 0 once it has gone). */
function processCpuS(pid: number | undefined): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100; // utime, stime in ticks of 1/100 s
  } catch {
    return 0;
  }
}

/**
 * `concert run --queue` of `runs` runs with two fresh workers: wall time,
 * output, Redis's peak memory, and the CPU time of the coordinator process
 * and of Redis (sampled every 50 ms, so the coordinator's last 50 ms are missed).
 */
async function queueRun(
  redis: TestRedis,
  runs: number,
  store: string,
): Promise<{
  wallS: number;
  stdout: string;
  peakMiB: number;
  idleMiB: number;
  coordinatorCpuS: number;
  workersCpuS: number;
  redisCpuS: number;
}> {
  const workers = await startWorkers(redis.url);
  const client = new Redis({ port: redis.port, host: '127.0.0.1', lazyConnect: true });
  await client.connect();
  const idle = await usedMemory(client);
  const redisCpu0 = await redisCpuS(client);
  const workersCpu0 = workers.reduce((sum, w) => sum + processCpuS(w.pid), 0);
  let peak = idle;
  let coordinatorCpuS = 0;
  let pid: number | undefined;
  let sampling = false;
  const sampler = setInterval(() => {
    coordinatorCpuS = Math.max(coordinatorCpuS, processCpuS(pid));
    if (sampling) return;
    sampling = true;
    usedMemory(client)
      .then((m) => {
        peak = Math.max(peak, m);
      })
      .catch(() => undefined)
      .finally(() => {
        sampling = false;
      });
  }, 50);
  try {
    const r = run([
      'run',
      scenario,
      '--runs',
      String(runs),
      '--seed',
      '1',
      '--queue',
      redis.url,
      '--store',
      store,
      '--json',
    ]);
    pid = r.child.pid;
    const out = await r.done;
    return {
      ...out,
      peakMiB: peak / 2 ** 20,
      idleMiB: idle / 2 ** 20,
      coordinatorCpuS,
      workersCpuS: workers.reduce((sum, w) => sum + processCpuS(w.pid), 0) - workersCpu0,
      redisCpuS: (await redisCpuS(client)) - redisCpu0,
    };
  } finally {
    clearInterval(sampler);
    client.disconnect();
    await stopWorkers(workers);
  }
}

/** `concert run --workers 2`: wall time, output and the process's CPU time (sampled every 50 ms). */
async function localRun(
  runs: number,
  store: string,
): Promise<{ wallS: number; stdout: string; cpuS: number }> {
  const r = run([
    'run',
    scenario,
    '--runs',
    String(runs),
    '--seed',
    '1',
    '--workers',
    '2',
    '--store',
    store,
    '--json',
  ]);
  let cpuS = 0;
  const sampler = setInterval(() => {
    cpuS = Math.max(cpuS, processCpuS(r.child.pid));
  }, 50);
  try {
    return { ...(await r.done), cpuS };
  } finally {
    clearInterval(sampler);
  }
}

/** The coordinator from dist/ in a fresh process: wall time and the queue's per-chunk statistics. */
async function coordinatorStats(
  url: string,
  runs: number,
  store: string,
): Promise<{ wallS: number; computeWallS: number; stats: Record<string, number> }> {
  const code = `
    const dist = ${JSON.stringify(dist.href)};
    const { runEnsemble } = await import(dist + 'scenario/ensemble.js');
    const { RunStore } = await import(dist + 'runtime/store.js');
    const { loadScenario } = await import(dist + 'scenario/load.js');
    const { QueueExecutor, parseRedisUrl } = await import(dist + 'runtime/queue/index.js');
    const s = loadScenario(${JSON.stringify(scenario)});
    const executor = new QueueExecutor({ redis: parseRedisUrl(${JSON.stringify(url)}, 'url') });
    const store = RunStore.open(${JSON.stringify(store)});
    let computedAt = 0;
    const compute = executor.compute.bind(executor);
    executor.compute = (work) => compute(work).then(() => { computedAt = performance.now(); });
    const t0 = performance.now();
    // workers 2, as \`concert run --queue\` on these two cores: the summary runs on a pool of one thread and this one.
    await runEnsemble(s, { runs: ${runs}, seed: 1, workers: 2, store, executor, summarize: true });
    const wallS = (performance.now() - t0) / 1000;
    const computeWallS = (computedAt - t0) / 1000;
    process.stdout.write(JSON.stringify({ wallS, computeWallS, stats: executor.stats }));
    await executor.close();
    store.close();`;
  const workers = await startWorkers(url);
  try {
    return await new Promise((resolve, reject) => {
      const child = spawn(process.execPath, ['--input-type=module', '-e', code], {
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let out = '';
      let err = '';
      child.stdout.on('data', (d: Buffer) => {
        out += d.toString();
      });
      child.stderr.on('data', (d: Buffer) => {
        err += d.toString();
      });
      child.on('exit', (c) =>
        c === 0 ? resolve(JSON.parse(out)) : reject(new Error(`coordinator exited with ${c}: ${err}`)),
      );
    });
  } finally {
    await stopWorkers(workers);
  }
}

export default async function (bench: Bench): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'concert-queue-bench-'));
  scenario = withoutDeterrenceUncertainty(dir);
  const protocol = (await import(new URL('runtime/queue/protocol.js', dist).href)) as Protocol;
  const { simulateChunk } = (await import(new URL('scenario/task.js', dist).href)) as Task;
  const { loadScenario } = (await import(new URL('scenario/load.js', dist).href)) as Load;
  const chunk = simulateChunk({
    scenario: loadScenario(scenario),
    seed: 1,
    runs: Array.from({ length: protocol.QUEUE_CHUNK_RUNS }, (_, k) => k),
  });
  bench.add('one 50-run baseline chunk: encode, JSON, parse, check, decode (no Redis)', () => {
    const text = JSON.stringify({
      ensemble: '0'.repeat(64),
      index: 0,
      first: 0,
      count: protocol.QUEUE_CHUNK_RUNS,
      values: protocol.encodeFloats(chunk.values),
      draws: protocol.encodeFloats(chunk.draws),
      worker: 'bench',
      computeMs: 1,
    });
    const r = protocol.ResultJobSchema.parse(JSON.parse(text));
    protocol.decodeFloats(r.values);
    protocol.decodeFloats(r.draws);
  });

  const runs = Number(process.env.QUEUE_BENCH_RUNS ?? 10_000);
  const repeats = Number(process.env.QUEUE_BENCH_REPEATS ?? 3);
  const redis = await startRedis();
  const load = () =>
    loadavg()
      .map((l) => l.toFixed(2))
      .join(' ');
  console.log(`load average at the start: ${load()}`);
  const rows: Record<string, string | number>[] = [];
  const walls: { local: number[]; queue: number[]; stdout?: string } = { local: [], queue: [] };
  const ratios: number[] = [];
  try {
    for (let rep = 1; rep <= repeats; rep++) {
      const local = await localRun(runs, join(dir, `local-${rep}.db`));
      const queued = await queueRun(redis, runs, join(dir, `queue-${rep}.db`));
      if (queued.stdout !== local.stdout) throw new Error('the queued ensemble differs from the local one');
      walls.stdout = local.stdout;
      walls.local.push(local.wallS);
      walls.queue.push(queued.wallS);
      ratios.push(queued.wallS / local.wallS);
      rows.push({
        task: `local, 2 threads: ${runs} runs × 20 years`,
        repetition: rep,
        'wall (s)': Number(local.wallS.toFixed(2)),
        'CPU: local process / coordinator (s)': Number(local.cpuS.toFixed(2)),
      });
      rows.push({
        task: `queue, 2 workers × 1 thread: ${runs} runs × 20 years`,
        repetition: rep,
        'wall (s)': Number(queued.wallS.toFixed(2)),
        'Redis peak (MiB)': Number(queued.peakMiB.toFixed(1)),
        'Redis idle (MiB)': Number(queued.idleMiB.toFixed(1)),
        'CPU: local process / coordinator (s)': Number(queued.coordinatorCpuS.toFixed(2)),
        'CPU: workers (s)': Number(queued.workersCpuS.toFixed(2)),
        'CPU: Redis (s)': Number(queued.redisCpuS.toFixed(2)),
      });
      console.log(
        `repetition ${rep} (load average ${load()}): local ${local.wallS.toFixed(2)} s, queue ${queued.wallS.toFixed(2)} s`,
      );
    }
    // The fixed part of each: the same commands on the stores they filled (start-up, the scenario,
    // the store and the summary, read in this thread; nothing computed, no worker needed).
    const fixed: Record<'local' | 'queue', number[]> = { local: [], queue: [] };
    for (let rep = 1; rep <= repeats; rep++) {
      for (const mode of ['local', 'queue'] as const) {
        const how = mode === 'local' ? ['--workers', '2'] : ['--queue', redis.url];
        const again = await run([
          'run',
          scenario,
          '--runs',
          String(runs),
          '--seed',
          '1',
          ...how,
          '--store',
          join(dir, `${mode}-1.db`),
          '--json',
        ]).done;
        if (again.stdout !== walls.stdout) throw new Error(`the ${mode} run from its store differs`);
        fixed[mode].push(again.wallS);
      }
    }
    for (const mode of ['local', 'queue'] as const)
      rows.push({
        task: `${mode}, every run already stored: start-up, summary (${runs} runs)`,
        repetition: fixed[mode].map((w) => w.toFixed(2)).join(', '),
        'wall (s)': Number(median(fixed[mode]).toFixed(2)),
      });
    // N/5 and 2N runs, local then queue: how the difference grows with N (and Redis memory does not).
    for (const n of [Math.max(1, Math.round(runs / 5)), 2 * runs]) {
      const local = await localRun(n, join(dir, `local-n${n}.db`));
      const queued = await queueRun(redis, n, join(dir, `queue-n${n}.db`));
      if (queued.stdout !== local.stdout)
        throw new Error(`the queued ensemble of ${n} runs differs from the local one`);
      console.log(
        `${n} runs (load average ${load()}): local ${local.wallS.toFixed(2)} s, queue ${queued.wallS.toFixed(2)} s`,
      );
      rows.push({
        task: `local, 2 threads: ${n} runs × 20 years`,
        repetition: 1,
        'wall (s)': Number(local.wallS.toFixed(2)),
        'CPU: local process / coordinator (s)': Number(local.cpuS.toFixed(2)),
      });
      rows.push({
        task: `queue, 2 workers × 1 thread: ${n} runs × 20 years`,
        repetition: 1,
        'wall (s)': Number(queued.wallS.toFixed(2)),
        'Redis peak (MiB)': Number(queued.peakMiB.toFixed(1)),
        'Redis idle (MiB)': Number(queued.idleMiB.toFixed(1)),
        'CPU: local process / coordinator (s)': Number(queued.coordinatorCpuS.toFixed(2)),
        'CPU: workers (s)': Number(queued.workersCpuS.toFixed(2)),
        'CPU: Redis (s)': Number(queued.redisCpuS.toFixed(2)),
      });
    }
    const { wallS, computeWallS, stats } = await coordinatorStats(redis.url, runs, join(dir, 'stats.db'));
    const chunks = stats.chunks!;
    console.log(
      `\n# where a chunk's time goes (${runs} runs, ${chunks} chunks, 2 workers × 1 thread, coordinator in-process from dist/)\n` +
        `wall ${wallS.toFixed(2)} s, of which computing the runs ${computeWallS.toFixed(2)} s and the summary ` +
        `${(wallS - computeWallS).toFixed(2)} s; workers' compute ${(stats.computeMs! / 1000).toFixed(2)} s in all, ` +
        `${(stats.computeMs! / chunks).toFixed(1)} ms per chunk; threads' time not computing while the runs are computed ` +
        `${((computeWallS * 2000 - stats.computeMs!) / chunks).toFixed(1)} ms per chunk; ` +
        `submission to stored ${(stats.latencyMs! / chunks).toFixed(0)} ms per chunk on average (mostly waiting in the window); ` +
        `resubmitted ${stats.resubmitted}, duplicates ${stats.duplicates}`,
    );
  } finally {
    await redis.stop();
    rmSync(dir, { recursive: true, force: true });
  }
  console.log(
    `\n# ensembles through the queue vs local (fresh processes; outputs identical; load average at the end ${load()})`,
  );
  console.table(rows);
  console.log(
    `median wall: local ${median(walls.local).toFixed(2)} s, queue ${median(walls.queue).toFixed(2)} s; ` +
      `queue / local ${(median(walls.queue) / median(walls.local)).toFixed(3)} ` +
      `(per repetition: ${ratios.map((r) => r.toFixed(3)).join(', ')})`,
  );
}
