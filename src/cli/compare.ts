/**
 * `concert compare <a.yaml> <b.yaml> [--runs N] [--seed S] [--workers K | --queue URL] [--store PATH] [--no-attribution] [--json]`:
 * runs both scenarios with common random numbers and prints, per indicator,
 * the difference B − A with its 95% interval, and the events that drive it.
 * With `--queue`, every ensemble of the comparison is computed by
 * `concert worker` processes through Redis (docs/scale-out.md).
 */
import type { Command } from '@commander-js/extra-typings';
import { comparisonDocument, DEFAULT_COMPARE_RUNS } from '../reports/index.js';
import { type Comparison, compareScenarios, type Difference, type Effect } from '../scenario/compare.js';
import { loadScenario } from '../scenario/load.js';
import { action, printJson } from './run.js';
import {
  type EnsembleFlags,
  type EnsembleSettings,
  ensembleSettings,
  type EnsembleResources,
  QUEUE_HELP,
  withEnsembleResources,
} from './scenario-run.js';
import { fixed, renderTable } from './table.js';

function interval(d: Difference, t: number): string {
  const digits = Math.max(Math.abs(d.ciLow[t]!), Math.abs(d.ciHigh[t]!)) >= 100 ? 0 : 3;
  return `${fixed(d.mean[t]!, digits)} [${fixed(d.ciLow[t]!, digits)}, ${fixed(d.ciHigh[t]!, digits)}]`;
}

/** The human report: final-year differences with intervals, then the events ranked by their effect on the index. */
export function comparisonText(c: Comparison, actors: readonly string[]): string {
  const names = c.series.filter((n) => !actors.some((id) => n.endsWith(`.${id}`)));
  const first = c.differences[names[0]!]!;
  const last = first.years.length - 1;
  const mid = Math.floor(last / 2);
  const lines: string[] = [];
  lines.push(
    `${c.b.meta.scenario} − ${c.a.meta.scenario}: ${c.runs} paired runs, seed ${c.seed} (common random numbers)`,
  );
  lines.push('');
  lines.push(
    renderTable(
      [
        { header: 'indicator' },
        { header: `${first.years[mid]} mean difference [95% CI]`, align: 'right' },
        { header: `${first.years[last]} mean difference [95% CI]`, align: 'right' },
      ],
      names.map((n) => [n, interval(c.differences[n]!, mid), interval(c.differences[n]!, last)]),
    ),
  );
  if (c.attribution.length > 0) {
    const key = 'stability.index';
    const peak = (e: Effect) =>
      e.mean.reduce((best, m, t) => (Math.abs(m) > Math.abs(e.mean[best]!) ? t : best), 0);
    const ranked = [...c.attribution].sort((x, y) => {
      const ex = x.effects[key];
      const ey = y.effects[key];
      return Math.abs(ey ? ey.mean[peak(ey)]! : 0) - Math.abs(ex ? ex.mean[peak(ex)]! : 0);
    });
    const shown = [key, 'crisisStability.worst', 'arms.milexGrowth', 'relations.meanScore'].filter((n) =>
      c.series.includes(n),
    );
    const at = (e: Effect, t: number) =>
      `${fixed(e.mean[t]!, 3)} [${fixed(e.ciLow[t]!, 3)}, ${fixed(e.ciHigh[t]!, 3)}]`;
    lines.push('');
    lines.push(
      'What drives the difference (each event switched off in turn; effect on B − A in the year of its largest effect on each indicator):',
    );
    lines.push(
      renderTable(
        [
          { header: 'event' },
          { header: 'in' },
          ...shown.map((n) => ({ header: n, align: 'right' as const })),
        ],
        ranked.map((a) => [
          a.label,
          a.scenario === 'a' ? c.a.meta.scenario : c.b.meta.scenario,
          ...shown.map((n) => {
            const e = a.effects[n]!;
            const t = peak(e);
            return `${at(e, t)} (${e.years[t]})`;
          }),
        ]),
      ),
    );
  }
  return lines.join('\n');
}

export function register(program: Command): void {
  program
    .command('compare')
    .description(
      'compare two scenarios with common random numbers: differences with 95% intervals, and the events behind them',
    )
    .argument('<a>', 'the reference scenario (e.g. scenarios/baseline-2017.yaml)')
    .argument('<b>', 'the alternative scenario')
    .option('--runs <n>', `paired runs per scenario (default ${DEFAULT_COMPARE_RUNS})`)
    .option(
      '--seed <s>',
      "seed shared by both, a whole number from 0 to 4294967295 (default: the first scenario's ensemble.seed)",
    )
    .option('--workers <k>', 'worker threads (default: the available cores)')
    .option('--queue <url>', QUEUE_HELP)
    .option('--store <path>', 'run store file (default: a temporary in-memory store)')
    .option('--no-attribution', 'skip switching each event off in turn')
    .option('--json', 'print one JSON document')
    .action(
      action(async (fileA, fileB, opts) => {
        const settings = ensembleSettings(opts as EnsembleFlags);
        // One pool for every ensemble of the comparison, started before the scenarios are read.
        await withEnsembleResources(settings, opts.store ?? ':memory:', (r) =>
          compareCommand(fileA, fileB, opts, settings, r),
        );
      }),
    );
}

async function compareCommand(
  fileA: string,
  fileB: string,
  opts: { attribution: boolean; json?: true },
  settings: EnsembleSettings,
  { store, bar, compute }: EnsembleResources,
): Promise<void> {
  const a = loadScenario(fileA);
  const b = loadScenario(fileB);
  const runs = settings.runs ?? DEFAULT_COMPARE_RUNS;
  const seed = settings.seed ?? a.ensemble.seed;
  let label = '';
  const c = await compareScenarios(a, b, {
    runs,
    seed,
    ...compute,
    store,
    attribution: opts.attribution,
    onEnsemble: (l) => {
      label = l;
    },
    onProgress: (done, total) => bar.update(label, done, total),
  });
  bar.stop();
  if (opts.json) printJson(comparisonDocument(c));
  else process.stdout.write(`${comparisonText(c, [...new Set([...a.actors, ...b.actors])])}\n`);
}
