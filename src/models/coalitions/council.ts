/**
 * Voting power in a council whose seats fall into groups (e.g. the UN
 * Security Council's permanent members with a veto and its elected members):
 * per-seat and per-group Shapley–Shubik, normalised and absolute Banzhaf
 * indices, veto players, and Coleman's (1971) power of the collectivity to
 * act, A = (number of winning coalitions)/2^n — how easily the council can
 * decide at all.
 */
import { badInput, ConcertError, type Problem, previewIds } from '../../core/errors.js';
import { type ExactNumber, exactNumber, Fraction } from '../../core/rational.js';
import { generatingFunctionCounts, winningCoalitionCount } from './generating-function.js';
import { exactSwings } from './power.js';
import { MAX_ENUMERATION_PLAYERS, type SimpleGame, vetoPlayers, winningTable } from './simple-game.js';

export interface CouncilGroupPower {
  readonly group: string;
  readonly seats: number;
  readonly players: readonly string[];
  /** Index of one seat of the group (seats in a group are symmetric in the councils shipped; otherwise the group mean). */
  readonly shapleyShubikPerSeat: ExactNumber;
  readonly shapleyShubikTotal: ExactNumber;
  readonly banzhafPerSeat: ExactNumber;
  readonly banzhafTotal: ExactNumber;
  readonly banzhafAbsolutePerSeat: ExactNumber;
}

export interface CouncilPower {
  readonly members: number;
  readonly vetoPlayers: readonly string[];
  /** Coleman's power of the collectivity to act: winning coalitions / 2^n. */
  readonly powerToAct: ExactNumber;
  readonly groups: readonly CouncilGroupPower[];
}

/**
 * Group-level power of a council. `groups` maps a group name to its seats;
 * seats in no group form a group "other". Exact throughout (generating
 * functions or enumeration). Indices are shares of power in [0, 1].
 *
 * @throws {ConcertError} bad input when a group is empty or names a seat that
 *   is not a player or is in another group (path `['groups', name, k]`), or
 *   when no exact method fits the game (path `['game']`).
 * @example
 * councilPower(unsc, { permanent: ['CHN', 'FRA', 'GBR', 'RUS', 'USA'] }).groups[0].shapleyShubikPerSeat.exact; // => '421/2145'
 */
export function councilPower(
  game: SimpleGame,
  groups: Readonly<Record<string, readonly string[]>> = {},
): CouncilPower {
  checkGroups(game, groups);
  const n = game.players.length;
  const counts = (game.kind === 'weighted' ? generatingFunctionCounts(game) : undefined) ?? exactSwings(game);
  if (!counts) {
    throw badInput({
      path: ['game'],
      message: `no exact method fits this council (${n} seats): generating functions need integer weights and modest quotas, enumeration at most ${MAX_ENUMERATION_PLAYERS} seats`,
    });
  }
  const totalSwings = counts.swings.reduce((a, b) => a + b, 0n);
  const half = 2n ** BigInt(n - 1);
  let winning: bigint | undefined;
  if (game.kind === 'weighted') winning = winningCoalitionCount(game);
  if (winning === undefined) {
    if (n > MAX_ENUMERATION_PLAYERS) {
      throw badInput({
        path: ['game'],
        message: `counting the winning coalitions of this ${n}-seat council needs integer weights and modest quotas`,
      });
    }
    winning = BigInt(winningTable(game).reduce((a, b) => a + b, 0));
  }
  const assigned = new Set(Object.values(groups).flat());
  const entries = Object.entries(groups).map(([g, ps]) => [g, [...ps]] as const);
  const rest = game.players.filter((p) => !assigned.has(p));
  if (rest.length > 0) entries.push(['other', rest]);
  const index = new Map(game.players.map((p, i) => [p, i] as const));
  const out: CouncilGroupPower[] = entries.map(([group, ps]) => {
    let ss = new Fraction(0);
    let sw = 0n;
    for (const p of ps) {
      const i = index.get(p)!;
      ss = ss.add(counts.shapleyShubik[i]!);
      sw += counts.swings[i]!;
    }
    const seats = BigInt(ps.length);
    const bz = new Fraction(sw, totalSwings === 0n ? 1n : totalSwings);
    return {
      group,
      seats: ps.length,
      players: ps,
      shapleyShubikPerSeat: exactNumber(ss.div(new Fraction(seats))),
      shapleyShubikTotal: exactNumber(ss),
      banzhafPerSeat: exactNumber(bz.div(new Fraction(seats))),
      banzhafTotal: exactNumber(bz),
      banzhafAbsolutePerSeat: exactNumber(new Fraction(sw, half * seats)),
    };
  });
  return {
    members: n,
    vetoPlayers: vetoPlayers(game),
    powerToAct: exactNumber(new Fraction(winning, 2n ** BigInt(n))),
    groups: out,
  };
}

/**
 * Every group names at least one seat, each seat a player of the game in at
 * most one group; problems at `['groups', group, k]`, all thrown together.
 */
export function checkGroups(game: SimpleGame, groups: Readonly<Record<string, readonly string[]>>): void {
  const players = new Set(game.players);
  const groupOf = new Map<string, string>();
  const problems: Problem[] = [];
  for (const [group, seats] of Object.entries(groups)) {
    if (seats.length === 0) problems.push({ path: ['groups', group], message: 'expected at least one seat' });
    seats.forEach((p, k) => {
      const other = groupOf.get(p);
      if (!players.has(p))
        problems.push({
          path: ['groups', group, k],
          message: `unknown player "${p}": expected one of ${previewIds(game.players, 12, 'players')}`,
        });
      else if (other !== undefined)
        problems.push({
          path: ['groups', group, k],
          message: `"${p}" is already a seat of group "${other}"`,
        });
      else groupOf.set(p, group);
    });
  }
  if (problems.length > 0) throw new ConcertError('bad-input', problems);
}
