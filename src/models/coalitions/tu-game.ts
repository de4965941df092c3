/**
 * Transferable-utility (TU) games (N, v) with v(∅) = 0, stored as a table
 * indexed by bitmask (bit i = player i), for n ≤ 20 players, or as a worth
 * function for larger games built from a rule (weighted voting, bankruptcy).
 *
 * Constructors state their construction: from a table, from a simple game
 * (v(S) = 1 if S wins, else 0), from a bankruptcy problem (O'Neill 1982:
 * v(S) = max(0, E − Σ_{i∉S} d_i)), and from trade among a World's actors
 * (see {@link tradeSurplusGame}).
 */
import { badInput, ConcertError, type Problem, previewIds } from '../../core/errors.js';
import type { ActorId, World } from '../../world/schema.js';
import { isWinning, type SimpleGame } from './simple-game.js';

/** Largest n for which the 2^n worths are tabulated. */
export const MAX_TABLE_PLAYERS = 20;

/**
 * Largest |v(S)| accepted. The core, least core and (pre)nucleolus are linear
 * programs solved in doubles by HiGHS, which treats bounds from 1e20 on as
 * infinite and solves to a tolerance of about 1e-7; beyond 1e12 the answers
 * would be noise. Every solution concept scales with v, so a game in larger
 * units can be rescaled.
 */
export const MAX_WORTH = 1e12;

export interface TuGame {
  readonly players: readonly string[];
  /** v(S) for every coalition S, indexed by bitmask; present when n ≤ 20. */
  readonly table?: Float64Array;
  /** v(S) for a membership vector (members[i] ≠ 0 iff i ∈ S). */
  worth(members: ArrayLike<number>): number;
}

function maskOf(members: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < members.length; i++) if (members[i]) m |= 1 << i;
  return m;
}

/**
 * A TU game from its table v[mask] (bit i of the mask = player i; v[0] = 0).
 *
 * @throws {ConcertError} bad input (path `['table']`) unless the table has
 *   2^n entries for the n players (n ≤ 20), v(∅) = 0 and every worth is finite.
 * @example
 * tuGameFromTable(['A', 'B'], Float64Array.from([0, 1, 2, 4])).worth([1, 1]); // => 4
 */
export function tuGameFromTable(players: readonly string[], table: Float64Array): TuGame {
  const n = players.length;
  if (n > MAX_TABLE_PLAYERS || table.length !== 2 ** n)
    throw badInput({
      path: ['table'],
      message: `expected 2^${n} = ${2 ** n} worths, one per coalition of the ${n} players (at most ${MAX_TABLE_PLAYERS}); got ${table.length}`,
    });
  if (table[0] !== 0)
    throw badInput({ path: ['table', 0], message: `the empty coalition is worth 0; got ${table[0]}` });
  const bad = table.findIndex((x) => !Number.isFinite(x));
  if (bad >= 0)
    throw badInput({ path: ['table', bad], message: `expected a finite worth; got ${table[bad]}` });
  const big = table.findIndex((x) => Math.abs(x) > MAX_WORTH);
  if (big >= 0)
    throw badInput({
      path: ['table', big],
      message: `expected a worth within ±${MAX_WORTH.toExponential()}; got ${table[big]} (rescale the game: every solution scales with v)`,
    });
  return { players, table, worth: (members) => table[maskOf(members)]! };
}

function tabulate(players: readonly string[], worth: (members: ArrayLike<number>) => number): TuGame {
  const n = players.length;
  if (n > MAX_TABLE_PLAYERS) return { players, worth };
  const table = new Float64Array(2 ** n);
  const members = new Uint8Array(n);
  for (let mask = 1; mask < table.length; mask++) {
    for (let i = 0; i < n; i++) members[i] = (mask >>> i) & 1;
    table[mask] = worth(members);
  }
  return { players, table, worth };
}

/** The TU game of a simple game: v(S) = 1 if S wins, else 0. */
export function tuGameFromSimpleGame(game: SimpleGame): TuGame {
  return tabulate(game.players, (members) => (isWinning(game, members) ? 1 : 0));
}

/**
 * The bankruptcy game of estate E and claims d (O'Neill 1982; Aumann &
 * Maschler 1985): v(S) = max(0, E − Σ_{i∉S} d_i), what S is sure to get after
 * everyone outside S is paid in full. Same unit as the estate.
 *
 * @throws {ConcertError} bad input for an estate or a claim that is negative
 *   or not finite (paths `['estate']`, `['claims', i]`), or a `players` list
 *   whose length differs from the claims' (`['players']`).
 * @example
 * bankruptcyGame(200, [100, 200, 300]).worth([0, 1, 1]); // => 100: E − d_1
 */
