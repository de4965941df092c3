/**
 * Normal-form (strategic-form) games with any number of players.
 *
 * A game lists its players, each player's pure strategies, and for every pure
 * profile the payoff to every player. Profiles are numbered as in Gambit's
 * .nfg format: player 1's strategy varies fastest, then player 2's, and so on
 * (profile index k = s₁ + n₁·s₂ + n₁n₂·s₃ + …, strategies counted from 0).
 * Payoffs are exact rationals, so equilibria can be computed exactly.
 */
import { badInput, ConcertError, type Problem } from '../../../core/errors.js';
import { Fraction, lcm, rationalFromNumber } from '../../../core/rational.js';

/**
 * Largest |payoff| read from a game file. The solvers work on exact
 * fractions and on doubles (QRE, the zero-sum value's LP): payoffs such as
 * 1e104 made HiGHS unable to read its model and 1e308 overflowed the
 * doubles. Rescale a game beyond it: equilibria do not change.
 */
export const MAX_PAYOFF = 1e9;

/**
 * Largest denominator of a payoff read from a file: at most nine decimal
 * places, or p/q with q ≤ 1e9. A payoff of 5e-324 or 1e-18 next to whole
 * numbers made the exact arithmetic's fractions grow past 1e308 (NaN, a
 * BigInt of Infinity) or run for minutes.
 */
export const MAX_PAYOFF_DENOMINATOR = 1_000_000_000n;

/** Why a payoff read from a file is refused (out of range, too fine), or undefined. */
export function payoffProblem(x: Fraction): string | undefined {
  if (x.n > BigInt(MAX_PAYOFF) * x.d)
    return `expected a payoff within ±${MAX_PAYOFF.toExponential()} (rescale the game: its equilibria do not change)`;
  if (x.d > MAX_PAYOFF_DENOMINATOR)
    return 'expected a payoff with at most 9 decimal places, or p/q with q ≤ 1e9 (round it, or rescale the game)';
  return undefined;
}

/** A finite game in strategic form. Valid by construction (see {@link makeGame}). */
export interface NormalFormGame {
  readonly title: string;
  /** Player names, unique. */
  readonly players: readonly string[];
  /** `strategies[i]`: player i's pure strategy names (at least one each). */
  readonly strategies: readonly (readonly string[])[];
  /** `payoffs[k][i]`: payoff to player i at pure profile k (Gambit order, player 1 fastest). */
  readonly payoffs: readonly (readonly Fraction[])[];
}

/** A pure profile: one strategy index per player. */
export type PureProfile = readonly number[];

/** Number of strategies of each player. */
export function strategyCounts(game: NormalFormGame): number[] {
  return game.strategies.map((s) => s.length);
}

/** Number of pure profiles, ∏ nᵢ. */
export function profileCount(game: NormalFormGame): number {
  return game.strategies.reduce((n, s) => n * s.length, 1);
}

/** The index of a pure profile in Gambit order (player 1's strategy varies fastest). */
export function profileIndex(game: NormalFormGame, profile: PureProfile): number {
  let k = 0;
  let stride = 1;
  for (let i = 0; i < game.strategies.length; i++) {
    k += (profile[i] ?? 0) * stride;
    stride *= game.strategies[i]!.length;
  }
  return k;
}

/** The pure profile with index k (inverse of {@link profileIndex}). */
export function profileAt(game: NormalFormGame, k: number): number[] {
  const out: number[] = [];
  for (const s of game.strategies) {
    out.push(k % s.length);
    k = Math.floor(k / s.length);
  }
  return out;
}

/**
 * Builds a game, checking shapes: at least one player, one non-empty strategy
 * list per player, one payoff vector of length N per profile.
 *
 * @throws {ConcertError} bad input at `['players']`, `['strategies']`,
 *   `['strategies', i]`, `['payoffs']` or `['payoffs', k]` for an
 *   inconsistent shape (files are validated earlier with their line numbers).
 * @example
 * const f = (x: number) => new Fraction(x);
 * makeGame(['Row', 'Column'], [['U'], ['L', 'R']], [[f(1), f(0)], [f(0), f(1)]]).players; // => ['Row', 'Column']
 */
