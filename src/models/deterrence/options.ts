/**
 * Parameters of the exchange and stability model that are not properties of a
 * world (doctrine, damage and cost functions, search). Defaults and their
 * sources are tabulated in docs/models/deterrence.md, "Parameters".
 */
import { ConcertError, type Problem } from '../../core/errors.js';
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
  /**
   * Damage model: `cities` = the share of the victim's city population within the lethal areas of the
   * delivered warheads (damage.ts; actors without cities fall back to the exponential stand-in);
   * `exponential` = D = 1 − 5^(−x/w80) for every actor (the earlier stand-in).
   */
  readonly damageModel: 'cities' | 'exponential';
  /** Lethal (fatality-equivalent) area of a 1 Mt warhead, km², scaled by Y^(2/3): OTA (1979) rings, see the docs. */
  readonly lethalAreaKm2PerMt23: number;
  /** Central population density of every city in Clark's model, people per km² (assumption). */
  readonly centralDensityPerKm2: number;
  /** Delivered warheads that destroy 80% of an actor's value (exponential damage model; assumption). */
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
  /** Sensors switched off, as `ACTOR.SENSOR` (e.g. `USA.TPY-2-Korea`): their tracks and cues are not used. */
  readonly disableSensors: readonly string[];
  /** Sensors switched on although the world marks them `enabled: false`, as `ACTOR.SENSOR` (disableSensors wins). */
  readonly enableSensors: readonly string[];
  /** Which pairs `allDyads` studies: those that can reach each other, or every pair of armed actors. */
  readonly dyads: 'mutual-reach' | 'all';
}

/**
 * Fatality-weighted area of a 1 Mt surface burst, km²: OTA, The Effects of
 * Nuclear War (1979), Detroit case — 98% killed within the 12 psi ring (1.7 mi),
 * 50% between 12 and 5 psi (2.7 mi), 5% between 5 and 2 psi (4.7 mi):
 * π[0.98·1.7² + 0.5·(2.7² − 1.7²) + 0.05·(4.7² − 2.7²)] = 18.13 sq mi = 46.97 km².
 */
export const OTA_LETHAL_AREA_KM2_PER_MT23 =
  Math.PI * (0.98 * 1.7 ** 2 + 0.5 * (2.7 ** 2 - 1.7 ** 2) + 0.05 * (4.7 ** 2 - 2.7 ** 2)) * 2.589988110336;

export const DEFAULT_OPTIONS: DeterrenceOptions = {
  formula: 'cookie-cutter',
  fratricideLimit: 2,
  posture: 'generated',
  strikerSurvivableShare: 0.9,
  counterforceBasings: ['silo', 'road-mobile', 'rail-mobile', 'slbm'],
  softTargetHardnessPsi: 10,
  damageModel: 'cities',
  lethalAreaKm2PerMt23: OTA_LETHAL_AREA_KM2_PER_MT23,
  centralDensityPerKm2: 10_000,
  valueWarheads80: 200,
  valueWarheads80By: {},
  costExponent: KENT_THALER_EXPONENT,
  costSurcharge: KENT_THALER_SURCHARGE,
  searchPoints: 9,
  disableDefenses: [],
  disableSensors: [],
  enableSensors: [],
  dyads: 'mutual-reach',
};

/**
 * Fills unspecified options with the defaults and checks them against their
 * domains: known formula, posture and dyad rule; counterforce basings and
 * disabled defenses as lists; probabilities in [0, 1]; hardness, damage
 * scale and cost exponent > 0; surcharge ≥ 0; a fratricide limit and search
 * points ≥ 1. (The narrower slider ranges of {@link NUMERIC_OPTIONS} are for
 * sweeps and overrides.)
 *
 * @throws {ConcertError} bad input at `['options', name]` for each option out
 *   of its domain.
 * @example
 * resolveOptions({ posture: 'day-to-day' }).searchPoints; // => 9
 */
export function resolveOptions(options: Partial<DeterrenceOptions> = {}): DeterrenceOptions {
  const o = { ...DEFAULT_OPTIONS, ...options };
  const problems = optionProblems(o);
  if (problems.length > 0) throw new ConcertError('bad-input', problems);
  return o;
}

