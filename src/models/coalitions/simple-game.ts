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
 * Models here assume a valid game (see `validateSimpleGame` in schema.ts).
 */
import { badInput } from '../../core/errors.js';

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

/** The weighted voting game [quota; weights] (one layer). */
export function weightedVotingGame(
  weights: readonly number[],
  quota: number,
  players?: readonly string[],
): WeightedGame {
  return {
    kind: 'weighted',
    players: players ?? defaultPlayerNames(weights.length),
    layers: [{ weights, quota }],
  };
}

/** The intersection of weighted layers: a coalition wins iff it meets every layer's quota. */
export function layeredVotingGame(
  players: readonly string[],
  layers: readonly WeightedLayer[],
): WeightedGame {
  return { kind: 'weighted', players, layers };
}

/** A simple game given by its minimal winning coalitions (player indices). */
export function listedGame(
  players: readonly string[],
  minimalWinning: readonly (readonly number[])[],
): ListedGame {
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
    throw badInput(
      `enumerating all 2^n coalitions is limited to ${MAX_ENUMERATION_PLAYERS} players (this game has ${n})`,
    );
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
 * construction, not a rule any body uses. Assumes every actor has a GDP.
 */
export function gdpWeightedGame(
  gdpUsdByActor: ReadonlyMap<string, number>,
  actors: readonly string[],
  quotaShare = 0.5,
): WeightedGame {
  const weights = actors.map((a) => Math.round((gdpUsdByActor.get(a) ?? 0) / 1e9));
  const total = weights.reduce((x, y) => x + y, 0);
  return weightedVotingGame(weights, Math.floor(quotaShare * total) + 1, actors);
}
