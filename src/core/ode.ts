/**
 * Dormand–Prince 5(4) explicit Runge–Kutta integrator with adaptive step size,
 * continuous (dense) output and event location.
 *
 * Method: the RK5(4)7M pair of Dormand & Prince (1980), "A family of embedded
 * Runge–Kutta formulae", J. Comput. Appl. Math. 6(1): 19–26. Step control,
 * starting step and the 4th-order continuous extension follow Hairer, Nørsett
 * & Wanner, *Solving Ordinary Differential Equations I* (2nd ed., 1993),
 * §II.4 (automatic step size control), §II.6 (dense output, DOPRI5). Events
 * are located by the Illinois variant of regula falsi on the dense output
 * (Dowell & Jarratt 1971), as in Shampine & Thompson's event location.
 *
 * Time is in whatever unit the right-hand side uses (Concert's models use
 * years). The integrator is pure: no global state, nothing printed.
 */
import { badInput } from './errors.js';

/**
 * The right-hand side f(t, y) of y' = f(t, y), written into `dydt` (length
 * n). It must not keep or modify `y`.
 */
export type OdeRightHandSide = (t: number, y: Float64Array, dydt: Float64Array) => void;

/** Which sign changes of an event function count as events. */
export type EventDirection = 'rising' | 'falling' | 'either';

/** A scalar function of the state whose zeros are events (e.g. `y[0] − threshold`). */
export interface OdeEvent {
  /** A name to report the event under. */
  readonly name: string;
  /** The event function g(t, y); an event is a zero of g. */
  readonly g: (t: number, y: Float64Array) => number;
  /** `rising`: g goes from negative to non-negative; `falling`: the reverse. Default `either`. */
  readonly direction?: EventDirection;
  /** Stop the integration at the first occurrence. Default false. */
  readonly terminal?: boolean;
}

/** One located event. */
export interface EventHit {
  readonly name: string;
  readonly t: number;
  readonly y: readonly number[];
  /** `rising` if g increased through zero, `falling` otherwise. */
  readonly direction: 'rising' | 'falling';
}

export interface OdeOptions {
  /** Relative tolerance per component. Default 1e-8. */
  readonly rtol?: number;
  /** Absolute tolerance per component. Default 1e-10. */
  readonly atol?: number;
  /** Initial step; chosen automatically (Hairer et al. II.4) when omitted. */
  readonly initialStep?: number;
  /** Largest allowed step. Default: the whole interval. */
  readonly maxStep?: number;
  /** Give up after this many steps (accepted + rejected). Default 100,000. */
  readonly maxSteps?: number;
  /** Events to locate. */
  readonly events?: readonly OdeEvent[];
  /** Times (within [t0, t1], increasing) at which to report the solution, from the dense output. */
  readonly outputTimes?: readonly number[];
}

/**
 * Why integration ended: `done` (reached t1), `event` (a terminal event),
 * `max-steps`, `step-too-small` (step underflow, usually a singularity or
 * extreme stiffness), `non-finite` (the right-hand side or state became NaN or
 * infinite, e.g. a blow-up).
 */
export type OdeStatus = 'done' | 'event' | 'max-steps' | 'step-too-small' | 'non-finite';

export interface OdeSolution {
  readonly status: OdeStatus;
  /** The last time reached (t1 when `status` is `done`). */
  readonly tEnd: number;
  /** The state at `tEnd`. */
  readonly yEnd: readonly number[];
  /** Times of the accepted steps, starting with t0 and ending with `tEnd`. */
  readonly t: readonly number[];
  /** States at those times. */
  readonly y: readonly (readonly number[])[];
  /** The requested `outputTimes` that were reached, and the states there. */
  readonly output: { readonly t: readonly number[]; readonly y: readonly (readonly number[])[] };
  /** Events in the order they occurred. */
  readonly events: readonly EventHit[];
  /** Accepted steps, rejected steps, and right-hand-side evaluations. */
  readonly stats: { readonly accepted: number; readonly rejected: number; readonly evaluations: number };
  /** Dense output: the interpolated state at any t in [t0, tEnd] (4th order, C¹). */
  at(t: number): number[];
}

