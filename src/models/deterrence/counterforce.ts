/**
 * Counterforce arithmetic: lethality, lethal radius, single-shot kill
 * probability (SSPK), reliability and several warheads per target.
 *
 * References: Richelson, "Evaluating the Strategic Balance", AJPS 24(4), 1980,
 * pp. 782–790 and footnote 8 (Brown 1976); the 2.62 lethal-radius rule and the
 * circular-normal SSPK chain as used in public SSPK calculators (see
 * docs/models/deterrence.md, "Counterforce").
 */
import { ConcertError, type Problem } from '../../core/errors.js';

/** Metres per nautical mile. */
export const METRES_PER_NMI = 1852;

/** Lowest hardness (psi) at which Brown's fit is used; below it its bracket turns negative near 2–4 psi. */
export const BROWN_MIN_HARDNESS_PSI = 10;

/** Lethal-radius formula: the 2.62 rule (cookie-cutter kill, circular-normal miss) or Brown's 1976 fit. */
export type LethalRadiusFormula = 'cookie-cutter' | 'brown';

/**
 * Richelson's lethality (counter-military potential) of one warhead:
 * K = Y^(2/3) / CEP², Y in megatons, CEP in nautical miles (Richelson 1980, p. 786).
 */
export function lethalityK(yieldMt: number, cepNmi: number): number {
  return yieldMt ** (2 / 3) / (cepNmi * cepNmi);
}

/**
 * How equivalent megatonnage treats yields above 1 Mt: `one-half` = Y^(1/2)
 * (Richelson 1980 after Groover et al. 1978: blast damage to area targets
 * grows more slowly above a megaton), `two-thirds` = Y^(2/3) at every yield
 * (the pure blast-area scaling it is compared with: a 25 Mt weapon counts 8.55
 * instead of 5).
 */
export type EmtConvention = 'one-half' | 'two-thirds';

/**
 * Equivalent megatonnage of `warheads` warheads of `yieldMt` each:
 * N·Y^(2/3) for Y ≤ 1 Mt and N·Y^(1/2) above (Richelson 1980, pp. 782–784,
 * after Groover et al. 1978), or N·Y^(2/3) throughout with `two-thirds`.
 *
 * @example
 * equivalentMegatonnage(0.04, 10); // Poseidon, 10 × 40 kt: ≈ 1.17 (Richelson: "≈ 1.2")
 * equivalentMegatonnage(25); // => 5; with 'two-thirds': 8.55
 */
export function equivalentMegatonnage(
  yieldMt: number,
  warheads = 1,
  convention: EmtConvention = 'one-half',
): number {
  return warheads * (yieldMt <= 1 || convention === 'two-thirds' ? yieldMt ** (2 / 3) : Math.sqrt(yieldMt));
}

/**
 * Counter-military potential (CMP) of `warheads` warheads: N·EMT(Y)/CEP², EMT
 * per warhead in Mt (convention as {@link equivalentMegatonnage}), CEP in
 * nautical miles — Richelson's lethality K = Y^(2/3)/CEP² summed over warheads
 * (1980, p. 786), with the EMT convention above 1 Mt. Suh (2022, eqs. 4–5)
 * uses Y^(4/5) below 0.2 Mt instead; that variant is not applied here.
 *
 * @example
 * counterMilitaryPotential(0.455, 90 / 1852); // W88 on Trident II: ≈ 250.5 (fixture brown-w88-2000psi K)
 */
export function counterMilitaryPotential(
  yieldMt: number,
  cepNmi: number,
  warheads = 1,
  convention: EmtConvention = 'one-half',
): number {
  return equivalentMegatonnage(yieldMt, warheads, convention) / (cepNmi * cepNmi);
}

/**
 * Area under at least 10 psi, square miles: 20 sq mi per Mt^(2/3) per warhead
 * (Richelson 1980, p. 783: "a 1 Mt burst puts 20 sq mi under ≥ 10 psi").
 */
export function tenPsiAreaSqMi(yieldMt: number, warheads = 1): number {
  return warheads * 20 * yieldMt ** (2 / 3);
}

/**
 * Brown's hardness factor f(h) = ln 2 / (0.068 h − 0.23 √h + 0.19)^(2/3), with
 * Pk = 1 − exp(−f(h)·K) (Richelson 1980, footnote 8, after Brown 1976). h in psi;
 * hardness below {@link BROWN_MIN_HARDNESS_PSI} is raised to it.
 */
