/**
 * `concert arms …` end to end: JSON shapes (DESIGN.md), agreement with the
 * library, and the error contract (exit 2, located messages).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fitRichardson, milexFromWorldInputs, milexSeries } from '../../src/models/arms/index.js';
import { loadWorldInputs } from '../../src/world/index.js';
import { runCli, runCliJson } from '../helpers/cli.js';

const example = 'test/validation/fixtures/arms-two-nation.yaml';

interface SystemJson {
  actors: string[];
  coefficients: { reaction: number[][]; fatigue: number[]; grievance: number[] };
  equilibrium: number[] | null;
  eigenvalues: { re: number; im: number }[];
  stable: boolean;
  margin: number;
}

describe('concert arms', () => {
  it('stability --json reproduces fixture richardson-2x2-stable', () => {
    const out = runCliJson<SystemJson>([
      'arms',
      'stability',
      '--reaction',
      '[[0,0.5],[0.5,0]]',
      '--fatigue',
      '[1,1]',
      '--grievance',
      '[1,1]',
      '--actors',
      'USA,RUS',
    ]);
    expect(out.actors).toEqual(['USA', 'RUS']);
    expect(out.coefficients.fatigue).toEqual([1, 1]);
    expect(out.equilibrium![0]!).toBeCloseTo(2, 12);
    expect(out.eigenvalues.map((e) => e.re)).toEqual([expect.closeTo(-0.5, 12), expect.closeTo(-1.5, 12)]);
    expect(out.stable).toBe(true);
    expect(out.margin).toBeCloseTo(0.5, 12);
  });

  it('simulate --json reports the path, the threshold crossing and calendar years', () => {
    const out = runCliJson<
      SystemJson & {
        status: string;
        path: { tYears: number[]; years: number[]; states: number[][] };
        crossings: { name: string; actor: string; tYears: number; year: number }[];
      }
    >(['arms', 'simulate', example]);
    expect(out.status).toBe('done');
    expect(out.path.years[0]).toBe(2017);
    expect(out.path.years.at(-1)).toBe(2027);
    // Symmetric start at 0: x(t) = 2(1 − e^{−t/2}); x = 1.5 at t = 2 ln 4.
    expect(out.path.states[4]![1]!).toBeCloseTo(2 * (1 - Math.exp(-2)), 7);
    expect(out.crossings).toHaveLength(1);
    expect(out.crossings[0]!.name).toBe('RUS reaches 1.5');
    expect(out.crossings[0]!.tYears).toBeCloseTo(2 * Math.log(4), 7);
    expect(out.crossings[0]!.year).toBeCloseTo(2017 + 2 * Math.log(4), 7);
  });

  it('fit --json on COW NMC USA,RUS 1990..2016 equals the library fit on the same series', () => {
    const out = runCliJson<
      SystemJson & {
        observations: number;
        unit: string;
        standardErrors: { fatigue: number[] };
        years: object;
      }
    >(['arms', 'fit', '--states', 'USA,RUS', '--years', '1990..2016']);
    const series = milexSeries(['USA', 'RUS'], 1990, 2016, milexFromWorldInputs(loadWorldInputs()));
    expect(series.values[0]).toEqual([289_755_000, 128_790_000]);
    const fit = fitRichardson(series);
    expect(out.actors).toEqual(['USA', 'RUS']);
    expect(out.years).toEqual({ first: 1990, last: 2016 });
    expect(out.observations).toBe(26);
    expect(out.unit).toBe('thousands of current US$');
    expect(out.coefficients.fatigue).toEqual(fit.system.fatigue);
    expect(out.standardErrors.fatigue[0]).toBeGreaterThan(0);
    expect(out.eigenvalues).toHaveLength(2);
    expect(typeof out.stable).toBe('boolean');
  });

  it('a bad simulate file gets every problem located to file:line:column, exit 2', () => {
    const dir = mkdtempSync(join(tmpdir(), 'concert-arms-'));
    const file = join(dir, 'bad.yaml');
    writeFileSync(
      file,
      [
        'actors: [USA, RUS]',
        'reaction:',
        '  - [0, 0.5]',
        '  - [0.5]',
        'fatigue: [1, -1]',
        'grievance: [1, 1]',
        'initial: [0, 0]',
        'horizonYears: 10',
        'thresholds:',
        '  - {actor: CHN, level: 2}',
      ].join('\n'),
    );
    const r = runCli(['arms', 'simulate', file]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`${file}:4:5: reaction[1]: row 1 has 1 entries; expected 2`);
    expect(r.stderr).toContain(`${file}:5:14: fatigue[1]: fatigue must be ≥ 0`);
    expect(r.stderr).toContain(`${file}:10:13: thresholds[0].actor: unknown actor "CHN"`);
    expect(r.stderr).not.toMatch(/at .*\.ts:\d+/);
  });

  it('a ragged --reaction is exit 2 with the option, column and row named', () => {
    const ragged = runCli(['arms', 'stability', '--reaction', '[[0,1],[1]]', '--fatigue', '[1,1]']);
    expect(ragged.code).toBe(2);
    expect(ragged.stderr).toContain('--reaction:1:8: reaction[1]: row 1 has 1 entries; expected 2');
  });

  it('fit: years outside the data are exit 2 (unknown states: arms-nmc.test.ts)', () => {
    const y = runCli(['arms', 'fit', '--states', 'USA,RUS', '--years', '1800..2016']);
    expect(y.code).toBe(2);
    expect(y.stderr).toContain('--years: 1800..2016 is outside the COW NMC v6.0 data (1816..2016)');
  });
});
