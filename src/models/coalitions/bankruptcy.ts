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
import { ConcertError, type Problem } from '../../core/errors.js';
import {
  ExactFraction,
  Fraction,
  minRational,
  rationalFromNumber,
  rationalToNumber,
  sumRationals,
} from '../../core/rational.js';
import { BANKRUPTCY_RULES } from './names.js';

export type BankruptcyRule = (typeof BANKRUPTCY_RULES)[number];

/** Constrained equal awards in exact arithmetic: fill claims from the smallest up. */
function cea(estate: Fraction, claims: readonly Fraction[]): Fraction[] {
  const order = claims.map((_, i) => i).sort((a, b) => claims[a]!.compare(claims[b]!));
  const out = claims.map(() => new Fraction(0));
  let left = estate;
  let remaining = order.length;
  for (const i of order) {
    const share = left.div(new Fraction(remaining));
    const award = minRational(claims[i]!, share);
    out[i] = award;
    left = left.sub(award);
    remaining--;
  }
  return out;
}

/** Constrained equal losses: equal losses L − E split by CEA on the claims, subtracted. */
function cel(estate: Fraction, claims: readonly Fraction[]): Fraction[] {
  const losses = cea(sumRationals(claims).sub(estate), claims);
  return claims.map((d, i) => d.sub(losses[i]!));
}

/**
 * Awards of `rule` for the estate and claims (exact fractions, in the unit of
 * the estate), computed from the decimals given.
 *
 * @throws {ConcertError} bad input for an unknown rule (path `['rule']`), an
 *   estate or claim that is negative or not finite (`['estate']`,
 *   `['claims', i]`), or an estate above the total claims (`['estate']`).
 * @example
 * bankruptcyAwards('talmud', 200, [100, 200, 300]).map(String); // => ['50', '75', '75']
 */
export function bankruptcyAwards(
  rule: BankruptcyRule,
  estate: number,
  claims: readonly number[],
): ExactFraction[] {
  checkProblem(rule, estate, claims);
  const E = rationalFromNumber(estate);
  const d = claims.map((c) => rationalFromNumber(c));
  const total = sumRationals(d);
  if (E.compare(total) > 0)
    throw new ConcertError('bad-input', [
      {
        path: ['estate'],
        message: `estate ${estate} exceeds the total claims ${rationalToNumber(total)}: nothing is in dispute, so this is not a bankruptcy problem`,
      },
    ]);
  return awards(rule, E, d, total).map(ExactFraction.of);
}

function checkProblem(rule: BankruptcyRule, estate: number, claims: readonly number[]): void {
  const problems: Problem[] = [];
  if (!(BANKRUPTCY_RULES as readonly string[]).includes(rule))
    problems.push({
      path: ['rule'],
      message: `unknown rule "${rule}": expected one of ${BANKRUPTCY_RULES.join(', ')}`,
    });
  if (!(Number.isFinite(estate) && estate >= 0))
    problems.push({ path: ['estate'], message: `expected an estate ≥ 0; got ${estate}` });
  claims.forEach((c, i) => {
    if (!(Number.isFinite(c) && c >= 0))
      problems.push({ path: ['claims', i], message: `expected a claim ≥ 0; got ${c}` });
  });
  if (problems.length > 0) throw new ConcertError('bad-input', problems);
}

function awards(rule: BankruptcyRule, E: Fraction, d: readonly Fraction[], total: Fraction): Fraction[] {
  switch (rule) {
    case 'proportional':
      return total.n === 0n ? d.map(() => new Fraction(0)) : d.map((c) => E.mul(c).div(total));
    case 'cea':
      return cea(E, d);
    case 'cel':
      return cel(E, d);
    case 'talmud': {
      const half = d.map((c) => c.div(new Fraction(2)));
      const halfTotal = total.div(new Fraction(2));
      if (E.compare(halfTotal) <= 0) return cea(E, half);
      const extra = cel(E.sub(halfTotal), half);
      return half.map((h, i) => h.add(extra[i]!));
    }
  }
}