// Dormand–Prince 5(4) coefficients (Hairer et al. 1993, Table II.5.2).
const C2 = 1 / 5;
const C3 = 3 / 10;
const C4 = 4 / 5;
const C5 = 8 / 9;
const A21 = 1 / 5;
const A31 = 3 / 40;
const A32 = 9 / 40;
const A41 = 44 / 45;
const A42 = -56 / 15;
const A43 = 32 / 9;
const A51 = 19372 / 6561;
const A52 = -25360 / 2187;
const A53 = 64448 / 6561;
const A54 = -212 / 729;
const A61 = 9017 / 3168;
const A62 = -355 / 33;
const A63 = 46732 / 5247;
const A64 = 49 / 176;
const A65 = -5103 / 18656;
const A71 = 35 / 384;
const A73 = 500 / 1113;
const A74 = 125 / 192;
const A75 = -2187 / 6784;
const A76 = 11 / 84;
// Error estimate: 5th-order weights minus the embedded 4th-order ones.
const E1 = 71 / 57600;
const E3 = -71 / 16695;
const E4 = 71 / 1920;
const E5 = -17253 / 339200;
const E6 = 22 / 525;
const E7 = -1 / 40;
// Continuous extension (Hairer et al. 1993, DOPRI5 `contd5`).
const D1 = -12715105075 / 11282082432;
const D3 = 87487479700 / 32700410799;
const D4 = -10690763975 / 1880347072;
const D5 = 701980252875 / 199316789632;
const D6 = -1453857185 / 822651844;
const D7 = 69997945 / 29380423;

/**
 * Interpolation data of the accepted steps, packed into one growing buffer
 * (typed-array allocation per step would dominate the cost of small systems):
 * step k covers [t0[k], t0[k] + h[k]] and owns 5n coefficients r1…r5 at
 * offset 5nk, with y(t0 + θh) = r1 + θ(r2 + (1−θ)(r3 + θ(r4 + (1−θ)r5))).
 */
class DenseOutput {
  readonly t0: number[] = [];
  readonly h: number[] = [];
  coefficients: Float64Array;

  constructor(readonly n: number) {
    this.coefficients = new Float64Array(5 * n * 16);
  }

  /** Reserves the block of the next step and returns its offset. */
  push(t0: number, h: number): number {
    const offset = 5 * this.n * this.t0.length;
    if (offset + 5 * this.n > this.coefficients.length) {
      const bigger = new Float64Array(2 * this.coefficients.length);
      bigger.set(this.coefficients);
      this.coefficients = bigger;
    }
    this.t0.push(t0);
    this.h.push(h);
    return offset;
  }

  /** y(t) from step k's interpolant, written into `out`. */
  interpolate(k: number, t: number, out: Float64Array): void {
    const n = this.n;
    const theta = (t - this.t0[k]!) / this.h[k]!;
    const theta1 = 1 - theta;
    const r = this.coefficients;
    const o = 5 * n * k;
    for (let i = 0; i < n; i++) {
      out[i] =
        r[o + i]! +
        theta *
          (r[o + n + i]! +
            theta1 * (r[o + 2 * n + i]! + theta * (r[o + 3 * n + i]! + theta1 * r[o + 4 * n + i]!)));
    }
  }
}

/** A plain-array copy (much cheaper than Array.from on a typed array). */
function copy(v: Float64Array): number[] {
  const out = new Array<number>(v.length);
  for (let i = 0; i < v.length; i++) out[i] = v[i]!;
  return out;
}

function allFinite(v: Float64Array): boolean {
  for (let i = 0; i < v.length; i++) if (!Number.isFinite(v[i]!)) return false;
  return true;
}

function sign(x: number): number {
  return x > 0 ? 1 : x < 0 ? -1 : 0;
}

function crossed(g0: number, g1: number, direction: EventDirection): 'rising' | 'falling' | undefined {
  if (g0 === 0 || sign(g0) === sign(g1)) return undefined;
  const dir = g0 < 0 ? 'rising' : 'falling';
  if (direction === 'either' || direction === dir) return dir;
  return undefined;
}

