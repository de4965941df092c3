import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type RelationFeatures,
  type RelationWeights,
  relationKindOf,
  relationPredictor,
  relationScore,
  relationTerms,
} from './relation-score.js';
import { signConfusion } from './sign-agreement.js';
import { votingAffinity } from './voting-affinity.js';

describe('votingAffinity', () => {
  it('counts only roll calls both states voted on', () => {
    const a = votingAffinity('yyna', 'ynn.')!;
    expect(a.commonVotes).toBe(3);
    expect(a.agreement).toBeCloseTo(2 / 3, 12);
    // distances 0 + 1 + 0 over the 3 common roll calls: S = 1 − 2·(1/3) = 1/3.
    expect(a.sScore).toBeCloseTo(1 / 3, 12);
  });

  it('gives S = 1 for identical votes, −1 for opposite yes/no votes, and null without a common roll call', () => {
    expect(votingAffinity('yna', 'yna')?.sScore).toBe(1);
    expect(votingAffinity('yyn', 'nny')?.sScore).toBe(-1);
    expect(votingAffinity('y.', '.n')).toBeNull();
  });

  it('is symmetric, with agreement in [0, 1] and S in [−1, 1]', () => {
    const votes = fc.array(fc.constantFrom('y', 'n', 'a', '.'), { minLength: 1, maxLength: 40 });
    fc.assert(
      fc.property(votes, votes, (a, b) => {
        const n = Math.min(a.length, b.length);
        const x = votingAffinity(a.slice(0, n).join(''), b.slice(0, n).join(''));
        const y = votingAffinity(b.slice(0, n).join(''), a.slice(0, n).join(''));
        expect(x).toEqual(y);
        if (x) {
          expect(x.agreement).toBeGreaterThanOrEqual(0);
          expect(x.agreement).toBeLessThanOrEqual(1);
          expect(x.sScore).toBeGreaterThanOrEqual(-1 - 1e-12);
          expect(x.sScore).toBeLessThanOrEqual(1 + 1e-12);
          // Every identical vote is at distance 0, so S ≥ 2·agreement − 1.
          expect(x.sScore).toBeGreaterThanOrEqual(2 * x.agreement - 1 - 1e-12);
        }
      }),
    );
  });
});

describe('signConfusion', () => {
  it('counts agreement and Cohen kappa', () => {
    const c = signConfusion([
      [1, 1],
      [1, 1],
      [-1, -1],
      [0, -1],
    ]);
    expect(c.agreement).toBe(0.75);
    expect(c.counts[1]![0]).toBe(1);
    // p_e = (2/4·2/4) + (1/4·2/4) = 3/8; κ = (3/4 − 3/8)/(5/8) = 0.6.
    expect(c.kappa).toBeCloseTo(0.6, 12);
  });

  it('has κ null when both sides put every pair in one class, and κ = 1 for perfect agreement otherwise', () => {
    expect(signConfusion([[1, 1]]).kappa).toBeNull();
    expect(
      signConfusion([
        [1, 1],
        [-1, -1],
      ]).kappa,
    ).toBe(1);
  });
});

const weights: RelationWeights = {
  intercept: 1,
  defense: 2,
  neutrality: 1.5,
  consultation: 0.5,
  disputesThreat: -3,
  disputesForce: -4,
  disputesWar: -5,
  disputesFatal: -1,
  rivalry: -1.5,
  idealPointDistance: -0.5,
  idealPointReference: 1,
  tradeDependence: 0,
};
const none: RelationFeatures = {
  defense: 0,
  neutrality: 0,
  consultation: 0,
  disputesThreat: 0,
  disputesForce: 0,
  disputesWar: 0,
  disputesFatal: 0,
  rivalry: 0,
  idealPointDistance: null,
  tradeDependence: null,
};

describe('the relation score', () => {
  it('is tanh(η/2) of the intercept plus the terms', () => {
    const x = { ...none, defense: 1, disputesForce: 0.5, idealPointDistance: 3 };
    const terms = relationTerms(x, weights);
    expect(terms.find((t) => t.component === 'alliance')?.contribution).toBe(2);
    expect(terms.find((t) => t.component === 'conflict')?.contribution).toBe(-2);
    expect(terms.find((t) => t.component === 'unga')?.contribution).toBe(-1);
    expect(relationPredictor(x, weights)).toBe(0);
    expect(relationScore(relationPredictor(x, weights))).toBe(0);
    expect(relationScore(2)).toBeCloseTo(2 / (1 + Math.exp(-2)) - 1, 12);
  });

  it('leaves the trade hook off by default: a trade dependence adds nothing at weight 0', () => {
    expect(relationPredictor({ ...none, tradeDependence: 0.8 }, weights)).toBe(weights.intercept);
    expect(
      relationPredictor({ ...none, tradeDependence: 0.8 }, { ...weights, tradeDependence: 1 }),
    ).toBeCloseTo(1.8, 12);
  });

  it('rises with every friendly feature and falls with every hostile one, staying in (−1, 1)', () => {
    const unit = fc.double({ min: 0, max: 1, noNaN: true });
    fc.assert(
      fc.property(unit, unit, unit, unit, (d, n, f, r) => {
        const x = { ...none, defense: d, neutrality: n, disputesForce: f, rivalry: r };
        const s = relationScore(relationPredictor(x, weights));
        expect(Math.abs(s)).toBeLessThan(1);
        expect(
          relationScore(relationPredictor({ ...x, defense: Math.min(1, d + 0.1) }, weights)),
        ).toBeGreaterThanOrEqual(s);
        expect(relationScore(relationPredictor({ ...x, disputesForce: f + 0.1 }, weights))).toBeLessThan(s);
      }),
    );
  });
});

describe('relationKindOf', () => {
  it('needs a defense obligation for an alliance', () => {
    expect(relationKindOf(0.9, false)).toBe('partnership');
    expect(relationKindOf(0.9, true)).toBe('alliance');
    expect(relationKindOf(0.3, true)).toBe('partnership');
    expect(relationKindOf(0.1, true)).toBe('neutral');
    expect(relationKindOf(-0.3, false)).toBe('rivalry');
    expect(relationKindOf(-0.65, false)).toBe('hostility');
  });

  it('reads a bare score of at least 0.75 as an alliance (a user relation without a kind)', () => {
    expect(relationKindOf(0.75)).toBe('alliance');
    expect(relationKindOf(0.74)).toBe('partnership');
  });
});