function optionProblems(o: DeterrenceOptions): Problem[] {
  const problems: Problem[] = [];
  const bad = (name: keyof DeterrenceOptions, expected: string) =>
    problems.push({
      path: ['options', name],
      message: `expected ${expected}; got ${JSON.stringify(o[name])}`,
    });
  const inRange = (x: unknown, lo: number, hi: number, open = false) =>
    typeof x === 'number' && Number.isFinite(x) && (open ? x > lo : x >= lo) && x <= hi;
  if (o.formula !== 'cookie-cutter' && o.formula !== 'brown') bad('formula', 'cookie-cutter or brown');
  if (o.posture !== 'generated' && o.posture !== 'day-to-day') bad('posture', 'generated or day-to-day');
  if (o.dyads !== 'mutual-reach' && o.dyads !== 'all') bad('dyads', 'mutual-reach or all');
  if (o.damageModel !== 'cities' && o.damageModel !== 'exponential')
    bad('damageModel', 'cities or exponential');
  if (!inRange(o.lethalAreaKm2PerMt23, 0, Number.MAX_VALUE, true))
    bad('lethalAreaKm2PerMt23', 'an area > 0 km²');
  if (!inRange(o.centralDensityPerKm2, 0, Number.MAX_VALUE, true))
    bad('centralDensityPerKm2', 'a density > 0 per km²');
  if (!Array.isArray(o.counterforceBasings)) bad('counterforceBasings', 'a list of basings');
  if (!Array.isArray(o.disableDefenses)) bad('disableDefenses', 'a list of actor ids');
  if (!Array.isArray(o.disableSensors)) bad('disableSensors', 'a list of ACTOR.SENSOR ids');
  if (!Array.isArray(o.enableSensors)) bad('enableSensors', 'a list of ACTOR.SENSOR ids');
  if (!inRange(o.fratricideLimit, 1, Number.POSITIVE_INFINITY)) bad('fratricideLimit', 'a number ≥ 1');
  if (!inRange(o.strikerSurvivableShare, 0, 1)) bad('strikerSurvivableShare', 'a share in [0, 1]');
  if (!inRange(o.softTargetHardnessPsi, 0, Number.MAX_VALUE, true)) bad('softTargetHardnessPsi', 'psi > 0');
  if (!inRange(o.valueWarheads80, 0, Number.MAX_VALUE, true)) bad('valueWarheads80', 'warheads > 0');
  for (const [id, w] of Object.entries(o.valueWarheads80By ?? {}))
    if (!inRange(w, 0, Number.MAX_VALUE, true))
      problems.push({
        path: ['options', 'valueWarheads80By', id],
        message: `expected warheads > 0; got ${w}`,
      });
  if (!inRange(o.costExponent, 0, Number.MAX_VALUE, true)) bad('costExponent', 'an exponent > 0');
  if (!inRange(o.costSurcharge, 0, Number.MAX_VALUE)) bad('costSurcharge', 'a surcharge ≥ 0');
  if (!inRange(o.searchPoints, 1, Number.MAX_VALUE)) bad('searchPoints', 'a number of points ≥ 1');
  if (o.counterforceShare !== undefined && !inRange(o.counterforceShare, 0, 1))
    bad('counterforceShare', 'a share in [0, 1]');
  return problems;
}

/** Numeric options that sweeps and elasticities may vary, with their valid ranges. */
export const NUMERIC_OPTIONS = {
  fratricideLimit: { min: 1, max: 100, integer: true },
  strikerSurvivableShare: { min: 0, max: 1, integer: false },
  softTargetHardnessPsi: { min: 0.1, max: 1e6, integer: false },
  valueWarheads80: { min: 1e-6, max: 1e9, integer: false },
  lethalAreaKm2PerMt23: { min: 0.01, max: 10_000, integer: false },
  centralDensityPerKm2: { min: 1, max: 1e6, integer: false },
  costExponent: { min: 1e-6, max: 10, integer: false },
  costSurcharge: { min: 0, max: 10, integer: false },
} as const satisfies Record<string, { min: number; max: number; integer: boolean }>;
export type NumericOption = keyof typeof NUMERIC_OPTIONS;
