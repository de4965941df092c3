/**
 * Bankruptcy (claims) problems: an estate E ≥ 0 and claims d_i ≥ 0 with
 * Σ d_i ≥ E (O'Neill 1982; Aumann & Maschler 1985; Thomson 2003, "Axiomatic
 * and game-theoretic analysis of bankruptcy and taxation problems", Math.
 * Social Sciences 45:249–297). Every rule awards 0 ≤ x_i ≤ d_i with Σ x_i = E,
 * computed in exact rational arithmetic from the decimals given.
 *
 * - proportional: x_i = E · d_i / Σ d.
 * - constrained equal awards (CEA): x_i = min(d_i, λ), λ solving Σ x = E.
 * - constrained equal losses (CEL): x_i = max(0, d_i − μ), μ solving Σ x = E.
 * - Talmud (Aumann & Maschler 1985): if E ≤ Σd/2, CEA on the half-claims
 *   d/2; otherwise d_i/2 + CEL(E − Σd/2, d/2). For two claimants it is the
 *   contested-garment rule, and it equals the nucleolus of the bankruptcy game.
 */
import { Rational, sumRationals } from './rational.js';

export const BANKRUPTCY_RULES = ['proportional', 'cea', 'cel', 'talmud'] as const;
export type BankruptcyRule = (typeof BANKRUPTCY_RULES)[number];

/** Constrained equal awards in exact arithmetic: fill claims from the smallest up. */
function cea(estate: Rational, claims: readonly Rational[]): Rational[] {
  const order = claims.map((_, i) => i).sort((a, b) => claims[a]!.cmp(claims[b]!));
  const out = claims.map(() => Rational.ZERO);
  let left = estate;
  let remaining = order.length;
  for (const i of order) {
    const share = left.div(Rational.of(remaining));
    const award = claims[i]!.min(share);
    out[i] = award;
    left = left.sub(award);
    remaining--;
  }
  return out;
}

/** Constrained equal losses: equal losses L − E split by CEA on the claims, subtracted. */
function cel(estate: Rational, claims: readonly Rational[]): Rational[] {
  const losses = cea(sumRationals(claims).sub(estate), claims);
  return claims.map((d, i) => d.sub(losses[i]!));
}

/**
 * Awards of `rule` for the estate and claims (exact fractions). Assumes a
 * valid problem: E ≥ 0, d_i ≥ 0, Σ d ≥ E.
 */
export function bankruptcyAwards(
  rule: BankruptcyRule,
  estate: number,
  claims: readonly number[],
): Rational[] {
  const E = Rational.fromDecimal(estate);
  const d = claims.map((c) => Rational.fromDecimal(c));
  const total = sumRationals(d);
  switch (rule) {
    case 'proportional':
      return total.isZero() ? d.map(() => Rational.ZERO) : d.map((c) => E.mul(c).div(total));
    case 'cea':
      return cea(E, d);
    case 'cel':
      return cel(E, d);
    case 'talmud': {
      const half = d.map((c) => c.div(Rational.of(2)));
      const halfTotal = total.div(Rational.of(2));
      if (E.cmp(halfTotal) <= 0) return cea(E, half);
      const extra = cel(E.sub(halfTotal), half);
      return half.map((h, i) => h.add(extra[i]!));
    }
  }
}
