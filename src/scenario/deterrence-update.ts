/**
 * Deterrence, step 2 of the year (docs/models/scenario.md, rule D1): for each
 * nuclear dyad, the current force postures (launchers scaled by the arms
 * dynamics and by events, interceptors capped by treaties) go to a
 * {@link DeterrenceEvaluator} — models/deterrence's exchange and Kent–Thaler
 * first-strike stability — which returns the dyad's first-strike stability
 * and each side's damage-limiting capacity against the other.
 *
 * Launcher counts are taken at force scales rounded to {@link SCALE_STEP}, so
 * that the evaluator (a pure function) can be cached: evaluations repeat
 * across years and runs whenever the rounded postures repeat.
 */
import type { Defenses, Forces } from '../world/forces.js';
import type { SimState } from './state.js';

/** One side's posture as the evaluator sees it. */
export interface Posture {
  readonly id: string;
  readonly forces: Forces;
  readonly defenses: Defenses;
}

/** What the evaluator returns for a dyad (a, b). */
export interface DyadEvaluation {
  /** Kent–Thaler first-strike stability of the dyad, in [0, 1] (1 = neither side gains by striking first). */
  readonly firstStrikeStability: number;
  /** Share of b's retaliation that a prevents by striking first (counterforce, then a's defenses), in [0, 1]. */
  readonly damageLimitationAB: number;
  /** Share of a's retaliation that b prevents by striking first, in [0, 1]. */
  readonly damageLimitationBA: number;
}

/** The deterrence coupling's interface: a pure function of two postures. */
export interface DeterrenceEvaluator {
  /** A short name for docs and run metadata (e.g. `kent-thaler-1989`). */
  readonly name: string;
  evaluate(a: Posture, b: Posture): DyadEvaluation;
}

/** Resolution of force scales for evaluation (1% of the starting force). */
export const SCALE_STEP = 0.01;

/** Largest number of cached evaluations per evaluator (oldest dropped first). */
const CACHE_LIMIT = 50_000;

/** Wraps an evaluator with a bounded memo keyed by the two postures' contents. */
export function cachedEvaluator(
  inner: DeterrenceEvaluator,
): DeterrenceEvaluator & { readonly size: () => number } {
  const cache = new Map<string, DyadEvaluation>();
  return {
    name: inner.name,
    size: () => cache.size,
    evaluate(a, b) {
      const key = `${postureKey(a)}#${postureKey(b)}`;
      let r = cache.get(key);
      if (r === undefined) {
        r = inner.evaluate(a, b);
        if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value as string);
        cache.set(key, r);
      }
      return r;
    },
  };
}

function postureKey(p: Posture): string {
  let k = p.id;
  for (const [id, s] of Object.entries(p.forces.systems)) k += `|${id}:${s.launchers}`;
  for (const [id, d] of Object.entries(p.defenses)) k += `|${id}:${d.interceptors}:${d.coverage.length}`;
  return k;
}

/** The posture of actor i in the current state. */
export function posture(state: SimState, i: number): Posture | undefined {
  const base = state.baseForces[i];
  if (!base) return undefined;
  const scale = Math.round(state.forceScale[i]! / SCALE_STEP) * SCALE_STEP;
  const factors = state.systemFactor[i]!;
  const systems: Forces['systems'] = {};
  for (const [id, sys] of Object.entries(base.systems)) {
    systems[id] = { ...sys, launchers: Math.max(0, Math.round(sys.launchers * (factors[id] ?? 1) * scale)) };
  }
  const forces: Forces = { ...base, systems };
  let defenses = state.defenses[i]!;
  const cap = state.interceptorCap[i]!;
  if (Number.isFinite(cap)) {
    let total = 0;
    for (const d of Object.values(defenses)) total += d.interceptors;
    if (total > cap) {
      const f = cap / total;
      defenses = Object.fromEntries(
        Object.entries(defenses).map(([id, d]) => [
          id,
          { ...d, interceptors: Math.floor(d.interceptors * f) },
        ]),
      );
    }
  }
  return { id: state.actors[i]!, forces, defenses };
}

/**
 * Evaluates every nuclear dyad; keeps last year's damage limitation for the
 * threat-perception rule. Non-nuclear dyads keep stability 1 and no damage
 * limitation.
 */
export function updateDeterrence(state: SimState, evaluator: DeterrenceEvaluator): void {
  const n = state.n;
  state.previousDamageLimitation.set(state.damageLimitation);
  const postures = state.actors.map((_, i) => (state.nuclear[i] ? posture(state, i) : undefined));
  for (let i = 0; i < n; i++) {
    const a = postures[i];
    if (!a) continue;
    for (let j = i + 1; j < n; j++) {
      const b = postures[j];
      if (!b) continue;
      const r = evaluator.evaluate(a, b);
      state.firstStrikeStability[i * n + j] = r.firstStrikeStability;
      state.firstStrikeStability[j * n + i] = r.firstStrikeStability;
      state.damageLimitation[i * n + j] = r.damageLimitationAB;
      state.damageLimitation[j * n + i] = r.damageLimitationBA;
    }
  }
}