/**
 * Finds the zero of g on [ta, tb] (g(ta)·g(tb) < 0 or g(tb) = 0) with the
 * Illinois method; `gAt` evaluates g on the dense output.
 */
function locateRoot(gAt: (t: number) => number, ta: number, ga: number, tb: number, gb: number): number {
  if (gb === 0) return tb;
  const tol = 4 * Number.EPSILON * Math.max(1, Math.abs(ta), Math.abs(tb));
  let side = 0;
  for (let iter = 0; iter < 200 && Math.abs(tb - ta) > tol; iter++) {
    const tc = (ta * gb - tb * ga) / (gb - ga);
    const gc = gAt(tc);
    if (gc === 0) return tc;
    if (sign(gc) === sign(gb)) {
      tb = tc;
      gb = gc;
      if (side === 1) ga /= 2;
      side = 1;
    } else {
      ta = tc;
      ga = gc;
      if (side === -1) gb /= 2;
      side = -1;
    }
  }
  // The crossing lies in [ta, tb]; report the end at or after it so that the
  // event state is on the event's side of the threshold.
  return tb;
}

/** Weighted RMS norm used for step control: sqrt(mean((v_i / sc_i)²)). */
function rmsNorm(v: Float64Array, sc: Float64Array): number {
  let s = 0;
  for (let i = 0; i < v.length; i++) {
    const q = v[i]! / sc[i]!;
    s += q * q;
  }
  return Math.sqrt(s / v.length);
}

/**
 * Integrates y' = f(t, y) from t0 to t1 (t1 ≥ t0) with the Dormand–Prince
 * 5(4) pair, local-extrapolation (5th-order) stepping and the step-size rule
 * h_new = h·min(10, max(0.2, 0.9·err^(−1/5))), where err is the RMS of the
 * embedded error estimate scaled by atol + rtol·max(|y_old|, |y_new|)
 * (Hairer et al. 1993, II.4). Events are checked at every accepted step and
 * located on the dense output to near machine precision in t.
 *
 * Returns the accepted steps, the requested output times, located events,
 * and `at(t)` for dense output; never throws for a numerical failure, which
 * is reported in `status` instead.
 *
 * @throws {ConcertError} bad input (path `['t1']`) unless t0 and t1 are
 *   finite with t0 ≤ t1; `at(t)` throws bad input (path `['t']`) for a t
 *   outside the integrated interval.
 * @example
 * dopri5((_t, y, dy) => { dy[0] = -y[0]!; }, 0, [1], 1).yEnd[0]; // ≈ e^(−1) = 0.3679
 */
