/**
 * `concert games moran | replicator`: evolution of a population of
 * strategies — the Moran process and replicator dynamics
 * (models/games/evolution; docs/models/games-repeated.md).
 */
import type { Command } from '@commander-js/extra-typings';
import { z } from 'zod';
import { readDocument, validateDocument } from '../core/document.js';
import { ConcertError, isConcertError, type Problem } from '../core/errors.js';
import { Rng } from '../core/rng.js';
import {
  asymmetricReplicatorDynamics,
  discreteReplicator,
  moranFixation,
  moranProcess,
  replicatorDynamics,
} from '../models/games/evolution/index.js';
import {
  expectedTurns,
  findStrategy,
  lookupStrategy,
  MAX_TOTAL_TURNS,
  matchSeed,
  playMatch,
  type Strategy,
  strategyGameProblems,
} from '../models/games/repeated/index.js';
import type { Document, MoranSchema, ReplicatorSchema } from '../reports/index.js';
import { readSettings, type SettingFlags } from './games-settings.js';
import { Flags, seedHelp } from './options.js';
import { action, group, printJson } from './run.js';
import { fixed, renderTable } from './table.js';

type MoranDocument = Document<typeof MoranSchema>;
type ReplicatorDocument = Document<typeof ReplicatorSchema>;

/** Fixation shares over runs, or the winner and final population of one run. */
export function moranText(doc: MoranDocument, mutationRate: number | undefined): string {
  if ('fixation' in doc) {
    return `${renderTable(
      [{ header: 'strategy' }, { header: 'fixation', align: 'right' }],
      Object.entries(doc.fixation).map(([k, v]) => [k, fixed(v, 4)]),
    )}\n\n${doc.runs} runs, ${doc.unfixed} without fixation`;
  }
  return `${(mutationRate ?? 0) > 0 ? `with mutation rate ${mutationRate}, no fixation; ` : `winner: ${doc.winner ?? '(none yet)'} `}after ${doc.generations} generations\nfinal population: ${JSON.stringify(doc.populations[doc.populations.length - 1])}`;
}

/** Shares of each strategy at each reported time. */
export function replicatorText(doc: ReplicatorDocument, discrete: boolean): string {
  return renderTable(
    [
      { header: discrete ? 'step' : 't', align: 'right' },
      ...doc.strategies.map((l) => ({ header: l, align: 'right' as const })),
    ],
    doc.t.map((t, k) => [fixed(t, 3), ...doc.x[k]!.map((v) => fixed(v, 4))]),
  );
}

/** Most strategies of a replicator file: each of the ≤ 250000 integration steps costs about 6·n² operations. */
const MAX_REPLICATOR_STRATEGIES = 100;
/** Largest |payoff| of a replicator file: beyond it xᵀAx overflows or the dynamics become too stiff to integrate. */
const MAX_REPLICATOR_PAYOFF = 1e9;
const payoffRange = `expected a payoff within ±${MAX_REPLICATOR_PAYOFF.toExponential()}`;
const matrixSchema = z
  .array(
    z
      .array(z.number().min(-MAX_REPLICATOR_PAYOFF, payoffRange).max(MAX_REPLICATOR_PAYOFF, payoffRange))
      .min(1)
      .max(MAX_REPLICATOR_STRATEGIES, `expected at most ${MAX_REPLICATOR_STRATEGIES} strategies`),
  )
  .min(1)
  .max(MAX_REPLICATOR_STRATEGIES, `expected at most ${MAX_REPLICATOR_STRATEGIES} strategies`);
const replicatorSchema = z.strictObject({
  A: matrixSchema,
  B: matrixSchema.optional(),
  mutation: matrixSchema.optional(),
  x0: z.array(z.number().min(0)).optional(),
  y0: z.array(z.number().min(0)).optional(),
});

/** Where a field of the replicator input is: file, line and column when it came from a file. */
type Locate = (path: (string | number)[]) => Pick<Problem, 'file' | 'line' | 'column' | 'path'>;

