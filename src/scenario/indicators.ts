/**
 * Indicator collection, the last step of the year (docs/models/scenario.md,
 * "Indicators"): crisis stability, arms-race stability, relational
 * stability, the win-win / lose-lose account, and the composite strategic
 * stability index with its explicit weights, its components recorded beside
 * it. The collector only reads the state.
 */
import { frustrationIndexSync } from '../models/relations/frustration.js';
import { signedNetwork } from '../models/relations/network.js';
import type { RichardsonSystem } from '../models/arms/schema.js';
import { eigenvalueMargin } from './arms-update.js';
import { currentWarheads } from './events.js';
import type { Parameters } from './params.js';
import type { IndicatorName } from './schema.js';
import type { SimState } from './state.js';

/** Yearly growth at which the arms component of the index falls to 1/e (an assumption, see the doc). */
export const ARMS_GROWTH_SCALE = 0.05;

/** Per-actor series recorded beside the system-wide gains indicators. */
const PER_ACTOR: Partial<Record<IndicatorName, 'winWin' | 'loseLose' | 'net'>> = {
  'gains.winWin': 'winWin',
  'gains.loseLose': 'loseLose',
  'gains.net': 'net',
};

/** The recorded series names: the chosen indicators, and for each gains indicator one series per actor. */
export function seriesNames(indicators: readonly IndicatorName[], actors: readonly string[]): string[] {
  const out: string[] = [];
  for (const name of indicators) {
    out.push(name);
    if (PER_ACTOR[name]) for (const id of actors) out.push(`${name}.${id}`);
  }
  return out;
}

/** Gini coefficient of non-negative values: Σ_i Σ_j |x_i − x_j| / (2·n²·mean); 0 when all are 0. */
export function gini(values: ArrayLike<number>): number {
  const n = values.length;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += values[i]!;
  if (n === 0 || sum <= 0) return 0;
  let d = 0;
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) d += Math.abs(values[i]! - values[j]!);
  return d / (2 * n * sum);
}

/** The frustration index of a sign pattern and one optimal partition (side 0/1 per actor). */
interface Frustration {
  readonly index: number;
  readonly side: Uint8Array;
}

/** Largest number of sign patterns remembered per process (the memo is cleared when full). */
const FRUSTRATION_CACHE_LIMIT = 200_000;
const frustrationCache = new Map<string, Frustration>();

/**
 * The (unweighted) frustration index of the signed network of relation
 * scores, from models/relations' exact `frustrationIndexSync`. It depends
 * only on the sign of each dyad (+, −, or no tie at 0), so results are
 * memoised by sign pattern: exact, and much cheaper since patterns recur
 * across years and runs.
 */
export function relationFrustration(state: SimState): Frustration {
  const n = state.n;
  let key = '';
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const r = state.relation[i * n + j]!;
      key += r > 0 ? '+' : r < 0 ? '-' : '0';
    }
  }
  key += state.actors.join(',');
  const hit = frustrationCache.get(key);
  if (hit) return hit;
  const edges: { from: string; to: string; weight: number }[] = [];
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const r = state.relation[i * n + j]!;
      if (r !== 0) edges.push({ from: state.actors[i]!, to: state.actors[j]!, weight: r > 0 ? 1 : -1 });
    }
  }
  const fr = frustrationIndexSync(signedNetwork(state.actors, edges));
  const inB = new Set(fr.partition[1]);
  const side = Uint8Array.from(state.actors, (id) => (inB.has(id) ? 1 : 0));
  const out = { index: fr.index, side };
  if (frustrationCache.size >= FRUSTRATION_CACHE_LIMIT) frustrationCache.clear();
  frustrationCache.set(key, out);
  return out;
}

/** Total deployed warheads of the state. */
export function totalWarheads(state: SimState): number {
  let w = 0;
  for (let i = 0; i < state.n; i++) w += currentWarheads(state, i);
  return w;
}

/**
 * Computes every indicator of the year. `warheadsBefore` is the total at the
 * start of the year's arms step, so that growth is measured over the year;
 * `armsSystem`, the year's effective Richardson system when the caller has
 * it (else it is rebuilt from the state).
 */
