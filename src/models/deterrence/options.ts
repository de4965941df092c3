/**
 * Parameters of the exchange and stability model that are not properties of a
 * world (doctrine, damage and cost functions, search). Defaults and their
 * sources are tabulated in docs/models/deterrence.md, "Parameters".
 */
import type { Basing } from '../../world/forces.js';
import type { LethalRadiusFormula } from './counterforce.js';
import { KENT_THALER_EXPONENT, KENT_THALER_SURCHARGE } from './stability.js';

export type Posture = 'day-to-day' | 'generated';

export interface DeterrenceOptions {
  /** Lethal-radius formula for SSPK: the 2.62 rule or Brown's fit. */
  readonly formula: LethalRadiusFormula;
  /** Most warheads aimed at one aim point (fratricide); Richelson 1980: two per silo. */
  readonly fratricideLimit: number;
  /** Both sides' alert posture: which escape share (alertDayToDay or alertGenerated) applies. */
  readonly posture: Posture;
  /** Share of its escaped (non-silo) forces a first striker launches; Kent & Thaler p. 34 (transcribed): 0.9. */
  readonly strikerSurvivableShare: number;
  /** Basings whose warheads are prompt enough for counterforce (bombers are slow and excluded by default). */
  readonly counterforceBasings: readonly Basing[];
  /** Hardness used for a non-silo aim point without its own hardnessPsi, psi. */
  readonly softTargetHardnessPsi: number;
  /** Delivered warheads that destroy 80% of an actor's value (assumption; see the docs). */
  readonly valueWarheads80: number;
  /** Per-actor overrides of valueWarheads80. */
  readonly valueWarheads80By: Readonly<Record<string, number>>;
  /** Kent–Thaler cost exponent e. */
  readonly costExponent: number;
  /** Kent–Thaler surcharge s for leaving the enemy's value intact. */
  readonly costSurcharge: number;
  /** Attack sizes tried by the stop rule: evenly spaced from 0 to every useful counterforce warhead; then ±½ and ±¼ step around the best. */
  readonly searchPoints: number;
  /**
   * Fixed share of its useful counterforce warheads the striker spends, instead
   * of Kent & Thaler's cost-minimising stop rule (undefined: the stop rule).
   */
  readonly counterforceShare?: number | undefined;
  /** Actors whose missile defenses are switched off. */
  readonly disableDefenses: readonly string[];
  /** Which pairs `allDyads` studies: those that can reach each other, or every pair of armed actors. */
  readonly dyads: 'mutual-reach' | 'all';
}

export const DEFAULT_OPTIONS: DeterrenceOptions = {
  formula: 'cookie-cutter',
  fratricideLimit: 2,
  posture: 'generated',
  strikerSurvivableShare: 0.9,
  counterforceBasings: ['silo', 'road-mobile', 'rail-mobile', 'slbm'],
  softTargetHardnessPsi: 10,
  valueWarheads80: 200,
  valueWarheads80By: {},
  costExponent: KENT_THALER_EXPONENT,
  costSurcharge: KENT_THALER_SURCHARGE,
  searchPoints: 9,
  disableDefenses: [],
  dyads: 'mutual-reach',
};

/** Fills unspecified options with the defaults. */
export function resolveOptions(options: Partial<DeterrenceOptions> = {}): DeterrenceOptions {
  return { ...DEFAULT_OPTIONS, ...options };
}

/** Numeric options that sweeps and elasticities may vary, with their valid ranges. */
export const NUMERIC_OPTIONS = {
  fratricideLimit: { min: 1, max: 100, integer: true },
  strikerSurvivableShare: { min: 0, max: 1, integer: false },
  softTargetHardnessPsi: { min: 0.1, max: 1e6, integer: false },
  valueWarheads80: { min: 1e-6, max: 1e9, integer: false },
  costExponent: { min: 1e-6, max: 10, integer: false },
  costSurcharge: { min: 0, max: 10, integer: false },
} as const satisfies Record<string, { min: number; max: number; integer: boolean }>;
export type NumericOption = keyof typeof NUMERIC_OPTIONS;
