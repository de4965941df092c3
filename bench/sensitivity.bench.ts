/**
 * Global sensitivity analysis performance (issue 18: Sobol' indices for 10
 * uncertain parameters at N = 1024, 12,288 runs × 20 years, under 60 s with
 * 2 workers). Run: `npm run build && npm run bench -- sensitivity`.
 *
 * 1. tinybench tasks: Sobol' indices of 12,288 outputs (k = 10, N = 1024)
 *    with 100 bootstrap resamples, and Morris effects of 20 trajectories;
 *    the analysis alone, in this thread.
 * 2. The analysis as a user runs it: `concert sensitivity <scenario> --method
 *    sobol --n N --workers 2 --store <fresh file> --json` in a fresh process
 *    (module loading, worker start-up, the run store and the analysis
 *    included), SENSITIVITY_BENCH_REPEATS times (default 3), N =
 *    SENSITIVITY_BENCH_N (default 1024). The scenario is
 *    scenarios/baseline-2017.yaml with its `uncertain` block cut to its first
 *    ten parameters (the behavioural ones: misperception … the core-interest
 *    coupling; the deterrence parameters and the stances are left at their
 *    values), written to a temporary file.
 *
 * The compiled CLI in dist/ is used (`npm run build` first).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Bench } from 'tinybench';
import { parseDocument } from 'yaml';
import { Rng } from '../src/core/rng.js';
import {
  morrisDesign,
  morrisIndices,
  saltelliDesign,
  sobolIndices,
} from '../src/models/sensitivity/index.js';

const cli = fileURLToPath(new URL('../bin/concert.js', import.meta.url));
const baseline = fileURLToPath(new URL('../scenarios/baseline-2017.yaml', import.meta.url));
const n = Number(process.env.SENSITIVITY_BENCH_N ?? 1024);
const repeats = Number(process.env.SENSITIVITY_BENCH_REPEATS ?? 3);

/** baseline-2017 with its first ten uncertain parameters (stances left out). */
function tenParameterScenario(dir: string): string {
  const doc = parseDocument(readFileSync(baseline, 'utf8'));
  const uncertain = doc.get('uncertain') as { items: { get(k: string): unknown }[] };
  const kept = uncertain.items.filter((u) => u.get('parameter') !== 'coreInterests.stances').slice(0, 10);
  uncertain.items = kept;
  doc.set('name', 'baseline-2017-ten-parameters');
  const file = join(dir, 'ten.yaml');
  writeFileSync(file, doc.toString());
  return file;
}

function measure(file: string, store: string): Promise<{ wallS: number; runs: number }> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(
      process.execPath,
      [cli, 'sensitivity', file, '--n', String(n), '--workers', '2', '--store', store, '--json'],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
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
      if (code !== 0) reject(new Error(`concert sensitivity exited with ${code}: ${err}`));
      else
        resolve({ wallS: (performance.now() - t0) / 1000, runs: (JSON.parse(out) as { runs: number }).runs });
    });
  });
}

export default async function (bench: Bench): Promise<void> {
  const k = 10;
  const d = saltelliDesign(k, 1024);
  const y = new Float64Array(d.rows);
  for (let r = 0; r < d.rows; r++) {
    const x = d.points.subarray(r * k, (r + 1) * k);
    y[r] = Math.sin(6 * x[0]!) + x[1]! * x[2]! + x[3]! ** 2;
  }
  bench.add("Sobol' indices, k = 10, N = 1024 (12,288 outputs), 100 resamples", () => {
    sobolIndices(d, y, { rng: Rng.fromSeed(1) });
  });
  const m = morrisDesign(k, 20, Rng.fromSeed(2));
  const my = Array.from({ length: m.rows }, (_, r) => m.points[r * k]! * 3 + m.points[r * k + 1]! ** 2);
  bench.add('Morris effects, k = 10, 20 trajectories, 1000 resamples', () => {
    morrisIndices(m, my, { rng: Rng.fromSeed(3) });
  });

  const dir = mkdtempSync(join(tmpdir(), 'concert-bench-sensitivity-'));
  try {
    const file = tenParameterScenario(dir);
    const walls: number[] = [];
    for (let i = 0; i < repeats; i++) {
      const { wallS, runs } = await measure(file, join(dir, `store-${i}.db`));
      walls.push(wallS);
      console.log(
        `concert sensitivity (sobol, k = 10, N = ${n}, ${runs} runs × 20 years, 2 workers): ${wallS.toFixed(1)} s`,
      );
    }
    const sorted = [...walls].sort((a, b) => a - b);
    console.log(
      `median of ${repeats}: ${sorted[Math.floor((sorted.length - 1) / 2)]!.toFixed(1)} s (target: under 60 s)`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
