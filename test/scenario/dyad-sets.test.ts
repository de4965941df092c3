/**
 * Per-dyad indicators record the dyads they are about: crisis stability the
 * nuclear dyads, core-interest tension the dyads of the powers in the
 * core-interest data, crisis probability (on request) every dyad.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Rng } from '../../src/core/rng.js';
import { scenarioSeries, simulateRun } from '../../src/scenario/engine.js';
import { parseScenario } from '../../src/scenario/load.js';
import { defaultParts } from '../../src/scenario/parts.js';
import { logistic } from '../../src/scenario/crises.js';

const baseline = readFileSync('scenarios/baseline-2017.yaml', 'utf8');

describe('dyad sets of per-dyad indicators', () => {
  it('baseline-2017: crisis stability over the 15 nuclear dyads, core-interest tension over the P5 dyads only', () => {
    const s = parseScenario(baseline, 'scenarios/baseline-2017.yaml');
    const names = scenarioSeries(s);
    const crisis = names.filter((n) => n.startsWith('crisisStability.') && n.includes('-'));
    const tension = names.filter((n) => n.startsWith('coreInterests.') && n.includes('-'));
    expect(crisis).toHaveLength(15); // USA, CHN, RUS, GBR, FRA, IND
    const p5 = ['USA', 'CHN', 'RUS', 'GBR', 'FRA'];
    const members = s.coreInterests!.actors;
    expect([...members].sort()).toEqual([...p5].sort());
    expect(tension).toHaveLength(10);
    expect(tension.some((n) => n.includes('IND') || n.includes('JPN') || n.includes('DEU'))).toBe(false);
    expect(names.some((n) => n.startsWith('crisisProbability'))).toBe(false); // only on request
  });

  it('crisisProbability.dyad, when asked for, records every dyad with logistic(c0 − c1·r), and 0 with crises off', () => {
    const text = baseline
      .replace(/^years: .*$/m, 'years: 2017..2018')
      .concat('\nindicators: [crisisProbability.dyad, relations.meanScore]\n');
    const s = parseScenario(text, 'x.yaml');
    const names = scenarioSeries(s);
    expect(names).toHaveLength(28 + 1);
    const run = simulateRun(s, 0, Rng.stream(1, 0), defaultParts(s));
    for (let k = 0; k < 28; k++) {
      const p = run.values[k * 2]!;
      expect(p).toBeGreaterThan(0);
      expect(p).toBeLessThan(1);
    }
    // baseline-2017's fitted constants c0 = −2.573, c1 = 1.666: a neutral dyad (r = 0) has logistic(−2.573).
    expect(baseline).toMatch(/^ {2}crises: \{ base: -2\.573, hostility: 1\.666 \}$/m);
    expect(logistic(-2.573)).toBeCloseTo(0.071, 3);
    const off = parseScenario(text.replace(/^ {2}crises: .*$/m, '  crises: false'), 'y.yaml');
    const quiet = simulateRun(off, 0, Rng.stream(1, 0), defaultParts(off));
    for (let k = 0; k < 28; k++) expect(quiet.values[k * 2]).toBe(0);
  });
});
