/**
 * The sensitivity view's input arithmetic (web/src/sensitivity.ts): its run
 * count is the server's design size, its series check accepts the series a
 * scenario reports and refuses others, and axis ends are round.
 */
import { describe, expect, it } from 'vitest';
import { designRuns } from '../../src/scenario/sensitivity.js';
import { designRunCount, isSeriesOf, METHODS, niceCeil } from '../../web/src/sensitivity.js';

describe('the sensitivity view’s inputs', () => {
  it('counts the runs of a design as the server does', () => {
    for (const method of METHODS)
      for (const k of [1, 10, 19])
        for (const n of [2, 8, 1024]) expect(designRunCount(method, k, n)).toBe(designRuns(method, k, n));
  });

  it('knows a series of the scenario: an indicator, an indicator of a state, a dyad of a per-dyad indicator', () => {
    const indicators = ['stability.index', 'gains.net', 'crisisStability.dyad'];
    const actors = ['USA', 'CHN', 'RUS'];
    expect(isSeriesOf('stability.index', indicators, actors)).toBe(true);
    expect(isSeriesOf('gains.net.USA', indicators, actors)).toBe(true);
    expect(isSeriesOf('crisisStability.USA-RUS', indicators, actors)).toBe(true);
    expect(isSeriesOf('crisisStability.dyad', indicators, actors)).toBe(false);
    expect(isSeriesOf('crisisStability.USA-USA', indicators, actors)).toBe(false);
    expect(isSeriesOf('gains.net.JPN', indicators, actors)).toBe(false);
    expect(isSeriesOf('stability.nope', indicators, actors)).toBe(false);
    expect(isSeriesOf('', indicators, actors)).toBe(false);
  });

  it('rounds an axis end up to 1, 1.5, 2, 2.5, 3, 4, 5, 6 or 8 times a power of ten', () => {
    expect(niceCeil(1)).toBe(1);
    expect(niceCeil(0.0284)).toBe(0.03);
    expect(niceCeil(0.3)).toBe(0.3);
    expect(niceCeil(3.65)).toBe(4);
    expect(niceCeil(0.041)).toBe(0.05);
    expect(niceCeil(7)).toBe(8);
    expect(niceCeil(8.5)).toBe(10);
    expect(niceCeil(0)).toBe(1);
  });
});
