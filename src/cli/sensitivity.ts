/**
 * `concert sensitivity <scenario> [--method sobol|morris] [--n N] [--indicator X[,Y]] [--year Y]
 *  [--levels P] [--resamples B] [--seed S] [--workers K | --queue URL] [--store PATH] [--json]`:
 * which of a scenario's uncertain parameters drive an indicator — Sobol'
 * indices from a Saltelli design or Morris elementary effects, the design run
 * as an ensemble (on the worker pool or the queue, stored and resumable).
 * docs/models/sensitivity.md.
 */
import type { Command } from '@commander-js/extra-typings';
import { MAX_SEED } from '../core/rng.js';
import { type SensitivityDocument, sensitivityDocument } from '../reports/index.js';
import { defaultStorePath } from '../runtime/store.js';
import { loadScenario } from '../scenario/load.js';
import {
  designFactors,
  designRuns,
  runSensitivity,
  type SensitivityMethod,
} from '../scenario/sensitivity.js';
import { badInput, type FieldPath, reroot } from '../core/errors.js';
import { Flags } from './options.js';
import { action, printJson } from './run.js';
import { ensembleSettings, QUEUE_HELP, withEnsembleResources } from './scenario-run.js';
import { fixed, renderTable } from './table.js';

/** Default base points (Sobol') and trajectories (Morris). */
const DEFAULT_N: Record<SensitivityMethod, number> = { sobol: 256, morris: 20 };

/** Most runs a design may take (as `concert run --runs`). */
const MAX_DESIGN_RUNS = 10_000_000;

interface SensitivityFlags {
  method?: string;
  n?: string;
  indicator?: string;
  year?: string;
  levels?: string;
  resamples?: string;
  seed?: string;
  workers?: string;
  queue?: string;
  store?: string;
  json?: true;
}

/** The flag a problem of runSensitivity's options came from. */
function flagOf(path: FieldPath): FieldPath {
  if (path[0] === 'series') return ['--indicator', ...path.slice(1)];
  if (path[0] === 'year') return ['--year', ...path.slice(1)];
  return path;
}

function ci(x: number, conf: number): string {
  return `${fixed(x, 3)} ± ${fixed(conf, 3)}`;
}

/** The human tables of a sensitivity document, one per series, inputs by importance. */
export function sensitivityText(doc: SensitivityDocument): string {
  const out: string[] = [];
  out.push(
    `${doc.scenario}: ${doc.method === 'sobol' ? "Sobol' indices (Saltelli design)" : 'Morris elementary effects'}, ` +
      `n = ${doc.n}, ${doc.runs} runs, seed ${doc.seed}; ${doc.parameters.length} parameters; ` +
      `± ${Math.round(doc.confidenceLevel * 100)}% bootstrap interval (${doc.resamples} resamples)`,
  );
  for (const r of doc.results) {
    out.push(
      '',
      `${r.series} in ${r.year}: mean ${fixed(r.mean, 4)}, variance ${r.variance.toExponential(3)}`,
    );
    if (r.constantOutput) {
      out.push(
        '  the output does not vary over the design: no parameter explains any variance (every index 0)',
      );
      continue;
    }
    if (r.sobol) {
      const rows = [...r.sobol].sort((a, b) => b.total - a.total);
      out.push(
        renderTable(
          [
            { header: 'parameter' },
            { header: 'first order Sᵢ', align: 'right' },
            { header: 'total Sₜᵢ', align: 'right' },
          ],
          rows.map((e) => [e.parameter, ci(e.first, e.firstConf), ci(e.total, e.totalConf)]),
        ),
      );
      const sum = r.sobol.reduce((s, e) => s + e.first, 0);
      out.push(
        `Σ Sᵢ = ${fixed(sum, 3)}: the rest (${fixed(Math.max(0, 1 - sum), 3)}) is interactions and the runs' own randomness`,
      );
    } else if (r.morris) {
      const rows = [...r.morris].sort((a, b) => b.muStar - a.muStar);
      out.push(
        renderTable(
          [
            { header: 'parameter' },
            { header: 'μ*', align: 'right' },
            { header: 'μ', align: 'right' },
            { header: 'σ', align: 'right' },
          ],
          rows.map((e) => [e.parameter, ci(e.muStar, e.muStarConf), fixed(e.mu, 4), fixed(e.sigma, 4)]),
        ),
      );
      out.push('μ*, μ, σ: change of the output per move across the input’s range (grid step Δ)');
    }
  }
  return `${out.join('\n')}\n`;
}