export function brownHardnessFactor(hardnessPsi: number): number {
  return Math.LN2 / brownBracket(hardnessPsi) ** (2 / 3);
}

/** Kill probability from lethality: Pk = 1 − exp(−f·K) (Richelson 1980: two warheads of K kill like one of 2K). */
export function lethalityKillProbability(hardnessFactor: number, lethality: number): number {
  return -Math.expm1(-hardnessFactor * lethality);
}

/** Brown's kill probability of a warhead of lethality K (Mt^(2/3)/nmi²) against hardness h psi: 1 − exp(−f(h)·K). */
export function brownKillProbability(lethality: number, hardnessPsi: number): number {
  return lethalityKillProbability(brownHardnessFactor(hardnessPsi), lethality);
}

function brownBracket(hardnessPsi: number): number {
  const h = Math.max(hardnessPsi, BROWN_MIN_HARDNESS_PSI);
  return 0.068 * h - 0.23 * Math.sqrt(h) + 0.19;
}

/**
 * Lethal radius, metres, of a surface burst of `yieldKt` against a target of
 * `hardnessPsi`. `cookie-cutter`: LR[nmi] = 2.62·Y[Mt]^(1/3)/H^(1/3).
 * `brown`: LR[nmi] = Y[Mt]^(1/3)·(0.068h − 0.23√h + 0.19)^(−1/3), the radius
 * implied by Brown's Pk = 1 − exp(−f(h)K) in circular-normal form.
 */
export function lethalRadiusM(
  yieldKt: number,
  hardnessPsi: number,
  formula: LethalRadiusFormula = 'cookie-cutter',
): number {
  const yCube = Math.cbrt(yieldKt / 1000);
  const nmi =
    formula === 'brown'
      ? yCube / Math.cbrt(brownBracket(hardnessPsi))
      : (2.62 * yCube) / Math.cbrt(hardnessPsi);
  return nmi * METRES_PER_NMI;
}

/** Effective CEP with a bias B: √(CEP² + B²), metres (the calculators' approximation). */
export function effectiveCepM(cepM: number, biasM = 0): number {
  return Math.sqrt(cepM * cepM + biasM * biasM);
}

/**
 * Single-shot kill probability for a cookie-cutter lethal radius and a
 * circular-normal miss distance with CEP as its median:
 * SSPK = 1 − 0.5^((LR/CEP_eff)²) = 1 − exp(−ln 2·(LR/CEP_eff)²).
 */
export function sspk(lethalRadiusMetres: number, cepM: number, biasM = 0): number {
  const x = lethalRadiusMetres / effectiveCepM(cepM, biasM);
  return -Math.expm1(-Math.LN2 * x * x);
}

/** Terminal kill probability: SSPK × reliability (the warhead must arrive and detonate). */
export function terminalKillProbability(singleShotKill: number, reliability: number): number {
  return singleShotKill * reliability;
}

/**
 * Probability that at least one of n independent warheads kills the target,
 * 1 − (1 − TKP)^min(n, fratricideLimit): warheads beyond the fratricide limit
 * add nothing (Richelson 1980, p. 790: fratricide limits an attack to two per silo).
 */
export function killProbability(
  tkp: number,
  warheads: number,
  fratricideLimit = Number.POSITIVE_INFINITY,
): number {
  const n = Math.min(warheads, fratricideLimit);
  return 1 - (1 - tkp) ** n;
}

/** Kill probability of independent shots with different kill probabilities: 1 − Π(1 − p_i). */
export function combineKillProbabilities(probabilities: readonly number[]): number {
  let survive = 1;
  for (const p of probabilities) survive *= 1 - p;
  return 1 - survive;
}

/** Inputs of the single-target calculator {@link sspkCalculator}. */
export interface SspkInput {
  readonly yieldKt: number;
  readonly cepM: number;
  readonly hardnessPsi: number;
  readonly reliability?: number;
  readonly warheads?: number;
  readonly biasM?: number;
  readonly formula?: LethalRadiusFormula;
  readonly fratricideLimit?: number;
  /** Equivalent-megatonnage convention above 1 Mt (default `one-half`, Richelson 1980). */
  readonly emtConvention?: EmtConvention;
}

