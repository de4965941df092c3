/**
 * Classification of games, making the essay's "win-win" and "lose-lose"
 * vocabulary precise, and naming 2×2 games.
 *
 * Outcome vocabulary (pure outcomes, exact):
 * - an outcome is **lose–lose** when another outcome gives every player
 *   strictly more (it is strictly Pareto-dominated: all lose together);
 * - an outcome is **win–win** when it is Pareto-efficient and gives every
 *   player strictly more than the payoff it can guarantee alone (its pure
 *   security level, maxₛ min₋ᵢ uᵢ).
 *
 * Verdict on the pure Nash equilibria E (checked in this order):
 * - `no-pure-equilibrium`: E is empty (cyclic games such as Matching Pennies);
 * - `dilemma`: every equilibrium is lose–lose — rational play leads where all
 *   would rather not be (Prisoner's Dilemma; a social dilemma in Dawes 1980);
 * - `coordination-risk`: some equilibria are lose–lose and some are not
 *   (Stag Hunt: cooperation is an equilibrium, but so is the trap);
 * - `win-win`: one equilibrium is weakly preferred by every player to every
 *   other equilibrium and is win–win (Harmony, pure coordination);
 * - `no-common-gain`: such a commonly preferred equilibrium exists but gives
 *   no player more than its security level (Deadlock);
 * - `conflict`: no equilibrium is lose–lose, but the players rank the
 *   equilibria differently (Chicken, Battle of the Sexes).
 *
 * 2×2 names. Symmetric games (B = Aᵀ) are named from the row player's
 * payoffs R = u(C,C), S = u(C,D), T = u(D,C), P = u(D,D), trying either
 * strategy as C, with the standard strict orderings (Rapoport & Guyer 1966;
 * Rapoport 1967 for Leader and Hero; Robinson & Goforth 2005 and Bruns 2015
 * for the topology and names):
 *   Prisoner's Dilemma T > R > P > S;  Chicken T > R > S > P;
 *   Stag Hunt R > T > P > S;  Deadlock T > P > R > S;
 *   Harmony R > T, R > S, S > P (cooperation dominant and best);
 *   Leader T > S > R > P;  Hero S > T > R > P.
 * Asymmetric games are named Battle of the Sexes when they have exactly two
 * pure equilibria, both strict, that the players rank oppositely and that
 * each player prefers to every non-equilibrium outcome; Matching Pennies
 * when constant-sum without a pure equilibrium. Other games get a
 * description of their structure (ordinal ranks and dominance) but no name.
 */
import type { Fraction } from '../../../core/rational.js';
import { constantSum, type NormalFormGame, profileAt, profileCount, profileIndex } from './game.js';
import {
  type Domination,
  dominatedStrategies,
  iteratedElimination,
  paretoDominates,
  pureEquilibriumProfiles,
  pureSecurityLevels,
  strictlyBetterForAll,
} from './pure.js';

export type Verdict =
  | 'no-pure-equilibrium'
  | 'dilemma'
  | 'coordination-risk'
  | 'win-win'
  | 'no-common-gain'
  | 'conflict';

export interface OutcomeClass {
  /** Strategy index per player. */
  readonly profile: number[];
  /** Strategy names per player. */
  readonly strategies: string[];
  readonly payoffs: number[];
  readonly nash: boolean;
  readonly paretoEfficient: boolean;
  readonly winWin: boolean;
  readonly loseLose: boolean;
}

export interface TwoByTwoName {
  /** Conventional name, when the game is one of the named types. */
  readonly name?: string;
  readonly symmetric: boolean;
  /** Ordinal payoffs (1 = worst … 4 = best; ties share a rank), `ordinal[row][col] = [row's, col's]`. */
  readonly ordinal: [number, number][][];
  /** For named symmetric games: which strategy plays the role of "cooperate". */
  readonly cooperate?: string;
  /** For named symmetric games: R, S, T, P of the row player. */
  readonly rstp?: { R: number; S: number; T: number; P: number };
}

