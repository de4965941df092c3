/**
 * One entry point for the solutions of a TU game, with the choice of method
 * that belongs to the model rather than to a command line: the exact Shapley
 * value for tabulated games, sampling beyond; the nucleolus of a large
 * bankruptcy game by the Talmud rule; linear programs otherwise.
 */
import { ConcertError, type Problem } from '../../core/errors.js';
import { exactNumber } from '../../core/rational.js';
import type { Rng } from '../../core/rng.js';
import { bankruptcyAwards } from './bankruptcy.js';
import { TU_SOLUTIONS } from './names.js';
import {
  type LeastCoreResult,
  leastCore,
  MAX_LP_PLAYERS,
  type NucleolusLevel,
  nucleolus,
} from './nucleolus.js';
import { type AllocationValue, shapleySample, shapleyValue } from './shapley.js';
import { MAX_TABLE_PLAYERS, superadditivityViolations, type TuGame } from './tu-game.js';

export type TuSolution = (typeof TU_SOLUTIONS)[number];

/** How a solution was computed. */
export type TuSolutionMethod = 'exact' | 'sampling' | 'talmud-rule' | 'linear-programs';

/** Largest n for which {@link solveTuGame} checks superadditivity (all pairs of disjoint coalitions). */
export const MAX_SUPERADDITIVITY_PLAYERS = 12;

/** Default number of sampled orders for the Shapley value of a game that is not tabulated. */
export const DEFAULT_SHAPLEY_SAMPLES = 20_000;

export interface TuSolveOptions {
  /** Sampled orders for the Shapley value of a game without a table (default 20 000). */
  readonly samples?: number;
  /** The generator for sampling; required when the Shapley value is sampled. */
  readonly rng?: Rng;
  /** The bankruptcy problem the game was built from, if any (its nucleolus is the Talmud rule). */
  readonly bankruptcy?: { readonly estate: number; readonly claims: readonly number[] };
}

/**
 * A solution of a TU game. Which fields are present depends on the solution:
 * `samples` when the Shapley value was sampled; `levels` and
 * `linearPrograms` for the (pre)nucleolus by linear programs; `epsilon`,
 * `epsilonExact` and `coreNonEmpty` for the core and the least core.
 */
export interface TuSolutionResult {
  readonly solution: TuSolution;
  readonly method: TuSolutionMethod;
  /** Sampled orders (sampling only). */
  readonly samples?: number;
  /** One value per player; empty for the core when the core is empty. */
  readonly allocation: AllocationValue[];
  /** ε_k of each LP level with the coalitions fixed there (nucleolus, prenucleolus by LPs). */
  readonly levels?: readonly NucleolusLevel[];
  readonly linearPrograms?: number;
  /** Least-core ε₁ (core, least core): ≤ 0 iff the core is non-empty. */
  readonly epsilon?: number;
  readonly epsilonExact?: string;
  readonly coreNonEmpty?: boolean;
  /** Whether v(S ∪ T) ≥ v(S) + v(T) for all disjoint S, T; undefined unless tabulated with n ≤ 12. */
  readonly superadditive: boolean | undefined;
}

function checkOptions(game: TuGame, solution: TuSolution, options: TuSolveOptions): void {
  const problems: Problem[] = [];
  if (!(TU_SOLUTIONS as readonly string[]).includes(solution))
    problems.push({
      path: ['solution'],
      message: `unknown solution "${solution}": expected one of ${TU_SOLUTIONS.join(', ')}`,
    });
  const { samples, bankruptcy } = options;
  if (samples !== undefined && !(Number.isSafeInteger(samples) && samples >= 1))
    problems.push({ path: ['samples'], message: `expected a whole number ≥ 1; got ${samples}` });
  if (bankruptcy && bankruptcy.claims.length !== game.players.length)
    problems.push({
      path: ['bankruptcy', 'claims'],
      message: `expected one claim per player (${game.players.length}); got ${bankruptcy.claims.length}`,
    });
  if (problems.length > 0) throw new ConcertError('bad-input', problems);
}

