/**
 * Tit For Tat and its relatives: rules that answer the opponent's last moves.
 * Tit For Tat won both of Axelrod's tournaments (Axelrod 1980a, 1980b, 1984).
 * Behaviour follows the Axelrod library (Knight et al. 2016) on deterministic
 * matches.
 */
import { type Action, C, D } from '../game.js';
import { formatParameterValue } from '../parameters.js';
import { type History, type Player, parameterised, stateless, strategy } from '../strategy.js';

export const TitForTat = strategy({
  name: 'Tit For Tat',
  className: 'TitForTat',
  origin: "Anatol Rapoport's entry, winner of Axelrod's first and second tournaments (Axelrod 1980a, 1980b)",
  description: "Cooperates first, then copies the opponent's last move.",
  memoryDepth: 1,
  create: stateless((h) => (h.turn === 0 ? C : (h.opponent[h.turn - 1] as Action))),
});

export const TitFor2Tats = strategy({
  name: 'Tit For 2 Tats',
  className: 'TitFor2Tats',
  origin: 'Axelrod (1984), The Evolution of Cooperation (sample rule of the first tournament)',
  description: 'Defects only if the opponent defected on both of the last two turns.',
  memoryDepth: 2,
  create: stateless((h) => (h.turn >= 2 && h.opponentAgo(1) === D && h.opponentAgo(2) === D ? D : C)),
});

export const TwoTitsForTat = strategy({
  name: 'Two Tits For Tat',
  className: 'TwoTitsForTat',
  origin: 'Axelrod (1984), The Evolution of Cooperation',
  description:
    'Answers each defection with two defections: defects if the opponent defected in either of the last two turns.',
  memoryDepth: 2,
  create: stateless((h) =>
    (h.turn >= 1 && h.opponentAgo(1) === D) || (h.turn >= 2 && h.opponentAgo(2) === D) ? D : C,
  ),
});

export const SuspiciousTitForTat = strategy({
  name: 'Suspicious Tit For Tat',
  className: 'SuspiciousTitForTat',
  origin:
    'Hilbe, Nowak & Traulsen (2013), PLoS ONE 8: e77886; "Mistrust" in Beaufils, Delahaye & Mathieu (1997)',
  description: "Defects first, then copies the opponent's last move.",
  memoryDepth: 1,
  create: stateless((h) => (h.turn === 0 ? D : (h.opponent[h.turn - 1] as Action))),
});

export const HardTitForTat = strategy({
  name: 'Hard Tit For Tat',
  className: 'HardTitForTat',
  origin: 'PRISON project (1998), Université de Lille; Axelrod library',
  description: 'Cooperates first; defects if the opponent defected in any of the last three turns.',
  memoryDepth: 3,
  create: stateless((h) => {
    const n = Math.min(3, h.turn);
    for (let k = 1; k <= n; k++) if (h.opponentAgo(k) === D) return D;
    return C;
  }),
});

export const HardTitFor2Tats = strategy({
  name: 'Hard Tit For 2 Tats',
  className: 'HardTitFor2Tats',
  origin: 'Stewart & Plotkin (2012), PNAS 109',
  description:
    'Cooperates first; defects if the opponent defected twice in a row within the last three turns.',
  memoryDepth: 3,
  create: stateless((h) => {
    const n = Math.min(3, h.turn);
    for (let k = 1; k < n; k++) if (h.opponentAgo(k) === D && h.opponentAgo(k + 1) === D) return D;
    return C;
  }),
});

export const Bully = strategy({
  name: 'Bully',
  className: 'Bully',
  origin: 'Reverse Tit For Tat: Nachbar (1992), J. Econ. Behav. Organ. 19',
  description: "Defects first, then plays the opposite of the opponent's last move.",
  memoryDepth: 1,
  create: stateless((h) => (h.turn > 0 && h.opponentAgo(1) === D ? C : D)),
});

