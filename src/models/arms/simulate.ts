/**
 * Numerical solution of Richardson dynamics with the Dormand–Prince 5(4)
 * integrator (src/core/ode.ts), threshold events, and an optional coupling:
 * actor i may react to a *perceived threat* θ_ij(x, t) from actor j instead of
 * j's raw level x_j,
 *
 *   dx_i/dt = Σ_{j≠i} k_ij·θ_ij(x, t) − a_i·x_i + g_i,
 *
 * so that j's effective capacity (e.g. its damage-limitation capacity
 * including missile defences, computed by models/deterrence) drives i's
 * build-up: one side's defence deployment appears as the other side's
 * build-up ("respond in kind", He Yafei 2017). With θ_ij = x_j this is the
 * classic linear system (Richardson 1960).
 */
import { ConcertError, type FieldPath, type Problem, previewIds } from '../../core/errors.js';
import { dopri5, type OdeEvent, type OdeStatus } from '../../core/ode.js';
import { type ArmsThreshold, MAX_ARMS_HORIZON_YEARS, type RichardsonSystem } from './schema.js';

/**
 * θ_ij: the threat that `observer` i perceives from `adversary` j given the
 * state x (units of x) at time t (years since the start), expressed in the
 * units of x so that k_ij keeps its meaning. Must be a pure function.
 */
export type PerceivedThreat = (
  observer: number,
  adversary: number,
  state: ArrayLike<number>,
  tYears: number,
) => number;

export interface SimulateOptions {
  /** Length of the run, years. */
  readonly horizonYears: number;
  /** Spacing of reported states, years. Default 1. */
  readonly outputStepYears?: number;
  /** Threshold events (actor ids as in `system.actors`). */
  readonly thresholds?: readonly ArmsThreshold[];
  /** θ_ij; default θ_ij = x_j (the linear Richardson model). */
  readonly threat?: PerceivedThreat;
  /** Integrator tolerances (relative, absolute). Defaults 1e-8 and 1e-10·(1 + max|x0|). */
  readonly rtol?: number;
  readonly atol?: number;
}

export interface ThresholdCrossing {
  readonly name: string;
  readonly actor: string;
  readonly level: number;
  readonly tYears: number;
  readonly direction: 'rising' | 'falling';
  /** The whole state at the crossing. */
  readonly state: number[];
}

export interface RichardsonPath {
  /** Why the integration ended (see {@link OdeStatus}); `non-finite` means the path blew up. */
  readonly status: OdeStatus;
  /** Years since the start of each reported state. */
  readonly tYears: number[];
  /** Reported states: states[k][i] is actor i at tYears[k]. */
  readonly states: number[][];
  /** The last time reached and the state there. */
  readonly tEndYears: number;
  readonly finalState: number[];
  readonly crossings: ThresholdCrossing[];
  readonly stats: { readonly accepted: number; readonly rejected: number; readonly evaluations: number };
}

/** The right-hand side f(t, x) of the (possibly coupled) Richardson system. */
export function richardsonRate(
  system: RichardsonSystem,
  threat?: PerceivedThreat,
): (t: number, x: Float64Array, dxdt: Float64Array) => void {
  const n = system.actors.length;
  const k = system.reaction.map((row) => Float64Array.from(row));
  const a = Float64Array.from(system.fatigue);
  const g = Float64Array.from(system.grievance);
  if (threat === undefined) {
    return (_t, x, dxdt) => {
      for (let i = 0; i < n; i++) {
        const row = k[i]!;
        let rate = g[i]! - a[i]! * x[i]!;
        for (let j = 0; j < n; j++) if (j !== i) rate += row[j]! * x[j]!;
        dxdt[i] = rate;
      }
    };
  }
  return (t, x, dxdt) => {
    for (let i = 0; i < n; i++) {
      const row = k[i]!;
      let rate = g[i]! - a[i]! * x[i]!;
      for (let j = 0; j < n; j++) if (j !== i && row[j] !== 0) rate += row[j]! * threat(i, j, x, t);
      dxdt[i] = rate;
    }
  };
}

