import { describe, expect, it } from 'vitest';
import { fanChartSvg } from '../../src/reports/html.js';

describe('the HTML report’s fan chart of a per-dyad crisis-stability series', () => {
  it('draws a series equal up to float rounding (a dyad at 1) with a finite axis (it grew an array until V8 aborted)', () => {
    const one = 1 - Number.EPSILON / 2;
    const svg = fanChartSvg('crisisStability.GBR-IND', {
      years: [2017, 2018, 2019],
      q05: [one, 1, 1],
      q25: [1, 1, 1],
      q50: [1, 1, 1],
      q75: [1, 1, 1],
      q95: [1, 1, 1],
    } as never);
    expect(svg).toMatch(/^<svg/);
    expect((svg.match(/<line /g) ?? []).length).toBeLessThan(50);
  });
});