export const AntiTitForTat = strategy({
  name: 'Anti Tit For Tat',
  className: 'AntiTitForTat',
  origin: 'Hilbe, Nowak & Traulsen (2013), PLoS ONE 8: e77886',
  description: "Cooperates first, then plays the opposite of the opponent's last move.",
  memoryDepth: 1,
  create: stateless((h) => (h.turn > 0 && h.opponentAgo(1) === C ? D : C)),
});

export const SneakyTitForTat = strategy({
  name: 'Sneaky Tit For Tat',
  className: 'SneakyTitForTat',
  origin: 'Axelrod library (Karol Langner)',
  description:
    'Tit For Tat that tries one defection once the opponent has never defected, and repents if punished for it.',
  memoryDepth: Infinity,
  create: stateless((h) => {
    if (h.turn < 2) return C;
    if (h.opponentDefections === 0) return D;
    if (h.opponentAgo(1) === D && h.ownAgo(2) === D) return C;
    return h.opponentAgo(1) as Action;
  }),
});

class SpitefulTitForTatPlayer implements Player {
  private retaliating = false;
  play(h: History): Action {
    if (h.turn === 0) return C;
    if (h.turn >= 2 && h.opponentAgo(1) === D && h.opponentAgo(2) === D) this.retaliating = true;
    if (this.retaliating) return D;
    return h.opponentAgo(1) as Action;
  }
}

export const SpitefulTitForTat = strategy({
  name: 'Spiteful Tit For Tat',
  className: 'SpitefulTitForTat',
  origin: 'PRISON project (1998), Université de Lille',
  description: 'Tit For Tat until the opponent defects twice in a row, then defects for ever.',
  memoryDepth: Infinity,
  create: () => new SpitefulTitForTatPlayer(),
});

class ForgivingTitForTatPlayer implements Player {
  play(h: History): Action {
    if (h.turn > 0 && h.opponentDefections > h.turn / 10 && h.opponentAgo(1) === D) return D;
    return C;
  }
}

export const ForgivingTitForTat = strategy({
  name: 'Forgiving Tit For Tat',
  className: 'ForgivingTitForTat',
  origin: 'Axelrod library (Thomas Campbell)',
  description: 'Tit For Tat that forgives while the opponent has defected in at most 10% of the turns.',
  memoryDepth: Infinity,
  create: () => new ForgivingTitForTatPlayer(),
});

/**
 * Gradual as the Axelrod library ≥ 4.0 implements it: after the opponent's
 * n-th defection, defect n times in total (the triggering reply included)
 * and then cooperate twice, whatever the opponent does meanwhile.
 */
class GradualPlayer implements Player {
  private punishLeft = 0;
  private calmLeft = 0;
  play(h: History): Action {
    if (h.turn === 0) return C;
    if (this.punishLeft > 0) {
      this.punishLeft--;
      return D;
    }
    if (this.calmLeft > 0) {
      this.calmLeft--;
      return C;
    }
    if (h.opponentAgo(1) === D) {
      this.punishLeft = h.opponentDefections - 1;
      this.calmLeft = 2;
      return D;
    }
    return C;
  }
}

export const Gradual = strategy({
  name: 'Gradual',
  className: 'Gradual',
  origin: 'Beaufils, Delahaye & Mathieu (1997), "Our meeting with Gradual", ALIFE V',
  description:
    "Answers the opponent's n-th defection with n defections followed by two cooperations (calming), then cooperates.",
  memoryDepth: Infinity,
  create: () => new GradualPlayer(),
});

/**
 * Contrite Tit For Tat (Wu & Axelrod 1995): keeps its intended moves; when its
 * own move came out as an unintended D against the opponent's C, it becomes
 * contrite and accepts the retaliation instead of answering it, until it has
 * managed to cooperate.
 */
class ContriteTitForTatPlayer implements Player {
  private contrite = false;
  private intended: Action = C;
  play(h: History): Action {
    this.intended = this.decide(h);
    return this.intended;
  }
  private decide(h: History): Action {
    if (h.turn === 0) return C;
    const mine = h.ownAgo(1);
    if (this.contrite && mine === C) {
      this.contrite = false;
      return C;
    }
    if (this.intended !== mine && mine === D && h.opponentAgo(1) === C) this.contrite = true;
    return h.opponentAgo(1) as Action;
  }
}

