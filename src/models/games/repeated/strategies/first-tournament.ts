/**
 * The entries of Axelrod's first tournament (Axelrod 1980a, "Effective
 * choice in the Prisoner's Dilemma", J. Conflict Resolution 24: 3–25), as the
 * Axelrod library (Knight et al. 2016, v4.13, `axelrod_first.py`) interprets
 * Axelrod's descriptions; the library's interpretations and their stated
 * assumptions are followed so that deterministic matches agree turn by turn.
 * Tit For Tat, Grudger (Friedman) and Random are defined elsewhere. The
 * ranks in the origins are those of the 1980 tournament.
 */
import type { Rng } from '../../../../core/rng.js';
import { type Action, C, D, payoffTable, type StageGame } from '../game.js';
import { formatParameterValue, type StrategyParameter } from '../parameters.js';
import { chiSquareEvenSplitPValue } from '../stats.js';
import {
  flip,
  type History,
  type Player,
  parameterised,
  randomChoice,
  type Strategy,
  stateless,
  strategy,
} from '../strategy.js';
import { memoryOnePlayer } from './memory-one.js';

/**
 * Axelrod library's FinalTransformer((D, D)): when the match length is known,
 * the last two moves are D whatever the inner rule says (the rule still runs,
 * so its state advances).
 */
class DefectOnLastTwo implements Player {
  constructor(private readonly inner: Player) {}
  play(h: History, rng: Rng): Action {
    const a = this.inner.play(h, rng);
    return h.length - h.turn <= 2 ? D : a;
  }
}

export const FirstByDavis = parameterised({
  name: 'First by Davis',
  className: 'FirstByDavis',
  origin: "Morton Davis, Axelrod's first tournament (8th)",
  parameters: [
    {
      name: 'rounds_to_cooperate',
      kind: 'whole',
      default: 10,
      description: 'turns it cooperates unconditionally before playing Grudger',
    },
  ],
  rule: ([rounds]) => {
    const n = rounds as number;
    return {
      description: `Cooperates on the first ${n} turns, then plays Grudger.`,
      memoryDepth: Infinity,
      create: stateless((h) => (h.turn < n ? C : h.opponentDefections > 0 ? D : C)),
    };
  },
});

/**
 * Downing's outcome-maximising rule (Downing 1975) as the Axelrod library
 * reads it: estimate α = P(opponent C | my C) and β = P(opponent C | my D)
 * (the opponent's move on turn t answering mine on turn t−1), defect on the
 * first two turns, then cooperate iff αR + (1−α)S > βT + (1−β)P, alternate
 * on ties.
 */
class DowningPlayer implements Player {
  private cAfterC = 0;
  private cAfterD = 0;
  constructor(private readonly game: StageGame) {}
  play(h: History): Action {
    const t = h.turn;
    if (t === 0) return D;
    if (t === 1) {
      if (h.opponentAgo(1) === C) this.cAfterC++;
      return D;
    }
    if (h.opponentAgo(1) === C) {
      if (h.ownAgo(2) === C) this.cAfterC++;
      else this.cAfterD++;
    }
    const alpha = this.cAfterC / (h.ownCooperations + 1);
    const beta = this.cAfterD / Math.max(h.ownDefections, 2);
    const { R, S, T, P } = this.game;
    const eC = alpha * R + (1 - alpha) * S;
    const eD = beta * T + (1 - beta) * P;
    if (eC > eD) return C;
    if (eC < eD) return D;
    return flip(h.ownAgo(1));
  }
}

export const FirstByDowning = strategy({
  name: 'First by Downing',
  className: 'FirstByDowning',
  origin: "Leslie Downing, Axelrod's first tournament (10th); Downing (1975)",
  description:
    "Estimates the opponent's conditional cooperation probabilities and plays the action with the higher expected payoff (defects on turns 1–2).",
  memoryDepth: Infinity,
  makesUseOf: ['game'],
  create: (game) => new DowningPlayer(game),
});

