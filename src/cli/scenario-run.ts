/**
 * `concert run <scenario.yaml> [--runs N] [--seed S] [--workers K] [--store PATH] [--json]`:
 * runs (or resumes) a scenario's ensemble into the run store and prints the
 * quantile bands of every indicator. Parse → call the library → format.
 */
import type { Command } from '@commander-js/extra-typings';
import { MAX_SEED } from '../core/rng.js';
import { type BandsDocument, ensembleDocument } from '../reports/index.js';
import { defaultWorkerCount, type WorkerPool } from '../runtime/pool.js';
import { defaultStorePath, RunStore } from '../runtime/store.js';
import { ensemblePool, runEnsemble } from '../scenario/ensemble.js';
import { loadScenario } from '../scenario/load.js';
import type { Scenario } from '../scenario/scenario.js';
import { Flags } from './options.js';
import { progress } from './progress.js';
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

/** Parses --runs, --seed, --workers (all problems reported together). */
export function ensembleSettings(flags: EnsembleFlags): EnsembleSettings {
  const f = new Flags();
  const runs = flags.runs === undefined ? undefined : f.integer(flags.runs, '--runs', 1, 10_000_000);
  const seed = flags.seed === undefined ? undefined : f.seed(flags.seed);
  const workers =
    flags.workers === undefined ? defaultWorkerCount() : f.integer(flags.workers, '--workers', 1, 256);
  f.done();
  return { runs, seed, workers: workers! };
}

/** A band cell: median with the 5–95% range. */
function cell(b: BandsDocument, t: number): string {
  const d = Math.abs(b.q50[t]!) >= 100 ? 0 : 3;
  return `${fixed(b.q50[t]!, d)} [${fixed(b.q05[t]!, d)}, ${fixed(b.q95[t]!, d)}]`;
}

/** The human table: system-wide indicators at the first, middle and last year. */
export function bandsTable(
  indicators: Readonly<Record<string, BandsDocument>>,
  actors: readonly string[],
): string {
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
    .option(
      '--seed <s>',
      `ensemble seed, a whole number from 0 to ${MAX_SEED} (default: the scenario's ensemble.seed)`,
    )
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
  const bar = progress('runs');
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
      printJson(ensembleDocument(s, outcome.meta.id, runs, seed, indicators));
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