export const ContriteTitForTat = strategy({
  name: 'Contrite Tit For Tat',
  className: 'ContriteTitForTat',
  origin: 'Wu & Axelrod (1995), J. Conflict Resolution 39; Boyd (1989)',
  description:
    'Tit For Tat that, after its own noise-made defection, accepts the retaliation without answering it until it has cooperated again.',
  memoryDepth: 3,
  usesNoise: true,
  create: () => new ContriteTitForTatPlayer(),
});

class OmegaTFTPlayer implements Player {
  private randomness = 0;
  private deadlock = 0;
  constructor(
    private readonly deadlockThreshold: number,
    private readonly randomnessThreshold: number,
  ) {}
  play(h: History): Action {
    if (h.turn === 0) return C;
    if (h.turn === 1) return h.opponentAgo(1) as Action;
    const threshold = this.deadlockThreshold;
    if (this.deadlock >= threshold) {
      this.deadlock = this.deadlock === threshold ? threshold + 1 : 0;
      return C;
    }
    const last = h.opponentAgo(1);
    const before = h.opponentAgo(2);
    if (last === C && before === C) this.randomness--;
    if (last !== before) this.randomness++;
    if (h.ownAgo(1) !== last) this.randomness++;
    if (this.randomness >= this.randomnessThreshold) return D;
    this.deadlock = last !== before ? this.deadlock + 1 : 0;
    return last as Action;
  }
}

export const OmegaTFT = parameterised({
  name: 'Omega TFT',
  className: 'OmegaTFT',
  origin:
    'Slany & Kienreich (2007), in Kendall, Yao & Chong (eds.), The Iterated Prisoners’ Dilemma: 20 Years On',
  parameters: [
    {
      name: 'deadlock_threshold',
      kind: 'whole',
      default: 3,
      description: 'alternations of the opponent (C/D deadlock) after which it cooperates to break the loop',
    },
    {
      name: 'randomness_threshold',
      kind: 'whole',
      default: 8,
      description: 'value of its randomness count at which it defects for ever',
    },
  ],
  rule: ([deadlock, randomness]) => ({
    description:
      deadlock === 3 && randomness === 8
        ? 'Tit For Tat that breaks C/D deadlock loops and defects for ever against apparently random opponents.'
        : `Tit For Tat that breaks C/D deadlock loops (after ${deadlock} alternations) and defects for ever against apparently random opponents (randomness count ${randomness}).`,
    memoryDepth: Infinity,
    create: () => new OmegaTFTPlayer(deadlock as number, randomness as number),
  }),
});

/**
 * Adaptive Tit For Tat with adaptation rate r: w ← w + r(1 − w) after C,
 * w ← w − r·w after D. The library starts the image at w₀ = r (which is
 * its documented 0.5 for the default rate), so this one does too.
 */
class AdaptiveTitForTatPlayer implements Player {
  private world: number;
  constructor(private readonly rate: number) {
    this.world = rate;
  }
  play(h: History): Action {
    if (h.turn === 0) return C;
    if (h.opponentAgo(1) === C) this.world += this.rate * (1 - this.world);
    else this.world -= this.rate * this.world;
    return this.world >= 0.5 ? C : D;
  }
}

export const AdaptiveTitForTat = parameterised({
  name: 'Adaptive Tit For Tat',
  className: 'AdaptiveTitForTat',
  origin: 'Tzafestas (2000), "Toward adaptive cooperative behavior", SAB 2000',
  parameters: [
    {
      name: 'rate',
      kind: 'probability',
      default: 0.5,
      description: 'adaptation rate r of its image of the opponent (also the starting image, as the library)',
    },
  ],
  rule: ([rate]) => {
    const r = formatParameterValue(rate as number);
    return {
      description: `Keeps an image w of the opponent (w ← w + ${r}(1−w) after C, w ← w − ${r}w after D, w₀ = ${r}) and cooperates while w ≥ 0.5.`,
      memoryDepth: Infinity,
      create: () => new AdaptiveTitForTatPlayer(rate as number),
    };
  },
});