export interface GameClassification {
  readonly verdict: Verdict;
  readonly explanation: string;
  readonly outcomes: OutcomeClass[];
  /** Pure security level of each player. */
  readonly securityLevels: number[];
  readonly dominated: Domination[];
  /** Strategies surviving iterated elimination of strictly dominated (pure) strategies. */
  readonly survivingStrict: number[][];
  /** Strategies surviving iterated elimination of weakly dominated strategies (simultaneous order). */
  readonly survivingWeak: number[][];
  /** Sum of payoffs when constant in every cell (zero-sum when 0). */
  readonly constantSum?: number;
  readonly twoByTwo?: TwoByTwoName;
}

const EXPLANATIONS: Record<Verdict, string> = {
  'no-pure-equilibrium': 'no pure-strategy equilibrium: every outcome gives someone a reason to move',
  dilemma: 'lose-lose: every equilibrium is strictly worse for every player than some other outcome',
  'coordination-risk':
    'win-win is an equilibrium, but so is a lose-lose outcome: the players must coordinate',
  'win-win': 'win-win: an equilibrium that every player prefers gives each more than it can secure alone',
  'no-common-gain': 'the equilibrium every player prefers gives no one more than it can secure alone',
  conflict: 'no lose-lose equilibrium, but the players disagree on which equilibrium is better',
};

function ranks(values: readonly Fraction[]): number[] {
  const distinct: Fraction[] = [];
  for (const v of values) if (!distinct.some((d) => d.equals(v))) distinct.push(v);
  distinct.sort((a, b) => a.compare(b));
  return values.map((v) => distinct.findIndex((d) => d.equals(v)) + 1);
}

type Rstp = { R: Fraction; S: Fraction; T: Fraction; P: Fraction };

const SYMMETRIC_NAMES: { name: string; test: (g: Rstp) => boolean }[] = [
  { name: "Prisoner's Dilemma", test: ({ R, S, T, P }) => T.gt(R) && R.gt(P) && P.gt(S) },
  { name: 'Chicken', test: ({ R, S, T, P }) => T.gt(R) && R.gt(S) && S.gt(P) },
  { name: 'Stag Hunt', test: ({ R, S, T, P }) => R.gt(T) && T.gt(P) && P.gt(S) },
  { name: 'Deadlock', test: ({ R, S, T, P }) => T.gt(P) && P.gt(R) && R.gt(S) },
  { name: 'Harmony', test: ({ R, S, T, P }) => R.gt(T) && R.gt(S) && S.gt(P) },
  { name: 'Leader', test: ({ R, S, T, P }) => T.gt(S) && S.gt(R) && R.gt(P) },
  { name: 'Hero', test: ({ R, S, T, P }) => S.gt(T) && T.gt(R) && R.gt(P) },
];

