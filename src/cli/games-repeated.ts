/**
 * `concert games match | tournament | moran | replicator | strategies`: the
 * repeated-games half of `concert games`. Parse → call the library → format.
 */
import type { Command } from '@commander-js/extra-typings';
import cliProgress from 'cli-progress';
import { z } from 'zod';
import { readDocument, validateDocument } from '../core/document.js';
import { badInput, ConcertError, type Problem } from '../core/errors.js';
import { Rng } from '../core/rng.js';
import {
  asymmetricReplicatorDynamics,
  discreteReplicator,
  moranFixation,
  moranProcess,
  replicatorDynamics,
} from '../models/games/evolution/index.js';
import {
  actionPairs,
  checkTournamentSpec,
  expectedTurns,
  findStrategy,
  MAX_TOTAL_TURNS,
  MAX_TURNS,
  type MatchSettings,
  matchSeed,
  playMatch,
  runTournament,
  STRATEGIES,
  type StageGame,
  strategyGameProblems,
  type TournamentSpec,
  tournamentMatchCount,
  unknownStrategyMessage,
} from '../models/games/repeated/index.js';
import { action, group, printJson } from './run.js';

/** Spec validation lives in the model; re-exported here for callers that import it from the CLI. */
export { checkTournamentSpec, tournamentSpecSchema } from '../models/games/repeated/index.js';
import { fixed, percent, renderTable } from './table.js';

/** Raw option values of the match-settings flags. */
interface SettingFlags {
  turns?: string;
  continuation?: string;
  noise?: string;
  misperception?: string;
  consultation?: string;
  game?: string;
  seed?: string;
}

function num(
  raw: string | undefined,
  flag: string,
  problems: Problem[],
  check: (x: number) => string | undefined,
): number | undefined {
  if (raw === undefined) return undefined;
  const x = Number(raw);
  const why = raw.trim() === '' || !Number.isFinite(x) ? 'expected a number' : check(x);
  if (why) {
    problems.push({ path: [flag], message: `${why}, got "${raw}"` });
    return undefined;
  }
  return x;
}

const probability = (x: number) => (x >= 0 && x <= 1 ? undefined : 'expected a probability in [0, 1]');

/** Reads the shared match flags, collecting every problem. */
function readSettings(o: SettingFlags, problems: Problem[]): MatchSettings & { seed: number } {
  const turns = num(o.turns, '--turns', problems, (x) =>
    Number.isInteger(x) && x >= 1 && x <= MAX_TURNS
      ? undefined
      : `expected a whole number of turns in [1, ${MAX_TURNS}]`,
  );
  const continuationProbability = num(o.continuation, '--continuation', problems, (x) =>
    x >= 0 && x < 1 ? undefined : 'expected a continuation probability in [0, 1)',
  );
  const noise = num(o.noise, '--noise', problems, probability);
  const misperception = num(o.misperception, '--misperception', problems, probability);
  const consultation = num(o.consultation, '--consultation', problems, probability);
  const seed =
    num(o.seed, '--seed', problems, (x) =>
      Number.isSafeInteger(x) ? undefined : 'expected an integer seed',
    ) ?? 0;
  let game: StageGame | undefined;
  if (o.game !== undefined) {
    const parts = o.game.split(',').map((s) => Number(s));
    if (parts.length !== 4 || parts.some((x) => !Number.isFinite(x))) {
      problems.push({
        path: ['--game'],
        message: `expected four numbers R,S,T,P (e.g. 3,0,5,1), got "${o.game}"`,
      });
    } else {
      const [R, S, T, P] = parts as [number, number, number, number];
      game = { R, S, T, P };
    }
  }
  return { turns, continuationProbability, noise, misperception, consultation, game, seed };
}

function strategyOrProblem(name: string, path: string, problems: Problem[]) {
  const s = findStrategy(name);
  if (!s) problems.push({ path: [path], message: unknownStrategyMessage(name) });
  return s;
}