export const FirstByFeld = parameterised({
  name: 'First by Feld',
  className: 'FirstByFeld',
  origin: "Scott Feld, Axelrod's first tournament (11th)",
  parameters: [
    {
      name: 'start_coop_prob',
      kind: 'probability',
      default: 1,
      description: 'initial probability of cooperating after a cooperation',
    },
    {
      name: 'end_coop_prob',
      kind: 'probability',
      default: 0.5,
      description: 'final probability of cooperating after a cooperation',
    },
    {
      name: 'rounds_of_decay',
      kind: 'whole',
      minimum: 1,
      default: 200,
      description: 'turns over which the probability falls linearly',
    },
  ],
  rule: ([start, end, rounds]) => {
    const p0 = start as number;
    const p1 = end as number;
    const n = rounds as number;
    const slope = (p1 - p0) / n;
    return {
      description: `Defects after a defection; after a cooperation cooperates with a probability falling linearly from ${formatParameterValue(p0)} to ${formatParameterValue(p1)} over ${n} turns.`,
      // The library's classifier: the decay's length (afterwards it is memory-one).
      memoryDepth: n,
      stochastic: true,
      create: stateless((h, rng) => {
        if (h.turn === 0) return C;
        if (h.opponentAgo(1) === D) return D;
        return randomChoice(rng, Math.max(p0 + slope * h.turn, p1));
      }),
    };
  },
});

class GraaskampPlayer implements Player {
  private opponentIsRandom = false;
  private nextDefection = -1;
  constructor(private readonly alpha: number) {}
  play(h: History, rng: Rng): Action {
    const t = h.turn;
    if (t === 0) return C;
    if (t < 56) return h.opponentAgo(1) === D || t === 50 ? D : C;
    const p = chiSquareEvenSplitPValue(h.opponentCooperations, h.opponentDefections);
    this.opponentIsRandom = p >= this.alpha || this.opponentIsRandom;
    if (this.opponentIsRandom) return D;
    if (this.tftOrTwin(h)) return h.opponentAgo(1) as Action;
    if (this.nextDefection < 0) this.nextDefection = rng.int(5, 15) + t;
    if (t === this.nextDefection) {
      this.nextDefection = rng.int(5, 15) + t;
      return D;
    }
    return C;
  }
  // Running checks of "the opponent copied my previous move" and "the opponent played as I did",
  // extended to the entries added since the last call (records before `turn` never change).
  private copiesChecked = 1;
  private copies = true;
  private twinChecked = 0;
  private twin = true;
  /** The opponent has copied my previous move throughout, or played exactly as I did. */
  private tftOrTwin(h: History): boolean {
    for (; this.copiesChecked < h.turn; this.copiesChecked++) {
      if (h.opponent[this.copiesChecked] !== h.own[this.copiesChecked - 1]) this.copies = false;
    }
    for (; this.twinChecked < h.turn; this.twinChecked++) {
      if (h.opponent[this.twinChecked] !== h.own[this.twinChecked]) this.twin = false;
    }
    return this.copies || this.twin;
  }
}

const ALPHA: StrategyParameter = {
  name: 'alpha',
  kind: 'probability',
  default: 0.05,
  description: 'significance level of the χ² test: the opponent counts as random when its p-value is ≥ alpha',
};

export const FirstByGraaskamp = parameterised({
  name: 'First by Graaskamp',
  className: 'FirstByGraaskamp',
  origin: "James Graaskamp, Axelrod's first tournament (9th)",
  parameters: [ALPHA],
  rule: ([alpha]) => ({
    description: `Tit For Tat for 50 turns, defects on turn 51, 5 more of Tit For Tat; then defects for ever against a random-looking opponent (χ² test, α = ${formatParameterValue(alpha as number)}), plays Tit For Tat against Tit For Tat or its twin, else defects every 5–15 turns.`,
    memoryDepth: Infinity,
    stochastic: true,
    create: () => new GraaskampPlayer(alpha as number),
  }),
});

export const FirstByGrofman = strategy({
  name: 'First by Grofman',
  className: 'FirstByGrofman',
  origin: "Bernard Grofman, Axelrod's first tournament (4th)",
  description:
    'Cooperates if both players did the same last turn; otherwise cooperates with probability 2/7.',
  memoryDepth: 1,
  stochastic: true,
  create: stateless((h, rng) =>
    h.turn === 0 || h.ownAgo(1) === h.opponentAgo(1) ? C : randomChoice(rng, 2 / 7),
  ),
});

export const FirstByJoss = parameterised({
  name: 'First by Joss',
  className: 'FirstByJoss',
  origin: "Johann Joss, Axelrod's first tournament (12th)",
  parameters: [
    {
      name: 'p',
      kind: 'probability',
      default: 0.9,
      description: 'probability of cooperating after the opponent cooperated',
    },
  ],
  rule: ([p]) => {
    const q = p as number;
    const shown = formatParameterValue(q);
    return {
      description: `Cooperates with probability ${shown} after a cooperation, always defects after a defection: (${shown}, 0, ${shown}, 0).`,
      // As the library's memory-one players: (0, 0, 0, 0) looks at nothing, and 0 or 1 draw nothing.
      memoryDepth: q === 0 ? 0 : 1,
      stochastic: q > 0 && q < 1,
      create: () => memoryOnePlayer([q, 0, q, 0]),
    };
  },
});

