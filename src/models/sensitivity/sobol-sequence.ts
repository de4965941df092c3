/**
 * The Sobol' low-discrepancy sequence in up to {@link MAX_SOBOL_DIMENSION}
 * dimensions, unscrambled, in Gray-code order (Antonov & Saleev 1979;
 * Bratley & Fox 1988), with Joe & Kuo's (2008) direction numbers
 * (joe-kuo.ts). Point 0 is the origin; the first 2^m points of every
 * dimension are a (0, m, 1)-net: each interval [j/2^m, (j+1)/2^m) holds
 * one of them. The same points as scipy.stats.qmc.Sobol(scramble=False).
 *
 * docs/models/sensitivity.md, "Sampling".
 */
import { badInput } from '../../core/errors.js';
import { JOE_KUO_6 } from './joe-kuo.js';

/** Bits of each coordinate: points are multiples of 2⁻³², and at most 2³² points exist. */
const BITS = 32;
const SCALE = 2 ** -BITS;

/** The largest dimension the shipped direction numbers support. */
export const MAX_SOBOL_DIMENSION = JOE_KUO_6.length + 1;

/** The largest number of points: after 2³² the sequence repeats. */
export const MAX_SOBOL_POINTS = 2 ** BITS;

/** Direction numbers v[d][b] (b = 0 … 31) of dimension d, as unsigned 32-bit integers. */
function directionNumbers(dimension: number): Uint32Array[] {
  const out: Uint32Array[] = [];
  const first = new Uint32Array(BITS);
  for (let b = 0; b < BITS; b++) first[b] = (1 << (BITS - 1 - b)) >>> 0;
  out.push(first);
  for (let d = 1; d < dimension; d++) {
    const row = JOE_KUO_6[d - 1]!;
    const s = row[0]!;
    const a = row[1]!;
    const v = new Uint32Array(BITS);
    for (let b = 0; b < Math.min(s, BITS); b++) v[b] = (row[2 + b]! << (BITS - 1 - b)) >>> 0;
    for (let b = s; b < BITS; b++) {
      let x = (v[b - s]! ^ (v[b - s]! >>> s)) >>> 0;
      for (let j = 1; j < s; j++) if ((a >>> (s - 1 - j)) & 1) x = (x ^ v[b - j]!) >>> 0;
      v[b] = x;
    }
    out.push(v);
  }
  return out;
}

/** Index (0-based) of the lowest zero bit of n (n < 2³²). */
function lowestZeroBit(n: number): number {
  let c = 0;
  let m = n;
  while (m & 1) {
    m >>>= 1;
    c++;
  }
  return c;
}

/**
 * A Sobol' sequence generator: `next()` fills the next point. Deterministic;
 * there is nothing random in it.
 *
 * @throws ConcertError (bad input) when the dimension is not a whole number in 1 … {@link MAX_SOBOL_DIMENSION}.
 * @example
 * const s = new SobolSequence(2);
 * s.next(); // Float64Array [0, 0]
 * s.next(); // Float64Array [0.5, 0.5]
 */
export class SobolSequence {
  readonly dimension: number;
  private readonly v: Uint32Array[];
  private readonly x: Uint32Array;
  /** Index of the point `next` returns. */
  private index = 0;

  constructor(dimension: number) {
    if (!Number.isInteger(dimension) || dimension < 1 || dimension > MAX_SOBOL_DIMENSION) {
      throw badInput(
        `a Sobol' sequence has 1 to ${MAX_SOBOL_DIMENSION} dimensions (Joe–Kuo direction numbers shipped); got ${dimension}`,
      );
    }
    this.dimension = dimension;
    this.v = directionNumbers(dimension);
    this.x = new Uint32Array(dimension);
  }

  /** Moves to point `index` (the next call of {@link next} returns it). */
  seek(index: number): void {
    if (!Number.isInteger(index) || index < 0 || index >= MAX_SOBOL_POINTS) {
      throw badInput(`a Sobol' point index is a whole number in 0 … 2³² − 1; got ${index}`);
    }
    // Gray code of the index: x is the XOR of the direction numbers of its set bits.
    const gray = (index ^ (index >>> 1)) >>> 0;
    for (let d = 0; d < this.dimension; d++) {
      let x = 0;
      for (let b = 0; b < BITS; b++) if ((gray >>> b) & 1) x = (x ^ this.v[d]![b]!) >>> 0;
      this.x[d] = x;
    }
    this.index = index;
  }

  /** The next point, in [0, 1)^dimension (into `out` when given). */
  next(out: Float64Array = new Float64Array(this.dimension)): Float64Array {
    if (this.index >= MAX_SOBOL_POINTS) throw badInput(`a Sobol' sequence has at most 2³² points`);
    for (let d = 0; d < this.dimension; d++) out[d] = this.x[d]! * SCALE;
    // Point index+1 differs from this one by the direction number of the lowest zero bit of index.
    const c = lowestZeroBit(this.index);
    if (c < BITS) for (let d = 0; d < this.dimension; d++) this.x[d] = (this.x[d]! ^ this.v[d]![c]!) >>> 0;
    this.index++;
    return out;
  }
}
