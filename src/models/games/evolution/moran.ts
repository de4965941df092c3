/**
 * The Moran process (Moran 1958; Nowak et al. 2004; Nowak 2006, ch. 6) over
 * repeated-game strategies, in the Axelrod library's birth–death form
 * (`MoranProcess(mode="bd")`, Knight et al. 2016).
 *
 * A population of N individuals, each playing a strategy. Each generation
 * every pair of individuals plays a match; individual i's fitness is
 * f_i = Σ_{j≠i} (score of i against j) / turns, i.e. its mean payoff per turn
 * summed over its opponents. One individual is chosen to reproduce with
 * probability f_i / Σ f (uniformly if Σ f = 0), one is chosen uniformly from
 * all N to die (possibly the parent), and the dead one is replaced by a copy
 * of the parent. The process stops when one strategy has taken over
 * (fixation) or after `maxGenerations`.
 *
 * With a mutation rate μ > 0 (the Axelrod library's `mutation_rate` with its
 * default "transition" method), the newborn is, with probability μ, a copy of
 * a different strategy drawn uniformly from the strategies of the initial
 * population instead of the parent's; fixation is then not absorbing, so the
 * process runs for `maxGenerations` generations.
 *
 * For two strategies A and B, with a_XY the mean per-turn payoff of X against
 * Y, the fitness with k A-players is f_A(k) = (k−1)a_AA + (N−k)a_AB and
 * f_B(k) = k a_BA + (N−k−1)a_BB, the chain moves k → k+1 with probability
 * T⁺_k = k f_A/(k f_A + (N−k) f_B) · (N−k)/N and k → k−1 with
 * T⁻_k = (N−k) f_B/(k f_A + (N−k) f_B) · k/N, and the fixation probabilities
 * ρ_k solve ρ_k (T⁺_k + T⁻_k) = T⁻_k ρ_{k−1} + T⁺_k ρ_{k+1}, ρ_0 = 0, ρ_N = 1
 * (Nowak 2006, eq. 6.5; solved here as a tridiagonal system, which stays
 * finite when a fitness is zero).
 */
import { ConcertError, type Problem } from '../../../core/errors.js';
import { DEFAULT_SEED, Rng } from '../../../core/rng.js';
import {
  MatchEngine,
  type MatchSettings,
  type MatchSummary,
  matchSettingsProblems,
} from '../repeated/match.js';
import { strategiesNamed } from '../repeated/registry.js';
import type { Strategy } from '../repeated/strategy.js';
import { matchSeed } from '../repeated/tournament.js';

export interface MoranSpec extends MatchSettings {
  /** The initial population: one strategy name per individual (N ≥ 2). */
  readonly population: readonly string[];
  readonly seed?: number;
  /** Stop after this many generations if no strategy has fixed. Default 100,000. */
  readonly maxGenerations?: number;
  /** μ in [0, 1]: probability that a newborn mutates to another initial strategy. Default 0. */
  readonly mutationRate?: number;
}

export interface MoranResult {
  /** The strategy that took over, or null if `maxGenerations` was reached first (always null with mutation). */
  readonly winner: string | null;
  /** Generations played (births/deaths). */
  readonly generations: number;
  /** Count of each strategy, per generation (populations[0] is the start). */
  readonly populations: readonly Readonly<Record<string, number>>[];
  /** The fitness of each individual in the first generation. */
  readonly firstRoundScores: readonly number[];
}

/** The population's strategies, with the spec's numbers checked (paths are the spec's fields). */
function resolve(spec: MoranSpec): Strategy[] {
  const problems = matchSettingsProblems(spec);
  if (spec.population.length < 2)
    problems.push({
      path: ['population'],
      message: `expected at least 2 individuals; got ${spec.population.length}`,
    });
  const g = spec.maxGenerations;
  if (g !== undefined && !(Number.isSafeInteger(g) && g >= 0))
    problems.push({ path: ['maxGenerations'], message: `expected a whole number ≥ 0; got ${g}` });
  const mu = spec.mutationRate;
  if (mu !== undefined && !(mu >= 0 && mu <= 1))
    problems.push({ path: ['mutationRate'], message: `expected a probability in [0, 1]; got ${mu}` });
  if (problems.length > 0) throw new ConcertError('bad-input', problems);
  return strategiesNamed(spec.population, ['population']);
}

