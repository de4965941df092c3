/**
 * Simple games (Shapley & Shubik 1954; Taylor & Zwicker 1999): a set of
 * players and a monotone family of winning coalitions. Two ways to state one:
 *
 * - `weighted`: one or more weighted layers `[q_l; w_l1 … w_ln]`; a coalition S
 *   wins iff Σ_{i∈S} w_li ≥ q_l in every layer. One layer is a weighted voting
 *   game; several layers are their intersection, which expresses double
 *   majorities and vetoes (the Security Council is "all five permanent members"
 *   ∩ "nine of fifteen").
 * - `listed`: the minimal winning coalitions; S wins iff it contains one.
 *
 * The constructors check the shape of what they are given (lengths, signs,
 * indices); a file is validated with its locations by `readSimpleGame`
 * (schema.ts). Models here assume a game built by them.
 */
import { badInput, ConcertError, type FieldPath, type Problem } from '../../core/errors.js';

/** One weighted layer `[quota; weights]`. Weights and quota in votes (any non-negative unit). */
export interface WeightedLayer {
  readonly name?: string;
  readonly weights: readonly number[];
  readonly quota: number;
}

export interface WeightedGame {
  readonly kind: 'weighted';
  readonly players: readonly string[];
  readonly layers: readonly WeightedLayer[];
}

export interface ListedGame {
  readonly kind: 'listed';
  readonly players: readonly string[];
  /** Minimal winning coalitions as player indices. */
  readonly minimalWinning: readonly (readonly number[])[];
}

export type SimpleGame = WeightedGame | ListedGame;

/** Largest player count for which every one of the 2^n coalitions is enumerated. */
export const MAX_ENUMERATION_PLAYERS = 22;

/** Default player names P1…Pn. */
export function defaultPlayerNames(n: number): string[] {
  return Array.from({ length: n }, (_, i) => `P${i + 1}`);
}

/** Problems with one layer of `n` players: weights ≥ 0 and finite, one per player, a finite quota > 0. */
function layerProblems(layer: WeightedLayer, n: number, path: FieldPath): Problem[] {
  const problems: Problem[] = [];
  if (layer.weights.length !== n)
    problems.push({
      path: [...path, 'weights'],
      message: `expected one weight per player (${n}); got ${layer.weights.length}`,
    });
  layer.weights.forEach((w, i) => {
    if (!(Number.isFinite(w) && w >= 0))
      problems.push({ path: [...path, 'weights', i], message: `expected a weight ≥ 0; got ${w}` });
  });
  if (!(Number.isFinite(layer.quota) && layer.quota > 0))
    problems.push({ path: [...path, 'quota'], message: `expected a quota > 0; got ${layer.quota}` });
  return problems;
}

/**
 * The weighted voting game [quota; weights] (one layer); players P1…Pn unless
 * named.
 *
 * @throws {ConcertError} bad input for no weight or a negative or non-finite
 *   one (paths `['weights']`, `['weights', i]`), a quota that is not > 0
 *   (`['quota']`), or a `players` list of another length (`['players']`).
 * @example
 * isWinning(weightedVotingGame([2, 1, 1], 3), [1, 1, 0]); // => true
 */
export function weightedVotingGame(
  weights: readonly number[],
  quota: number,
  players?: readonly string[],
): WeightedGame {
  const problems = layerProblems({ weights, quota }, weights.length, []);
  if (weights.length === 0) problems.push({ path: ['weights'], message: 'expected at least one weight' });
  if (players && players.length !== weights.length)
    problems.push({
      path: ['players'],
      message: `expected one name per weight (${weights.length}); got ${players.length}`,
    });
  if (problems.length > 0) throw new ConcertError('bad-input', problems);
  return {
    kind: 'weighted',
    players: players ?? defaultPlayerNames(weights.length),
    layers: [{ weights, quota }],
  };
}

/**
 * The intersection of weighted layers: a coalition wins iff it meets every
 * layer's quota.
 *
 * @throws {ConcertError} bad input for no player (path `['players']`), no
 *   layer (`['layers']`) or a layer
 *   whose weights are not one per player, or negative, or whose quota is not
 *   > 0 (`['layers', l, …]`).
 * @example
 * layeredVotingGame(['A', 'B', 'C'], [{ weights: [1, 1, 0], quota: 2 }, { weights: [1, 1, 1], quota: 2 }]);
 */
export function layeredVotingGame(
  players: readonly string[],
  layers: readonly WeightedLayer[],
): WeightedGame {
  const problems: Problem[] = [];
  if (players.length === 0) problems.push({ path: ['players'], message: 'expected at least one player' });
  if (layers.length === 0) problems.push({ path: ['layers'], message: 'expected at least one layer' });
  layers.forEach((layer, l) => {
    problems.push(...layerProblems(layer, players.length, ['layers', l]));
  });
  if (problems.length > 0) throw new ConcertError('bad-input', problems);
  return { kind: 'weighted', players, layers };
}