const NYDEGGER_DEFECT = new Set([1, 6, 7, 17, 22, 23, 26, 29, 30, 31, 33, 38, 39, 45, 49, 54, 55, 58, 61]);
/** a_i by outcome index 2·mine + theirs: CC 0, CD 2, DC 1, DD 3. */
const NYDEGGER_SCORE = [0, 2, 1, 3] as const;

export const FirstByNydegger = strategy({
  name: 'First by Nydegger',
  className: 'FirstByNydegger',
  origin: "Rudy Nydegger, Axelrod's first tournament (3rd); Nydegger (1978)",
  description:
    'Tit For Tat for three turns (with one exception), then defects iff A = 16a₁ + 4a₂ + a₃ is in a fixed list, where aᵢ scores the i-th last outcome.',
  memoryDepth: 3,
  create: stateless((h) => {
    const t = h.turn;
    if (t === 0) return C;
    if (t === 1) return h.opponentAgo(1) as Action;
    if (t === 2) {
      if (h.opponent[0] === D && h.opponent[1] === C) return D;
      return h.opponentAgo(1) as Action;
    }
    let a = 0;
    const weights = [16, 4, 1] as const;
    for (let k = 1; k <= 3; k++) {
      a += (weights[k - 1] as number) * (NYDEGGER_SCORE[2 * h.ownAgo(k) + h.opponentAgo(k)] as number);
    }
    return NYDEGGER_DEFECT.has(a) ? D : C;
  }),
});

/** Shubik: retaliate k turns for the k-th departure from mutual cooperation. */
class ShubikPlayer implements Player {
  private retaliationLength = 0;
  private remaining = 0;
  play(h: History): Action {
    if (h.turn === 0) return C;
    if (this.remaining > 0) {
      this.remaining--;
      return D;
    }
    if (h.opponentAgo(1) === D && h.ownAgo(1) === C) {
      this.retaliationLength++;
      this.remaining = this.retaliationLength - 1;
      return D;
    }
    return C;
  }
}

export const FirstByShubik = strategy({
  name: 'First by Shubik',
  className: 'FirstByShubik',
  origin: "Martin Shubik, Axelrod's first tournament (5th); Shubik (1970)",
  description:
    'Cooperates; when the opponent defects while it cooperates, defects for k turns, k growing by one with each such departure.',
  memoryDepth: Infinity,
  create: () => new ShubikPlayer(),
});

class SteinAndRapoportPlayer implements Player {
  private opponentIsRandom = false;
  constructor(private readonly alpha: number) {}
  play(h: History): Action {
    const round = h.turn + 1;
    if (round < 5) return C;
    if (round < 15) return h.opponentAgo(1) as Action;
    if (round % 15 === 0) {
      this.opponentIsRandom =
        chiSquareEvenSplitPValue(h.opponentCooperations, h.opponentDefections) >= this.alpha;
    }
    return this.opponentIsRandom ? D : (h.opponentAgo(1) as Action);
  }
}

export const FirstBySteinAndRapoport = parameterised({
  name: 'First by Stein and Rapoport',
  className: 'FirstBySteinAndRapoport',
  origin: "William Stein and Amnon Rapoport, Axelrod's first tournament (6th)",
  parameters: [ALPHA],
  rule: ([alpha]) => ({
    description: `Cooperates for 4 turns, then Tit For Tat; every 15 turns a χ² test (α = ${formatParameterValue(alpha as number)}) decides whether the opponent is random, and if so it defects; defects on the last two turns.`,
    memoryDepth: Infinity,
    makesUseOf: ['length'],
    create: () => new DefectOnLastTwo(new SteinAndRapoportPlayer(alpha as number)),
  }),
});

/**
 * Tideman and Chieruzzi as the Axelrod library reads Axelrod's description:
 * Tit For Tat whose punishment grows by one with each run of the opponent's
 * defections, with a "fresh start" (two cooperations, everything forgotten)
 * when the opponent is ≥ 10 points behind, has just cooperated, ≥ 20 turns
 * have passed since the last fresh start, ≥ 10 turns remain, and its
 * remembered defections lie ≥ 3 standard deviations from a 50-50 split.
 */