export function register(program: Command): void {
  program
    .command('sensitivity')
    .description(
      "global sensitivity of a scenario's indicators to its uncertain parameters (Sobol' indices or Morris effects)",
    )
    .argument('<scenario>', 'scenario file (YAML, or JSON by its .json extension) with an `uncertain` block')
    .option(
      '--method <m>',
      'sobol (Saltelli design, first-order and total indices) or morris (elementary effects)',
      'sobol',
    )
    .option(
      '--n <n>',
      `base points for sobol (runs n·(k + 2); default ${DEFAULT_N.sobol}, a power of two is best) or trajectories for morris (runs n·(k + 1); default ${DEFAULT_N.morris})`,
    )
    .option('--indicator <names>', 'indicator series, comma-separated (default stability.index)')
    .option('--year <y>', "year analysed (default the scenario's last year)")
    .option('--levels <p>', 'grid levels of a Morris design, an even number (default 4)')
    .option(
      '--resamples <b>',
      'bootstrap resamples of the intervals (default 100 for sobol, 1000 for morris)',
    )
    .option(
      '--seed <s>',
      `design seed, a whole number from 0 to ${MAX_SEED} (default: the scenario's ensemble.seed)`,
    )
    .option('--workers <k>', 'worker threads (default: the available cores)')
    .option('--queue <url>', QUEUE_HELP)
    .option('--store <path>', `run store file (default: ${defaultStorePath()})`)
    .option('--json', 'print one JSON document')
    .action(
      action(async (file, opts: SensitivityFlags) => {
        const settings = ensembleSettings(opts);
        const f = new Flags();
        const method = f.choice(opts.method ?? 'sobol', '--method', ['sobol', 'morris'] as const) ?? 'sobol';
        const n =
          opts.n === undefined
            ? DEFAULT_N[method]
            : f.integer(opts.n, '--n', method === 'sobol' ? 2 : 2, 1_000_000);
        const series = opts.indicator === undefined ? undefined : f.list(opts.indicator, '--indicator');
        const year = opts.year === undefined ? undefined : f.integer(opts.year, '--year', 1816, 2200);
        const levels = opts.levels === undefined ? 4 : f.integer(opts.levels, '--levels', 2, 100);
        if (levels !== undefined && levels % 2 !== 0)
          f.fail('--levels', `expected an even number of grid levels; got "${opts.levels}"`);
        const resamples =
          opts.resamples === undefined ? undefined : f.integer(opts.resamples, '--resamples', 0, 100_000);
        f.done();
        const s = loadScenario(file);
        if (designFactors(s).length === 0) {
          throw badInput({
            file,
            path: ['uncertain'],
            message:
              'the scenario has no uncertain parameter to vary: add an `uncertain` block (docs/scenarios.md, docs/models/sensitivity.md)',
          });
        }
        const runs = designRuns(method, designFactors(s).length, n!);
        if (runs > MAX_DESIGN_RUNS) {
          f.fail(
            '--n',
            `the design would take ${runs} runs (n·(k + ${method === 'sobol' ? 2 : 1}) for ${designFactors(s).length} parameters); at most ${MAX_DESIGN_RUNS}`,
          );
          f.done();
        }
        const seed = settings.seed ?? s.ensemble.seed;
        await withEnsembleResources(settings, opts.store, async ({ store, bar, compute }) => {
          const outcome = await runSensitivity(s, {
            method,
            n: n!,
            levels: levels!,
            seed,
            ...compute,
            store,
            ...(series ? { series } : {}),
            ...(year === undefined ? {} : { year }),
            ...(resamples === undefined ? {} : { resamples }),
            onProgress: (done, total) => bar.update(`${s.name} (${method})`, done, total),
          }).catch((e: unknown) => {
            throw reroot(e, flagOf);
          });
          bar.stop();
          const doc = sensitivityDocument(outcome);
          if (opts.json) printJson(doc);
          else process.stdout.write(sensitivityText(doc));
        });
      }),
    );
}