function countOf(pop: readonly Strategy[]): Record<string, number> {
  const c: Record<string, number> = {};
  for (const s of pop) c[s.name] = (c[s.name] ?? 0) + 1;
  return c;
}

/**
 * One run of the Moran process (see the module comment). Matches between two
 * deterministic strategies without noise are played once and cached, as the
 * Axelrod library does; all other matches are replayed each generation, each
 * from its own (seed, match counter) stream.
 *
 * @throws {ConcertError} bad input for an unknown strategy (path
 *   `['population', i]`), fewer than two individuals, `maxGenerations` or
 *   `mutationRate` out of range, or match settings out of range.
 * @example
 * moranProcess({ population: ['Tit For Tat', 'Defector', 'Defector'], turns: 20, seed: 1 }).winner;
 */
export function moranProcess(spec: MoranSpec): MoranResult {
  const pop = resolve(spec);
  const n = pop.length;
  const seed = spec.seed ?? DEFAULT_SEED;
  // Hash the seed: pure-rand's xoroshiro128+ seeded with a small integer starts with outputs near 1.
  const rng = Rng.fromSeed(matchSeed(seed, 0x7fffffff));
  const engine = new MatchEngine();
  const summary: MatchSummary = { turns: 0, score1: 0, score2: 0, cooperation1: 0, cooperation2: 0 };
  const noiseless =
    !(spec.noise ?? 0) && !(spec.misperception ?? 0) && spec.continuationProbability === undefined;
  const cache = new Map<string, [number, number]>();
  let matchCounter = 0;
  const play = (a: Strategy, b: Strategy): [number, number] => {
    const cacheable = noiseless && !a.classifier.stochastic && !b.classifier.stochastic;
    const key = `${a.name}\u0000${b.name}`;
    if (cacheable) {
      const hit = cache.get(key);
      if (hit) return hit;
    }
    engine.play(a, b, spec, Rng.fromSeed(matchSeed(seed ^ 0x5bd1e995, matchCounter++)), summary);
    const r: [number, number] = [summary.score1 / summary.turns, summary.score2 / summary.turns];
    if (cacheable) cache.set(key, r);
    return r;
  };
  const fitness = new Float64Array(n);
  const populations: Record<string, number>[] = [countOf(pop)];
  let firstRoundScores: number[] = [];
  const maxGenerations = spec.maxGenerations ?? 100_000;
  let generations = 0;
  const fixed = () => pop.every((s) => s === pop[0]);
  const mutationRate = spec.mutationRate ?? 0;
  const types = [...new Set(pop)];
  while ((mutationRate > 0 || !fixed()) && generations < maxGenerations) {
    fitness.fill(0);
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) {
        const [fi, fj] = play(pop[i] as Strategy, pop[j] as Strategy);
        fitness[i] = (fitness[i] as number) + fi;
        fitness[j] = (fitness[j] as number) + fj;
      }
    }
    if (generations === 0) firstRoundScores = Array.from(fitness);
    let total = 0;
    for (let i = 0; i < n; i++) total += fitness[i] as number;
    let parent = n - 1;
    if (total > 0) {
      let u = rng.next() * total;
      for (let i = 0; i < n; i++) {
        u -= fitness[i] as number;
        if (u < 0) {
          parent = i;
          break;
        }
      }
    } else {
      parent = rng.int(0, n - 1);
    }
    const dead = rng.int(0, n - 1);
    let child = pop[parent] as Strategy;
    if (mutationRate > 0 && types.length > 1 && rng.next() < mutationRate) {
      const others = types.filter((t) => t !== child);
      child = others[rng.int(0, others.length - 1)] as Strategy;
    }
    pop[dead] = child;
    generations++;
    populations.push(countOf(pop));
  }
  const winner = mutationRate === 0 && fixed() ? (pop[0] as Strategy).name : null;
  return { winner, generations, populations, firstRoundScores };
}

