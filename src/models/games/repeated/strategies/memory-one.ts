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
import { formatParameterValue, type StrategyParameter } from '../parameters.js';
import {
  type History,
  type Player,
  parameterised,
  randomChoice,
  type Strategy,
  strategy,
} from '../strategy.js';

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

/** As the library: a four-vector of all 0s or all 1s looks at nothing (memory depth 0). */
function memoryDepthOf(v: FourVector): number {
  return v.every((p) => p === 0) || v.every((p) => p === 1) ? 0 : 1;
}

/** The classifier and player of a memory-one rule with a fixed four-vector. */
function fixedRule(vector: FourVector, initial: Action = C) {
  return {
    memoryDepth: memoryDepthOf(vector),
    stochastic: isStochastic(vector),
    create: () => memoryOnePlayer(vector, initial),
  };
}

const fmt = formatParameterValue;
/** A probability for reading: 12 significant digits, so 1 − 0.9 shows as 0.1. */
const shown = (x: number) => fmt(Number(x.toPrecision(12)));
const vectorText = (v: FourVector) => `(${v.map(shown).join(', ')})`;

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
  return strategy({
    name: o.name,
    className: o.className,
    origin: o.origin,
    description: o.description,
    ...fixedRule(o.vector, o.initial),
  });
}

const PHI: Omit<StrategyParameter, 'default'> = {
  name: 'phi',
  kind: 'number',
  description: 'scale φ of the linear relation (per point of payoff)',
};
const SLOPE: Omit<StrategyParameter, 'default'> = {
  name: 's',
  kind: 'number',
  description: 'slope s of the enforced relation s·(π_X − l) = π_Y − l',
};
const BASELINE: Omit<StrategyParameter, 'default'> = {
  name: 'l',
  kind: 'number',
  description: 'baseline payoff l of the enforced relation (points per turn)',
};

/**
 * A zero-determinant strategy with the library's parameters: φ and s, and l
 * either a parameter or a payoff of the game (P for Extort-2, R for GTFT-2).
 * `description` describes the default values; `type` names the others.
 */
