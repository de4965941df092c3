/**
 * `concert economy …` and `concert coalitions solve --world default` as a
 * user meets them: the default world's answers, and bad input that exits 2
 * with one located message.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, runCliJson } from '../helpers/cli.js';

describe('concert economy', () => {
  it('gains: the major powers’ ACR gains of 2014 at θ = 5, between 1 % and 10 % of GDP', () => {
    const doc = runCliJson<{ tradeYear: number; states: { id: string; gainShare: number }[] }>([
      'economy',
      'gains',
    ]);
    expect(doc.tradeYear).toBe(2014);
    expect(doc.states.map((s) => s.id)).toEqual(['USA', 'GBR', 'FRA', 'DEU', 'RUS', 'CHN', 'JPN']);
    for (const s of doc.states) {
      expect(s.gainShare).toBeGreaterThan(0.01);
      expect(s.gainShare).toBeLessThan(0.1);
    }
    // The US trades least relative to its size: the smallest gains of the seven.
    expect(Math.min(...doc.states.map((s) => s.gainShare))).toBe(doc.states[0]!.gainShare);
  });

  it('exits 2 with a located message for bad input', () => {
    const cases: [string[], RegExp][] = [
      [['economy', 'dependence', '--states', 'USA,XXX'], /--states\[1\]: unknown actor "XXX"/],
      [['economy', 'gains', '--year', '1850'], /--year: the world of 1850 has no trade/],
      [['economy', 'gains', '--theta', '-5'], /--theta: expected a trade elasticity θ > 0/],
      [
        ['economy', 'gravity', '--formula', 'trade ~ log(gdp_ex) + log(gdp_ex)'],
        /--formula: the term log\(gdp_ex\) is given twice/,
      ],
      [['economy', 'transition', 'CHN', 'ZZZ'], /<b>: no Maddison GDP series for "ZZZ"/],
    ];
    for (const [args, message] of cases) {
      const r = runCli(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.stderr).not.toMatch(/at .*\.ts:\d+/);
    }
  });

  it('gravity: a singular design matrix names the collinear term; dropping it fits', () => {
    const dir = mkdtempSync(join(tmpdir(), 'concert-economy-'));
    const file = join(dir, 'flows.csv');
    writeFileSync(file, 'trade,b,c,d\n1,2,4,1\n2,4,8,0\n3,6,12,1\n4,8,16,0\n5,1,2,1\n7,3,6,0\n');
    const r = runCli(['economy', 'gravity', '--data', file, '--formula', 'trade ~ b + d + c']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      /--formula: singular design matrix: c is constant or a linear combination of \(Intercept\), b, d/,
    );
    expect(runCli(['economy', 'gravity', '--data', file, '--formula', 'trade ~ b + d']).code).toBe(0);
  });
});

describe('concert coalitions solve --world default', () => {
  it('shares the gains from trade among the major powers, China’s share the largest', () => {
    const doc = runCliJson<{ allocation: { player: string; value: number }[] }>([
      'coalitions',
      'solve',
      '--world',
      'default',
      '--solution',
      'shapley',
    ]);
    expect(doc.allocation.map((a) => a.player)).toEqual(['USA', 'GBR', 'FRA', 'DEU', 'RUS', 'CHN', 'JPN']);
    for (const a of doc.allocation) expect(a.value).toBeGreaterThan(0);
    const chn = doc.allocation.find((a) => a.player === 'CHN')!.value;
    expect(chn).toBe(Math.max(...doc.allocation.map((a) => a.value)));
  });
});
