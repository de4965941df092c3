/**
 * The benchmark forecasts a model must beat (docs/models/forecast.md): a
 * random walk and a first-order autoregression fitted on the training
 * years, each giving a normal predictive distribution h steps ahead.
 */
import { badInput } from '../../core/errors.js';

/** A normal predictive distribution. */
export interface NormalForecast {
  readonly mean: number;
  readonly sd: number;
}

function checkSeries(train: readonly number[], least: number): void {
  if (train.length < least) {
    throw badInput({
      message: `expected at least ${least} training values; got ${train.length}`,
      path: ['train'],
    });
  }
  train.forEach((x, i) => {
    if (!Number.isFinite(x))
      throw badInput({ message: `expected a finite number; got ${x}`, path: ['train', i] });
  });
}

function checkHorizon(h: number): void {
  if (!Number.isInteger(h) || h < 1 || h > 1000) {
    throw badInput({ message: `expected a horizon, a whole number from 1 to 1000; got ${h}`, path: ['h'] });
  }
}

/**
 * Random walk without drift: y_{T+h} ~ N(y_T, h·σ²), σ² the variance
 * (n − 1) of the training series' first differences.
 *
 * @throws ConcertError (bad input) for fewer than 3 training values or a horizon outside 1–1000.
 * @example
 * randomWalkForecast([1, 2, 1, 2], 1).mean; // 2 (the last value)
 */
export function randomWalkForecast(train: readonly number[], h: number): NormalForecast {
  checkSeries(train, 3);
  checkHorizon(h);
  const d = train.slice(1).map((x, i) => x - train[i]!);
  const m = d.reduce((s, x) => s + x, 0) / d.length;
  const v = d.reduce((s, x) => s + (x - m) ** 2, 0) / (d.length - 1);
  return { mean: train[train.length - 1]!, sd: Math.sqrt(h * v) };
}

/** An AR(1) fit y_t = c + φ·y_{t−1} + ε_t, ε ~ N(0, σ²), by least squares. */
export interface Ar1Fit {
  readonly c: number;
  readonly phi: number;
  /** Residual variance with n − 3 degrees of freedom (n − 1 pairs, two coefficients). */
  readonly sigma2: number;
}

/**
 * Least-squares AR(1) on the training series (needs ≥ 4 values and a
 * non-constant lagged series).
 *
 * @throws ConcertError (bad input) for fewer than 4 values or a constant series.
 */
export function fitAr1(train: readonly number[]): Ar1Fit {
  checkSeries(train, 4);
  const x = train.slice(0, -1);
  const y = train.slice(1);
  const n = x.length;
  const mx = x.reduce((s, v) => s + v, 0) / n;
  const my = y.reduce((s, v) => s + v, 0) / n;
  let sxx = 0;
  let sxy = 0;
  for (let i = 0; i < n; i++) {
    sxx += (x[i]! - mx) ** 2;
    sxy += (x[i]! - mx) * (y[i]! - my);
  }
  if (sxx === 0)
    throw badInput({
      message: 'the training series is constant: an AR(1) cannot be fitted',
      path: ['train'],
    });
  const phi = sxy / sxx;
  const c = my - phi * mx;
  let sse = 0;
  for (let i = 0; i < n; i++) sse += (y[i]! - c - phi * x[i]!) ** 2;
  return { c, phi, sigma2: sse / (n - 2) };
}

/**
 * The AR(1)'s h-step forecast from the last training value:
 * mean c·Σ_{k<h} φᵏ + φʰ·y_T, variance σ²·Σ_{k<h} φ²ᵏ (parameter uncertainty ignored).
 *
 * @throws ConcertError (bad input) as {@link fitAr1}, or for a horizon outside 1–1000.
 */
export function ar1Forecast(train: readonly number[], h: number): NormalForecast & { readonly fit: Ar1Fit } {
  checkHorizon(h);
  const fit = fitAr1(train);
  let mean = train[train.length - 1]!;
  let v = 0;
  let p2 = 1;
  for (let k = 0; k < h; k++) {
    mean = fit.c + fit.phi * mean;
    v += p2;
    p2 *= fit.phi * fit.phi;
  }
  return { mean, sd: Math.sqrt(fit.sigma2 * v), fit };
}
