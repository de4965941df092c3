/**
 * Walk-based balance (Estrada & Benzi 2014, Phys. Rev. E 90:042802; as in
 * signnet `balance_score(g, "walk")`).
 */
import { EigenvalueDecomposition, Matrix } from 'ml-matrix';
import type { SignedNetwork } from './network.js';

/** Above this many nodes the dense eigendecomposition is not attempted. */
export const WALK_BALANCE_MAX_NODES = 2000;

/**
 * K = tr e^A / tr e^|A| = Σ_i exp(λ_i(A)) / Σ_i exp(μ_i(|A|)), with A the
 * signed adjacency matrix (entries ±1, or the weights with `weighted`) and
 * |A| its entry-wise absolute value: the weighted share of closed walks that
 * are balanced; K = 1 iff every cycle is balanced. Both spectra come from
 * symmetric eigendecompositions (ml-matrix, `assumeSymmetric`); the ratio is
 * evaluated as exp(logΣexp λ − logΣexp μ) so large spectra do not overflow.
 * Returns `null` for an empty network or above {@link WALK_BALANCE_MAX_NODES}
 * nodes (O(n³) work).
 */
export function walkBalance(net: SignedNetwork, options: { weighted?: boolean } = {}): number | null {
  const n = net.nodes.length;
  if (n === 0 || n > WALK_BALANCE_MAX_NODES) return null;
  const signed = new Matrix(n, n);
  const unsigned = new Matrix(n, n);
  for (const e of net.edges) {
    const w = options.weighted ? e.weight : Math.sign(e.weight);
    signed.set(e.a, e.b, w);
    signed.set(e.b, e.a, w);
    unsigned.set(e.a, e.b, Math.abs(w));
    unsigned.set(e.b, e.a, Math.abs(w));
  }
  const lambda = new EigenvalueDecomposition(signed, { assumeSymmetric: true }).realEigenvalues;
  const mu = new EigenvalueDecomposition(unsigned, { assumeSymmetric: true }).realEigenvalues;
  return Math.min(1, Math.exp(logSumExp(lambda) - logSumExp(mu)));
}

function logSumExp(xs: readonly number[]): number {
  let max = Number.NEGATIVE_INFINITY;
  for (const x of xs) if (x > max) max = x;
  let s = 0;
  for (const x of xs) s += Math.exp(x - max);
  return max + Math.log(s);
}