/**
 * Estimated fixation probabilities: the share of `runs` independent Moran
 * processes (run r seeded from (seed, r)) that each strategy wins, with the
 * number of runs that did not fix within `maxGenerations`.
 *
 * @throws {ConcertError} bad input as {@link moranProcess}, and for `runs`
 *   that is not a whole number ≥ 1 (path `['runs']`).
 * @example
 * moranFixation({ population: ['Tit For Tat', 'Defector', 'Defector'], turns: 20 }, 10).fixation;
 */
export function moranFixation(
  spec: MoranSpec,
  runs: number,
): { runs: number; fixation: Record<string, number>; unfixed: number } {
  if (!(Number.isSafeInteger(runs) && runs >= 1))
    throw new ConcertError('bad-input', [
      { path: ['runs'], message: `expected a whole number of runs ≥ 1; got ${runs}` },
    ]);
  const wins: Record<string, number> = {};
  for (const s of resolve(spec)) wins[s.name] = 0;
  let unfixed = 0;
  for (let r = 0; r < runs; r++) {
    const res = moranProcess({ ...spec, seed: matchSeed(spec.seed ?? DEFAULT_SEED, r) });
    if (res.winner === null) unfixed++;
    else wins[res.winner] = (wins[res.winner] ?? 0) + 1;
  }
  const fixation: Record<string, number> = {};
  for (const [k, v] of Object.entries(wins)) fixation[k] = v / runs;
  return { runs, fixation, unfixed };
}

/**
 * Exact fixation probabilities ρ_0 … ρ_N of strategy A in a population of N
 * A- and B-players under the birth–death Moran process with fitness equal to
 * summed per-turn payoffs, given the 2×2 matrix of mean per-turn payoffs
 * [[a_AA, a_AB], [a_BA, a_BB]] (see the module comment for the chain).
 * ρ_k is the probability that A takes over starting from k A-players.
 *
 * @throws {ConcertError} bad input unless N is a whole number ≥ 2 (path
 *   `['N']`) and the payoffs are finite (`['payoffs', i, j]`).
 * @example
 * moranFixationProbabilities([[1, 1], [1, 1]], 4); // => [0, 0.25, 0.5, 0.75, 1]: neutral drift
 */
export function moranFixationProbabilities(
  payoffs: readonly [readonly [number, number], readonly [number, number]],
  N: number,
): number[] {
  const problems: Problem[] = [];
  if (!(Number.isSafeInteger(N) && N >= 2))
    problems.push({ path: ['N'], message: `expected a whole population size ≥ 2; got ${N}` });
  payoffs.forEach((row, i) => {
    row.forEach((x, j) => {
      if (!Number.isFinite(x))
        problems.push({ path: ['payoffs', i, j], message: `expected a finite payoff; got ${x}` });
    });
  });
  if (problems.length > 0) throw new ConcertError('bad-input', problems);
  const [[aAA, aAB], [aBA, aBB]] = payoffs;
  const up = new Float64Array(N + 1);
  const down = new Float64Array(N + 1);
  for (let k = 1; k < N; k++) {
    const fA = (k - 1) * aAA + (N - k) * aAB;
    const fB = k * aBA + (N - k - 1) * aBB;
    const F = k * fA + (N - k) * fB;
    const birthA = F > 0 ? (k * fA) / F : k / N;
    up[k] = birthA * ((N - k) / N);
    down[k] = (1 - birthA) * (k / N);
  }
  // Thomas algorithm on −T⁻_k ρ_{k−1} + (T⁺_k + T⁻_k) ρ_k − T⁺_k ρ_{k+1} = 0, k = 1..N−1.
  const c = new Float64Array(N + 1);
  const d = new Float64Array(N + 1);
  for (let k = 1; k < N; k++) {
    const a = -(down[k] as number);
    const b = (up[k] as number) + (down[k] as number);
    const cc = -(up[k] as number);
    const rhs = k === N - 1 ? (up[k] as number) : 0;
    const denom = b - a * (k > 1 ? (c[k - 1] as number) : 0);
    c[k] = k === N - 1 ? 0 : cc / denom;
    d[k] = (rhs - a * (k > 1 ? (d[k - 1] as number) : 0)) / denom;
  }
  const rho = new Array<number>(N + 1).fill(0);
  rho[N] = 1;
  for (let k = N - 1; k >= 1; k--) rho[k] = (d[k] as number) - (c[k] as number) * (rho[k + 1] as number);
  return rho;
}