/** The Talmud rule's awards (exact fractions) as the game's allocation. */
function awardsAllocation(game: TuGame, estate: number, claims: readonly number[]): AllocationValue[] {
  return bankruptcyAwards('talmud', estate, claims).map((x, i) => ({
    player: game.players[i]!,
    ...exactNumber(x),
  }));
}

function coreResult(solution: 'core' | 'least-core', r: LeastCoreResult) {
  return {
    solution,
    method: 'linear-programs' as const,
    allocation: solution === 'core' && !r.coreNonEmpty ? [] : [...r.allocation],
    epsilon: r.epsilon,
    ...(r.epsilonExact !== undefined ? { epsilonExact: r.epsilonExact } : {}),
    coreNonEmpty: r.coreNonEmpty,
  };
}

/**
 * The `solution` of a TU game:
 * - `shapley`: exact (shapleyValue) when the game is tabulated (n ≤ 20),
 *   else sampled over `options.samples` random orders (default 20 000) drawn
 *   with `options.rng` (Castro, Gómez & Tejada 2009);
 * - `nucleolus`, `prenucleolus`: the sequential linear programs (n ≤ 16);
 *   a bankruptcy game (`options.bankruptcy`) beyond 16 players gets the
 *   Talmud rule, which is its nucleolus (Aumann & Maschler 1985);
 * - `core`, `least-core`: the least-core LP; the core's allocation is empty
 *   when the core is (ε₁ > 0).
 * `superadditive` is checked for tabulated games of at most 12 players.
 * Values are in the unit of the game's worths.
 *
 * @throws {ConcertError} bad input for an unknown `solution` (path
 *   `['solution']`), a `samples` option that is not a whole number ≥ 1
 *   (`['options', 'samples']`), a missing `rng` when the Shapley value must
 *   be sampled (`['options', 'rng']`), bankruptcy claims that do not match
 *   the players, and the limits of the linear programs (see nucleolus,
 *   leastCore).
 * @example
 * const game = tuGameFromTable(['A', 'B'], Float64Array.from([0, 1, 2, 4]));
 * (await solveTuGame(game, 'shapley')).allocation; // => [{player: 'A', value: 1.5, exact: '3/2'}, {player: 'B', value: 2.5, exact: '5/2'}]
 */
export async function solveTuGame(
  game: TuGame,
  solution: TuSolution,
  options: TuSolveOptions = {},
): Promise<TuSolutionResult> {
  checkOptions(game, solution, options);
  const n = game.players.length;
  const superadditive =
    game.table && n <= MAX_SUPERADDITIVITY_PLAYERS
      ? superadditivityViolations(game, 1).length === 0
      : undefined;
  switch (solution) {
    case 'shapley': {
      if (game.table !== undefined && n <= MAX_TABLE_PLAYERS)
        return { solution, method: 'exact', allocation: shapleyValue(game), superadditive };
      const samples = options.samples ?? DEFAULT_SHAPLEY_SAMPLES;
      if (!options.rng)
        throw new ConcertError('bad-input', [
          {
            path: ['rng'],
            message: `the Shapley value of this ${n}-player game is sampled: it needs a seeded random generator`,
          },
        ]);
      return {
        solution,
        method: 'sampling',
        samples,
        allocation: shapleySample(game, samples, options.rng),
        superadditive,
      };
    }
    case 'nucleolus':
    case 'prenucleolus': {
      const b = options.bankruptcy;
      if (b && solution === 'nucleolus' && n > MAX_LP_PLAYERS)
        return {
          solution,
          method: 'talmud-rule',
          allocation: awardsAllocation(game, b.estate, b.claims),
          superadditive,
        };
      const r = await nucleolus(game, solution === 'prenucleolus');
      return {
        solution,
        method: 'linear-programs',
        allocation: [...r.allocation],
        levels: r.levels,
        linearPrograms: r.linearPrograms,
        superadditive,
      };
    }
    case 'core':
    case 'least-core':
      return { ...coreResult(solution, await leastCore(game)), superadditive };
  }
}