export function dopri5(
  f: OdeRightHandSide,
  t0: number,
  y0: readonly number[],
  t1: number,
  options: OdeOptions = {},
): OdeSolution {
  if (!(t1 >= t0) || !Number.isFinite(t0) || !Number.isFinite(t1)) {
    throw badInput({ path: ['t1'], message: `dopri5: expected finite t0 ≤ t1, got t0=${t0}, t1=${t1}` });
  }
  const n = y0.length;
  const rtol = options.rtol ?? 1e-8;
  const atol = options.atol ?? 1e-10;
  const maxSteps = options.maxSteps ?? 100_000;
  const maxStep = options.maxStep ?? t1 - t0;
  const events = options.events ?? [];
  const outputTimes = options.outputTimes ?? [];

  const y = Float64Array.from(y0);
  const y1 = new Float64Array(n);
  const ytmp = new Float64Array(n);
  const k1 = new Float64Array(n);
  const k2 = new Float64Array(n);
  const k3 = new Float64Array(n);
  const k4 = new Float64Array(n);
  const k5 = new Float64Array(n);
  const k6 = new Float64Array(n);
  const k7 = new Float64Array(n);
  const errv = new Float64Array(n);
  const sc = new Float64Array(n);
  const probe = new Float64Array(n);

  const ts: number[] = [t0];
  const ys: number[][] = [copy(y)];
  const dense = new DenseOutput(n);
  const outT: number[] = [];
  const outY: number[][] = [];
  const hits: EventHit[] = [];
  let evaluations = 0;
  let accepted = 0;
  let rejected = 0;
  let nextOutput = 0;

  const solution = (status: OdeStatus, tEnd: number, yEnd: Float64Array): OdeSolution => ({
    status,
    tEnd,
    yEnd: copy(yEnd),
    t: ts,
    y: ys,
    output: { t: outT, y: outY },
    events: hits,
    stats: { accepted, rejected, evaluations },
    at(t: number): number[] {
      if (!(t >= t0 && t <= tEnd))
        throw badInput({ path: ['t'], message: `dense output: t=${t} outside [${t0}, ${tEnd}]` });
      if (dense.t0.length === 0) return [...ys[0]!];
      let lo = 0;
      let hi = dense.t0.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (dense.t0[mid]! <= t) lo = mid;
        else hi = mid - 1;
      }
      const out = new Float64Array(n);
      dense.interpolate(lo, t, out);
      return copy(out);
    },
  });

  // Output times at t0 itself.
  while (nextOutput < outputTimes.length && outputTimes[nextOutput]! <= t0) {
    if (outputTimes[nextOutput] === t0) {
      outT.push(t0);
      outY.push(copy(y));
    }
    nextOutput++;
  }

  f(t0, y, k1);
  evaluations++;
  if (!allFinite(k1) || !allFinite(y)) return solution('non-finite', t0, y);
  if (t1 === t0 || n === 0) return solution('done', t0, y);

  const gPrev = events.map((ev) => ev.g(t0, y));

  // Starting step (Hairer et al. 1993, II.4, algorithm for h0).
  let h: number;
  if (options.initialStep !== undefined) h = options.initialStep;
  else {
    for (let i = 0; i < n; i++) sc[i] = atol + rtol * Math.abs(y[i]!);
    const d0 = rmsNorm(y, sc);
    const d1 = rmsNorm(k1, sc);
    let h0 = d0 < 1e-5 || d1 < 1e-5 ? 1e-6 : (0.01 * d0) / d1;
    h0 = Math.min(h0, t1 - t0);
    for (let i = 0; i < n; i++) ytmp[i] = y[i]! + h0 * k1[i]!;
    f(t0 + h0, ytmp, k2);
    evaluations++;
    for (let i = 0; i < n; i++) errv[i] = k2[i]! - k1[i]!;
    const d2 = rmsNorm(errv, sc) / h0;
    const dm = Math.max(d1, d2);
    const hStar = dm <= 1e-15 ? Math.max(1e-6, h0 * 1e-3) : (0.01 / dm) ** (1 / 5);
    h = Math.min(100 * h0, hStar);
  }
  h = Math.min(Math.max(h, 0), maxStep, t1 - t0);

  let t = t0;
  let steps = 0;
  let trialNonFinite = false;
  while (t < t1) {
    if (steps++ >= maxSteps) return solution('max-steps', t, y);
    // Stretch the step by up to 1% rather than leave a sliver before t1.
    const last = t + 1.01 * h >= t1;
    if (last) h = t1 - t;
    if (h <= 8 * Number.EPSILON * Math.max(1, Math.abs(t))) {
      return solution(trialNonFinite ? 'non-finite' : 'step-too-small', t, y);
    }

    for (let i = 0; i < n; i++) ytmp[i] = y[i]! + h * A21 * k1[i]!;
    f(t + C2 * h, ytmp, k2);
    for (let i = 0; i < n; i++) ytmp[i] = y[i]! + h * (A31 * k1[i]! + A32 * k2[i]!);
    f(t + C3 * h, ytmp, k3);
    for (let i = 0; i < n; i++) ytmp[i] = y[i]! + h * (A41 * k1[i]! + A42 * k2[i]! + A43 * k3[i]!);
    f(t + C4 * h, ytmp, k4);
    for (let i = 0; i < n; i++) {
      ytmp[i] = y[i]! + h * (A51 * k1[i]! + A52 * k2[i]! + A53 * k3[i]! + A54 * k4[i]!);
    }
    f(t + C5 * h, ytmp, k5);
    for (let i = 0; i < n; i++) {
      ytmp[i] = y[i]! + h * (A61 * k1[i]! + A62 * k2[i]! + A63 * k3[i]! + A64 * k4[i]! + A65 * k5[i]!);
    }
    const tNew = last ? t1 : t + h;
    f(tNew, ytmp, k6);
    for (let i = 0; i < n; i++) {
      y1[i] = y[i]! + h * (A71 * k1[i]! + A73 * k3[i]! + A74 * k4[i]! + A75 * k5[i]! + A76 * k6[i]!);
    }
    f(tNew, y1, k7);
    evaluations += 6;
    for (let i = 0; i < n; i++) {
      errv[i] = h * (E1 * k1[i]! + E3 * k3[i]! + E4 * k4[i]! + E5 * k5[i]! + E6 * k6[i]! + E7 * k7[i]!);
      sc[i] = atol + rtol * Math.max(Math.abs(y[i]!), Math.abs(y1[i]!));
    }
    const err = rmsNorm(errv, sc);

    if (!Number.isFinite(err)) {
      // A non-finite trial may just be a too-large step into a blow-up; shrink first.
      rejected++;
      trialNonFinite = true;
      h /= 10;
      continue;
    }
    trialNonFinite = false;
    const fac = Math.min(10, Math.max(0.2, 0.9 * err ** (-1 / 5)));
    if (err > 1) {
      rejected++;
      h *= Math.max(0.2, fac);
      continue;
    }

    // Accepted: build the continuous extension on [t, tNew].
    accepted++;
    const o = dense.push(t, h);
    const seg = dense.t0.length - 1;
    const r = dense.coefficients;
    for (let i = 0; i < n; i++) {
      const ydiff = y1[i]! - y[i]!;
      const bspl = h * k1[i]! - ydiff;
      r[o + i] = y[i]!;
      r[o + n + i] = ydiff;
      r[o + 2 * n + i] = bspl;
      r[o + 3 * n + i] = ydiff - h * k7[i]! - bspl;
      r[o + 4 * n + i] =
        h * (D1 * k1[i]! + D3 * k3[i]! + D4 * k4[i]! + D5 * k5[i]! + D6 * k6[i]! + D7 * k7[i]!);
    }

    // Events: the earliest sign change within this step wins.
    let stopAt: { t: number; index: number; dir: 'rising' | 'falling' } | undefined;
    const found: { t: number; index: number; dir: 'rising' | 'falling' }[] = [];
    for (const [e, ev] of events.entries()) {
      const g1 = ev.g(tNew, y1);
      const dir = crossed(gPrev[e]!, g1, ev.direction ?? 'either');
      if (dir !== undefined) {
        const gAt = (tt: number): number => {
          dense.interpolate(seg, tt, probe);
          return ev.g(tt, probe);
        };
        const te = locateRoot(gAt, t, gPrev[e]!, tNew, g1);
        found.push({ t: te, index: e, dir });
      }
      gPrev[e] = g1;
    }
    found.sort((a, b) => a.t - b.t);
    for (const hit of found) {
      if (stopAt !== undefined) break;
      dense.interpolate(seg, hit.t, probe);
      hits.push({ name: events[hit.index]!.name, t: hit.t, y: copy(probe), direction: hit.dir });
      if (events[hit.index]!.terminal) stopAt = hit;
    }
    const tStop = stopAt?.t ?? tNew;

    while (nextOutput < outputTimes.length && outputTimes[nextOutput]! <= tStop) {
      const to = outputTimes[nextOutput]!;
      dense.interpolate(seg, to, probe);
      outT.push(to);
      outY.push(copy(probe));
      nextOutput++;
    }

    if (stopAt !== undefined) {
      dense.interpolate(seg, tStop, probe);
      ts.push(tStop);
      ys.push(copy(probe));
      return solution('event', tStop, probe);
    }

    t = tNew;
    y.set(y1);
    k1.set(k7);
    ts.push(t);
    ys.push(copy(y));
    if (!allFinite(k1)) return solution('non-finite', t, y);
    h = Math.min(h * fac, maxStep);
  }
  return solution('done', t1, y);
}