function checkShape(
  m: number[][],
  rows: number,
  cols: number,
  name: string,
  problems: Problem[],
  at: Locate,
): void {
  if (m.length !== rows) problems.push({ ...at([name]), message: `expected ${rows} rows, got ${m.length}` });
  m.forEach((row, i) => {
    if (row.length !== cols)
      problems.push({ ...at([name, i]), message: `expected ${cols} entries, got ${row.length}` });
  });
}

function checkDistribution(x: number[], n: number, name: string, problems: Problem[], at: Locate): void {
  if (x.length !== n) problems.push({ ...at([name]), message: `expected ${n} shares, got ${x.length}` });
  const s = x.reduce((a, b) => a + b, 0);
  if (Math.abs(s - 1) > 1e-9)
    problems.push({ ...at([name]), message: `expected shares summing to 1, got ${s}` });
}

/**
 * Locates a problem of the dynamics: one about the integration (path `['ts']`)
 * is about the payoffs and the end time together, so it points at `A` in the
 * file (or at `--t` for payoffs built from strategies); others point at their
 * field in the file.
 */
function locateDynamicsProblems(e: unknown, at: Locate, fromFile: boolean): unknown {
  if (!isConcertError(e) || e.code !== 'bad-input') return e;
  return new ConcertError(
    'bad-input',
    e.problems.map((p): Problem => {
      if (p.file !== undefined) return p;
      const path = p.path ?? [];
      if (path[0] === 'ts')
        return fromFile
          ? { ...at(['A']), message: `${p.message} (end time --t)` }
          : { path: ['--t'], message: p.message };
      if (path[0] === 'steps') return { path: ['--steps'], message: p.message };
      return { ...at(path.map((k) => k)), message: p.message };
    }),
  );
}

/** A piece of a list that is a parameter value (a number, inf, C/D letters, keyword=value), not a name. */
const VALUE = /^\s*(?:[-+.\d/eE]+|inf|infinity|[CD]+|[A-Za-z_]+\s*=.*)\s*$/i;

/**
 * The strategy names of a `--strategies` list: separated by semicolons if
 * there are any, else by commas, a piece that is a parameter value staying
 * with the name before it (`Random: 0.3,First by Feld: 1, 0.25, 200,TFT`).
 */
export function strategyList(text: string): string[] {
  if (text.includes(';')) return text.split(';').map((n) => n.trim());
  const names: string[] = [];
  for (const piece of text.split(',')) {
    if (names.length > 0 && VALUE.test(piece)) names[names.length - 1] += `,${piece}`;
    else names.push(piece);
  }
  return names.map((n) => n.trim());
}

