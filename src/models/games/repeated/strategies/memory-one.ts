/**
 * Memory-one strategies: the probability of cooperating depends only on the
 * last turn's outcome, (p_CC, p_CD, p_DC, p_DD) with the first letter this
 * player's action (Nowak & Sigmund 1990, 1993). Zero-determinant strategies
 * (Press & Dyson 2012) are memory-one strategies that enforce a linear
 * relation between the two players' long-run payoffs; their four-vectors come
 * from the linear-relation parametrisation of Hilbe, Nowak & Traulsen (2013, PLoS ONE 8: e77886,
 * eq. 14), as in the Axelrod library.
 */
import { badInput } from '../../../../core/errors.js';
import type { Rng } from '../../../../core/rng.js';
import { type Action, C, D, type StageGame } from '../game.js';
import { type History, type Player, randomChoice, type Strategy, strategy } from '../strategy.js';

/** A four-vector (p_CC, p_CD, p_DC, p_DD): P(C) after each outcome of the last turn. */
export type FourVector = readonly [number, number, number, number];

class MemoryOnePlayer implements Player {
  private readonly p: Float64Array;
  constructor(
    fourVector: FourVector,
    private readonly initial: Action,
  ) {
    this.p = Float64Array.from(fourVector);
  }
  play(h: History, rng: Rng): Action {
    if (h.turn === 0) return this.initial;
    const t = h.turn - 1;
    return randomChoice(rng, this.p[2 * (h.own[t] as number) + (h.opponent[t] as number)] as number);
  }
}

/** A player for a fixed four-vector and first move. */
export function memoryOnePlayer(fourVector: FourVector, initial: Action = C): Player {
  return new MemoryOnePlayer(fourVector, initial);
}

function isStochastic(v: FourVector): boolean {
  return v.some((p) => p > 0 && p < 1);
}

/**
 * The four-vector of a linear-relation (zero-determinant) strategy that
 * enforces s·(π_X − l) = π_Y − l (Hilbe, Nowak & Traulsen 2013, eq. 14):
 * p1 = 1 − φ(1−s)(R−l), p2 = 1 − φ(s(l−S) + (T−l)), p3 = φ((l−S) + s(T−l)),
 * p4 = φ(1−s)(l−P). Throws bad input when the game makes a probability
 * leave [0, 1] (the strategy does not exist for that game).
 */
export function zeroDeterminantVector(
  game: StageGame,
  phi: number,
  s: number,
  l: number,
  name: string,
): FourVector {
  const { R, S, T, P } = game;
  const v: FourVector = [
    1 - phi * (1 - s) * (R - l),
    1 - phi * (s * (l - S) + (T - l)),
    phi * (l - S + s * (T - l)),
    phi * (1 - s) * (l - P),
  ];
  const eps = 1e-12;
  if (v.some((p) => !(p >= -eps && p <= 1 + eps))) {
    throw badInput({
      path: ['game'],
      message: `${name} is not defined for R=${R}, S=${S}, T=${T}, P=${P}: its four-vector [${v.map((p) => p.toFixed(3)).join(', ')}] leaves [0, 1]`,
    });
  }
  return v.map((p) => Math.min(1, Math.max(0, p))) as unknown as FourVector;
}

function fixedMemoryOne(o: {
  name: string;
  className: string;
  origin: string;
  description: string;
  vector: FourVector;
  initial?: Action;
}): Strategy {
  const initial = o.initial ?? C;
  return strategy({
    name: o.name,
    className: o.className,
    origin: o.origin,
    description: o.description,
    memoryDepth: 1,
    stochastic: isStochastic(o.vector),
    create: () => memoryOnePlayer(o.vector, initial),
  });
}

function zeroDeterminant(o: {
  name: string;
  className: string;
  origin: string;
  description: string;
  phi: number;
  s: number;
  l: number | ((g: StageGame) => number);
}): Strategy {
  return strategy({
    name: o.name,
    className: o.className,
    origin: o.origin,
    description: o.description,
    memoryDepth: 1,
    stochastic: true,
    makesUseOf: ['game'],
    create: (game) => {
      const l = typeof o.l === 'number' ? o.l : o.l(game);
      return memoryOnePlayer(zeroDeterminantVector(game, o.phi, o.s, l, o.name));
    },
  });
}

export const WinStayLoseShift = fixedMemoryOne({
  name: 'Win-Stay Lose-Shift',
  className: 'WinStayLoseShift',
  origin: 'Nowak & Sigmund (1993), Nature 364; also Pavlov: Kraines & Kraines (1989)',
  description: 'Starts with C; repeats its last move after R or T, switches after S or P.',
  vector: [1, 0, 0, 1],
});

export const WinShiftLoseStay = fixedMemoryOne({
  name: 'Win-Shift Lose-Stay',
  className: 'WinShiftLoseStay',
  origin: 'Li, Kendall et al. (2011), reverse Pavlov; Axelrod library',
  description: 'Starts with D; switches after R or T, repeats its move after S or P.',
  vector: [0, 1, 1, 0],
  initial: D,
});