export function makeGame(
  players: readonly string[],
  strategies: readonly (readonly string[])[],
  payoffs: readonly (readonly Fraction[])[],
  title = '',
): NormalFormGame {
  const problems: Problem[] = [];
  if (players.length === 0) problems.push({ path: ['players'], message: 'a game needs at least one player' });
  if (strategies.length !== players.length)
    problems.push({
      path: ['strategies'],
      message: `expected one strategy list per player (${players.length}); got ${strategies.length}`,
    });
  strategies.forEach((s, i) => {
    if (s.length === 0) problems.push({ path: ['strategies', i], message: 'every player needs a strategy' });
  });
  if (problems.length === 0) {
    const count = strategies.reduce((n, s) => n * s.length, 1);
    if (payoffs.length !== count)
      problems.push({
        path: ['payoffs'],
        message: `expected ${count} payoff vectors, got ${payoffs.length}`,
      });
    const k = payoffs.findIndex((p) => p.length !== players.length);
    if (k >= 0)
      problems.push({
        path: ['payoffs', k],
        message: `expected one payoff per player (${players.length}); got ${payoffs[k]!.length}`,
      });
  }
  if (problems.length > 0) throw new ConcertError('bad-input', problems);
  return { title, players: [...players], strategies: strategies.map((s) => [...s]), payoffs };
}

type Num = number | string | Fraction;

/** An exact entry: a fraction, a finite number (its decimal) or a string fraction.js reads; else undefined. */
function toFraction(x: Num): Fraction | undefined {
  if (x instanceof Fraction) return x;
  if (typeof x === 'number') return Number.isFinite(x) ? rationalFromNumber(x) : undefined;
  try {
    return new Fraction(x);
  } catch {
    return undefined;
  }
}

/**
 * A two-player game from payoff matrices: `A[i][j]` to the row player and
 * `B[i][j]` to the column player when row plays i and column plays j. With
 * `B` omitted the game is zero-sum (B = −A). Entries may be numbers, exact
 * strings such as `"1/3"`, or fractions.
 *
 * @throws {ConcertError} bad input for a matrix that is empty or ragged
 *   (path `['A']`), a `B` of another shape (`['B']`), or an entry that is
 *   not a finite number (`['A', i, j]`, `['B', i, j]`).
 * @example
 * bimatrixGame([[3, 0], [5, 1]], [[3, 5], [0, 1]]).payoffs.length; // => 4: the prisoner's dilemma
 */
export function bimatrixGame(
  A: readonly (readonly Num[])[],
  B?: readonly (readonly Num[])[],
  options: {
    title?: string;
    players?: readonly [string, string];
    strategies?: readonly [string[], string[]];
  } = {},
): NormalFormGame {
  const m = A.length;
  const n = A[0]?.length ?? 0;
  if (m === 0 || n === 0 || A.some((r) => r.length !== n))
    throw badInput({ path: ['A'], message: 'expected a non-empty m×n matrix' });
  if (B && (B.length !== m || B.some((r) => r.length !== n)))
    throw badInput({ path: ['B'], message: `expected a ${m}×${n} matrix, the shape of A` });
  const problems: Problem[] = [];
  const entry = (M: readonly (readonly Num[])[], name: string, i: number, j: number): Fraction => {
    const x = toFraction(M[i]![j]!);
    if (x === undefined)
      problems.push({
        path: [name, i, j],
        message: `expected a finite number or fraction; got ${String(M[i]![j])}`,
      });
    return x ?? new Fraction(0);
  };
  const payoffs: Fraction[][] = [];
  for (let j = 0; j < n; j++) {
    for (let i = 0; i < m; i++) {
      const a = entry(A, 'A', i, j);
      payoffs.push([a, B ? entry(B, 'B', i, j) : a.neg()]);
    }
  }
  if (problems.length > 0) throw new ConcertError('bad-input', problems);
  const strategies = options.strategies ?? [
    Array.from({ length: m }, (_, i) => String(i + 1)),
    Array.from({ length: n }, (_, j) => String(j + 1)),
  ];
  return makeGame(options.players ?? ['1', '2'], strategies, payoffs, options.title ?? '');
}