/**
 * A simple game given by its minimal winning coalitions (player indices).
 *
 * @throws {ConcertError} bad input (path `['minimalWinning', c, k]`) for an
 *   index that is not a player's.
 * @example
 * listedGame(['A', 'B', 'C'], [[0, 1], [0, 2]]).minimalWinning.length; // => 2
 */
export function listedGame(
  players: readonly string[],
  minimalWinning: readonly (readonly number[])[],
): ListedGame {
  const problems: Problem[] = [];
  minimalWinning.forEach((c, ci) => {
    c.forEach((i, k) => {
      if (!(Number.isInteger(i) && i >= 0 && i < players.length))
        problems.push({
          path: ['minimalWinning', ci, k],
          message: `expected a player index in 0..${players.length - 1}; got ${i}`,
        });
    });
  });
  if (problems.length > 0) throw new ConcertError('bad-input', problems);
  return { kind: 'listed', players, minimalWinning };
}

/** Whether the coalition with `members[i] = true` for each member wins. */
export function isWinning(game: SimpleGame, members: ArrayLike<boolean | number>): boolean {
  if (game.kind === 'weighted') {
    for (const layer of game.layers) {
      let s = 0;
      for (let i = 0; i < layer.weights.length; i++) if (members[i]) s += layer.weights[i]!;
      if (s < layer.quota) return false;
    }
    return true;
  }
  return game.minimalWinning.some((c) => c.every((i) => members[i]));
}

/**
 * Veto players: i is a veto player iff N∖{i} loses, i.e. i belongs to every
 * winning coalition.
 */
export function vetoPlayers(game: SimpleGame): string[] {
  const n = game.players.length;
  const out: string[] = [];
  const members = new Uint8Array(n).fill(1);
  for (let i = 0; i < n; i++) {
    members[i] = 0;
    if (!isWinning(game, members)) out.push(game.players[i]!);
    members[i] = 1;
  }
  return out;
}

