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
import type { Defenses, Forces, Sensors } from '../world/forces.js';
import type { SimState } from './state.js';

/** One side's posture as the evaluator sees it. */
export interface Posture {
  readonly id: string;
  /** Identifies the posture's content (equal keys, equal postures), for caching. */
  readonly key: string;
  readonly forces: Forces;
  readonly defenses: Defenses;
  /** The actor's sensors (switched by events); absent: the world's. */
  readonly sensors?: Sensors;
  /**
   * True when the posture carries the run's own deterrence draws: its
   * evaluations are memoised for that run only and not shared with other
   * threads (no other run has the same draws).
   */
  readonly local?: boolean;
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

/** A copy of an evaluation made here (evaluations from other threads arrive with other object shapes). */
export function dyadEvaluation(e: DyadEvaluation): DyadEvaluation {
  return {
    firstStrikeStability: e.firstStrikeStability,
    damageLimitationAB: e.damageLimitationAB,
    damageLimitationBA: e.damageLimitationBA,
  };
}

/** The deterrence coupling's interface: a pure function of two postures. */
export interface DeterrenceEvaluator {
  /** A short name for docs and run metadata (e.g. `kent-thaler-1989`). */
  readonly name: string;
  evaluate(a: Posture, b: Posture): DyadEvaluation;
}

/**
 * Spacing of the force-scale grid on which the evaluator is called (10% of
 * the starting force). Between grid points, results are interpolated
 * bilinearly in the two sides' scales (an approximation, see the doc), so
 * the costly exchange model is called only at grid points, which repeat
 * across years and runs and are cached.
 */
export const SCALE_STEP = 0.1;

/** Largest number of cached evaluations per evaluator (oldest dropped first). */
const CACHE_LIMIT = 50_000;

/** An evaluator with bounded memos of postures and of dyad evaluations (what the engine uses). */
export interface CachedEvaluator extends DeterrenceEvaluator {
  /** Postures by key (`actor|grid point|event epoch`); valid for one scenario's event list. */
  readonly postures: Map<string, Posture>;
  /** Number of cached dyad evaluations. */
  size(): number;
  /** The cached dyad evaluations (to share with other threads running the same scenario). */
  entries(): [string, DyadEvaluation][];
  /**
   * The evaluations computed by this evaluator (not received through {@link seed})
   * since the previous call: what another thread does not know yet.
   */
  takeNew(): [string, DyadEvaluation][];
  /** Adds evaluations computed elsewhere for the same scenario (existing keys are kept). */
  seed(entries: readonly (readonly [string, DyadEvaluation])[]): void;
}

/**
 * Wraps an evaluator with bounded memos (oldest entries dropped first). The
 * wrapped evaluator must be pure; a cache belongs to one scenario (posture
 * keys assume its event list).
 *
 * Lookups go first through a memo keyed by the posture objects themselves
 * (postures are cached, so equal keys are usually the same object), which
 * avoids building and hashing a string key for each of the ≈ 2,000 dyad
 * lookups of a run; the string-keyed memo is the shared, bounded one.
 */
export function cachedEvaluator(inner: DeterrenceEvaluator): CachedEvaluator {
  const cache = new Map<string, DyadEvaluation>();
  let byPosture = new Map<Posture, Map<Posture, DyadEvaluation>>();
  // Evaluations of postures with a run's own draws: kept while that run lasts (its draw tag).
  const local = new Map<string, DyadEvaluation>();
  let localTag = '';
  let fresh: [string, DyadEvaluation][] = [];
  const postures = new Map<string, Posture>();
  return {
    name: inner.name,
    postures,
    size: () => cache.size,
    entries: () => [...cache.entries()],
    takeNew() {
      const out = fresh;
      fresh = [];
      return out;
    },
    seed(entries) {
      for (const [key, value] of entries) {
        if (cache.size >= CACHE_LIMIT) break;
        if (!cache.has(key)) cache.set(key, dyadEvaluation(value));
      }
    },
    evaluate(a, b) {
      if (a.local || b.local) {
        const key = `${a.key}#${b.key}`;
        const own = a.local ? a.key : b.key;
        const tag = own.slice(own.indexOf('~'));
        if (tag !== localTag || local.size >= CACHE_LIMIT) {
          local.clear();
          localTag = tag;
        }
        let r = local.get(key);
        if (r === undefined) {
          r = inner.evaluate(a, b);
          local.set(key, r);
        }
        return r;
      }
      let row = byPosture.get(a);
      const hit = row?.get(b);
      if (hit !== undefined) return hit;
      const key = `${a.key}#${b.key}`;
      let r = cache.get(key);
      if (r === undefined) {
        r = inner.evaluate(a, b);
        if (cache.size >= CACHE_LIMIT) {
          cache.delete(cache.keys().next().value as string);
          byPosture = new Map();
          row = undefined;
        }
        cache.set(key, r);
        fresh.push([key, r]);
      }
      if (!row) {
        row = new Map();
        byPosture.set(a, row);
      }
      row.set(b, r);
      return r;
    },
  };
}

/**
 * The posture of actor i at force scale `scale` (launchers rounded to whole
 * numbers, treaty interceptor caps applied). Its key names the actor, the
 * scale and the state's event epoch: within one scenario, the events applied
 * by a given epoch are the same in every run, so equal keys mean equal postures.
 */
export function posture(state: SimState, i: number, scale: number): Posture | undefined {
  const base = state.baseForces[i];
  const table = state.systems[i];
  if (!base || !table) return undefined;
  const factors = state.systemFactor[i]!;
  const systems: Forces['systems'] = {};
  table.ids.forEach((id, k) => {
    systems[id] = {
      ...base.systems[id]!,
      launchers: Math.max(0, Math.round(table.launchers[k]! * factors[k]! * scale)),
    };
  });
  const forces: Forces = { ...base, systems };
  // A copy: the run's events replace entries of its defenses later on, and a posture is cached
  // (and evaluated) under its epoch, so it must keep the defenses of that epoch.
  let defenses: Defenses = { ...state.defenses[i]! };
  const pk = state.deterrenceDraws['deterrence.pk'];
  if (pk !== undefined) {
    // The sampled Pk is every interceptor's, also of the systems that events deploy.
    defenses = Object.fromEntries(Object.entries(defenses).map(([id, d]) => [id, { ...d, pk }]));
  }
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
  return {
    id: state.actors[i]!,
    key: postureKey(state, i, scale),
    forces,
    defenses,
    sensors: { ...state.sensors[i]! },
    ...(state.drawTag !== '' ? { local: true } : {}),
  };
}

/** `actor@grid point e event epoch`, and `~draws` when the run samples deterrence parameters. */
function postureKey(state: SimState, i: number, scale: number): string {
  const key = `${state.actors[i]!}@${Math.round(scale / SCALE_STEP)}e${state.eventEpoch}`;
  return state.drawTag === '' ? key : `${key}~${state.drawTag}`;
}

function cachedPosture(state: SimState, i: number, scale: number, cache: Map<string, Posture>): Posture {
  const key = postureKey(state, i, scale);
  let p = cache.get(key);
  if (!p) {
    p = posture(state, i, scale)!;
    if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value as string);
    cache.set(key, p);
  }
  return p;
}

