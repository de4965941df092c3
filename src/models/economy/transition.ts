/**
 * Power transition (Organski & Kugler 1980, *The War Ledger*; Lemke 2002,
 * *Regions of War and Peace*): the ratio of two states' power over time, the
 * years in which they are at parity (the weaker holds at least
 * `parityThreshold` of the stronger's power, 80 % by Lemke's and most
 * empirical work's convention), the years in which one overtakes the other,
 * and the rates of change.
 *
 * Power is one series per state: PPP GDP (Maddison Project, 2011
 * international $) or COW's CINC, read by the caller.
 */
import { badInput } from '../../core/errors.js';

/** A power series: [year, value] pairs in increasing year order. */
export type PowerPoints = readonly (readonly [number, number])[];

/** Lemke (2002) and Organski & Kugler (1980): parity from 80 %. */
export const DEFAULT_PARITY_THRESHOLD = 0.8;

export interface Overtaking {
  /** First year in which `leader` is ahead after `previous` was. */
  readonly year: number;
  readonly leader: string;
  readonly previous: string;
}

export interface TransitionOptions {
  readonly from?: number;
  readonly to?: number;
  /** Parity when min/max ≥ this (default {@link DEFAULT_PARITY_THRESHOLD}). */
  readonly parityThreshold?: number;
}

export interface PowerTransition {
  readonly a: string;
  readonly b: string;
  /** Years in which both values are known, in order. */
  readonly years: readonly number[];
  readonly valuesA: readonly number[];
  readonly valuesB: readonly number[];
  /** valueA / valueB. */
  readonly ratio: readonly number[];
  readonly parityThreshold: number;
  /** Years at parity (min/max ≥ threshold). */
  readonly parityYears: readonly number[];
  readonly overtakings: readonly Overtaking[];
  /**
   * Compound annual growth rates between the first and the last common year
   * (null with fewer than two years): of A, of B, and of the ratio A/B.
   */
  readonly growth: { readonly a: number | null; readonly b: number | null; readonly ratio: number | null };
}

const cagr = (first: number, last: number, years: number) =>
  years > 0 && first > 0 && last > 0 ? (last / first) ** (1 / years) - 1 : null;

/**
 * The power transition of a dyad over the years in which both series are known.
 *
 * @throws {ConcertError} bad input at `['parityThreshold']` outside (0, 1], at
 *   `['to']` when `to` < `from`, and at `[]` when the two series share no year
 *   in the window.
 * @example
 * powerTransition('CHN', [[2014, 16.2], [2016, 17.3]], 'USA', [[2014, 16.5], [2016, 17.2]]).overtakings;
 * // => [{ year: 2016, leader: 'CHN', previous: 'USA' }]
 */
export function powerTransition(
  a: string,
  pointsA: PowerPoints,
  b: string,
  pointsB: PowerPoints,
  options: TransitionOptions = {},
): PowerTransition {
  const threshold = options.parityThreshold ?? DEFAULT_PARITY_THRESHOLD;
  if (!(threshold > 0 && threshold <= 1))
    throw badInput({ path: ['parityThreshold'], message: `expected a share in (0, 1]; got ${threshold}` });
  const from = options.from ?? Number.NEGATIVE_INFINITY;
  const to = options.to ?? Number.POSITIVE_INFINITY;
  if (to < from)
    throw badInput({ path: ['to'], message: `the window ends (${to}) before it starts (${from})` });
  const byYearB = new Map(pointsB);
  const years: number[] = [];
  const valuesA: number[] = [];
  const valuesB: number[] = [];
  for (const [year, va] of pointsA) {
    const vb = byYearB.get(year);
    if (year < from || year > to || vb === undefined || !(va > 0) || !(vb > 0)) continue;
    years.push(year);
    valuesA.push(va);
    valuesB.push(vb);
  }
  if (years.length === 0)
    throw badInput({
      path: [],
      message: `${a} and ${b} have no year with both values${Number.isFinite(from) || Number.isFinite(to) ? ` between ${options.from ?? '…'} and ${options.to ?? '…'}` : ''}`,
    });
  const ratio = years.map((_, k) => valuesA[k]! / valuesB[k]!);
  const parityYears = years.filter((_, k) => Math.min(ratio[k]!, 1 / ratio[k]!) >= threshold);
  const overtakings: Overtaking[] = [];
  for (let k = 1; k < years.length; k++) {
    const before = ratio[k - 1]! > 1 ? a : ratio[k - 1]! < 1 ? b : null;
    const now = ratio[k]! > 1 ? a : ratio[k]! < 1 ? b : null;
    if (before !== null && now !== null && before !== now)
      overtakings.push({ year: years[k]!, leader: now, previous: before });
  }
  const last = years.length - 1;
  const span = years[last]! - years[0]!;
  return {
    a,
    b,
    years,
    valuesA,
    valuesB,
    ratio,
    parityThreshold: threshold,
    parityYears,
    overtakings,
    growth: {
      a: cagr(valuesA[0]!, valuesA[last]!, span),
      b: cagr(valuesB[0]!, valuesB[last]!, span),
      ratio: cagr(ratio[0]!, ratio[last]!, span),
    },
  };
}
