/**
 * `concert balance dynamics`: a balance dynamics ensemble — constrained
 * triad dynamics or dX/dt = X² (models/relations, reports/relations).
 */
import type { Command } from '@commander-js/extra-typings';
import { MAX_DYNAMICS_RUNS, MAX_NOISE_SD, MAX_SWEEPS } from '../models/relations/dynamics.js';
import { type DynamicsDocument, dynamicsAnalysis } from '../reports/index.js';
import { loadNetwork, restrictTo } from './network.js';
import { Flags, seedHelp } from './options.js';
import { action, group, printJson } from './run.js';
import { fixed, listText, renderTable } from './table.js';

/** The ensemble's shares and times, and its most frequent outcomes. */
export function dynamicsText(e: DynamicsDocument): string {
  const time = (x: number | null) => (x === null ? 'n/a' : fixed(x, 3));
  const unit = e.model === 'triad' ? 'sweeps' : 'model time';
  const lines = [
    `Balance dynamics (${e.model === 'triad' ? 'constrained triad dynamics, Antal–Krapivsky–Redner' : 'dX/dt = X², Marvel–Kleinberg–Kleinberg–Strogatz'}) on ${e.source}`,
    `Actors: ${listText(e.actors)}`,
    `Runs ${e.runs}, seed ${e.seed}: balanced in ${fixed(100 * e.balancedShare, 1)}%, all friendly in ${fixed(100 * e.paradiseShare, 1)}%`,
    `Time to balance (${unit}): median ${time(e.medianTime)}, mean ${time(e.meanTime)}`,
    '',
  ];
  const rows = e.outcomes
    .slice(0, 10)
    .map((o) => [
      fixed(100 * o.share, 1),
      listText(o.factions[0]!, 12),
      o.factions[1]!.length === 0 ? '(none)' : listText(o.factions[1]!, 12),
    ]);
  lines.push(
    renderTable(
      [{ header: 'Share %', align: 'right' }, { header: 'Faction 1' }, { header: 'Faction 2' }],
      rows,
    ),
  );
  if (e.outcomes.length > 10) lines.push(`… ${e.outcomes.length - 10} more outcomes (see --json)`);
  return lines.join('\n');
}

/** Registers `balance dynamics`. */
export function register(program: Command): void {
  group(
    program,
    'balance',
    'structural balance of a signed network: triangles, walks, frustration index and partition',
  )
    .command('dynamics')
    .description(
      'balance dynamics ensemble: constrained triad dynamics or dX/dt = X² (default actors: the major powers of a world)',
    )
    .option('--world <file>', 'world file (YAML/JSON) whose relations form the network')
    .option('--edges <file>', 'signed edge list CSV: from,to,sign or from,to,weight')
    .option('--year <year>', 'year of the default world, or window of a windowed edge list')
    .option('--actors <ids>', 'comma-separated actor ids to keep (the induced sub-network)')
    .option('--model <model>', 'triad | continuous', 'triad')
    .option('--runs <n>', 'number of runs', '100')
    .option('--seed <n>', seedHelp('seed (run k uses stream k)'))
    .option('--max-sweeps <n>', 'triad model: give up after this many sweeps', '1000')
    .option('--noise-sd <x>', 'continuous model: sd of the noise added to X(0)', '0.1')
    .option('--json', 'print JSON')
    .action(
      action((o) => {
        const flags = new Flags();
        const model = flags.choice(o.model, '--model', ['triad', 'continuous'] as const);
        const noiseSd = flags.number(o.noiseSd, '--noise-sd', (x) =>
          x >= 0 && x <= MAX_NOISE_SD
            ? undefined
            : `expected a standard deviation from 0 to ${MAX_NOISE_SD} (relation scores lie in [−1, 1])`,
        );
        const runs = flags.integer(o.runs, '--runs', 1, MAX_DYNAMICS_RUNS);
        const maxSweeps = flags.integer(o.maxSweeps, '--max-sweeps', 1, MAX_SWEEPS);
        const seed = flags.seed(o.seed);
        flags.done();
        let loaded = loadNetwork(o);
        if (o.actors === undefined && loaded.world && o.edges === undefined) {
          const majors = Object.entries(loaded.world.actors)
            .filter(([, a]) => a.cowMajor)
            .map(([id]) => id);
          if (majors.length >= 3) loaded = { ...loaded, net: restrictTo(loaded.net, majors.join(',')) };
        }
        const doc = dynamicsAnalysis(loaded.net, loaded.source, {
          model: model!,
          runs: runs!,
          seed,
          maxSweeps: maxSweeps!,
          noiseSd: noiseSd!,
        });
        if (o.json) printJson(doc);
        else process.stdout.write(`${dynamicsText(doc)}\n`);
      }),
    );
}