class TidemanAndChieruzziPlayer implements Player {
  private retaliating = false;
  private retaliationLength = 0;
  private remaining = 0;
  private myScore = 0;
  private theirScore = 0;
  private lastFreshStart = 0;
  private freshStart = false;
  private rememberedDefections = 0;
  private readonly table: Float64Array;
  constructor(game: StageGame) {
    this.table = payoffTable(game);
  }
  private decrease(): void {
    if (this.retaliating) {
      this.remaining--;
      if (this.remaining === 0) this.retaliating = false;
    }
  }
  play(h: History): Action {
    if (h.turn === 0) return C;
    const mine = h.ownAgo(1);
    const theirs = h.opponentAgo(1);
    if (theirs === D) this.rememberedDefections++;
    this.myScore += this.table[2 * mine + theirs] as number;
    this.theirScore += this.table[2 * theirs + mine] as number;
    if (this.freshStart) {
      this.freshStart = false;
      return C;
    }
    const round = h.turn + 1;
    const validFreshStart = this.lastFreshStart === 0 || round - this.lastFreshStart >= 20;
    if (validFreshStart && this.myScore - this.theirScore >= 10 && h.length - round >= 10 && theirs === C) {
      const n = h.opponentCooperations + h.opponentDefections;
      const sd = Math.sqrt(n) / 2;
      const lower = n / 2 - 3 * sd;
      const upper = n / 2 + 3 * sd;
      if (this.rememberedDefections <= lower || this.rememberedDefections >= upper) {
        this.lastFreshStart = round;
        this.retaliating = false;
        this.retaliationLength = 0;
        this.remaining = 0;
        this.rememberedDefections = 0;
        this.freshStart = true;
        return C;
      }
    }
    if (this.retaliating) {
      this.decrease();
      return D;
    }
    if (theirs === D) {
      this.retaliating = true;
      this.retaliationLength++;
      this.remaining = this.retaliationLength;
      this.decrease();
      return D;
    }
    return C;
  }
}

export const FirstByTidemanAndChieruzzi = strategy({
  name: 'First by Tideman and Chieruzzi',
  className: 'FirstByTidemanAndChieruzzi',
  origin: "Nicolas Tideman and Paula Chieruzzi, Axelrod's first tournament (2nd)",
  description:
    'Tit For Tat with punishments growing by one per run of defections, occasional "fresh starts", and defection on the last two turns.',
  memoryDepth: Infinity,
  makesUseOf: ['game', 'length'],
  create: (game) => new DefectOnLastTwo(new TidemanAndChieruzziPlayer(game)),
});

export const FirstByTullock = strategy({
  name: 'First by Tullock',
  className: 'FirstByTullock',
  origin: "Gordon Tullock, Axelrod's first tournament (13th)",
  description:
    "Cooperates on the first 11 turns, then cooperates with probability 10 points below the opponent's cooperation rate over the last 10 turns.",
  memoryDepth: Infinity,
  stochastic: true,
  create: stateless((h, rng) => {
    if (h.turn < 11) return C;
    let cooperations = 0;
    for (let k = 1; k <= 10; k++) if (h.opponentAgo(k) === C) cooperations++;
    return randomChoice(rng, Math.max(0, cooperations / 10 - 0.1));
  }),
});

export const FirstByAnonymous = strategy({
  name: 'First by Anonymous',
  className: 'FirstByAnonymous',
  origin: "Anonymous graduate student, Axelrod's first tournament (14th)",
  description: 'Each turn cooperates with a probability drawn uniformly from [0.3, 0.7].',
  memoryDepth: 0,
  stochastic: true,
  create: stateless((_h, rng) => randomChoice(rng, 0.3 + 0.4 * rng.next())),
});

/** The strategies of `axl.axelrod_first_strategies`, in the library's order (reported 1980 ranks). */
export const FIRST_TOURNAMENT_NAMES: readonly string[] = [
  'Tit For Tat',
  'First by Tideman and Chieruzzi',
  'First by Nydegger',
  'First by Grofman',
  'First by Shubik',
  'First by Stein and Rapoport',
  'Grudger',
  'First by Davis',
  'First by Graaskamp',
  'First by Downing',
  'First by Feld',
  'First by Joss',
  'First by Tullock',
  'First by Anonymous',
  'Random',
];

export type { Strategy };
