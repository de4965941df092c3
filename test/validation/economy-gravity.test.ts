/**
 * Santos Silva & Tenreyro (2006), "The Log of Gravity", REStat 88(4), Table 3,
 * on the full replication sample (18,360 exporter–importer pairs, 1990;
 * data/sst2006_log_of_gravity_table3.csv).
 *
 * PPML: every coefficient to 3 decimals and the robust standard errors of the
 * GDP and distance terms to 2 decimals, as published (the values in
 * ../shared/models/economy.md §3). OLS of ln T on the 9,613 positive flows:
 * the coefficients of Table 3's OLS column, to 3 decimals.
 *
 * "To 3 decimals" means within half a unit of the third decimal of the
 * published figure. One estimate sits on a rounding boundary: importer
 * remoteness converges to 0.56149995 here (and with numpy's solver), 5·10⁻⁸
 * below 0.5615, while the table prints 0.562; the check allows 10⁻⁷ beyond
 * the half unit for that reason (docs/models/economy.md, validation).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { gravity, parseDataFrame, parseFormula } from '../../src/models/economy/index.js';

const file = new URL('../../data/sst2006_log_of_gravity_table3.csv', import.meta.url);
const frame = parseDataFrame(readFileSync(file, 'utf8'), 'sst2006_log_of_gravity_table3.csv');
const TABLE3 =
  'trade ~ lypex + lypim + lyex + lyim + ldist + border + comlang + colony + landl_ex + landl_im + lremot_ex + lremot_im + comfrt_wto + open_wto';

/** |estimate − published| ≤ 0.0005 (+10⁻⁷ for the boundary case above). */
const toThreeDecimals = (estimate: number, published: number) =>
  Math.abs(estimate - published) <= 0.0005 + 1e-7;

const coefficientsOf = (method: 'ols' | 'ppml') => {
  const fit = gravity(frame, parseFormula(TABLE3), { method });
  return { fit, by: new Map(fit.coefficients.map((c) => [c.term, c])) };
};

describe('Santos Silva & Tenreyro (2006) Table 3', () => {
  it('reads the replication sample: 18,360 pairs, 8,747 of them with zero trade', () => {
    expect(frame.rows).toBe(18_360);
    expect([...frame.columns.trade!].filter((t) => t === 0)).toHaveLength(8_747);
  });

  it('PPML on all 18,360 observations: every coefficient to 3 decimals', () => {
    const { fit, by } = coefficientsOf('ppml');
    expect(fit.observations).toBe(18_360);
    expect(fit.zeroResponses).toBe(8_747);
    expect(fit.converged).toBe(true);
    const published: Record<string, number> = {
      lypex: 0.732,
      lypim: 0.741,
      lyex: 0.157,
      lyim: 0.135,
      ldist: -0.784,
      border: 0.193,
      comlang: 0.746,
      colony: 0.025,
      landl_ex: -0.863,
      landl_im: -0.696,
      lremot_ex: 0.66,
      lremot_im: 0.562,
      comfrt_wto: 0.181,
      open_wto: -0.107,
      '(Intercept)': -32.326,
    };
    for (const [term, value] of Object.entries(published))
      expect(toThreeDecimals(by.get(term)!.estimate, value), `${term}: ${by.get(term)!.estimate}`).toBe(true);
  });

  it('PPML robust standard errors of the GDP and distance terms to 2 decimals (0.03, 0.03, 0.05)', () => {
    const { by } = coefficientsOf('ppml');
    expect(Number(by.get('lypex')!.standardError.toFixed(2))).toBe(0.03);
    expect(Number(by.get('lypim')!.standardError.toFixed(2))).toBe(0.03);
    expect(Number(by.get('ldist')!.standardError.toFixed(2))).toBe(0.05);
  });

  it('log-linear OLS drops the zero flows (9,613 observations) and gives the OLS column', () => {
    const { fit, by } = coefficientsOf('ols');
    expect(fit.observations).toBe(9_613);
    expect(fit.dropped.nonPositiveResponse).toBe(8_747);
    const published: Record<string, number> = {
      lypex: 0.938,
      lypim: 0.798,
      lyex: 0.207,
      lyim: 0.106,
      ldist: -1.166,
      border: 0.314,
      comlang: 0.678,
      colony: 0.397,
      landl_ex: -0.062,
      landl_im: -0.665,
      lremot_ex: 0.467,
      lremot_im: -0.205,
      comfrt_wto: 0.491,
      open_wto: -0.17,
    };
    for (const [term, value] of Object.entries(published))
      expect(toThreeDecimals(by.get(term)!.estimate, value), `${term}: ${by.get(term)!.estimate}`).toBe(true);
  });

  it('PPML and OLS disagree most on distance: the bias the paper is about (−0.784 vs −1.166)', () => {
    const ppml = coefficientsOf('ppml').by.get('ldist')!.estimate;
    const ols = coefficientsOf('ols').by.get('ldist')!.estimate;
    expect(ols - ppml).toBeLessThan(-0.3);
  });
});