/** The grid points around a scale and the weight of the upper one. */
function bracket(scale: number): { lo: number; hi: number; w: number } {
  const k = Math.floor(scale / SCALE_STEP + 1e-9);
  const lo = k * SCALE_STEP;
  const w = Math.min(1, Math.max(0, (scale - lo) / SCALE_STEP));
  return { lo, hi: (k + 1) * SCALE_STEP, w };
}

/**
 * Evaluates every nuclear dyad, interpolating between grid postures; keeps
 * last year's damage limitation for the threat-perception rule. Non-nuclear
 * dyads keep stability 1 and no damage limitation.
 */
export function updateDeterrence(
  state: SimState,
  evaluator: CachedEvaluator,
  postures: Map<string, Posture> = evaluator.postures,
): void {
  const n = state.n;
  state.previousDamageLimitation.set(state.damageLimitation);
  const grid = state.actors.map((_, i) => {
    if (!state.nuclear[i]) return undefined;
    const b = bracket(state.forceScale[i]!);
    return {
      w: b.w,
      lo: cachedPosture(state, i, b.lo, postures),
      hi: cachedPosture(state, i, b.hi, postures),
    };
  });
  for (let i = 0; i < n; i++) {
    const a = grid[i];
    if (!a) continue;
    for (let j = i + 1; j < n; j++) {
      const b = grid[j];
      if (!b) continue;
      const ll = evaluator.evaluate(a.lo, b.lo);
      const lh = b.w > 0 ? evaluator.evaluate(a.lo, b.hi) : ll;
      const hl = a.w > 0 ? evaluator.evaluate(a.hi, b.lo) : ll;
      const hh = a.w > 0 && b.w > 0 ? evaluator.evaluate(a.hi, b.hi) : a.w > 0 ? hl : lh;
      const mix = (f: (e: DyadEvaluation) => number) =>
        (1 - a.w) * (1 - b.w) * f(ll) + (1 - a.w) * b.w * f(lh) + a.w * (1 - b.w) * f(hl) + a.w * b.w * f(hh);
      const fss = mix((e) => e.firstStrikeStability);
      state.firstStrikeStability[i * n + j] = fss;
      state.firstStrikeStability[j * n + i] = fss;
      state.damageLimitation[i * n + j] = mix((e) => e.damageLimitationAB);
      state.damageLimitation[j * n + i] = mix((e) => e.damageLimitationBA);
    }
  }
}
