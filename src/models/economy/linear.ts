/**
 * The small dense linear algebra that least squares and IRLS need: weighted
 * cross products X′WX and X′Wz over a row-major design matrix, and the
 * Cholesky factorisation of a symmetric positive definite k × k matrix, with
 * the column at which it fails when the matrix is singular (a regressor that
 * is a linear combination of the ones before it).
 */

/** A row-major n × k design matrix. */
export interface Design {
  readonly rows: number;
  readonly cols: number;
  /** x[r·cols + c]. */
  readonly x: Float64Array;
}

/**
 * X′WX (k × k, symmetric, full storage) for weights w (all 1 when omitted).
 *
 * @example
 * crossProduct({ rows: 2, cols: 1, x: Float64Array.of(1, 2) }); // => Float64Array [5]
 */
export function crossProduct(d: Design, w?: ArrayLike<number>): Float64Array {
  const { rows, cols, x } = d;
  const out = new Float64Array(cols * cols);
  for (let r = 0; r < rows; r++) {
    const wr = w ? w[r]! : 1;
    if (wr === 0) continue;
    const o = r * cols;
    for (let a = 0; a < cols; a++) {
      const xa = x[o + a]! * wr;
      if (xa === 0) continue;
      const row = a * cols;
      for (let b = a; b < cols; b++) out[row + b] = out[row + b]! + xa * x[o + b]!;
    }
  }
  for (let a = 0; a < cols; a++) for (let b = 0; b < a; b++) out[a * cols + b] = out[b * cols + a]!;
  return out;
}

/** X′v (length k). */
export function crossVector(d: Design, v: ArrayLike<number>): Float64Array {
  const { rows, cols, x } = d;
  const out = new Float64Array(cols);
  for (let r = 0; r < rows; r++) {
    const vr = v[r]!;
    if (vr === 0) continue;
    const o = r * cols;
    for (let c = 0; c < cols; c++) out[c] = out[c]! + x[o + c]! * vr;
  }
  return out;
}

/** Xβ (length n). */
export function linearPredictor(d: Design, beta: ArrayLike<number>): Float64Array {
  const { rows, cols, x } = d;
  const out = new Float64Array(rows);
  for (let r = 0; r < rows; r++) {
    let s = 0;
    const o = r * cols;
    for (let c = 0; c < cols; c++) s += x[o + c]! * beta[c]!;
    out[r] = s;
  }
  return out;
}

/** A Cholesky factor L (lower triangular, A = LL′), or the first column whose pivot vanished. */
export type CholeskyResult =
  | { readonly ok: true; readonly l: Float64Array; readonly k: number }
  | { readonly ok: false; readonly column: number };

/**
 * Cholesky factorisation of a symmetric k × k matrix. A pivot at or below
 * `1e-10 ×` its diagonal entry (the column's squared length) means column j
 * is, to working precision, a linear combination of columns 0…j−1 (or is
 * all zero): the matrix is singular and `column` names it.
 *
 * @example
 * cholesky(Float64Array.of(4, 2, 2, 3), 2); // => { ok: true, l: [2, 0, 1, √2], k: 2 }
 */
export function cholesky(a: Float64Array, k: number): CholeskyResult {
  const l = new Float64Array(k * k);
  for (let j = 0; j < k; j++) {
    let d = a[j * k + j]!;
    for (let p = 0; p < j; p++) d -= l[j * k + p]! ** 2;
    if (!(d > 1e-10 * Math.abs(a[j * k + j]!)) || !(a[j * k + j]! > 0)) return { ok: false, column: j };
    const ljj = Math.sqrt(d);
    l[j * k + j] = ljj;
    for (let i = j + 1; i < k; i++) {
      let s = a[i * k + j]!;
      for (let p = 0; p < j; p++) s -= l[i * k + p]! * l[j * k + p]!;
      l[i * k + j] = s / ljj;
    }
  }
  return { ok: true, l, k };
}

/** Solves LL′x = b. */
export function choleskySolve(l: Float64Array, k: number, b: ArrayLike<number>): Float64Array {
  const y = new Float64Array(k);
  for (let i = 0; i < k; i++) {
    let s = b[i]!;
    for (let p = 0; p < i; p++) s -= l[i * k + p]! * y[p]!;
    y[i] = s / l[i * k + i]!;
  }
  const x = new Float64Array(k);
  for (let i = k - 1; i >= 0; i--) {
    let s = y[i]!;
    for (let p = i + 1; p < k; p++) s -= l[p * k + i]! * x[p]!;
    x[i] = s / l[i * k + i]!;
  }
  return x;
}

/** (LL′)⁻¹, column by column. */
export function choleskyInverse(l: Float64Array, k: number): Float64Array {
  const inv = new Float64Array(k * k);
  const e = new Float64Array(k);
  for (let c = 0; c < k; c++) {
    e.fill(0);
    e[c] = 1;
    const col = choleskySolve(l, k, e);
    for (let r = 0; r < k; r++) inv[r * k + c] = col[r]!;
  }
  return inv;
}

/** The sandwich A·B·A of k × k matrices (A symmetric). */
export function sandwich(a: Float64Array, b: Float64Array, k: number): Float64Array {
  const ab = new Float64Array(k * k);
  for (let i = 0; i < k; i++)
    for (let j = 0; j < k; j++) {
      let s = 0;
      for (let p = 0; p < k; p++) s += a[i * k + p]! * b[p * k + j]!;
      ab[i * k + j] = s;
    }
  const out = new Float64Array(k * k);
  for (let i = 0; i < k; i++)
    for (let j = 0; j < k; j++) {
      let s = 0;
      for (let p = 0; p < k; p++) s += ab[i * k + p]! * a[p * k + j]!;
      out[i * k + j] = s;
    }
  return out;
}
