/**
 * `concert run <scenario.yaml> [--runs N] [--seed S] [--workers K | --queue URL] [--store PATH] [--json]`:
 * runs (or resumes) a scenario's ensemble into the run store and prints the
 * quantile bands of every indicator. Parse → call the library → format.
 * With `--queue`, the runs are computed by `concert worker` processes
 * through Redis (docs/scale-out.md) and this process only collects them.
 */
import type { Command } from '@commander-js/extra-typings';
import { isConcertError } from '../core/errors.js';
import { MAX_SEED } from '../core/rng.js';
import { type BandsDocument, ensembleDocument } from '../reports/index.js';
import { defaultWorkerCount, type WorkerPool } from '../runtime/pool.js';
import type { QueueExecutor } from '../runtime/queue/coordinator.js';
import { parseRedisUrl, type RedisTarget } from '../runtime/queue/url.js';
import { defaultStorePath, RunStore } from '../runtime/store.js';
import { type EnsembleExecutor, ensemblePool, runEnsemble } from '../scenario/ensemble.js';
import { loadScenario } from '../scenario/load.js';
import { Flags } from './options.js';
import { type Progress, progress } from './progress.js';
import { action, printJson } from './run.js';
import { fixed, renderTable } from './table.js';

/** Raw values of the ensemble flags shared by `run` and `compare`. */
export interface EnsembleFlags {
  runs?: string;
  seed?: string;
  workers?: string;
  store?: string;
  queue?: string;
}

/** Parsed ensemble flags; scenario defaults fill what is not given. */
export interface EnsembleSettings {
  readonly runs?: number;
  readonly seed?: number;
  readonly workers: number;
  /** The Redis of `--queue`: the runs are computed by queue workers. */
  readonly queue?: RedisTarget;
}

/** The help of `--queue`. */
export const QUEUE_HELP =
  'compute the runs on `concert worker` processes through Redis at this URL (redis://host[:port][/db], rediss:// for TLS; docs/scale-out.md)';

/** Reads a Redis URL flag into `f`, so that its problem is reported with the command's other flags. */
export function redisFlag(f: Flags, raw: string, flag: string): RedisTarget | undefined {
  try {
    return parseRedisUrl(raw, flag);
  } catch (e) {
    if (!isConcertError(e)) throw e;
    f.problems.push(...e.problems);
    return undefined;
  }
}

/** Parses --runs, --seed, --workers and --queue (all problems reported together). */
export function ensembleSettings(flags: EnsembleFlags): EnsembleSettings {
  const f = new Flags();
  const runs = flags.runs === undefined ? undefined : f.integer(flags.runs, '--runs', 1, 10_000_000);
  const seed = flags.seed === undefined ? undefined : f.seed(flags.seed);
  const workers =
    flags.workers === undefined ? defaultWorkerCount() : f.integer(flags.workers, '--workers', 1, 256);
  const queue = flags.queue === undefined ? undefined : redisFlag(f, flags.queue, '--queue');
  if (flags.queue !== undefined && flags.workers !== undefined)
    f.fail(
      '--workers',
      'not used with --queue: the runs are computed by `concert worker` processes (give them --threads)',
    );
  f.done();
  return { runs, seed, workers: workers!, ...(queue ? { queue } : {}) };
}

/**
 * The queue executor of `--queue` (Redis checked first, so that a wrong URL
 * is bad input at the flag), printing its notices on stderr; undefined
 * without `--queue`. Loaded only when asked for.
 */
export async function queueExecutor(settings: EnsembleSettings): Promise<QueueExecutor | undefined> {
  if (!settings.queue) return undefined;
  const { checkRedis, QueueExecutor } = await import('../runtime/queue/index.js');
  await checkRedis(settings.queue, '--queue');
  return new QueueExecutor({
    redis: settings.queue,
    onNotice: (message) => process.stderr.write(`concert: ${message}\n`),
  });
}

/** What an ensemble command runs on: its threads or queue, its run store and its progress bar. */
export interface EnsembleResources {
  readonly pool: WorkerPool | undefined;
  readonly executor: EnsembleExecutor | undefined;
  readonly store: RunStore;
  readonly bar: Progress;
  /** The runs options of runEnsemble and what calls it: workers, and the pool or the executor. */
  readonly compute: { workers: number; pool?: WorkerPool; executor?: EnsembleExecutor };
}

/**
 * Runs `work` with the queue executor of `--queue` (or, with more than one
 * worker, a pool whose threads start loading the engine at once), the run
 * store of `--store` and a progress bar of runs; closes all of them after.
 */
export async function withEnsembleResources<T>(
  settings: EnsembleSettings,
  storePath: string | undefined,
  work: (r: EnsembleResources) => Promise<T>,
): Promise<T> {
  const executor = await queueExecutor(settings);
  const pool = !executor && settings.workers > 1 ? ensemblePool(settings.workers) : undefined;
  let store: RunStore | undefined;
  const bar = progress('runs');
  try {
    store = RunStore.open(storePath ?? defaultStorePath());
    const compute = {
      workers: settings.workers,
      ...(pool ? { pool } : {}),
      ...(executor ? { executor } : {}),
    };
    return await work({ pool, executor, store, bar, compute });
  } finally {
    bar.stop();
    store?.close();
    await pool?.close();
    await executor?.close();
  }
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
    .option('--queue <url>', QUEUE_HELP)
    .option('--store <path>', `run store file (default: ${defaultStorePath()})`)
    .option('--json', 'print one JSON document')
    .action(
      action(async (file, opts) => {
        const settings = ensembleSettings(opts);
        // The worker threads start first and load the engine while this thread reads the scenario.
        await withEnsembleResources(settings, opts.store, (r) => runCommand(file, opts, settings, r));
      }),
    );
}

async function runCommand(
  file: string,
  opts: { json?: true },
  settings: EnsembleSettings,
  { store, bar, compute }: EnsembleResources,
): Promise<void> {
  const s = loadScenario(file);
  const runs = settings.runs ?? s.ensemble.runs;
  const seed = settings.seed ?? s.ensemble.seed;
  const outcome = await runEnsemble(s, {
    runs,
    seed,
    ...compute,
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
}
