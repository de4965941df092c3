/**
 * Round-robin tournaments (Axelrod 1980a, 1984; the Axelrod library's
 * `Tournament`, Knight et al. 2016).
 *
 * Every pair of players, each player with itself included, meets once per
 * repetition. Match k (k = repetition · pairs + pair index) draws from its own
 * random stream, derived from (seed, k) by hashing, so the results depend on
 * the seed only — not on the order in which matches run, nor on how many
 * workers run them.
 *
 * Per player i over all repetitions, self-play excluded:
 * - totalScore_i = Σ_r Σ_{j≠i} score of i against j in repetition r;
 * - meanScorePerTurn_i = totalScore_i / Σ_r Σ_{j≠i} turns(i, j, r);
 * - wins_i = number of those matches in which i scored more than j;
 * - cooperationRate_i = i's cooperations / turns in those matches.
 * Ranks follow the Axelrod library: descending median over repetitions of the
 * normalised score (score per turn against the others in that repetition),
 * ties broken by totalScore, then by input order. payoffMatrix[i][j] is i's
 * mean score per turn against j (self-play on the diagonal), averaged over
 * repetitions.
 */
import { ConcertError } from '../../../core/errors.js';
import { DEFAULT_SEED, Rng } from '../../../core/rng.js';
import { median } from '../../../core/statistics.js';
import { MatchEngine, type MatchSettings, type MatchSummary, matchSettingsProblems } from './match.js';
import { strategiesNamed } from './registry.js';
import type { Strategy } from './strategy.js';

/** A tournament: players by strategy name and how matches are played. */
export interface TournamentSpec extends MatchSettings {
  /** Strategy names (Axelrod library names or class names), each at most once. */
  readonly players: readonly string[];
  /** Repetitions of the round robin. Default 10 (as the Axelrod library). */
  readonly repetitions?: number;
  /** Seed of all random streams. Default 0. */
  readonly seed?: number;
}

/** One player's standing. */
export interface TournamentStanding {
  readonly id: string;
  readonly rank: number;
  readonly totalScore: number;
  readonly meanScorePerTurn: number;
  readonly wins: number;
  readonly cooperationRate: number;
  /** Median over repetitions of the score per turn against the others (the ranking key). */
  readonly medianNormalisedScore: number;
}

export interface TournamentResult {
  /** Standings in rank order. */
  readonly players: readonly TournamentStanding[];
  /** Player ids in input order (the order of payoffMatrix rows and columns). */
  readonly ids: readonly string[];
  /** payoffMatrix[i][j]: i's mean score per turn against j, averaged over repetitions. */
  readonly payoffMatrix: readonly (readonly number[])[];
  readonly matches: number;
  readonly repetitions: number;
  readonly seed: number;
}

/** Numbers stored per match in a result block. */
export const FIELDS_PER_MATCH = 5;

/** A 32-bit avalanche mix (the finaliser of MurmurHash3-style hashes). */
function mix32(x: number): number {
  x = Math.imul(x ^ (x >>> 16), 0x7feb352d);
  x = Math.imul(x ^ (x >>> 15), 0x846ca68b);
  return (x ^ (x >>> 16)) | 0;
}

/** The seed of match `index`'s random stream: a hash of (seed, index). */
export function matchSeed(seed: number, index: number): number {
  return mix32((seed | 0) ^ mix32((index + 0x9e3779b9) | 0));
}

/** The pairs (i ≤ j) of a round robin among n players, in order. */
export function roundRobinPairs(n: number): Array<readonly [number, number]> {
  const pairs: Array<readonly [number, number]> = [];
  for (let i = 0; i < n; i++) for (let j = i; j < n; j++) pairs.push([i, j]);
  return pairs;
}

/** Total number of matches of a tournament (self-play included). */
export function tournamentMatchCount(spec: TournamentSpec): number {
  const n = spec.players.length;
  return ((n * (n + 1)) / 2) * (spec.repetitions ?? 10);
}

/** The spec's strategies, its repetitions and match settings checked (paths are the spec's fields). */
function resolve(spec: TournamentSpec): Strategy[] {
  const problems = matchSettingsProblems(spec);
  const reps = spec.repetitions;
  if (reps !== undefined && !(Number.isSafeInteger(reps) && reps >= 1))
    problems.push({
      path: ['repetitions'],
      message: `expected a whole number of repetitions ≥ 1; got ${reps}`,
    });
  if (problems.length > 0) throw new ConcertError('bad-input', problems);
  return strategiesNamed(spec.players, ['players']);
}

/**
 * Plays matches [start, end) of a tournament and returns their totals,
 * FIELDS_PER_MATCH numbers per match: turns, score1, score2, cooperation1,
 * cooperation2. Pure: the same spec and range give the same numbers wherever
 * they run (this is what workers execute).
 *
 * @throws {ConcertError} bad input for an unknown strategy (path
 *   `['players', i]`), repetitions that are not a whole number ≥ 1, or match
 *   settings out of range (paths are the spec's fields).
 */
