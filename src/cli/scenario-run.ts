/**
 * `concert run <scenario.yaml> [--runs N] [--seed S] [--workers K] [--store PATH] [--json]`:
 * runs (or resumes) a scenario's ensemble into the run store and prints the
 * quantile bands of every indicator. Parse → call the library → format.
 */
import type { Command } from '@commander-js/extra-typings';
import cliProgress from 'cli-progress';
import { badInput, type Problem } from '../core/errors.js';
import { defaultWorkerCount, type WorkerPool } from '../runtime/pool.js';
import { defaultStorePath, RunStore } from '../runtime/store.js';
import { type Bands, ensemblePool, runEnsemble } from '../scenario/ensemble.js';
import { loadScenario } from '../scenario/load.js';
import type { Scenario } from '../scenario/scenario.js';
import { action, printJson } from './run.js';
import { fixed, renderTable } from './table.js';

/** Raw values of the ensemble flags shared by `run` and `compare`. */
export interface EnsembleFlags {
  runs?: string;
  seed?: string;
  workers?: string;
  store?: string;
}

/** Parsed ensemble flags; scenario defaults fill what is not given. */
export interface EnsembleSettings {
  readonly runs?: number;
  readonly seed?: number;
  readonly workers: number;
}

function integer(
  raw: string | undefined,
  flag: string,
  min: number,
  max: number,
  problems: Problem[],
): number | undefined {
  if (raw === undefined) return undefined;
  const x = Number(raw);
  if (raw.trim() === '' || !Number.isInteger(x) || x < min || x > max) {
    problems.push({ path: [flag], message: `expected a whole number from ${min} to ${max}, got "${raw}"` });
    return undefined;
  }
  return x;
}

/** Parses --runs, --seed, --workers (all problems reported together). */
export function ensembleSettings(flags: EnsembleFlags): EnsembleSettings {
  const problems: Problem[] = [];
  const runs = integer(flags.runs, '--runs', 1, 10_000_000, problems);
  const seed = integer(flags.seed, '--seed', 0, 0xffffffff, problems);
  const workers = integer(flags.workers, '--workers', 1, 256, problems) ?? defaultWorkerCount();
  if (problems.length > 0) throw badInput(problems[0]!, ...problems.slice(1));
  return { runs, seed, workers };
}

/** A progress reporter on stderr, drawn only when stderr is a terminal. */
export function progress(): {
  update: (label: string, done: number, total: number) => void;
  stop: () => void;
} {
  if (!process.stderr.isTTY) return { update: () => undefined, stop: () => undefined };
  const bar = new cliProgress.SingleBar(
    {
      stream: process.stderr,
      format: '{label} [{bar}] {value}/{total} runs | {eta_formatted}',
      hideCursor: true,
    },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  let current = '';
  return {
    update(label, done, total) {
      if (!started || label !== current) {
        if (started) bar.stop();
        bar.start(total, done, { label });
        started = true;
        current = label;
      } else bar.update(done, { label });
    },
    stop() {
      if (started) bar.stop();
      started = false;
    },
  };
}

/** The JSON document of an ensemble (DESIGN.md: `{scenario, runs, seed, indicators: {name: {years, q05…q95}}}`). */
export function ensembleJson(
  s: Scenario,
  id: string,
  runs: number,
  seed: number,
  indicators: Record<string, Bands>,
) {
  return {
    scenario: s.name,
    runs,
    seed,
    ensemble: id,
    actors: s.actors,
    years: { from: s.years.from, to: s.years.to },
    parameters: s.uncertain.map((u) => u.parameter),
    indicators,
  };
}

/** A band cell: median with the 5–95% range. */
function cell(b: Bands, t: number): string {
  const d = Math.abs(b.q50[t]!) >= 100 ? 0 : 3;
  return `${fixed(b.q50[t]!, d)} [${fixed(b.q05[t]!, d)}, ${fixed(b.q95[t]!, d)}]`;
}

/** The human table: system-wide indicators at the first, middle and last year. */
export function bandsTable(indicators: Record<string, Bands>, actors: readonly string[]): string {
  const names = Object.keys(indicators).filter((n) => !actors.some((id) => n.endsWith(`.${id}`)));
  const first = indicators[names[0]!]!;
  const years = first.years;
  const picks = [...new Set([0, Math.floor((years.length - 1) / 2), years.length - 1])];
  const columns = [
    { header: 'indicator' },
    ...picks.map((t) => ({ header: `${years[t]} median [5%, 95%]`, align: 'right' as const })),
  ];
  const rows = names.map((n) => [n, ...picks.map((t) => cell(indicators[n]!, t))]);
  return renderTable(columns, rows);
}

export function register(program: Command): void {
  program
    .command('run')
    .description(
      "run a scenario's Monte Carlo ensemble (resuming from the run store) and print indicator bands",
    )
    .argument('<scenario>', 'scenario file (YAML, or JSON by its .json extension)')
    .option('--runs <n>', "number of runs (default: the scenario's ensemble.runs)")
    .option('--seed <s>', "ensemble seed (default: the scenario's ensemble.seed)")
    .option('--workers <k>', 'worker threads (default: the available cores)')
    .option('--store <path>', `run store file (default: ${defaultStorePath()})`)
    .option('--json', 'print one JSON document')
    .action(
      action(async (file, opts) => {
        const settings = ensembleSettings(opts);
        // The worker threads start first and load the engine while this thread reads the scenario.
        const pool = settings.workers > 1 ? ensemblePool(settings.workers) : undefined;
        try {
          await runCommand(file, opts, settings, pool);
        } finally {
          await pool?.close();
        }
      }),
    );
}

async function runCommand(
  file: string,
  opts: { store?: string; json?: true },
  settings: EnsembleSettings,
  pool: WorkerPool | undefined,
): Promise<void> {
  const s = loadScenario(file);
  const runs = settings.runs ?? s.ensemble.runs;
  const seed = settings.seed ?? s.ensemble.seed;
  const store = RunStore.open(opts.store ?? defaultStorePath());
  const bar = progress();
  try {
    const outcome = await runEnsemble(s, {
      runs,
      seed,
      workers: settings.workers,
      ...(pool ? { pool } : {}),
      store,
      onProgress: (done, total) => bar.update(s.name, done, total),
      summarize: true,
    });
    bar.stop();
    const indicators = outcome.bands!; // set: the summary was asked for
    if (opts.json) {
      printJson(ensembleJson(s, outcome.meta.id, runs, seed, indicators));
      return;
    }
    process.stdout.write(`${s.name}: ${runs} runs, seed ${seed}, years ${s.years.from}..${s.years.to}\n`);
    process.stdout.write(
      `ensemble ${outcome.meta.id.slice(0, 12)} in ${store.path} (${outcome.computed} computed, ${runs - outcome.computed} from the store)\n\n`,
    );
    process.stdout.write(`${bandsTable(indicators, s.actors)}\n`);
  } finally {
    bar.stop();
    store.close();
  }
}