export function bankruptcyGame(
  estate: number,
  claims: readonly number[],
  players?: readonly string[],
): TuGame {
  const problems: Problem[] = [];
  if (!(Number.isFinite(estate) && estate >= 0))
    problems.push({ path: ['estate'], message: `expected an estate ≥ 0; got ${estate}` });
  claims.forEach((c, i) => {
    if (!(Number.isFinite(c) && c >= 0))
      problems.push({ path: ['claims', i], message: `expected a claim ≥ 0; got ${c}` });
  });
  if (players && players.length !== claims.length)
    problems.push({
      path: ['players'],
      message: `expected one name per claim (${claims.length}); got ${players.length}`,
    });
  if (problems.length > 0) throw new ConcertError('bad-input', problems);
  const total = claims.reduce((a, b) => a + b, 0);
  const names = players ?? claims.map((_, i) => `P${i + 1}`);
  return tabulate(names, (members) => {
    let outside = total;
    for (let i = 0; i < claims.length; i++) if (members[i]) outside -= claims[i]!;
    return Math.max(0, estate - outside);
  });
}

/**
 * Trade surplus game on a World: v(S) = Σ over pairs {a, b} ⊆ S of the World's
 * bilateral trade (imports of a from b plus imports of b from a, current
 * million US$). It is the trade the coalition's members keep among themselves
 * if each dyad's trade continues only when both partners are in the coalition;
 * a pair with no `trade` entry counts 0. This measures trade volume at stake,
 * not welfare gains from trade (those are a smaller, model-dependent share of
 * volume). The game is convex (supermodular), so its core is non-empty and the
 * Shapley value gives each partner half of each of its dyads' trade.
 *
 * @throws {ConcertError} bad input at `['actors', i]` for an id that is not
 *   an actor of the world or is listed twice.
 * @example
 * tradeSurplusGame(world, ['USA', 'CHN', 'JPN']).players; // => ['USA', 'CHN', 'JPN']
 */
export function tradeSurplusGame(world: World, actors: readonly ActorId[]): TuGame {
  const problems: Problem[] = [];
  actors.forEach((id, i) => {
    if (!Object.hasOwn(world.actors, id))
      problems.push({
        path: ['actors', i],
        message: `unknown actor "${id}": expected one of ${previewIds(Object.keys(world.actors))}`,
      });
    else if (actors.indexOf(id) !== i)
      problems.push({ path: ['actors', i], message: `actor "${id}" is listed twice` });
  });
  if (problems.length > 0) throw new ConcertError('bad-input', problems);
  const n = actors.length;
  const pair = Array.from({ length: n }, () => new Float64Array(n));
  const index = new Map(actors.map((a, i) => [a, i] as const));
  for (const flow of world.trade ?? []) {
    const i = index.get(flow.a);
    const j = index.get(flow.b);
    if (i === undefined || j === undefined) continue;
    const volume = flow.importsOfAFromBUsdM + flow.importsOfBFromAUsdM;
    pair[i]![j] = pair[i]![j]! + volume;
    pair[j]![i] = pair[j]![i]! + volume;
  }
  return tabulate(actors, (members) => {
    let v = 0;
    for (let i = 0; i < n; i++) {
      if (!members[i]) continue;
      for (let j = i + 1; j < n; j++) if (members[j]) v += pair[i]![j]!;
    }
    return v;
  });
}

/** The grand coalition's worth v(N). */
export function grandCoalitionWorth(game: TuGame): number {
  return game.worth(new Uint8Array(game.players.length).fill(1));
}

/**
 * Coalitions S, T (disjoint, non-empty) that violate superadditivity
 * v(S ∪ T) ≥ v(S) + v(T), up to `limit` examples (n ≤ 20). Tolerance 1e-9
 * relative to the largest |v|.
 */
export function superadditivityViolations(game: TuGame, limit = 3): Array<{ s: number; t: number }> {
  const v = game.table;
  if (!v) return [];
  const out: Array<{ s: number; t: number }> = [];
  let scale = 0;
  for (const x of v) scale = Math.max(scale, Math.abs(x));
  const tol = 1e-9 * Math.max(1, scale);
  const full = v.length - 1;
  for (let s = 1; s < full && out.length < limit; s++) {
    const rest = full ^ s;
    for (let t = rest; t > 0 && out.length < limit; t = (t - 1) & rest) {
      if (t < s) continue;
      if (v[s | t]! < v[s]! + v[t]! - tol) out.push({ s, t });
    }
  }
  return out;
}

/** Player names of a bitmask coalition, e.g. `{A,B}`. */
export function coalitionLabel(players: readonly string[], mask: number): string {
  const names = players.filter((_, i) => mask & (1 << i));
  return `{${names.join(',')}}`;
}
