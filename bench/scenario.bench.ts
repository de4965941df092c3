/**
 * Scenario engine performance. Run: `npm run build && npm run bench -- scenario`.
 *
 * 1. tinybench task: one run of scenarios/baseline-2017.yaml (8 powers × 20
 *    years, all couplings, every indicator; the deterrence memo and the
 *    engine's caches warm, as in a worker thread), in this thread.
 * 2. Ensembles as a user runs them: `concert run scenarios/baseline-2017.yaml
 *    --runs N --seed 1 --workers K --store <fresh file> --json`, each in its
 *    own fresh process (module loading, worker start-up, the run store and
 *    the quantile summary included; nothing warmed by an earlier measurement),
 *    N = SCENARIO_BENCH_RUNS (default 10,000), with 1 and 2 workers
 *    alternately, SCENARIO_BENCH_REPEATS times (default 3), and once each
 *    with 2 workers and N/5 and 2N runs, to show memory against the number
 *    of runs. For
 *    each process: wall time, CPU time of all its threads and peak resident
 *    memory (VmHWM), read from /proc while it runs. The speed-up is the ratio
 *    of the median wall times, and also given per repetition (the processes
 *    of a repetition run back to back, under the same load).
 * 3. The machine's parallel ceiling, in each repetition: two independent
 *    `concert run` processes of N/2 runs each (1 worker, seeds 1 and 2,
 *    separate stores) started together: the same total work with no
 *    coordination, no shared memory and no messages between the halves. No
 *    2-worker ensemble can beat the ratio of the 1-worker time to the time
 *    this pair takes (both finished), so it is printed beside the speed-up.
 * 4. Warm threads, as in `concert serve` (one pool for every job) and in the
 *    later ensembles of `concert compare`: in a fresh process, after a
 *    2,000-run ensemble (another seed) on the same threads, the time of an
 *    N-run ensemble with 1 worker (the process's thread) and with 2 (one
 *    pool), store and summary included, SCENARIO_BENCH_REPEATS times
 *    alternately.
 *
 * The compiled CLI in dist/ is used (`npm run build` first): it is what
 * users run, and its worker threads then run compiled code.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Bench } from 'tinybench';

type Load = typeof import('../src/scenario/load.js');
type Engine = typeof import('../src/scenario/engine.js');
type Parts = typeof import('../src/scenario/parts.js');

const dist = new URL('../dist/', import.meta.url);
const load = async <T>(path: string): Promise<T> => (await import(new URL(path, dist).href)) as T;
const cli = fileURLToPath(new URL('../bin/concert.js', import.meta.url));
const scenario = fileURLToPath(new URL('../scenarios/baseline-2017.yaml', import.meta.url));
const CLOCK_TICKS = 100;

interface Measured {
  readonly wallS: number;
  readonly cpuS: number;
  readonly peakRssMiB: number;
}

/** Runs `concert run` in a fresh process and measures it from outside. */
function measureRun(runs: number, workers: number, store: string, seed = 1): Promise<Measured> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(
      process.execPath,
      [
        cli,
        'run',
        scenario,
        '--runs',
        String(runs),
        '--seed',
        String(seed),
        '--workers',
        String(workers),
        '--store',
        store,
        '--json',
      ],
      { stdio: ['ignore', 'ignore', 'pipe'] },
    );
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
    });
    let peakKiB = 0;
    let cpuTicks = 0;
    const sample = () => {
      try {
        const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
        const hwm = /VmHWM:\s+(\d+) kB/.exec(status);
        if (hwm) peakKiB = Math.max(peakKiB, Number(hwm[1]));
        const stat = readFileSync(`/proc/${child.pid}/stat`, 'utf8');
        const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        cpuTicks = Math.max(cpuTicks, Number(fields[11]) + Number(fields[12]));
      } catch {
        // The process has just exited.
      }
    };
    const timer = setInterval(sample, 50);
    child.on('error', reject);
    child.on('exit', (code) => {
      clearInterval(timer);
      const wallS = (performance.now() - t0) / 1000;
      if (code !== 0) reject(new Error(`concert run exited with ${code}: ${stderr}`));
      else resolve({ wallS, cpuS: cpuTicks / CLOCK_TICKS, peakRssMiB: Math.round(peakKiB / 1024) });
    });
  });
}

/**
 * The wall time of an `runs`-run ensemble on warm threads: a fresh process
 * loads the engine from dist/, runs a 2,000-run ensemble (seed + 1000) and
 * then the measured one (seed) on the same threads (this thread with 1
 * worker, one pool with more), store and summary included.
 */
function measureWarm(runs: number, workers: number, store: string, seed: number): Promise<number> {
  const code = `
    const dist = ${JSON.stringify(dist.href)};
    const { ensemblePool, runEnsemble } = await import(dist + 'scenario/ensemble.js');
    const { RunStore } = await import(dist + 'runtime/store.js');
    const { loadScenario } = await import(dist + 'scenario/load.js');
    const s = loadScenario(${JSON.stringify(scenario)});
    const workers = ${workers};
    const pool = workers > 1 ? ensemblePool(workers) : undefined;
    const store = RunStore.open(${JSON.stringify(store)});
    const options = { workers, store, summarize: true, ...(pool ? { pool } : {}) };
    await runEnsemble(s, { ...options, runs: 2000, seed: ${seed + 1000} });
    const t0 = performance.now();
    await runEnsemble(s, { ...options, runs: ${runs}, seed: ${seed} });
    process.stdout.write(String((performance.now() - t0) / 1000));
    await pool?.close();
    store.close();`;
  return new Promise((resolve, reject) => {
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
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code !== 0) reject(new Error(`warm ensemble exited with ${code}: ${err}`));
      else resolve(Number(out));
    });
  });
}

