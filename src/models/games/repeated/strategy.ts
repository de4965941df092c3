/**
 * What a strategy is (after the Axelrod library, Knight et al. 2016): a small
 * unit with a name, its origin in the literature, a classifier, and a factory
 * that makes a fresh player for each match. Players see a {@link History}
 * (their own record and their record of the opponent, as they perceive it)
 * and return the next action. The engine owns the history and updates it in
 * place, so playing a turn allocates nothing.
 */
import type { Rng } from '../../../core/rng.js';
import { type Action, C, D, type StageGame } from './game.js';
import { formatParameterValue, type ParameterValue, type StrategyParameter } from './parameters.js';

/**
 * One player's record of a match so far. `own[t]` and `opponent[t]` for
 * t < `turn` are the actions of turn t as this player has them on record:
 * with misperception the opponent's record can differ from what the opponent
 * did, and with consultation an error can be corrected before the next move
 * (see match.ts).
 */
export class History {
  /** Turns completed so far (the length of the record). */
  turn = 0;
  own: Uint8Array;
  opponent: Uint8Array;
  ownCooperations = 0;
  ownDefections = 0;
  opponentCooperations = 0;
  opponentDefections = 0;
  /** The match length if the players are told it, else `Infinity`. */
  length = Infinity;

  constructor(capacity: number) {
    this.own = new Uint8Array(capacity);
    this.opponent = new Uint8Array(capacity);
  }

  /** Clears the record for a new match of at most `capacity` turns. */
  reset(capacity: number, length: number): void {
    if (capacity > this.own.length) {
      this.own = new Uint8Array(capacity);
      this.opponent = new Uint8Array(capacity);
    }
    this.turn = 0;
    this.ownCooperations = 0;
    this.ownDefections = 0;
    this.opponentCooperations = 0;
    this.opponentDefections = 0;
    this.length = length;
  }

  /** Appends a turn. */
  push(own: number, opponent: number): void {
    const t = this.turn;
    this.own[t] = own;
    this.opponent[t] = opponent;
    if (own === C) this.ownCooperations++;
    else this.ownDefections++;
    if (opponent === C) this.opponentCooperations++;
    else this.opponentDefections++;
    this.turn = t + 1;
  }

  /** The opponent's action `k` turns ago (k = 1 is the last turn). */
  opponentAgo(k: number): number {
    return this.opponent[this.turn - k] as number;
  }

  /** My action `k` turns ago (k = 1 is the last turn). */
  ownAgo(k: number): number {
    return this.own[this.turn - k] as number;
  }
}

/** A player inside one match: keeps whatever state its rule needs. */
export interface Player {
  /** The next action, given the record so far and the match's random stream. */
  play(history: History, rng: Rng): Action;
}

/** What the rule depends on, as the Axelrod library classifies strategies. */
export interface Classifier {
  /** How many past turns the rule looks at; `Infinity` for unbounded memory. */
  readonly memoryDepth: number;
  /** Whether the rule draws random numbers. */
  readonly stochastic: boolean;
  /** Whether it reads the stage game's payoffs (`game`) or the announced match length (`length`). */
  readonly makesUseOf: readonly ('game' | 'length')[];
  /** Whether it reacts to its own implementation errors (noise). */
  readonly usesNoise: boolean;
}

/** A strategy: a named rule with its origin and classifier. */
export interface Strategy {
  /** The name exactly as the Axelrod library spells it, e.g. `Tit For Tat`. */
  readonly name: string;
  /** The Axelrod library's class name, e.g. `TitForTat`, accepted as an alias. */
  readonly className: string;
  /** Where the rule comes from (paper, tournament). */
  readonly origin: string;
  /** One-sentence description of the rule. */
  readonly description: string;
  readonly classifier: Classifier;
  /** A fresh player for one match of the given stage game. */
  create(game: StageGame): Player;
  /**
   * The parameters the rule takes, in the order of the Axelrod library's
   * constructor (`Random(p)`, `Cycler(cycle)`); empty for a rule without any.
   */
  readonly parameters: readonly StrategyParameter[];
  /** How a name with parameters is written, e.g. `Random: <p>`; absent without parameters. */
  readonly usage?: string;
  /**
   * The same rule with other parameter values (one per parameter, in order,
   * already checked against their kinds; `null` keeps a default that the
   * rule derives from the game). All defaults give this very record.
   */
  readonly withParameters?: (values: readonly (ParameterValue | null)[]) => Strategy;
}