export function computeIndicators(
  state: SimState,
  params: Parameters,
  warheadsBefore: number,
  armsSystem?: RichardsonSystem,
): Record<IndicatorName, number> {
  const n = state.n;
  let worst = 1;
  let fssSum = 0;
  let nuclearDyads = 0;
  let ties = 0;
  let positive = 0;
  let scoreSum = 0;
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const r = state.relation[i * n + j]!;
      scoreSum += r;
      if (r > 0) positive++;
      if (r !== 0) ties++;
      if (state.nuclear[i] && state.nuclear[j]) {
        const f = state.firstStrikeStability[i * n + j]!;
        worst = Math.min(worst, f);
        fssSum += f;
        nuclearDyads++;
      }
    }
  }
  const dyads = (n * (n - 1)) / 2;
  const fr = relationFrustration(state);
  const frustrationShare = ties > 0 ? fr.index / ties : 0;
  let crossNegative = 0;
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      if (state.relation[i * n + j]! < 0 && fr.side[i] !== fr.side[j]) crossNegative++;
    }
  }
  const maxCross = Math.floor(n / 2) * Math.ceil(n / 2);
  let milexBefore = 0;
  let milexAfter = 0;
  for (let i = 0; i < n; i++) {
    milexBefore += state.previousMilexUsd[i]!;
    milexAfter += state.milexUsd[i]!;
  }
  const milexGrowth = milexBefore > 0 ? milexAfter / milexBefore - 1 : 0;
  const warheadsAfter = totalWarheads(state);
  const warheadGrowth = warheadsBefore > 0 ? warheadsAfter / warheadsBefore - 1 : 0;
  let winWin = 0;
  let loseLose = 0;
  let netGains = 0;
  for (let i = 0; i < n; i++) {
    winWin += state.winWin[i]!;
    loseLose += state.loseLose[i]!;
    netGains += state.net[i]!;
  }
  const cooperativeTies = dyads > 0 ? positive / dyads : 0;
  const crisisComponent = worst;
  const armsComponent = Math.exp(
    -(Math.max(0, milexGrowth) + Math.max(0, warheadGrowth)) / ARMS_GROWTH_SCALE,
  );
  const relationsComponent = 0.5 * (1 - 2 * frustrationShare) + 0.5 * cooperativeTies;
  const w = params.weights;
  const wSum = w.crisis + w.arms + w.relations;
  const index =
    wSum > 0
      ? (w.crisis * crisisComponent + w.arms * armsComponent + w.relations * relationsComponent) / wSum
      : 0;
  return {
    'crisisStability.worst': worst,
    'crisisStability.mean': nuclearDyads > 0 ? fssSum / nuclearDyads : 1,
    'arms.milexGrowth': milexGrowth,
    'arms.warheadGrowth': warheadGrowth,
    'arms.eigenvalueMargin': eigenvalueMargin(state, params, armsSystem),
    'relations.frustration': frustrationShare,
    'relations.cooperativeTies': cooperativeTies,
    'relations.polarization': maxCross > 0 ? crossNegative / maxCross : 0,
    'relations.meanScore': dyads > 0 ? scoreSum / dyads : 0,
    'crises.count': state.crises,
    'crises.escalations': state.escalations,
    'gains.winWin': winWin,
    'gains.loseLose': loseLose,
    'gains.net': netGains,
    'gains.gini': gini(state.winWin),
    'stability.crisis': crisisComponent,
    'stability.arms': armsComponent,
    'stability.relations': relationsComponent,
    'stability.index': index,
  };
}

/** Writes the year's recorded series into `out` at column `yearIndex` (row-major: series × years). */
export function recordYear(
  state: SimState,
  values: Record<IndicatorName, number>,
  indicators: readonly IndicatorName[],
  yearIndex: number,
  years: number,
  out: Float64Array,
): void {
  let row = 0;
  for (const name of indicators) {
    out[row * years + yearIndex] = values[name];
    row++;
    const field = PER_ACTOR[name];
    if (field) {
      for (let i = 0; i < state.n; i++) {
        out[row * years + yearIndex] = state[field][i]!;
        row++;
      }
    }
  }
}