function nameTwoByTwo(game: NormalFormGame, outcomes: OutcomeClass[]): TwoByTwoName {
  const u = (i: number, j: number, p: number) => game.payoffs[profileIndex(game, [i, j])]![p]!;
  const symmetric = [0, 1].every((i) => [0, 1].every((j) => u(i, j, 0).equals(u(j, i, 1))));
  const rowRanks = ranks(game.payoffs.map((p) => p[0]!));
  const colRanks = ranks(game.payoffs.map((p) => p[1]!));
  const ordinal = [0, 1].map((i) =>
    [0, 1].map((j) => {
      const k = profileIndex(game, [i, j]);
      return [rowRanks[k]!, colRanks[k]!] as [number, number];
    }),
  );
  if (symmetric) {
    for (const c of [0, 1]) {
      const d = 1 - c;
      const g: Rstp = { R: u(c, c, 0), S: u(c, d, 0), T: u(d, c, 0), P: u(d, d, 0) };
      const hit = SYMMETRIC_NAMES.find((n) => n.test(g));
      if (hit) {
        return {
          name: hit.name,
          symmetric,
          ordinal,
          cooperate: game.strategies[0]![c]!,
          rstp: { R: g.R.valueOf(), S: g.S.valueOf(), T: g.T.valueOf(), P: g.P.valueOf() },
        };
      }
    }
  }
  const nash = outcomes.filter((o) => o.nash);
  if (nash.length === 2) {
    const [e1, e2] = nash as [OutcomeClass, OutcomeClass];
    const strict = nash.every((e) =>
      [0, 1].every((p) => {
        const other = [...e.profile];
        other[p] = 1 - other[p]!;
        return game.payoffs[profileIndex(game, e.profile)]![p]!.gt(
          game.payoffs[profileIndex(game, other)]![p]!,
        );
      }),
    );
    const opposite =
      (e1.payoffs[0]! > e2.payoffs[0]! && e1.payoffs[1]! < e2.payoffs[1]!) ||
      (e1.payoffs[0]! < e2.payoffs[0]! && e1.payoffs[1]! > e2.payoffs[1]!);
    const others = outcomes.filter((o) => !o.nash);
    const bothBetter = [0, 1].every((p) =>
      nash.every((e) => others.every((o) => e.payoffs[p]! > o.payoffs[p]!)),
    );
    if (strict && opposite && bothBetter) return { name: 'Battle of the Sexes', symmetric, ordinal };
  }
  if (nash.length === 0 && constantSum(game) !== undefined)
    return { name: 'Matching Pennies', symmetric, ordinal };
  return { symmetric, ordinal };
}

/**
 * Classifies a game: every pure outcome as Nash / Pareto-efficient /
 * win–win / lose–lose, the verdict on its equilibria, dominance, and for 2×2
 * games a conventional name (see the module comment for all definitions).
 * Exact arithmetic throughout.
 */
export function classifyGame(game: NormalFormGame): GameClassification {
  const count = profileCount(game);
  const security = pureSecurityLevels(game);
  const nashSet = new Set(pureEquilibriumProfiles(game).map((p) => profileIndex(game, p)));
  const outcomes: OutcomeClass[] = [];
  for (let k = 0; k < count; k++) {
    const p = game.payoffs[k]!;
    const profile = profileAt(game, k);
    const efficient = !game.payoffs.some((q) => paretoDominates(q, p));
    outcomes.push({
      profile,
      strategies: profile.map((s, i) => game.strategies[i]![s]!),
      payoffs: p.map((x) => x.valueOf()),
      nash: nashSet.has(k),
      paretoEfficient: efficient,
      winWin: efficient && p.every((x, i) => x.gt(security[i]!)),
      loseLose: game.payoffs.some((q) => strictlyBetterForAll(q, p)),
    });
  }
  const eqIdx = [...nashSet].sort((a, b) => a - b);
  let verdict: Verdict;
  if (eqIdx.length === 0) verdict = 'no-pure-equilibrium';
  else if (eqIdx.every((k) => outcomes[k]!.loseLose)) verdict = 'dilemma';
  else if (eqIdx.some((k) => outcomes[k]!.loseLose)) verdict = 'coordination-risk';
  else {
    const preferred = eqIdx.find((k) =>
      eqIdx.every((l) => game.payoffs[k]!.every((x, i) => x.gte(game.payoffs[l]![i]!))),
    );
    if (preferred === undefined) verdict = 'conflict';
    else verdict = outcomes[preferred]!.winWin ? 'win-win' : 'no-common-gain';
  }
  const total = constantSum(game);
  const base: GameClassification = {
    verdict,
    explanation: EXPLANATIONS[verdict],
    outcomes,
    securityLevels: security.map((x) => x.valueOf()),
    dominated: dominatedStrategies(game),
    survivingStrict: iteratedElimination(game, 'strict').surviving,
    survivingWeak: iteratedElimination(game, 'weak').surviving,
  };
  const twoByTwo =
    game.players.length === 2 && game.strategies.every((s) => s.length === 2)
      ? nameTwoByTwo(game, outcomes)
      : undefined;
  return {
    ...base,
    ...(total !== undefined ? { constantSum: total.valueOf() } : {}),
    ...(twoByTwo ? { twoByTwo } : {}),
  };
}
