/**
 * Scenario engine performance. Run: `npm run build && npm run bench -- scenario`.
 *
 * 1. tinybench task: one run of scenarios/baseline-2017.yaml (8 powers × 20
 *    years, all couplings, deterrence caches warm), in this thread.
 * 2. Ensemble measurement (printed as its own table, outside tinybench's
 *    repeat loop because one iteration takes seconds): the baseline's
 *    ensemble of SCENARIO_BENCH_RUNS runs (default 10,000) into a fresh run
 *    store, with 1 and with 2 worker threads, wall-clock time including
 *    worker start-up and the quantile summary, the speed-up, and the peak
 *    resident memory of the process (worker threads included) at a fifth of
 *    the runs and at all of them, to show memory flat in the number of runs,
 *    and the CPU time of all threads (on a shared machine, wall time below
 *    CPU time / workers means the cores were busy with other work).
 *
 * The compiled engine in dist/ is used, because it is what `concert run`
 * executes and its worker threads then run compiled code (from source they
 * run through the tsx loader, which is several times slower).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Bench } from 'tinybench';

type Ensemble = typeof import('../src/scenario/ensemble.js');
type Load = typeof import('../src/scenario/load.js');
type Engine = typeof import('../src/scenario/engine.js');
type Parts = typeof import('../src/scenario/parts.js');
type Store = typeof import('../src/runtime/store.js');

const dist = new URL('../dist/', import.meta.url);
const load = async <T>(path: string): Promise<T> => (await import(new URL(path, dist).href)) as T;

function peakRss(): { stop: () => number } {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 50);
  return {
    stop: () => {
      clearInterval(timer);
      return Math.max(peak, process.memoryUsage().rss);
    },
  };
}

export default async function (bench: Bench): Promise<void> {
  const { loadScenario } = await load<Load>('scenario/load.js');
  const { simulateRun } = await load<Engine>('scenario/engine.js');
  const { defaultParts } = await load<Parts>('scenario/parts.js');
  const { runEnsemble } = await load<Ensemble>('scenario/ensemble.js');
  const { RunStore } = await load<Store>('runtime/store.js');
  const { Rng } = await import(new URL('core/rng.js', dist).href);

  const baseline = loadScenario(new URL('../scenarios/baseline-2017.yaml', import.meta.url).pathname);
  const parts = defaultParts(baseline);
  for (let k = 0; k < 200; k++) simulateRun(baseline, k, Rng.stream(1, k), parts);
  let k = 0;
  bench.add('baseline-2017: one run, 8 powers × 20 years (warm caches, 1 thread)', () => {
    simulateRun(baseline, k, Rng.stream(1, k), parts);
    k++;
  });

  const runs = Number(process.env.SCENARIO_BENCH_RUNS ?? 10_000);
  const dir = mkdtempSync(join(tmpdir(), 'concert-bench-'));
  const rows: Record<string, string | number>[] = [];
  const seconds: Record<number, number> = {};
  try {
    for (const workers of [1, 2]) {
      for (const n of workers === 2 ? [Math.max(1, Math.round(runs / 5)), runs] : [runs]) {
        const store = RunStore.open(join(dir, `w${workers}-n${n}.db`));
        const rss = peakRss();
        const cpu0 = process.cpuUsage();
        const t0 = performance.now();
        const outcome = await runEnsemble(baseline, { runs: n, seed: 1, workers, store, summarize: true });
        if (!outcome.bands) throw new Error('the ensemble returned no summary');
        const s = (performance.now() - t0) / 1000;
        const cpu = process.cpuUsage(cpu0);
        const peak = rss.stop();
        store.close();
        if (n === runs) seconds[workers] = s;
        rows.push({
          task: `baseline-2017 ensemble, ${n} runs × 20 years`,
          workers,
          'wall (s)': Number(s.toFixed(1)),
          'runs/s': Math.round(n / s),
          'CPU (s, all threads)': Number(((cpu.user + cpu.system) / 1e6).toFixed(1)),
          'peak RSS (MiB)': Math.round(peak / 2 ** 20),
        });
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  console.log('\n# scenario ensembles (run store, quantile summary included)');
  console.table(rows);
  console.log(`speed-up 2 workers vs 1: ${(seconds[1]! / seconds[2]!).toFixed(2)}×`);
}