function popcount(x: number): number {
  let v = x - ((x >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/**
 * The winning indicator of every coalition, indexed by bitmask (bit i = player
 * i), for n ≤ {@link MAX_ENUMERATION_PLAYERS}. Weighted layers are summed
 * along a Gray code (one player changes per step); listed games are closed
 * upwards from their minimal winning coalitions.
 */
export function winningTable(game: SimpleGame): Uint8Array {
  const n = game.players.length;
  if (n > MAX_ENUMERATION_PLAYERS) {
    throw badInput({
      path: ['game'],
      message: `enumerating all 2^n coalitions is limited to ${MAX_ENUMERATION_PLAYERS} players (this game has ${n})`,
    });
  }
  const size = 2 ** n;
  const win = new Uint8Array(size);
  if (game.kind === 'weighted') {
    const sums = new Float64Array(game.layers.length);
    const inside = new Uint8Array(n);
    const check = () => game.layers.every((l, k) => sums[k]! >= l.quota);
    win[0] = check() ? 1 : 0;
    for (let step = 1; step < size; step++) {
      const bit = 31 - Math.clz32(step & -step);
      const sign = inside[bit] ? -1 : 1;
      inside[bit] = inside[bit] ? 0 : 1;
      game.layers.forEach((l, k) => {
        sums[k] = sums[k]! + sign * l.weights[bit]!;
      });
      const gray = step ^ (step >>> 1);
      win[gray] = check() ? 1 : 0;
    }
    return win;
  }
  for (const c of game.minimalWinning) {
    let mask = 0;
    for (const i of c) mask |= 1 << i;
    win[mask] = 1;
  }
  for (let mask = 0; mask < size; mask++) {
    if (!win[mask]) continue;
    for (let i = 0; i < n; i++) win[mask | (1 << i)] = 1;
  }
  return win;
}

function maskMembers(mask: number, n: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < n; i++) if (mask & (1 << i)) out.push(i);
  return out;
}

/**
 * Minimal winning coalitions (winning, and every member is critical), as
 * player indices, by enumeration (n ≤ {@link MAX_ENUMERATION_PLAYERS}).
 */
export function minimalWinningCoalitions(game: SimpleGame, win: Uint8Array = winningTable(game)): number[][] {
  const n = game.players.length;
  const out: number[][] = [];
  for (let mask = 1; mask < win.length; mask++) {
    if (!win[mask]) continue;
    let minimal = true;
    for (let i = 0; i < n && minimal; i++) if (mask & (1 << i) && win[mask ^ (1 << i)]) minimal = false;
    if (minimal) out.push(maskMembers(mask, n));
  }
  return out;
}

/**
 * Minimal blocking coalitions: B blocks iff its complement N∖B loses (the
 * members of B can stop any decision by voting no); minimal ones have no
 * blocking proper subset. By enumeration (n ≤ {@link MAX_ENUMERATION_PLAYERS}).
 */
export function minimalBlockingCoalitions(
  game: SimpleGame,
  win: Uint8Array = winningTable(game),
): number[][] {
  const n = game.players.length;
  const full = win.length - 1;
  const out: number[][] = [];
  for (let mask = 1; mask <= full; mask++) {
    if (win[full ^ mask]) continue;
    let minimal = true;
    for (let i = 0; i < n && minimal; i++)
      if (mask & (1 << i) && !win[full ^ (mask ^ (1 << i))]) minimal = false;
    if (minimal) out.push(maskMembers(mask, n));
  }
  return out;
}

/** Counts gathered in one pass over all coalitions, from which every index follows exactly. */
export interface EnumerationCounts {
  readonly n: number;
  /** swingsBySize[i][k]: coalitions S ∌ i of size k that lose while S ∪ {i} wins. */
  readonly swingsBySize: Float64Array[];
  /** minimalBySize[i][k]: minimal winning coalitions of size k that contain i. */
  readonly minimalBySize: Float64Array[];
  /** criticalShare[i][c]: vulnerable coalitions with c critical players, i among them. */
  readonly criticalShare: Float64Array[];
  readonly minimalWinningCount: number;
  readonly vulnerableCount: number;
}

/**
 * One pass over every winning coalition S: a member i is critical (a swing)
 * iff S∖{i} loses; S is vulnerable iff it has a critical member, and minimal
 * iff all members are critical. O(n·2^n).
 */
export function enumerationCounts(game: SimpleGame, win: Uint8Array = winningTable(game)): EnumerationCounts {
  const n = game.players.length;
  const swingsBySize = Array.from({ length: n }, () => new Float64Array(n + 1));
  const minimalBySize = Array.from({ length: n }, () => new Float64Array(n + 1));
  const criticalShare = Array.from({ length: n }, () => new Float64Array(n + 1));
  const critical = new Int32Array(n);
  let minimalWinningCount = 0;
  let vulnerableCount = 0;
  for (let mask = 1; mask < win.length; mask++) {
    if (!win[mask]) continue;
    const size = popcount(mask);
    let c = 0;
    for (let i = 0; i < n; i++) {
      const bit = 1 << i;
      if (mask & bit && !win[mask ^ bit]) {
        critical[c++] = i;
        swingsBySize[i]![size - 1]! += 1;
      }
    }
    if (c === 0) continue;
    vulnerableCount++;
    for (let j = 0; j < c; j++) criticalShare[critical[j]!]![c]! += 1;
    if (c === size) {
      minimalWinningCount++;
      for (let j = 0; j < c; j++) minimalBySize[critical[j]!]![size]! += 1;
    }
  }
  return { n, swingsBySize, minimalBySize, criticalShare, minimalWinningCount, vulnerableCount };
}

/**
 * Economic-weight voting game on a World: each actor's weight is its GDP in
 * billions of current US$ (World Bank, `gdpUsd`), rounded to whole billions
 * so that generating functions apply, and a coalition wins iff it holds more
 * than `quotaShare` (default ½) of the actors' combined GDP:
 * quota = ⌊quotaShare · Σ w⌋ + 1. It asks which groupings of these powers
 * command a majority of their joint output, as in GDP-weighted votes; it is a
 * construction, not a rule any body uses.
 *
 * @throws {ConcertError} bad input at `['actors', i]` for an actor without a
 *   GDP in the map, and at `['quotaShare']` unless 0 ≤ quotaShare < 1.
 * @example
 * gdpWeightedGame(new Map([['USA', 19.5e12], ['CHN', 12.3e12]]), ['USA', 'CHN']).layers[0].quota; // => 15901
 */
export function gdpWeightedGame(
  gdpUsdByActor: ReadonlyMap<string, number>,
  actors: readonly string[],
  quotaShare = 0.5,
): WeightedGame {
  const problems: Problem[] = [];
  actors.forEach((a, i) => {
    if (!gdpUsdByActor.has(a)) problems.push({ path: ['actors', i], message: `no GDP is given for "${a}"` });
  });
  if (!(quotaShare >= 0 && quotaShare < 1))
    problems.push({ path: ['quotaShare'], message: `expected a share in [0, 1); got ${quotaShare}` });
  if (problems.length > 0) throw new ConcertError('bad-input', problems);
  const weights = actors.map((a) => Math.round((gdpUsdByActor.get(a) ?? 0) / 1e9));
  const total = weights.reduce((x, y) => x + y, 0);
  return weightedVotingGame(weights, Math.floor(quotaShare * total) + 1, actors);
}