/** The single-target calculator's answer (JSON shape of `concert deterrence sspk`). */
export interface SspkResult {
  readonly lethalRadiusM: number;
  readonly sspk: number;
  readonly terminalKillProbability: number;
  readonly killProbability: number;
  readonly warheadsCounted: number;
  readonly formula: LethalRadiusFormula;
  /** Equivalent megatonnage of the `warheads` warheads, Mt (the convention asked for). */
  readonly equivalentMegatonnage: number;
  /** The same under the other convention above 1 Mt (equal at or below 1 Mt). */
  readonly equivalentMegatonnageAlternative: number;
  readonly emtConvention: EmtConvention;
  /** Counter-military potential N·EMT/CEP², Mt-equivalent per square nautical mile. */
  readonly counterMilitaryPotential: number;
  /** CEP in nautical miles (1 nmi = 1,852 m). */
  readonly cepNmi: number;
}

/**
 * The analyst's single-target chain: lethal radius → SSPK (with bias) →
 * TKP = SSPK × reliability → kill probability of n warheads, 1 − (1 − TKP)^n,
 * with n capped at the fratricide limit (default: no cap).
 *
 * @throws {ConcertError} bad input located at the field of `input`: a yield,
 *   CEP or hardness that is not > 0, a reliability outside [0, 1], a warhead
 *   count that is not a whole number ≥ 0, a negative bias, an unknown
 *   formula, or a fratricide limit below 1.
 * @example
 * sspkCalculator({ yieldKt: 300, cepM: 120, hardnessPsi: 2000 }).sspk; // ≈ 0.959
 */
export function sspkCalculator(input: SspkInput): SspkResult {
  const problems: Problem[] = [];
  const positive = (key: 'yieldKt' | 'cepM' | 'hardnessPsi', what: string) => {
    const x = input[key];
    if (!(Number.isFinite(x) && x > 0))
      problems.push({ path: [key], message: `expected ${what} > 0; got ${x}` });
  };
  positive('yieldKt', 'a yield (kt)');
  positive('cepM', 'a CEP (m)');
  positive('hardnessPsi', 'a hardness (psi)');
  const { reliability, biasM, formula: f, fratricideLimit } = input;
  if (reliability !== undefined && !(reliability >= 0 && reliability <= 1))
    problems.push({ path: ['reliability'], message: `expected a probability in [0, 1]; got ${reliability}` });
  const n = input.warheads;
  if (n !== undefined && !(Number.isSafeInteger(n) && n >= 0))
    problems.push({ path: ['warheads'], message: `expected a whole number of warheads ≥ 0; got ${n}` });
  if (biasM !== undefined && !(Number.isFinite(biasM) && biasM >= 0))
    problems.push({ path: ['biasM'], message: `expected a bias ≥ 0 m; got ${biasM}` });
  if (f !== undefined && f !== 'cookie-cutter' && f !== 'brown')
    problems.push({ path: ['formula'], message: `unknown formula "${f}": expected cookie-cutter or brown` });
  const conv = input.emtConvention;
  if (conv !== undefined && conv !== 'one-half' && conv !== 'two-thirds')
    problems.push({
      path: ['emtConvention'],
      message: `unknown convention "${conv}": expected one-half or two-thirds`,
    });
  if (fratricideLimit !== undefined && !(fratricideLimit >= 1))
    problems.push({ path: ['fratricideLimit'], message: `expected a limit ≥ 1; got ${fratricideLimit}` });
  if (problems.length > 0) throw new ConcertError('bad-input', problems);
  const formula = input.formula ?? 'cookie-cutter';
  const lr = lethalRadiusM(input.yieldKt, input.hardnessPsi, formula);
  const single = sspk(lr, input.cepM, input.biasM ?? 0);
  const tkp = terminalKillProbability(single, input.reliability ?? 1);
  const warheads = input.warheads ?? 1;
  const counted = Math.min(warheads, input.fratricideLimit ?? Number.POSITIVE_INFINITY);
  const emtConvention = input.emtConvention ?? 'one-half';
  const other: EmtConvention = emtConvention === 'one-half' ? 'two-thirds' : 'one-half';
  const yieldMt = input.yieldKt / 1000;
  const cepNmi = input.cepM / METRES_PER_NMI;
  return {
    lethalRadiusM: lr,
    sspk: single,
    terminalKillProbability: tkp,
    killProbability: killProbability(tkp, counted),
    warheadsCounted: counted,
    formula,
    equivalentMegatonnage: equivalentMegatonnage(yieldMt, warheads, emtConvention),
    equivalentMegatonnageAlternative: equivalentMegatonnage(yieldMt, warheads, other),
    emtConvention,
    counterMilitaryPotential: counterMilitaryPotential(yieldMt, cepNmi, warheads, emtConvention),
    cepNmi,
  };
}