export const FirmButFair = fixedMemoryOne({
  name: 'Firm But Fair',
  className: 'FirmButFair',
  origin: 'Frean (1994), Proc. R. Soc. B 257',
  description:
    'Cooperates except after receiving the sucker payoff; after mutual defection cooperates with probability 2/3.',
  vector: [1, 0, 1, 2 / 3],
});

export const StochasticCooperator = fixedMemoryOne({
  name: 'Stochastic Cooperator',
  className: 'StochasticCooperator',
  origin: 'Adami & Hintze (2013), Nature Communications 4',
  description:
    'Memory-one strategy (0.935, 0.229, 0.266, 0.42), evolutionarily stable against ZD extortioners.',
  vector: [0.935, 0.229, 0.266, 0.42],
});

export const StochasticWSLS = fixedMemoryOne({
  name: 'Stochastic WSLS',
  className: 'StochasticWSLS',
  origin: 'Axelrod library (Marc Harper); a noisy Win-Stay Lose-Shift',
  description: 'Win-Stay Lose-Shift that errs with probability 0.05: (0.95, 0.05, 0.05, 0.95).',
  vector: [0.95, 0.05, 0.05, 0.95],
});

export const SoftJoss = fixedMemoryOne({
  name: 'Soft Joss',
  className: 'SoftJoss',
  origin: 'PRISON project (1998), Université de Lille',
  description: 'Tit For Tat that forgives a defection with probability 0.1: (1, 0.1, 1, 0.1).',
  vector: [1, 0.1, 1, 0.1],
});

export const GTFT = strategy({
  name: 'GTFT',
  className: 'GTFT',
  origin: 'Generous Tit For Tat: Nowak & Sigmund (1992), Nature 355; Molander (1985)',
  description:
    'Cooperates after C; after D cooperates with probability p = min(1 − (T−R)/(R−S), (R−P)/(T−P)) (1/3 for 3,0,5,1).',
  memoryDepth: 1,
  stochastic: true,
  makesUseOf: ['game'],
  create: (game) => {
    const { R, S, T, P } = game;
    const p = Math.min(1 - (T - R) / (R - S), (R - P) / (T - P));
    const q = Math.min(1, Math.max(0, p));
    return memoryOnePlayer([1, q, 1, q]);
  },
});

export const ZDExtort2 = zeroDeterminant({
  name: 'ZD-Extort-2',
  className: 'ZDExtort2',
  origin: 'Press & Dyson (2012), PNAS 109; Stewart & Plotkin (2012), PNAS 109 (Extort-2)',
  description: 'Extortionate ZD strategy with φ=1/9, s=1/2, l=P: (8/9, 1/2, 1/3, 0) for 3,0,5,1.',
  phi: 1 / 9,
  s: 0.5,
  l: (g) => g.P,
});

export const ZDExtort2v2 = zeroDeterminant({
  name: 'ZD-Extort-2 v2',
  className: 'ZDExtort2v2',
  origin: 'Kuhn (2017), Stanford Encyclopedia of Philosophy, "Prisoner\'s Dilemma" (EXTORT2)',
  description: 'Extortionate ZD strategy with φ=1/8, s=1/2, l=1: (7/8, 7/16, 3/8, 0).',
  phi: 1 / 8,
  s: 0.5,
  l: 1,
});

export const ZDExtort4 = zeroDeterminant({
  name: 'ZD-Extort-4',
  className: 'ZDExtort4',
  origin: 'Axelrod library (Marc Harper), after Press & Dyson (2012)',
  description: 'Extortionate ZD strategy with φ=4/17, s=1/4, l=1: (11/17, 0, 8/17, 0).',
  phi: 4 / 17,
  s: 0.25,
  l: 1,
});

export const ZDGTFT2 = zeroDeterminant({
  name: 'ZD-GTFT-2',
  className: 'ZDGTFT2',
  origin: 'Stewart & Plotkin (2012), PNAS 109 (ZDGTFT-2)',
  description: 'Generous ZD strategy with φ=1/4, s=1/2, l=R: (1, 1/8, 1, 1/4) for 3,0,5,1.',
  phi: 0.25,
  s: 0.5,
  l: (g) => g.R,
});

export const ZDGen2 = zeroDeterminant({
  name: 'ZD-GEN-2',
  className: 'ZDGen2',
  origin: 'Kuhn (2017), Stanford Encyclopedia of Philosophy (GEN2)',
  description: 'Generous ZD strategy with φ=1/8, s=1/2, l=3: (1, 9/16, 1/2, 1/8).',
  phi: 1 / 8,
  s: 0.5,
  l: 3,
});

export const ZDSet2 = zeroDeterminant({
  name: 'ZD-SET-2',
  className: 'ZDSet2',
  origin: 'Kuhn (2017), Stanford Encyclopedia of Philosophy (SET2); equaliser of Press & Dyson (2012)',
  description:
    "Equaliser ZD strategy with φ=1/4, s=0, l=2: sets the opponent's payoff to 2; (3/4, 1/4, 1/2, 1/4).",
  phi: 0.25,
  s: 0,
  l: 2,
});