/**
 * The payoff matrices (A, B) of a two-player game, exact.
 *
 * @throws {ConcertError} bad input (path `['game']`) for a game that does not
 *   have two players.
 */
export function bimatrix(game: NormalFormGame): { A: Fraction[][]; B: Fraction[][] } {
  if (game.players.length !== 2)
    throw badInput({
      path: ['game'],
      message: `expected a two-player game; this one has ${game.players.length} players`,
    });
  const m = game.strategies[0]!.length;
  const n = game.strategies[1]!.length;
  const A: Fraction[][] = [];
  const B: Fraction[][] = [];
  for (let i = 0; i < m; i++) {
    A.push([]);
    B.push([]);
    for (let j = 0; j < n; j++) {
      const p = game.payoffs[i + m * j]!;
      A[i]!.push(p[0]!);
      B[i]!.push(p[1]!);
    }
  }
  return { A, B };
}

/**
 * A game is constant-sum when every profile's payoffs add up to the same
 * total (zero-sum when that total is 0).
 */
export function constantSum(game: NormalFormGame): Fraction | undefined {
  let total: Fraction | undefined;
  for (const p of game.payoffs) {
    const s = p.reduce((acc, x) => acc.add(x), new Fraction(0));
    if (total === undefined) total = s;
    else if (!total.equals(s)) return undefined;
  }
  return total;
}

/**
 * Expected payoff to every player of a mixed profile (probabilities per
 * player), in floating point: Σₖ uᵢ(k) ∏ⱼ σⱼ(kⱼ).
 */
export function expectedPayoffs(game: NormalFormGame, sigma: readonly (readonly number[])[]): number[] {
  const N = game.players.length;
  const out = new Array<number>(N).fill(0);
  const count = game.payoffs.length;
  for (let k = 0; k < count; k++) {
    const prof = profileAt(game, k);
    let w = 1;
    for (let i = 0; i < N && w !== 0; i++) w *= sigma[i]![prof[i]!]!;
    if (w === 0) continue;
    const p = game.payoffs[k]!;
    for (let i = 0; i < N; i++) out[i]! += w * p[i]!.valueOf();
  }
  return out;
}

/** Integer weights with a common denominator: σ = weights / denominator. */
function integerWeights(p: readonly Fraction[]): { weights: bigint[]; denominator: bigint } {
  let denominator = 1n;
  for (const x of p) denominator = lcm(denominator, x.d);
  return { weights: p.map((x) => (x.s * x.n * denominator) / x.d), denominator };
}

/** Player i's payoffs as integers over a common denominator. */
function integerPayoffs(game: NormalFormGame, i: number): { values: bigint[]; denominator: bigint } {
  let denominator = 1n;
  for (const p of game.payoffs) denominator = lcm(denominator, p[i]!.d);
  return { values: game.payoffs.map((p) => (p[i]!.s * p[i]!.n * denominator) / p[i]!.d), denominator };
}

/**
 * Σ over pure profiles of ∏_{j ∉ skip} wⱼ(kⱼ) · value(k), accumulated per
 * strategy of player `by` (or into one total when `by` is −1), in BigInt.
 */