export function playTournamentMatches(spec: TournamentSpec, start: number, end: number): Float64Array {
  const strategies = resolve(spec);
  const pairs = roundRobinPairs(strategies.length);
  const engine = new MatchEngine();
  const out = new Float64Array((end - start) * FIELDS_PER_MATCH);
  const summary: MatchSummary = { turns: 0, score1: 0, score2: 0, cooperation1: 0, cooperation2: 0 };
  const seed = spec.seed ?? DEFAULT_SEED;
  for (let k = start; k < end; k++) {
    const pair = pairs[k % pairs.length] as readonly [number, number];
    const rng = Rng.fromSeed(matchSeed(seed, k));
    engine.play(strategies[pair[0]] as Strategy, strategies[pair[1]] as Strategy, spec, rng, summary);
    const o = (k - start) * FIELDS_PER_MATCH;
    out[o] = summary.turns;
    out[o + 1] = summary.score1;
    out[o + 2] = summary.score2;
    out[o + 3] = summary.cooperation1;
    out[o + 4] = summary.cooperation2;
  }
  return out;
}

/**
 * Turns the per-match block of a whole tournament into standings and the
 * payoff matrix.
 *
 * @throws {ConcertError} bad input as {@link playTournamentMatches}.
 */
export function summariseTournament(spec: TournamentSpec, block: Float64Array): TournamentResult {
  const strategies = resolve(spec);
  const n = strategies.length;
  const reps = spec.repetitions ?? 10;
  const pairs = roundRobinPairs(n);
  const total = new Float64Array(n);
  const turns = new Float64Array(n);
  const coop = new Float64Array(n);
  const wins = new Float64Array(n);
  const repScore = Array.from({ length: n }, () => new Float64Array(reps));
  const repTurns = Array.from({ length: n }, () => new Float64Array(reps));
  const pairScore = Array.from({ length: n }, () => new Float64Array(n));
  for (let r = 0; r < reps; r++) {
    for (let p = 0; p < pairs.length; p++) {
      const [i, j] = pairs[p] as readonly [number, number];
      const o = (r * pairs.length + p) * FIELDS_PER_MATCH;
      const t = block[o] as number;
      const s1 = block[o + 1] as number;
      const s2 = block[o + 2] as number;
      const row = pairScore[i] as Float64Array;
      const col = pairScore[j] as Float64Array;
      if (i === j) {
        row[i] = (row[i] as number) + (t > 0 ? (s1 + s2) / 2 / t : 0) / reps;
        continue;
      }
      row[j] = (row[j] as number) + (t > 0 ? s1 / t : 0) / reps;
      col[i] = (col[i] as number) + (t > 0 ? s2 / t : 0) / reps;
      total[i] = (total[i] as number) + s1;
      total[j] = (total[j] as number) + s2;
      turns[i] = (turns[i] as number) + t;
      turns[j] = (turns[j] as number) + t;
      coop[i] = (coop[i] as number) + (block[o + 3] as number);
      coop[j] = (coop[j] as number) + (block[o + 4] as number);
      if (s1 > s2) wins[i] = (wins[i] as number) + 1;
      else if (s2 > s1) wins[j] = (wins[j] as number) + 1;
      (repScore[i] as Float64Array)[r] = ((repScore[i] as Float64Array)[r] as number) + s1;
      (repScore[j] as Float64Array)[r] = ((repScore[j] as Float64Array)[r] as number) + s2;
      (repTurns[i] as Float64Array)[r] = ((repTurns[i] as Float64Array)[r] as number) + t;
      (repTurns[j] as Float64Array)[r] = ((repTurns[j] as Float64Array)[r] as number) + t;
    }
  }
  const rows = strategies.map((s, i) => {
    const perRep: number[] = [];
    for (let r = 0; r < reps; r++) {
      const t = (repTurns[i] as Float64Array)[r] as number;
      perRep.push(t > 0 ? ((repScore[i] as Float64Array)[r] as number) / t : 0);
    }
    const t = turns[i] as number;
    return {
      index: i,
      id: s.name,
      totalScore: total[i] as number,
      meanScorePerTurn: t > 0 ? (total[i] as number) / t : 0,
      wins: wins[i] as number,
      cooperationRate: t > 0 ? (coop[i] as number) / t : 0,
      medianNormalisedScore: median(perRep),
    };
  });
  rows.sort(
    (a, b) =>
      b.medianNormalisedScore - a.medianNormalisedScore || b.totalScore - a.totalScore || a.index - b.index,
  );
  return {
    players: rows.map(({ index: _index, ...r }, k) => ({ ...r, rank: k + 1 })),
    ids: strategies.map((s) => s.name),
    payoffMatrix: pairScore.map((row) => Array.from(row)),
    matches: block.length / FIELDS_PER_MATCH,
    repetitions: reps,
    seed: spec.seed ?? DEFAULT_SEED,
  };
}

/**
 * Plays a whole tournament in this thread. See the module comment for the
 * definitions.
 *
 * @throws {ConcertError} bad input as {@link playTournamentMatches}.
 * @example
 * playTournament({ players: ['Tit For Tat', 'Defector', 'Grudger'], turns: 50, repetitions: 2 }).players[0].id;
 */
export function playTournament(spec: TournamentSpec): TournamentResult {
  return summariseTournament(spec, playTournamentMatches(spec, 0, tournamentMatchCount(spec)));
}

/** Worker entry: matches [start, end) of a tournament (see {@link playTournamentMatches}). */
export function playTournamentChunk(input: {
  spec: TournamentSpec;
  start: number;
  end: number;
}): Float64Array {
  return playTournamentMatches(input.spec, input.start, input.end);
}
