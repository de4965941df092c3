/**
 * Basic and classic rules: unconditional players, grudges, probers,
 * majority rules, handshakes. Behaviour follows the Axelrod library
 * (Knight et al. 2016) on deterministic matches.
 */
import type { Rng } from '../../../../core/rng.js';
import { type Action, C, D, payoffTable } from '../game.js';
import { formatParameterValue } from '../parameters.js';
import { type History, type Player, parameterised, randomChoice, stateless, strategy } from '../strategy.js';

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

export const Random = parameterised({
  name: 'Random',
  className: 'Random',
  origin: "RANDOM, the control entry of Axelrod's first tournament (Axelrod 1980a)",
  parameters: [
    { name: 'p', kind: 'probability', default: 0.5, description: 'probability of cooperating each turn' },
  ],
  rule: ([p]) => {
    const q = p as number;
    return {
      description: `Cooperates with probability ${formatParameterValue(q)} each turn.`,
      memoryDepth: 0,
      // As the library: Random(0) and Random(1) are deterministic and draw nothing.
      stochastic: q > 0 && q < 1,
      create: stateless((_h: History, rng: Rng) => randomChoice(rng, q)),
    };
  },
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

/** The letters of a C/D sequence as actions. */
function actionsOf(letters: string): Action[] {
  return Array.from(letters, (ch) => (ch === 'C' ? C : D));
}

export const Handshake = parameterised({
  name: 'Handshake',
  className: 'Handshake',
  origin: 'Robson (1990), J. Theor. Biol. 144 (secret handshake)',
  parameters: [
    {
      name: 'initial_plays',
      kind: 'actions',
      default: 'CD',
      description: 'handshake, the moves played first',
    },
  ],
  rule: ([plays]) => {
    const opening = actionsOf(plays as string);
    const shown = opening.map((a) => (a === C ? 'C' : 'D')).join(', ');
    return {
      description: `Opens ${shown}; cooperates for ever if the opponent opened ${shown} too, else defects for ever.`,
      memoryDepth: Infinity,
      create: stateless((h) => {
        if (h.turn < opening.length) return opening[h.turn] as Action;
        for (let t = 0; t < opening.length; t++) if (h.opponent[t] !== opening[t]) return D;
        return C;
      }),
    };
  },
});

/**
 * Adaptive (Li et al. 2011): plays its opening (C×6 then D×5), then the
 * action whose total payoff so far is higher (D on ties).
 */
class AdaptivePlayer implements Player {
  private scoreC = 0;
  private scoreD = 0;
  constructor(
    private readonly table: Float64Array,
    private readonly opening: readonly Action[],
  ) {}
  play(h: History): Action {
    if (h.turn > 0) {
      const mine = h.ownAgo(1);
      const got = this.table[2 * mine + h.opponentAgo(1)] as number;
      if (mine === C) this.scoreC += got;
      else this.scoreD += got;
    }
    if (h.turn < this.opening.length) return this.opening[h.turn] as Action;
    return this.scoreC > this.scoreD ? C : D;
  }
}

/** `CCCCCCDDDDD` as `C×6, D×5`. */
function runs(letters: string): string {
  return (letters.match(/C+|D+/g) ?? []).map((r) => (r.length === 1 ? r : `${r[0]}×${r.length}`)).join(', ');
}

export const Adaptive = parameterised({
  name: 'Adaptive',
  className: 'Adaptive',
  origin:
    'Li, Hingston & Kendall (2011), "Engineering design of strategies for winning iterated prisoner\'s dilemma competitions", IEEE TCIAIG 3',
  parameters: [
    {
      name: 'initial_plays',
      kind: 'actions',
      default: 'CCCCCCDDDDD',
      description: 'opening moves, played before it compares payoffs',
    },
  ],
  rule: ([plays]) => {
    const opening = actionsOf(plays as string);
    return {
      description: `Opens with ${runs(plays as string)}, then plays whichever action has earned it more in total.`,
      memoryDepth: Infinity,
      makesUseOf: ['game'],
      create: (game) => new AdaptivePlayer(payoffTable(game), opening),
    };
  },
});

/**
 * Go By Majority over the opponent's last `memory` moves: incremental
 * counts (the record of a turn is final once the next move is asked for).
 */
class RecentMajorityPlayer implements Player {
  private cooperations = 0;
  private defections = 0;
  private counted = 0;
  constructor(
    private readonly memory: number,
    private readonly soft: boolean,
  ) {}
  play(h: History): Action {
    for (; this.counted < h.turn; this.counted++) {
      if (h.opponent[this.counted] === C) this.cooperations++;
      else this.defections++;
      const leaving = this.counted - this.memory;
      if (leaving >= 0) {
        if (h.opponent[leaving] === C) this.cooperations--;
        else this.defections--;
      }
    }
    if (this.defections > this.cooperations) return D;
    if (this.defections === this.cooperations) return this.soft ? C : D;
    return C;
  }
}

function goByMajority(soft: boolean, memory: number) {
  if (Number.isFinite(memory)) return () => new RecentMajorityPlayer(memory, soft);
  return stateless((h) => {
    if (h.opponentDefections > h.opponentCooperations) return D;
    if (h.opponentDefections === h.opponentCooperations) return soft ? C : D;
    return C;
  });
}

const MEMORY_DEPTH = {
  name: 'memory_depth',
  kind: 'memory',
  default: Infinity,
  description: "number of the opponent's last moves counted; inf counts them all",
} as const;

/** "so far" or "over the last m turns". */
const span = (m: number) => (Number.isFinite(m) ? `over the last ${m} turns` : 'so far');

export const SoftGoByMajority = parameterised({
  name: 'Soft Go By Majority',
  className: 'GoByMajority',
  origin: 'Axelrod (1984), "soft majority"; Mathieu & Delahaye (2017)',
  parameters: [MEMORY_DEPTH],
  rule: ([m]) => ({
    description: `Plays the opponent's majority move ${span(m as number)}; cooperates on ties (so also first).`,
    memoryDepth: m as number,
    create: goByMajority(true, m as number),
  }),
});

export const HardGoByMajority = parameterised({
  name: 'Hard Go By Majority',
  className: 'HardGoByMajority',
  origin: 'Axelrod (1984); Mathieu & Delahaye (2017)',
  parameters: [MEMORY_DEPTH],
  rule: ([m]) => ({
    description: `Plays the opponent's majority move ${span(m as number)}; defects on ties (so also first).`,
    memoryDepth: m as number,
    create: goByMajority(false, m as number),
  }),
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