function weightedSums(
  game: NormalFormGame,
  weights: readonly (readonly bigint[])[],
  values: readonly bigint[],
  skip: number,
): bigint[] {
  const N = game.players.length;
  const counts = game.strategies.map((s) => s.length);
  const out = new Array<bigint>(skip < 0 ? 1 : counts[skip]!).fill(0n);
  const prof = new Array<number>(N).fill(0);
  for (let k = 0; k < values.length; k++) {
    let w = values[k]!;
    for (let j = 0; j < N && w !== 0n; j++) if (j !== skip) w *= weights[j]![prof[j]!]!;
    if (w !== 0n) {
      const slot = skip < 0 ? 0 : prof[skip]!;
      out[slot] = out[slot]! + w;
    }
    for (let j = 0; j < N; j++) {
      prof[j]!++;
      if (prof[j]! < counts[j]!) break;
      prof[j] = 0;
    }
  }
  return out;
}

/** Expected payoffs of a mixed profile given as exact probabilities (BigInt accumulation). */
export function expectedPayoffsExact(
  game: NormalFormGame,
  sigma: readonly (readonly Fraction[])[],
): Fraction[] {
  const ws = sigma.map(integerWeights);
  const weights = ws.map((w) => w.weights);
  const den = ws.reduce((d, w) => d * w.denominator, 1n);
  return game.players.map((_, i) => {
    const u = integerPayoffs(game, i);
    return new Fraction(weightedSums(game, weights, u.values, -1)[0]!, den * u.denominator);
  });
}

/**
 * Payoff to player i of each of its pure strategies against the others'
 * mixed strategies (floating point): vᵢ(s) = uᵢ(s, σ₋ᵢ).
 */
export function strategyValues(
  game: NormalFormGame,
  sigma: readonly (readonly number[])[],
  i: number,
): number[] {
  const N = game.players.length;
  const out = new Array<number>(game.strategies[i]!.length).fill(0);
  for (let k = 0; k < game.payoffs.length; k++) {
    const prof = profileAt(game, k);
    let w = 1;
    for (let j = 0; j < N && w !== 0; j++) if (j !== i) w *= sigma[j]![prof[j]!]!;
    if (w === 0) continue;
    out[prof[i]!]! += w * game.payoffs[k]![i]!.valueOf();
  }
  return out;
}

/** Exact version of {@link strategyValues} (BigInt accumulation). */
export function strategyValuesExact(
  game: NormalFormGame,
  sigma: readonly (readonly Fraction[])[],
  i: number,
): Fraction[] {
  const ws = sigma.map(integerWeights);
  const den = ws.reduce((d, w, j) => (j === i ? d : d * w.denominator), 1n);
  const u = integerPayoffs(game, i);
  return weightedSums(
    game,
    ws.map((w) => w.weights),
    u.values,
    i,
  ).map((x) => new Fraction(x, den * u.denominator));
}

/**
 * Largest gain any player can get by a unilateral pure deviation from a mixed
 * profile (the profile's "regret"; 0 exactly at a Nash equilibrium).
 */
export function regret(game: NormalFormGame, sigma: readonly (readonly number[])[]): number {
  let worst = 0;
  for (let i = 0; i < game.players.length; i++) {
    const v = strategyValues(game, sigma, i);
    const current = v.reduce((acc, x, s) => acc + x * sigma[i]![s]!, 0);
    worst = Math.max(worst, Math.max(...v) - current);
  }
  return worst;
}

/**
 * True when the exact mixed profile is a Nash equilibrium: every strategy a
 * player uses with positive probability earns the player's maximal payoff
 * against the others (Nash 1951, the best-response condition).
 */
export function isNashEquilibrium(game: NormalFormGame, sigma: readonly (readonly Fraction[])[]): boolean {
  const ws = sigma.map(integerWeights);
  const weights = ws.map((w) => w.weights);
  for (let i = 0; i < game.players.length; i++) {
    // All values share one positive denominator, so the integers compare directly.
    const v = weightedSums(game, weights, integerPayoffs(game, i).values, i);
    let best = v[0]!;
    for (const x of v) if (x > best) best = x;
    for (let s = 0; s < v.length; s++) if (weights[i]![s] !== 0n && v[s]! < best) return false;
  }
  return true;
}