/** Builds a strategy record with defaults for the classifier's optional parts. */
export function strategy(s: {
  name: string;
  className: string;
  origin: string;
  description: string;
  memoryDepth: number;
  stochastic?: boolean;
  makesUseOf?: readonly ('game' | 'length')[];
  usesNoise?: boolean;
  create: (game: StageGame) => Player;
}): Strategy {
  return Object.freeze({
    name: s.name,
    className: s.className,
    origin: s.origin,
    description: s.description,
    classifier: Object.freeze({
      memoryDepth: s.memoryDepth,
      stochastic: s.stochastic ?? false,
      makesUseOf: s.makesUseOf ?? [],
      usesNoise: s.usesNoise ?? false,
    }),
    create: s.create,
    parameters: [],
  });
}

/** What a parameterised rule is for given values: its description, classifier and players. */
export interface Rule {
  readonly description: string;
  readonly memoryDepth: number;
  readonly stochastic?: boolean;
  readonly makesUseOf?: readonly ('game' | 'length')[];
  readonly usesNoise?: boolean;
  /** The class name of a configured record when it differs from the default's (a general `Cycler`). */
  readonly className?: string;
  /** The origin of a configured record when it differs from the default's. */
  readonly origin?: string;
  readonly create: (game: StageGame) => Player;
}

/**
 * Builds a strategy that takes parameters, as the Axelrod library's
 * `Player.__init__` keywords: the record for the default values (named
 * `name`), and `withParameters` for any others, named as the library's
 * `repr` names a configured player — `Name: v1, v2, …` with every value in
 * order (values that are `null`, left for the game to decide, are left out).
 * `nameFor` overrides the naming (`Cycler CCDD`). The name of a configured
 * record reads back to the same values (registry.ts).
 *
 * @example
 * const random = parameterised({ name: 'Random', className: 'Random', origin: '…',
 *   parameters: [{ name: 'p', kind: 'probability', default: 0.5, description: '…' }],
 *   rule: ([p]) => ({ description: '…', memoryDepth: 0, create: … }) });
 * random.withParameters!([0.3]).name; // => 'Random: 0.3'
 */
export function parameterised(s: {
  name: string;
  className: string;
  origin: string;
  parameters: readonly StrategyParameter[];
  usage?: string;
  nameFor?: (values: readonly (ParameterValue | null)[]) => string;
  /** The rule for these values; `name` is the record's name, for its messages. */
  rule: (values: readonly (ParameterValue | null)[], name: string) => Rule;
}): Strategy {
  const parameters = Object.freeze(s.parameters.map((p) => Object.freeze({ ...p })));
  const defaults = parameters.map((p) => p.default);
  const usage = s.usage ?? `${s.name}: ${parameters.map((p) => `<${p.name}>`).join(', ')}`;
  const nameFor =
    s.nameFor ??
    ((values: readonly (ParameterValue | null)[]) =>
      `${s.name}: ${values
        .filter((v): v is ParameterValue => v !== null)
        .map(formatParameterValue)
        .join(', ')}`);
  const make = (values: readonly (ParameterValue | null)[], name: string, configured: boolean): Strategy => {
    const r = s.rule(values, name);
    const record = strategy({
      name,
      className: configured ? (r.className ?? s.className) : s.className,
      origin: configured ? (r.origin ?? s.origin) : s.origin,
      description: r.description,
      memoryDepth: r.memoryDepth,
      ...(r.stochastic === undefined ? {} : { stochastic: r.stochastic }),
      ...(r.makesUseOf === undefined ? {} : { makesUseOf: r.makesUseOf }),
      ...(r.usesNoise === undefined ? {} : { usesNoise: r.usesNoise }),
      create: r.create,
    });
    return Object.freeze({ ...record, parameters, usage, withParameters });
  };
  const base = make(defaults, s.name, false);
  function withParameters(values: readonly (ParameterValue | null)[]): Strategy {
    if (values.length === defaults.length && values.every((v, i) => v === defaults[i])) return base;
    return make(values, nameFor(values), true);
  }
  return base;
}

/**
 * C with probability p, else D. As in the Axelrod library, p = 0 and p = 1
 * draw no random number, so deterministic rules stay deterministic.
 */
export function randomChoice(rng: Rng, p: number): Action {
  if (p <= 0) return D;
  if (p >= 1) return C;
  return rng.next() < p ? C : D;
}

/** The opposite action. */
export function flip(a: number): Action {
  return a === C ? D : C;
}

/** A player whose rule is a pure function of the record (no state of its own). */
export function stateless(play: (h: History, rng: Rng) => Action): (game: StageGame) => Player {
  const player: Player = { play };
  return () => player;
}