function zeroDeterminant(o: {
  name: string;
  className: string;
  origin: string;
  description: string;
  type: 'Extortionate' | 'Generous' | 'Equaliser';
  phi: number;
  s: number;
  l: number | 'R' | 'P';
}): Strategy {
  const fixedL = typeof o.l === 'number' ? o.l : undefined;
  return parameterised({
    name: o.name,
    className: o.className,
    origin: o.origin,
    parameters: [
      { ...PHI, default: o.phi },
      { ...SLOPE, default: o.s },
      ...(fixedL === undefined ? [] : [{ ...BASELINE, default: fixedL }]),
    ],
    rule: ([phi, s, l], name) => {
      const baseline = (g: StageGame) =>
        l === undefined || l === null ? (o.l === 'R' ? g.R : g.P) : (l as number);
      const isDefault = phi === o.phi && s === o.s && (l ?? undefined) === fixedL;
      return {
        description: isDefault
          ? o.description
          : `${o.type} ZD strategy with φ=${fmt(phi as number)}, s=${fmt(s as number)}, l=${l === undefined ? o.l : fmt(l as number)}.`,
        memoryDepth: 1,
        stochastic: true,
        makesUseOf: ['game'],
        create: (game) =>
          memoryOnePlayer(zeroDeterminantVector(game, phi as number, s as number, baseline(game), name)),
      };
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

export const WinShiftLoseStay = parameterised({
  name: 'Win-Shift Lose-Stay',
  className: 'WinShiftLoseStay',
  origin: 'Li, Kendall et al. (2011), reverse Pavlov; Axelrod library',
  parameters: [{ name: 'initial', kind: 'action', default: 'D', description: 'the first move' }],
  rule: ([initial]) => ({
    description: `Starts with ${initial}; switches after R or T, repeats its move after S or P.`,
    ...fixedRule([0, 1, 1, 0], initial === 'C' ? C : D),
  }),
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

export const StochasticWSLS = parameterised({
  name: 'Stochastic WSLS',
  className: 'StochasticWSLS',
  origin: 'Axelrod library (Marc Harper); a noisy Win-Stay Lose-Shift',
  parameters: [
    {
      name: 'ep',
      kind: 'probability',
      default: 0.05,
      description: 'probability of erring: cooperating after CD or DC, defecting after CC or DD',
    },
  ],
  rule: ([ep]) => {
    const e = ep as number;
    const v: FourVector = [1 - e, e, e, 1 - e];
    return {
      description: `Win-Stay Lose-Shift that errs with probability ${shown(e)}: ${vectorText(v)}.`,
      ...fixedRule(v),
    };
  },
});

export const SoftJoss = parameterised({
  name: 'Soft Joss',
  className: 'SoftJoss',
  origin: 'PRISON project (1998), Université de Lille',
  parameters: [
    {
      name: 'q',
      kind: 'probability',
      default: 0.9,
      description: 'probability of answering a defection with a defection',
    },
  ],
  rule: ([q]) => {
    const v: FourVector = [1, 1 - (q as number), 1, 1 - (q as number)];
    return {
      description: `Tit For Tat that forgives a defection with probability ${shown(v[1])}: ${vectorText(v)}.`,
      ...fixedRule(v),
    };
  },
});

/** GTFT's generosity in a game: min(1 − (T−R)/(R−S), (R−P)/(T−P)), clipped to [0, 1]. */
function generosity({ R, S, T, P }: StageGame): number {
  const p = Math.min(1 - (T - R) / (R - S), (R - P) / (T - P));
  return Math.min(1, Math.max(0, p));
}

export const GTFT = parameterised({
  name: 'GTFT',
  className: 'GTFT',
  origin: 'Generous Tit For Tat: Nowak & Sigmund (1992), Nature 355; Molander (1985)',
  parameters: [
    {
      name: 'p',
      kind: 'probability',
      default: null,
      description:
        'probability of cooperating after a defection (default: min(1 − (T−R)/(R−S), (R−P)/(T−P)) of the game, 1/3 for 3,0,5,1)',
    },
  ],
  rule: ([p]) =>
    p === null
      ? {
          description:
            'Cooperates after C; after D cooperates with probability p = min(1 − (T−R)/(R−S), (R−P)/(T−P)) (1/3 for 3,0,5,1).',
          memoryDepth: 1,
          stochastic: true,
          makesUseOf: ['game'],
          create: (game) => {
            const q = generosity(game);
            return memoryOnePlayer([1, q, 1, q]);
          },
        }
      : {
          description: `Cooperates after C; after D cooperates with probability ${fmt(p as number)}.`,
          ...fixedRule([1, p as number, 1, p as number]),
        },
});

export const ZDExtort2 = zeroDeterminant({
  name: 'ZD-Extort-2',
  className: 'ZDExtort2',
  origin: 'Press & Dyson (2012), PNAS 109; Stewart & Plotkin (2012), PNAS 109 (Extort-2)',
  description: 'Extortionate ZD strategy with φ=1/9, s=1/2, l=P: (8/9, 1/2, 1/3, 0) for 3,0,5,1.',
  type: 'Extortionate',
  phi: 1 / 9,
  s: 0.5,
  l: 'P',
});

export const ZDExtort2v2 = zeroDeterminant({
  name: 'ZD-Extort-2 v2',
  className: 'ZDExtort2v2',
  origin: 'Kuhn (2017), Stanford Encyclopedia of Philosophy, "Prisoner\'s Dilemma" (EXTORT2)',
  description: 'Extortionate ZD strategy with φ=1/8, s=1/2, l=1: (7/8, 7/16, 3/8, 0).',
  type: 'Extortionate',
  phi: 1 / 8,
  s: 0.5,
  l: 1,
});

export const ZDExtort4 = zeroDeterminant({
  name: 'ZD-Extort-4',
  className: 'ZDExtort4',
  origin: 'Axelrod library (Marc Harper), after Press & Dyson (2012)',
  description: 'Extortionate ZD strategy with φ=4/17, s=1/4, l=1: (11/17, 0, 8/17, 0).',
  type: 'Extortionate',
  phi: 4 / 17,
  s: 0.25,
  l: 1,
});

export const ZDGTFT2 = zeroDeterminant({
  name: 'ZD-GTFT-2',
  className: 'ZDGTFT2',
  origin: 'Stewart & Plotkin (2012), PNAS 109 (ZDGTFT-2)',
  description: 'Generous ZD strategy with φ=1/4, s=1/2, l=R: (1, 1/8, 1, 1/4) for 3,0,5,1.',
  type: 'Generous',
  phi: 0.25,
  s: 0.5,
  l: 'R',
});

export const ZDGen2 = zeroDeterminant({
  name: 'ZD-GEN-2',
  className: 'ZDGen2',
  origin: 'Kuhn (2017), Stanford Encyclopedia of Philosophy (GEN2)',
  description: 'Generous ZD strategy with φ=1/8, s=1/2, l=3: (1, 9/16, 1/2, 1/8).',
  type: 'Generous',
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
  type: 'Equaliser',
  phi: 0.25,
  s: 0,
  l: 2,
});
