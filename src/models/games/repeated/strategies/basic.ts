/**
 * Basic and classic rules: unconditional players, grudges, probers,
 * majority rules, handshakes. Behaviour follows the Axelrod library
 * (Knight et al. 2016) on deterministic matches.
 */
import type { Rng } from '../../../../core/rng.js';
import { type Action, C, D, payoffTable } from '../game.js';
import { type History, type Player, randomChoice, stateless, strategy } from '../strategy.js';

export const Cooperator = strategy({
  name: 'Cooperator',
  className: 'Cooperator',
  origin: 'ALLC; Axelrod (1984)',
  description: 'Always cooperates.',
  memoryDepth: 0,
  create: stateless(() => C),
});

export const Defector = strategy({
  name: 'Defector',
  className: 'Defector',
  origin: 'ALLD; Axelrod (1984)',
  description: 'Always defects.',
  memoryDepth: 0,
  create: stateless(() => D),
});

export const Random = strategy({
  name: 'Random',
  className: 'Random',
  origin: "RANDOM, the control entry of Axelrod's first tournament (Axelrod 1980a)",
  description: 'Cooperates with probability 1/2 each turn.',
  memoryDepth: 0,
  stochastic: true,
  create: stateless((_h: History, rng: Rng) => randomChoice(rng, 0.5)),
});

export const Alternator = strategy({
  name: 'Alternator',
  className: 'Alternator',
  origin: 'Axelrod (1984); Axelrod library',
  description: 'Cooperates first, then alternates D, C, D, …',
  memoryDepth: 1,
  create: stateless((h) => (h.turn === 0 || h.ownAgo(1) === D ? C : D)),
});

export const Grudger = strategy({
  name: 'Grudger',
  className: 'Grudger',
  origin: "Friedman's trigger strategy (Friedman 1971); entry of Axelrod's first tournament (Axelrod 1980a)",
  description: 'Cooperates until the opponent defects once, then defects for ever.',
  memoryDepth: Infinity,
  create: stateless((h) => (h.opponentDefections > 0 ? D : C)),
});

export const Forgiver = strategy({
  name: 'Forgiver',
  className: 'Forgiver',
  origin: 'Axelrod library (Thomas Campbell)',
  description: 'Defects while the opponent has defected in more than 10% of the turns, else cooperates.',
  memoryDepth: Infinity,
  create: stateless((h) => (h.opponentDefections > h.turn / 10 ? D : C)),
});

export const Handshake = strategy({
  name: 'Handshake',
  className: 'Handshake',
  origin: 'Robson (1990), J. Theor. Biol. 144 (secret handshake)',
  description: 'Opens C, D; cooperates for ever if the opponent opened C, D too, else defects for ever.',
  memoryDepth: Infinity,
  create: stateless((h) => {
    if (h.turn === 0) return C;
    if (h.turn === 1) return D;
    return h.opponent[0] === C && h.opponent[1] === D ? C : D;
  }),
});

/**
 * Adaptive (Li et al. 2011): opens C×6 then D×5, then plays the action whose
 * total payoff so far is higher (D on ties).
 */
class AdaptivePlayer implements Player {
  private readonly table: Float64Array;
  private scoreC = 0;
  private scoreD = 0;
  constructor(table: Float64Array) {
    this.table = table;
  }
  play(h: History): Action {
    if (h.turn > 0) {
      const mine = h.ownAgo(1);
      const got = this.table[2 * mine + h.opponentAgo(1)] as number;
      if (mine === C) this.scoreC += got;
      else this.scoreD += got;
    }
    if (h.turn < 6) return C;
    if (h.turn < 11) return D;
    return this.scoreC > this.scoreD ? C : D;
  }
}

export const Adaptive = strategy({
  name: 'Adaptive',
  className: 'Adaptive',
  origin:
    'Li, Hingston & Kendall (2011), "Engineering design of strategies for winning iterated prisoner\'s dilemma competitions", IEEE TCIAIG 3',
  description: 'Opens with C×6, D×5, then plays whichever action has earned it more in total.',
  memoryDepth: Infinity,
  makesUseOf: ['game'],
  create: (game) => new AdaptivePlayer(payoffTable(game)),
});

function goByMajority(soft: boolean) {
  return stateless((h) => {
    if (h.opponentDefections > h.opponentCooperations) return D;
    if (h.opponentDefections === h.opponentCooperations) return soft ? C : D;
    return C;
  });
}

export const SoftGoByMajority = strategy({
  name: 'Soft Go By Majority',
  className: 'GoByMajority',
  origin: 'Axelrod (1984), "soft majority"; Mathieu & Delahaye (2017)',
  description: "Plays the opponent's majority move so far; cooperates on ties (so also first).",
  memoryDepth: Infinity,
  create: goByMajority(true),
});

export const HardGoByMajority = strategy({
  name: 'Hard Go By Majority',
  className: 'HardGoByMajority',
  origin: 'Axelrod (1984); Mathieu & Delahaye (2017)',
  description: "Plays the opponent's majority move so far; defects on ties (so also first).",
  memoryDepth: Infinity,
  create: goByMajority(false),
});

function opening(h: History, moves: readonly Action[]): Action | undefined {
  return h.turn < moves.length ? moves[h.turn] : undefined;
}

export const Prober = strategy({
  name: 'Prober',
  className: 'Prober',
  origin: 'Mathieu & Delahaye (2017); Beaufils, Delahaye & Mathieu (1997)',
  description:
    'Opens D, C, C; defects for ever if the opponent cooperated on turns 2 and 3, else plays Tit For Tat.',
  memoryDepth: Infinity,
  create: stateless((h) => {
    const o = opening(h, [D, C, C]);
    if (o !== undefined) return o;
    if (h.opponent[1] === C && h.opponent[2] === C) return D;
    return h.opponentAgo(1) as Action;
  }),
});

export const Prober2 = strategy({
  name: 'Prober 2',
  className: 'Prober2',
  origin: 'PRISON project (1998), Université de Lille',
  description:
    'Opens D, C, C; cooperates for ever if the opponent answered D then C, else plays Tit For Tat.',
  memoryDepth: Infinity,
  create: stateless((h) => {
    const o = opening(h, [D, C, C]);
    if (o !== undefined) return o;
    if (h.opponent[1] === D && h.opponent[2] === C) return C;
    return h.opponentAgo(1) as Action;
  }),
});

export const Prober3 = strategy({
  name: 'Prober 3',
  className: 'Prober3',
  origin: 'PRISON project (1998), Université de Lille',
  description: 'Opens D, C; defects for ever if the opponent cooperated on turn 2, else plays Tit For Tat.',
  memoryDepth: Infinity,
  create: stateless((h) => {
    const o = opening(h, [D, C]);
    if (o !== undefined) return o;
    if (h.opponent[1] === C) return D;
    return h.opponentAgo(1) as Action;
  }),
});

export const HardProber = strategy({
  name: 'Hard Prober',
  className: 'HardProber',
  origin: 'PRISON project (1998), Université de Lille',
  description:
    'Opens D, D, C, C; defects for ever if the opponent cooperated on turns 2 and 3, else plays Tit For Tat.',
  memoryDepth: Infinity,
  create: stateless((h) => {
    const o = opening(h, [D, D, C, C]);
    if (o !== undefined) return o;
    if (h.opponent[1] === C && h.opponent[2] === C) return D;
    return h.opponentAgo(1) as Action;
  }),
});