/**
 * Integrates the Richardson system from x(0) = `initial` over
 * [0, horizonYears] with DOPRI5 (adaptive steps, dense output at every
 * `outputStepYears`), locating threshold crossings by root finding on the
 * dense output. A terminal threshold (`stop`) ends the run there. A path that
 * overflows ends with status `non-finite` and keeps the states reached.
 *
 * @throws {ConcertError} bad input when the system's coefficients are not
 *   finite or not one per actor (paths under `['system']`), `initial` is not
 *   one finite level per actor (`['initial']`), the horizon or output step is
 *   not a positive number of years (`['horizonYears']`, `['outputStepYears']`),
 *   or a threshold names an actor not in the system (`['thresholds', i, 'actor']`).
 * @example
 * const system = { actors: ['A', 'B'], reaction: [[0, 0.5], [0.5, 0]], fatigue: [1, 1], grievance: [1, 1] };
 * simulateRichardson(system, [0, 0], { horizonYears: 10 }).finalState; // near the equilibrium [2, 2]
 */
export function simulateRichardson(
  system: RichardsonSystem,
  initial: readonly number[],
  options: SimulateOptions,
): RichardsonPath {
  const problems = simulationProblems(system, initial, options);
  if (problems.length > 0) throw new ConcertError('bad-input', problems);
  const step = options.outputStepYears ?? 1;
  const horizon = options.horizonYears;
  const times: number[] = [];
  const count = Math.floor(horizon / step + 1e-9);
  for (let k = 0; k <= count; k++) times.push(k * step);
  if (times.at(-1)! < horizon) times.push(horizon);
  const scale = 1 + Math.max(0, ...initial.map(Math.abs), ...system.grievance.map(Math.abs));
  const thresholds = options.thresholds ?? [];
  // Events are named by their index so that duplicate threshold names stay distinct.
  const events: OdeEvent[] = thresholds.map((th, index) => {
    const i = system.actors.indexOf(th.actor);
    return {
      name: String(index),
      g: (_t: number, x: Float64Array) => x[i]! - th.level,
      direction: th.direction,
      terminal: th.stop,
    };
  });
  const sol = dopri5(richardsonRate(system, options.threat), 0, initial, horizon, {
    rtol: options.rtol ?? 1e-8,
    atol: options.atol ?? 1e-10 * scale,
    events,
    outputTimes: times,
  });
  const crossings = sol.events.map((ev): ThresholdCrossing => {
    const th = thresholds[Number(ev.name)]!;
    return {
      name: th.name ?? `${th.actor} crosses ${th.level}`,
      actor: th.actor,
      level: th.level,
      tYears: ev.t,
      direction: ev.direction,
      state: [...ev.y],
    };
  });
  return {
    status: sol.status,
    tYears: [...sol.output.t],
    states: sol.output.y.map((y) => [...y]),
    tEndYears: sol.tEnd,
    finalState: [...sol.yEnd],
    crossings,
    stats: sol.stats,
  };
}

/** Shapes and ranges {@link simulateRichardson} needs (finite coefficients of any sign are accepted). */
function simulationProblems(
  system: RichardsonSystem,
  initial: readonly number[],
  options: SimulateOptions,
): Problem[] {
  const problems: Problem[] = [];
  const n = system.actors.length;
  const vector = (xs: readonly number[], path: FieldPath) => {
    if (xs.length !== n)
      problems.push({ path, message: `expected one value per actor (${n}); got ${xs.length}` });
    xs.forEach((x, i) => {
      if (!Number.isFinite(x))
        problems.push({ path: [...path, i], message: `expected a finite number; got ${x}` });
    });
  };
  if (system.reaction.length !== n)
    problems.push({
      path: ['system', 'reaction'],
      message: `expected ${n} rows; got ${system.reaction.length}`,
    });
  system.reaction.forEach((row, i) => {
    vector(row, ['system', 'reaction', i]);
  });
  vector(system.fatigue, ['system', 'fatigue']);
  vector(system.grievance, ['system', 'grievance']);
  vector(initial, ['initial']);
  const { horizonYears, outputStepYears } = options;
  if (!(Number.isFinite(horizonYears) && horizonYears > 0 && horizonYears <= MAX_ARMS_HORIZON_YEARS))
    problems.push({
      path: ['horizonYears'],
      message: `expected a number of years in (0, ${MAX_ARMS_HORIZON_YEARS}]; got ${horizonYears}`,
    });
  if (outputStepYears !== undefined && !(Number.isFinite(outputStepYears) && outputStepYears > 0))
    problems.push({
      path: ['outputStepYears'],
      message: `expected a positive number of years; got ${outputStepYears}`,
    });
  (options.thresholds ?? []).forEach((th, i) => {
    if (!system.actors.includes(th.actor))
      problems.push({
        path: ['thresholds', i, 'actor'],
        message: `unknown actor "${th.actor}": expected one of ${previewIds(system.actors)}`,
      });
  });
  return problems;
}