const median = (xs: readonly number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const h = (s.length - 1) / 2;
  return (s[Math.floor(h)]! + s[Math.ceil(h)]!) / 2;
};

export default async function (bench: Bench): Promise<void> {
  const { loadScenario } = await load<Load>('scenario/load.js');
  const { engineCaches, simulateRun } = await load<Engine>('scenario/engine.js');
  const { defaultParts } = await load<Parts>('scenario/parts.js');
  const { Rng } = await import(new URL('core/rng.js', dist).href);

  const baseline = loadScenario(scenario);
  const parts = defaultParts(baseline);
  // One set of caches for every run, as a worker thread keeps (without it, each run starts cold).
  const caches = engineCaches();
  for (let k = 0; k < 200; k++) simulateRun(baseline, k, Rng.stream(1, k), parts, caches);
  let k = 0;
  bench.add('baseline-2017: one run, 8 powers × 20 years (warm caches, 1 thread)', () => {
    simulateRun(baseline, k, Rng.stream(1, k), parts, caches);
    k++;
  });

  const runs = Number(process.env.SCENARIO_BENCH_RUNS ?? 10_000);
  const repeats = Number(process.env.SCENARIO_BENCH_REPEATS ?? 3);
  const dir = mkdtempSync(join(tmpdir(), 'concert-bench-'));
  const rows: Record<string, string | number>[] = [];
  const walls: Record<number, number[]> = { 1: [], 2: [] };
  const ratios: number[] = [];
  const ceilings: number[] = [];
  const warm: Record<number, number[]> = { 1: [], 2: [] };
  const warmRatios: number[] = [];
  const row = (n: number, workers: number, rep: string, m: Measured, task?: string) =>
    rows.push({
      task: task ?? `concert run baseline-2017, ${n} runs × 20 years`,
      workers,
      repetition: rep,
      'wall (s)': Number(m.wallS.toFixed(2)),
      'runs/s': Math.round(n / m.wallS),
      'CPU (s, all threads)': Number(m.cpuS.toFixed(1)),
      'peak RSS (MiB)': m.peakRssMiB,
    });
  try {
    for (let rep = 1; rep <= repeats; rep++) {
      const pair: Record<number, number> = {};
      for (const workers of [1, 2]) {
        const m = await measureRun(runs, workers, join(dir, `w${workers}-r${rep}.db`));
        walls[workers]!.push(m.wallS);
        pair[workers] = m.wallS;
        row(runs, workers, String(rep), m);
      }
      ratios.push(pair[1]! / pair[2]!);
      const half = Math.ceil(runs / 2);
      const t0 = performance.now();
      const both = await Promise.all(
        [1, 2].map((seed) => measureRun(half, 1, join(dir, `half${seed}-r${rep}.db`), seed)),
      );
      const together: Measured = {
        wallS: (performance.now() - t0) / 1000,
        cpuS: both[0]!.cpuS + both[1]!.cpuS,
        peakRssMiB: both[0]!.peakRssMiB + both[1]!.peakRssMiB,
      };
      row(runs, 1, String(rep), together, `ceiling: 2 independent processes × ${half} runs, 1 worker each`);
      ceilings.push(pair[1]! / together.wallS);
    }
    // Memory against the number of runs: a fifth and twice as many runs, with 2 workers.
    for (const n of [Math.max(1, Math.round(runs / 5)), 2 * runs]) {
      row(n, 2, '1', await measureRun(n, 2, join(dir, `n${n}.db`)));
    }
    // Warm threads: in a fresh process, a 2,000-run ensemble, then the measured one on the same threads.
    for (let rep = 1; rep <= repeats; rep++) {
      const pair: Record<number, number> = {};
      for (const workers of [1, 2]) {
        pair[workers] = await measureWarm(runs, workers, join(dir, `warm-w${workers}-r${rep}.db`), rep);
        warm[workers]!.push(pair[workers]!);
        rows.push({
          task: `warm threads (after 2,000 runs): ${runs} runs × 20 years`,
          workers,
          repetition: String(rep),
          'wall (s)': Number(pair[workers]!.toFixed(2)),
          'runs/s': Math.round(runs / pair[workers]!),
        });
      }
      warmRatios.push(pair[1]! / pair[2]!);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  console.log(
    '\n# scenario ensembles: `concert run`, one fresh process each (run store and summary included)',
  );
  console.table(rows);
  console.log(
    `median wall: 1 worker ${median(walls[1]!).toFixed(2)} s, 2 workers ${median(walls[2]!).toFixed(2)} s; ` +
      `speed-up ${(median(walls[1]!) / median(walls[2]!)).toFixed(2)}× ` +
      `(per repetition: ${ratios.map((r) => `${r.toFixed(2)}×`).join(', ')}); ` +
      `ceiling (1 worker vs two independent half-size processes): ${ceilings.map((r) => `${r.toFixed(2)}×`).join(', ')}`,
  );
  console.log(
    `warm threads: median 1 worker ${median(warm[1]!).toFixed(2)} s, 2 workers ${median(warm[2]!).toFixed(2)} s; ` +
      `speed-up ${(median(warm[1]!) / median(warm[2]!)).toFixed(2)}× ` +
      `(per repetition: ${warmRatios.map((r) => `${r.toFixed(2)}×`).join(', ')})`,
  );
}
