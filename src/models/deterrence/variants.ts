/**
 * What missile defenses do to a dyad: each strike order as given and with the
 * defenses of the first striker, of the defender, or of both switched off
 * (`disableDefenses`), with the first-strike stability of each variant.
 */
import type { World } from '../../world/schema.js';
import { checkActors } from './actors.js';
import { type CompiledActor, compileActor } from './compile.js';
import { type DyadResult, dyadCompiled } from './dyad.js';
import type { ExchangeResult } from './exchange.js';
import { type DeterrenceOptions, resolveOptions } from './options.js';

/** The defense variants of a strike order, in the order they are reported, with their labels. */
export const DEFENSE_VARIANTS = [
  { key: 'asGiven', label: 'as given' },
  { key: 'withoutAttackerDefenses', label: 'without the first striker’s defenses' },
  { key: 'withoutDefenderDefenses', label: 'without the defender’s defenses' },
  { key: 'withoutDefenses', label: 'without any defenses' },
] as const;

/** One of the {@link DEFENSE_VARIANTS} keys. */
export type DefenseVariant = (typeof DEFENSE_VARIANTS)[number]['key'];

/** A strike order in a dyad whose defenses were partly switched off. */
export interface VariantOutcome {
  /** The strike order with the same first striker, in the varied dyad. */
  readonly exchange: ExchangeResult;
  /** The varied dyad's first-strike stability. */
  readonly firstStrikeStability: number;
}

/** One strike order of a dyad, as given and under each defense variant. */
export interface StrikeOrderVariants {
  readonly attacker: string;
  readonly defender: string;
  readonly asGiven: ExchangeResult;
  readonly variants: {
    readonly withoutAttackerDefenses: VariantOutcome;
    readonly withoutDefenderDefenses: VariantOutcome;
    readonly withoutDefenses: VariantOutcome;
  };
}

/** A dyad as given, and both strike orders under each defense variant. */
export interface DyadVariants {
  readonly dyad: DyadResult;
  /** A strikes first, then B strikes first. */
  readonly orders: readonly [StrikeOrderVariants, StrikeOrderVariants];
}

/**
 * The dyad a–b as given and with defenses switched off: the attacker's, the
 * defender's or both, for each strike order. A variant adds the actor(s) to
 * `options.disableDefenses`; its `exchange` is the varied dyad's strike order
 * with the same first striker. Four distinct dyads are computed (as given,
 * without A's, without B's, without both defenses), each once, and each
 * actor is compiled once with and once without its defenses.
 *
 * @throws {ConcertError} bad input when `a` or `b` is not an actor of the
 *   world (path `['a']` or `['b']`), or both are the same actor.
 * @example
 * const v = dyadVariants(world, 'USA', 'RUS');
 * v.orders[0].variants.withoutDefenses.exchange.retaliatoryWarheadsDelivered; // RUS retaliation, no defenses
 */
export function dyadVariants(
  world: World,
  a: string,
  b: string,
  options: Partial<DeterrenceOptions> = {},
): DyadVariants {
  const [actorA, actorB] = checkActors(world, a, b, [['a'], ['b']]);
  const o = resolveOptions(options);
  const without = (id: string): DeterrenceOptions => ({ ...o, disableDefenses: [...o.disableDefenses, id] });
  const A: readonly [CompiledActor, CompiledActor] = [
    compileActor(a, actorA, o),
    compileActor(a, actorA, without(a)),
  ];
  const B: readonly [CompiledActor, CompiledActor] = [
    compileActor(b, actorB, o),
    compileActor(b, actorB, without(b)),
  ];
  const asGiven = dyadCompiled(A[0], B[0], o);
  const withoutA = dyadCompiled(A[1], B[0], o);
  const withoutB = dyadCompiled(A[0], B[1], o);
  const withoutBoth = dyadCompiled(A[1], B[1], o);
  const outcome = (d: DyadResult, aFirst: boolean): VariantOutcome => ({
    exchange: aFirst ? d.aFirst : d.bFirst,
    firstStrikeStability: d.firstStrikeStability,
  });
  return {
    dyad: asGiven,
    orders: [
      {
        attacker: a,
        defender: b,
        asGiven: asGiven.aFirst,
        variants: {
          withoutAttackerDefenses: outcome(withoutA, true),
          withoutDefenderDefenses: outcome(withoutB, true),
          withoutDefenses: outcome(withoutBoth, true),
        },
      },
      {
        attacker: b,
        defender: a,
        asGiven: asGiven.bFirst,
        variants: {
          withoutAttackerDefenses: outcome(withoutB, false),
          withoutDefenderDefenses: outcome(withoutA, false),
          withoutDefenses: outcome(withoutBoth, false),
        },
      },
    ],
  };
}