/** Registers `games moran` and `games replicator`. */
export function register(program: Command): void {
  const games = group(program, 'games', 'Game theory: equilibria, repeated games, tournaments, evolution');

  games
    .command('moran')
    .description(
      'Moran process over a population of strategies (one name per individual; "Name*k" for k copies)',
    )
    .argument(
      '<population...>',
      'e.g. "Tit For Tat" "Defector*5" "Random: 0.3*2" (names with parameters: concert games strategies --help)',
    )
    .option('--turns <n>', 'turns per match (announced to the players)', '200')
    .option('--continuation <delta>', 'continuation probability δ in [0,1): geometric, unannounced length')
    .option('--noise <p>', 'implementation noise: each intended action flipped with probability p')
    .option('--misperception <m>', "each player misperceives the opponent's action with probability m")
    .option('--consultation <q>', 'each error is cleared up before the next move with probability q')
    .option('--game <R,S,T,P>', 'stage-game payoffs', '3,0,5,1')
    .option('--seed <n>', seedHelp())
    .option('--runs <n>', 'independent runs; >1 estimates fixation probabilities', '1')
    .option('--max-generations <n>', 'stop a run after this many generations', '100000')
    .option(
      '--mutation-rate <mu>',
      'probability that a newborn mutates to another initial strategy (runs all generations)',
    )
    .option('--json', 'print JSON')
    .action(
      action(
        (
          names: string[],
          o: SettingFlags & { runs: string; maxGenerations: string; mutationRate?: string; json?: boolean },
        ) => {
          const flags = new Flags();
          const population: string[] = [];
          let individuals = 0;
          names.forEach((raw, i) => {
            const m = /^(.*?)\*(\d+)$/.exec(raw);
            const name = m ? (m[1] as string).trim() : raw;
            const copies = m ? Number(m[2]) : 1;
            const r = lookupStrategy(name);
            const s = 'strategy' in r ? r.strategy : undefined;
            if ('problem' in r) flags.fail(['population', i], r.problem);
            else if (s) {
              individuals += copies;
              for (let k = 0; k < copies && population.length <= 1000; k++) population.push(s.name);
            }
          });
          if (population.length < 2 && flags.problems.length === 0)
            flags.fail('population', 'expected at least 2 individuals');
          if (individuals > 1000)
            flags.fail('population', `expected at most 1000 individuals, got ${individuals}`);
          const { seed, ...settings } = readSettings(flags, o);
          const runs = flags.integer(o.runs, '--runs', 1, 1_000_000);
          const maxGenerations = flags.integer(o.maxGenerations, '--max-generations', 1);
          const mutationRate =
            o.mutationRate === undefined ? undefined : flags.probability(o.mutationRate, '--mutation-rate');
          if ((mutationRate ?? 0) > 0 && (runs ?? 1) > 1)
            flags.fail(
              '--mutation-rate',
              'with mutation nothing fixes for good, so --runs (fixation estimates) cannot be combined with it',
            );
          flags.done();
          const perGeneration = ((population.length * (population.length - 1)) / 2) * expectedTurns(settings);
          if (perGeneration > MAX_TOTAL_TURNS / 10)
            flags.fail(
              'population',
              `too much work per generation: about ${perGeneration.toExponential(2)} turns (at most ${(MAX_TOTAL_TURNS / 10).toExponential(0)}); use fewer individuals or shorter matches`,
            );
          flags.problems.push(
            ...strategyGameProblems(
              [...new Set(population)].map((n) => findStrategy(n)),
              settings.game,
              () => ({ path: ['population'] }),
            ),
          );
          flags.done();
          const spec = { ...settings, seed, population, maxGenerations, mutationRate };
          const doc: MoranDocument = (runs ?? 1) > 1 ? moranFixation(spec, runs ?? 1) : moranProcess(spec);
          if (o.json) printJson(doc);
          else process.stdout.write(`${moranText(doc, mutationRate)}\n`);
        },
      ),
    );

  games
    .command('replicator')
    .description(
      'Replicator dynamics for a payoff matrix file {A, B?, mutation?, x0?, y0?} or a set of strategies',
    )
    .argument('[file]', 'YAML/JSON with A (and B for two populations)')
    .option(
      '--strategies <names>',
      'comma-separated strategies (semicolons when names carry parameters, e.g. "Random: 0.3;Cycler DCDDC"): A = their mean per-turn match payoffs',
    )
    .option('--turns <n>', 'turns per match when building A from strategies', '200')
    .option('--seed <n>', seedHelp('random seed for stochastic strategies'))
    .option('--t <time>', 'end time', '10')
    .option('--points <n>', 'number of reported time points', '11')
    .option('--discrete', 'iterate the discrete replicator map instead')
    .option('--steps <n>', 'steps of the discrete map', '10')
    .option('--json', 'print JSON')
    .action(
      action(
        (
          file: string | undefined,
          o: {
            strategies?: string;
            turns: string;
            seed?: string;
            t: string;
            points: string;
            discrete?: boolean;
            steps: string;
            json?: boolean;
          },
        ) => {
          const flags = new Flags();
          const tEnd = flags.number(o.t, '--t', (x) =>
            x >= 0 && x <= 1e6 ? undefined : 'expected an end time in [0, 1e6]',
          );
          const points = flags.integer(o.points, '--points', 2, 100_000);
          const steps = flags.integer(o.steps, '--steps', 0, 1_000_000);
          let A: number[][] = [];
          let B: number[][] | undefined;
          let mutation: number[][] | undefined;
          let x0: number[] | undefined;
          let y0: number[] | undefined;
          let labels: string[] = [];
          let at: Locate = (path) => ({ path });
          if (file !== undefined && o.strategies !== undefined)
            flags.fail('--strategies', 'give either a file or --strategies, not both');
          else if (file !== undefined) {
            const doc = readDocument(file);
            const spec = validateDocument(replicatorSchema, doc);
            at = (path) => ({ file: doc.file, ...doc.locate(path), path });
            ({ A, B, mutation, x0, y0 } = spec);
            labels = A.map((_, i) => `s${i + 1}`);
          } else if (o.strategies !== undefined) {
            const { seed, ...settings } = readSettings(flags, { turns: o.turns, seed: o.seed });
            const strategies = strategyList(o.strategies).map((n, i): Strategy | undefined => {
              const r = lookupStrategy(n);
              if ('problem' in r) flags.fail(`--strategies[${i}]`, r.problem);
              return 'strategy' in r ? r.strategy : undefined;
            });
            flags.done();
            flags.problems.push(
              ...strategyGameProblems(strategies, settings.game, (i) => ({ path: [`--strategies[${i}]`] })),
            );
            flags.done();
            labels = strategies.map((s) => s!.name);
            A = strategies.map((a, i) =>
              strategies.map((b, j) => {
                const r = playMatch(a!, b!, settings, Rng.fromSeed(matchSeed(seed, i * 1000 + j)));
                return (r.scores[0] as number) / r.turns;
              }),
            );
          } else flags.problems.push({ message: 'expected a payoff file or --strategies' });
          flags.done();
          const problems = flags.problems;
          const n = A.length;
          checkShape(A, n, B ? (A[0]?.length ?? 0) : n, 'A', problems, at);
          const m = A[0]?.length ?? 0;
          if (B) checkShape(B, n, m, 'B', problems, at);
          if (mutation) checkShape(mutation, n, n, 'mutation', problems, at);
          const start = x0 ?? new Array<number>(n).fill(1 / n);
          checkDistribution(start, n, 'x0', problems, at);
          const startY = y0 ?? new Array<number>(m).fill(1 / m);
          if (B) checkDistribution(startY, m, 'y0', problems, at);
          if (B && (o.discrete || mutation))
            problems.push({
              ...at(['B']),
              message: 'two-population dynamics are continuous and without mutation here',
            });
          flags.done();
          if (o.discrete && n * n * steps! > 2e9)
            flags.fail(
              '--steps',
              `too much work: ${steps} steps of ${n} strategies (steps × strategies² at most 2e9)`,
            );
          flags.done();
          const ts = Array.from({ length: points! }, (_, k) => (tEnd! * k) / (points! - 1));
          let out: { t: number[]; x: number[][]; y?: number[][] };
          try {
            if (B) {
              const r = asymmetricReplicatorDynamics(A, B, start, startY, ts);
              out = { t: [...r.t], x: r.x.map((v) => [...v]), y: r.y.map((v) => [...v]) };
            } else if (o.discrete) {
              const xs = discreteReplicator(A, start, steps!, { mutation });
              out = { t: xs.map((_, k) => k), x: xs };
            } else {
              const r = replicatorDynamics(A, start, ts, { mutation });
              out = { t: [...r.t], x: r.x.map((v) => [...v]) };
            }
          } catch (e) {
            throw locateDynamicsProblems(e, at, file !== undefined);
          }
          const doc: ReplicatorDocument = { strategies: labels, ...out };
          if (o.json) printJson(doc);
          else process.stdout.write(`${replicatorText(doc, o.discrete === true)}\n`);
        },
      ),
    );
}