function fail(problems: Problem[]): void {
  if (problems.length > 0) throw new ConcertError('bad-input', problems);
}

/** Loads and checks a tournament spec: schema problems and unknown or repeated players, all at once, located. */
export function loadTournamentSpec(path: string): TournamentSpec {
  return checkTournamentSpec(readDocument(path));
}

function progressBar(total: number, label: string): { update(done: number): void; stop(): void } {
  if (!process.stderr.isTTY) return { update() {}, stop() {} };
  const bar = new cliProgress.SingleBar(
    {
      stream: process.stderr,
      format: `${label} [{bar}] {percentage}% | {value}/{total} matches | ETA {eta}s`,
    },
    cliProgress.Presets.shades_classic,
  );
  bar.start(total, 0);
  return { update: (done) => bar.update(done), stop: () => bar.stop() };
}

const matrixSchema = z.array(z.array(z.number()).min(1)).min(1);
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

/** Registers the repeated-games subcommands under `concert games`. */
export function register(program: Command): void {
  const games = group(program, 'games', 'Game theory: equilibria, repeated games, tournaments, evolution');

  games
    .command('match')
    .description('Play one repeated match between two strategies')
    .argument('<player1>', 'strategy name, e.g. "Tit For Tat"')
    .argument('<player2>', 'strategy name, e.g. "Grudger"')
    .option('--turns <n>', 'turns per match (announced to the players)', '200')
    .option('--continuation <delta>', 'continuation probability δ in [0,1): geometric, unannounced length')
    .option('--noise <p>', 'implementation noise: each intended action flipped with probability p')
    .option('--misperception <m>', "each player misperceives the opponent's action with probability m")
    .option('--consultation <q>', 'each error is cleared up before the next move with probability q')
    .option('--game <R,S,T,P>', 'stage-game payoffs', '3,0,5,1')
    .option('--seed <n>', 'random seed', '0')
    .option('--json', 'print JSON')
    .action(
      action((p1: string, p2: string, o: SettingFlags & { json?: boolean }) => {
        const problems: Problem[] = [];
        const s1 = strategyOrProblem(p1, 'player1', problems);
        const s2 = strategyOrProblem(p2, 'player2', problems);
        const settings = readSettings(o, problems);
        fail(problems);
        fail(
          strategyGameProblems([s1, s2], settings.game, (i) => ({ path: [i === 0 ? 'player1' : 'player2'] })),
        );
        const r = playMatch(s1!, s2!, settings, Rng.fromSeed(matchSeed(settings.seed, 0)));
        const actions = actionPairs(r.actions);
        if (o.json) {
          printJson({
            players: r.players,
            actions,
            scores: r.scores,
            cooperation: r.cooperation,
            turns: r.turns,
            errors: r.errors,
          });
          return;
        }
        const rows = [0, 1].map((i) => [
          r.players[i] as string,
          fixed(r.scores[i] as number, 0),
          fixed((r.scores[i] as number) / r.turns, 3),
          percent((r.cooperation[i] as number) / r.turns, 1),
        ]);
        process.stdout.write(
          `${renderTable(
            [
              { header: 'player' },
              { header: 'score', align: 'right' },
              { header: 'per turn', align: 'right' },
              { header: 'cooperation', align: 'right' },
            ],
            rows,
          )}\n\n${r.turns} turns: ${actions.slice(0, 60).join(' ')}${r.turns > 60 ? ' …' : ''}\n`,
        );
        if (r.errors.implementation + r.errors.misperception > 0) {
          process.stdout.write(
            `errors: ${r.errors.implementation} implementation, ${r.errors.misperception} misperception; ${r.errors.corrected} cleared up by consultation\n`,
          );
        }
      }),
    );

  games
    .command('tournament')
    .description('Play a round-robin tournament described in a YAML or JSON spec')
    .argument(
      '<spec>',
      'tournament spec (players, turns, repetitions, noise, misperception, consultation, game, seed)',
    )
    .option('--workers <n>', 'worker threads (1 = this thread)', '1')
    .option('--seed <n>', "random seed (overrides the spec's seed)")
    .option('--json', 'print JSON')
    .action(
      action(async (file: string, o: { workers: string; seed?: string; json?: boolean }) => {
        const workers = Number(o.workers);
        if (!Number.isInteger(workers) || workers < 1 || workers > 256) {
          throw badInput({
            path: ['--workers'],
            message: `expected a whole number of workers in [1, 256], got "${o.workers}"`,
          });
        }
        const seedProblems: Problem[] = [];
        const seed = num(o.seed, '--seed', seedProblems, (x) =>
          Number.isSafeInteger(x) ? undefined : 'expected an integer seed',
        );
        fail(seedProblems);
        const loaded = loadTournamentSpec(file);
        const spec = seed === undefined ? loaded : { ...loaded, seed };
        const bar = progressBar(tournamentMatchCount(spec), 'tournament');
        const r = await runTournament(spec, { workers, onProgress: (d) => bar.update(d) });
        bar.stop();
        const players = r.players.map((p) => ({
          id: p.id,
          rank: p.rank,
          totalScore: p.totalScore,
          meanScorePerTurn: p.meanScorePerTurn,
          wins: p.wins,
          cooperationRate: p.cooperationRate,
        }));
        if (o.json) {
          printJson({
            players,
            medianNormalisedScores: Object.fromEntries(r.players.map((p) => [p.id, p.medianNormalisedScore])),
            payoffMatrix: { ids: r.ids, values: r.payoffMatrix },
            matches: r.matches,
            repetitions: r.repetitions,
            seed: r.seed,
          });
          return;
        }
        process.stdout.write(
          `${renderTable(
            [
              { header: 'rank', align: 'right' },
              { header: 'player' },
              { header: 'total score', align: 'right' },
              { header: 'per turn', align: 'right' },
              { header: 'median norm.', align: 'right' },
              { header: 'wins', align: 'right' },
              { header: 'cooperation', align: 'right' },
            ],
            r.players.map((p) => [
              String(p.rank),
              p.id,
              fixed(p.totalScore, 0),
              fixed(p.meanScorePerTurn, 3),
              fixed(p.medianNormalisedScore, 3),
              String(p.wins),
              percent(p.cooperationRate, 1),
            ]),
          )}\n\n${r.matches} matches, ${r.repetitions} repetitions, seed ${r.seed}\n`,
        );
      }),
    );

  games
    .command('moran')
    .description(
      'Moran process over a population of strategies (one name per individual; "Name*k" for k copies)',
    )
    .argument('<population...>', 'e.g. "Tit For Tat" "Defector*5"')
    .option('--turns <n>', 'turns per match (announced to the players)', '200')
    .option('--continuation <delta>', 'continuation probability δ in [0,1): geometric, unannounced length')
    .option('--noise <p>', 'implementation noise: each intended action flipped with probability p')
    .option('--misperception <m>', "each player misperceives the opponent's action with probability m")
    .option('--consultation <q>', 'each error is cleared up before the next move with probability q')
    .option('--game <R,S,T,P>', 'stage-game payoffs', '3,0,5,1')
    .option('--seed <n>', 'random seed', '0')
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
          const problems: Problem[] = [];
          const population: string[] = [];
          names.forEach((raw, i) => {
            const m = /^(.*?)\*(\d+)$/.exec(raw);
            const name = m ? (m[1] as string).trim() : raw;
            const copies = m ? Number(m[2]) : 1;
            const s = findStrategy(name);
            if (!s) problems.push({ path: ['population', i], message: unknownStrategyMessage(name) });
            else for (let k = 0; k < copies; k++) population.push(s.name);
          });
          if (population.length < 2 && problems.length === 0) {
            problems.push({ path: ['population'], message: 'expected at least 2 individuals' });
          }
          if (population.length > 1000)
            problems.push({
              path: ['population'],
              message: `expected at most 1000 individuals, got ${population.length}`,
            });
          const settings = readSettings(o, problems);
          const runs = num(o.runs, '--runs', problems, (x) =>
            Number.isInteger(x) && x >= 1 && x <= 1_000_000
              ? undefined
              : 'expected a whole number of runs in [1, 1000000]',
          );
          const maxGenerations = num(o.maxGenerations, '--max-generations', problems, (x) =>
            Number.isInteger(x) && x >= 1 ? undefined : 'expected a positive whole number',
          );
          const mutationRate = num(o.mutationRate, '--mutation-rate', problems, probability);
          if ((mutationRate ?? 0) > 0 && (runs ?? 1) > 1) {
            problems.push({
              path: ['--mutation-rate'],
              message:
                'with mutation nothing fixes for good, so --runs (fixation estimates) cannot be combined with it',
            });
          }
          fail(problems);
          const perGeneration = ((population.length * (population.length - 1)) / 2) * expectedTurns(settings);
          if (perGeneration > MAX_TOTAL_TURNS / 10) {
            problems.push({
              path: ['population'],
              message: `too much work per generation: about ${perGeneration.toExponential(2)} turns (at most ${(MAX_TOTAL_TURNS / 10).toExponential(0)}); use fewer individuals or shorter matches`,
            });
          }
          problems.push(
            ...strategyGameProblems(
              [...new Set(population)].map((n) => findStrategy(n)),
              settings.game,
              () => ({ path: ['population'] }),
            ),
          );
          fail(problems);
          const spec = { ...settings, population, maxGenerations, mutationRate };
          if ((runs ?? 1) > 1) {
            const f = moranFixation(spec, runs ?? 1);
            if (o.json) {
              printJson(f);
              return;
            }
            process.stdout.write(
              `${renderTable(
                [{ header: 'strategy' }, { header: 'fixation', align: 'right' }],
                Object.entries(f.fixation).map(([k, v]) => [k, fixed(v, 4)]),
              )}\n\n${f.runs} runs, ${f.unfixed} without fixation\n`,
            );
            return;
          }
          const r = moranProcess(spec);
          if (o.json) {
            printJson(r);
            return;
          }
          process.stdout.write(
            `${(mutationRate ?? 0) > 0 ? `with mutation rate ${mutationRate}, no fixation; ` : `winner: ${r.winner ?? '(none yet)'} `}after ${r.generations} generations\nfinal population: ${JSON.stringify(r.populations[r.populations.length - 1])}\n`,
          );
        },
      ),
    );

  games
    .command('replicator')
    .description(
      'Replicator dynamics for a payoff matrix file {A, B?, mutation?, x0?, y0?} or a set of strategies',
    )
    .argument('[file]', 'YAML/JSON with A (and B for two populations)')
    .option('--strategies <names>', 'comma-separated strategies: A = their mean per-turn match payoffs')
    .option('--turns <n>', 'turns per match when building A from strategies', '200')
    .option('--seed <n>', 'random seed for stochastic strategies', '0')
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
            seed: string;
            t: string;
            points: string;
            discrete?: boolean;
            steps: string;
            json?: boolean;
          },
        ) => {
          const problems: Problem[] = [];
          const tEnd = num(o.t, '--t', problems, (x) =>
            x >= 0 && x <= 1e6 ? undefined : 'expected an end time in [0, 1e6]',
          );
          const points = num(o.points, '--points', problems, (x) =>
            Number.isInteger(x) && x >= 2 && x <= 100_000
              ? undefined
              : 'expected a whole number in [2, 100000]',
          );
          const steps = num(o.steps, '--steps', problems, (x) =>
            Number.isInteger(x) && x >= 0 && x <= 1_000_000
              ? undefined
              : 'expected a whole number in [0, 1000000]',
          );
          let A: number[][] = [];
          let B: number[][] | undefined;
          let mutation: number[][] | undefined;
          let x0: number[] | undefined;
          let y0: number[] | undefined;
          let labels: string[] = [];
          let at: Locate = (path) => ({ path });
          if (file !== undefined && o.strategies !== undefined)
            problems.push({
              path: ['--strategies'],
              message: 'give either a file or --strategies, not both',
            });
          else if (file !== undefined) {
            const doc = readDocument(file);
            const spec = validateDocument(replicatorSchema, doc);
            at = (path) => ({ file: doc.file, ...doc.locate(path), path });
            ({ A, B, mutation, x0, y0 } = spec);
            labels = A.map((_, i) => `s${i + 1}`);
          } else if (o.strategies !== undefined) {
            const settings = readSettings({ turns: o.turns, seed: o.seed }, problems);
            const strategies = o.strategies
              .split(',')
              .map((n, i) => strategyOrProblem(n.trim(), `--strategies[${i}]`, problems));
            fail(problems);
            fail(strategyGameProblems(strategies, settings.game, (i) => ({ path: [`--strategies[${i}]`] })));
            labels = strategies.map((s) => s!.name);
            A = strategies.map((a, i) =>
              strategies.map((b, j) => {
                const r = playMatch(a!, b!, settings, Rng.fromSeed(matchSeed(settings.seed, i * 1000 + j)));
                return (r.scores[0] as number) / r.turns;
              }),
            );
          } else problems.push({ message: 'expected a payoff file or --strategies' });
          fail(problems);
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
          fail(problems);
          const ts = Array.from(
            { length: points ?? 11 },
            (_, k) => ((tEnd ?? 10) * k) / ((points ?? 11) - 1),
          );
          let out: { t: number[]; x: number[][]; y?: number[][] };
          if (B) {
            const r = asymmetricReplicatorDynamics(A, B, start, startY, ts);
            out = { t: [...r.t], x: r.x.map((v) => [...v]), y: r.y.map((v) => [...v]) };
          } else if (o.discrete) {
            const xs = discreteReplicator(A, start, steps ?? 10, { mutation });
            out = { t: xs.map((_, k) => k), x: xs };
          } else {
            const r = replicatorDynamics(A, start, ts, { mutation });
            out = { t: [...r.t], x: r.x.map((v) => [...v]) };
          }
          if (o.json) {
            printJson({ strategies: labels, ...out });
            return;
          }
          process.stdout.write(
            `${renderTable(
              [
                { header: o.discrete ? 'step' : 't', align: 'right' },
                ...labels.map((l) => ({ header: l, align: 'right' as const })),
              ],
              out.t.map((t, k) => [fixed(t, 3), ...(out.x[k] as number[]).map((v) => fixed(v, 4))]),
            )}\n`,
          );
        },
      ),
    );

  games
    .command('strategies')
    .description('List the repeated-game strategies with their classifiers and origins')
    .option('--json', 'print JSON')
    .action(
      action((o: { json?: boolean }) => {
        const list = STRATEGIES.map((s) => ({
          name: s.name,
          className: s.className,
          memoryDepth: Number.isFinite(s.classifier.memoryDepth) ? s.classifier.memoryDepth : null,
          stochastic: s.classifier.stochastic,
          makesUseOf: s.classifier.makesUseOf,
          usesNoise: s.classifier.usesNoise,
          origin: s.origin,
          description: s.description,
        }));
        if (o.json) {
          printJson({ strategies: list });
          return;
        }
        process.stdout.write(
          `${renderTable(
            [
              { header: 'name' },
              { header: 'memory', align: 'right' },
              { header: 'stochastic' },
              { header: 'uses' },
              { header: 'origin' },
            ],
            list.map((s) => [
              s.name,
              s.memoryDepth === null ? '∞' : String(s.memoryDepth),
              s.stochastic ? 'yes' : 'no',
              s.makesUseOf.join(', '),
              s.origin,
            ]),
          )}\n\n${list.length} strategies\n`,
        );
      }),
    );
}
