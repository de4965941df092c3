/**
 * `concert report <scenario> [--compare <b>] --out report.html [--runs N] [--seed S] [--workers K] [--store PATH] [--no-attribution]`:
 * runs a scenario's ensemble (as `concert run`) or a paired comparison with
 * the scenario as A and `--compare` as B (as `concert compare`), and writes a
 * self-contained HTML report built from the same documents their `--json`
 * prints (reports/html): assumptions, charts, tables, sources, attribution.
 */
import { writeFileSync } from 'node:fs';
import type { Command } from '@commander-js/extra-typings';
import { badInput } from '../core/errors.js';
import {
  comparisonDocument,
  DEFAULT_COMPARE_RUNS,
  ensembleDocument,
  renderReport,
  reportScenario,
} from '../reports/index.js';
import type { WorkerPool } from '../runtime/pool.js';
import { defaultStorePath, RunStore } from '../runtime/store.js';
import { compareScenarios } from '../scenario/compare.js';
import { ensemblePool, runEnsemble } from '../scenario/ensemble.js';
import { loadScenario } from '../scenario/load.js';
import { progress } from './progress.js';
import { action } from './run.js';
import { type EnsembleFlags, type EnsembleSettings, ensembleSettings } from './scenario-run.js';

/** Concert's version, as the report states it. */
const VERSION = '0.1.0';

interface ReportFlags extends EnsembleFlags {
  compare?: string;
  out?: string;
  attribution: boolean;
}

export function register(program: Command): void {
  program
    .command('report')
    .description(
      'write a self-contained HTML report of a scenario run, or of a comparison with --compare (the numbers of concert run/compare --json)',
    )
    .argument(
      '<scenario>',
      'scenario file (YAML, or JSON by its .json extension); with --compare, scenario A',
    )
    .option('--compare <b>', 'scenario B: report the paired comparison B − A, as concert compare')
    .option('--out <file>', 'the HTML file to write')
    .option(
      '--runs <n>',
      `runs (default: the scenario's ensemble.runs; with --compare ${DEFAULT_COMPARE_RUNS})`,
    )
    .option('--seed <s>', "seed (default: the (first) scenario's ensemble.seed)")
    .option('--workers <k>', 'worker threads (default: the available cores)')
    .option(
      '--store <path>',
      `run store file (default: ${defaultStorePath()}; with --compare an in-memory store)`,
    )
    .option('--no-attribution', 'with --compare: skip switching each event off in turn')
    .action(
      action(async (file, opts) => {
        const flags = opts as ReportFlags;
        if (flags.out === undefined)
          throw badInput({ path: ['--out'], message: 'give the HTML file to write, e.g. --out report.html' });
        const settings = ensembleSettings(flags);
        const pool = settings.workers > 1 ? ensemblePool(settings.workers) : undefined;
        try {
          const html = await reportCommand(file, flags, settings, pool);
          writeFileSync(flags.out, html);
          process.stderr.write(`concert: wrote ${flags.out}\n`);
        } finally {
          await pool?.close();
        }
      }),
    );
}

async function reportCommand(
  file: string,
  flags: ReportFlags,
  settings: EnsembleSettings,
  pool: WorkerPool | undefined,
): Promise<string> {
  const a = loadScenario(file);
  const b = flags.compare !== undefined ? loadScenario(flags.compare) : undefined;
  const bar = progress('runs');
  const common = { generatedAt: new Date().toISOString(), version: VERSION };
  try {
    if (b) {
      const runs = settings.runs ?? DEFAULT_COMPARE_RUNS;
      const seed = settings.seed ?? a.ensemble.seed;
      const store = RunStore.open(flags.store ?? ':memory:');
      let label = '';
      try {
        const c = await compareScenarios(a, b, {
          runs,
          seed,
          workers: settings.workers,
          ...(pool ? { pool } : {}),
          store,
          attribution: flags.attribution,
          onEnsemble: (l) => {
            label = l;
          },
          onProgress: (done, total) => bar.update(label, done, total),
        });
        bar.stop();
        return renderReport({
          ...common,
          scenarios: [reportScenario(a), reportScenario(b)],
          comparison: comparisonDocument(c),
          command: `concert compare ${file} ${flags.compare} --runs ${runs} --seed ${seed}${flags.attribution ? '' : ' --no-attribution'} --json`,
        });
      } finally {
        store.close();
      }
    }
    const runs = settings.runs ?? a.ensemble.runs;
    const seed = settings.seed ?? a.ensemble.seed;
    const store = RunStore.open(flags.store ?? defaultStorePath());
    try {
      const outcome = await runEnsemble(a, {
        runs,
        seed,
        workers: settings.workers,
        ...(pool ? { pool } : {}),
        store,
        onProgress: (done, total) => bar.update(a.name, done, total),
        summarize: true,
      });
      bar.stop();
      return renderReport({
        ...common,
        scenarios: [reportScenario(a)],
        ensembles: [ensembleDocument(a, outcome.meta.id, runs, seed, outcome.bands!)],
        command: `concert run ${file} --runs ${runs} --seed ${seed} --json`,
      });
    } finally {
      store.close();
    }
  } finally {
    bar.stop();
  }
}
