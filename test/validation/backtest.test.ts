/**
 * `concert backtest` end to end on a small run: the observed values it scores
 * against are SIPRI's (recomputed here from the CSV, independently of the
 * loader), not the engine's own output; the CRPS is that of the stored runs.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readDocument } from '../../src/core/document.js';
import { crpsEnsemble } from '../../src/models/forecast/scores.js';
import { RunStore } from '../../src/runtime/store.js';
import { forcesYearFor, runBacktest } from '../../src/scenario/backtest.js';
import { scenarioSeries } from '../../src/scenario/engine.js';
import { loadDefaultWorld } from '../../src/world/index.js';
import { runCli } from '../helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'concert-backtest-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const small = 'test/scenario/fixtures/small.yaml'; // USA, RUS, CHN

/** SIPRI constant-2023 US$ of one country and year, straight from the CSV. */
function sipri(country: string, year: number): number {
  const line = readFileSync('data/sipri_milex_1949_2024_constant_2023_usd.csv', 'utf8')
    .split('\n')
    .find((l) => l.startsWith(`"${country}",${year},`));
  return Number(line!.split(',').at(-1));
}

describe('backtest', { timeout: 180_000 }, () => {
  it('scores the stored runs against the observed growth of the three powers’ total spending', async () => {
    const store = RunStore.open(':memory:');
    try {
      const o = await runBacktest(readDocument(small), {
        from: 2000,
        to: 2003,
        runs: 20,
        seed: 4,
        workers: 1,
        store,
      });
      const names = ['United States of America', 'Russia', 'China'];
      const total = (y: number) => names.reduce((s, n) => s + sipri(n, y), 0);
      expect(o.years.map((y) => y.year)).toEqual([2001, 2002, 2003]);
      for (const y of o.years) expect(y.observed).toBeCloseTo(total(y.year) / total(y.year - 1) - 1, 12);
      expect(o.trainFrom).toBe(1993);
      expect(o.training[0]).toBeCloseTo(total(1993) / total(1992) - 1, 12);
      expect(o.forcesYear).toBe(2000);
      // The CRPS is that of the engine's runs as stored.
      const names2 = scenarioSeries(o.scenario);
      const col = names2.indexOf('arms.milexGrowth') * 3;
      const runs = [...store.iterateRuns(o.ensemble.meta.id)];
      expect(runs).toHaveLength(20);
      for (const [t, y] of o.years.entries()) {
        expect(y.crps).toBe(
          crpsEnsemble(
            runs.map((r) => r.values[col + t]!),
            y.observed,
          ),
        );
        expect(y.q05).toBeLessThanOrEqual(y.q95);
      }
      // MID onsets: the first year of each dispute-dyad among the three, from the COW CSV.
      const first = new Map<string, number>();
      for (const line of readFileSync('data/cow_mid_v5.0_directed_dyadic_dispute_year.csv', 'utf8')
        .split('\n')
        .slice(1)) {
        const [dispnum, c1, c2, year] = line.split(',').map(Number);
        const codes = [2, 365, 710];
        if (!codes.includes(c1!) || !codes.includes(c2!)) continue;
        const key = `${dispnum}|${Math.min(c1!, c2!)}|${Math.max(c1!, c2!)}`;
        first.set(key, Math.min(first.get(key) ?? 9999, year!));
      }
      // A dyad-year with an onset counts once (two disputes began between the US and China in 2001).
      const dyadYears = (lo: number, hi: number) =>
        new Set(
          [...first]
            .filter(([, y]) => y >= lo && y <= hi)
            .map(([k, y]) => `${k.split('|').slice(1).join('-')}-${y}`),
        ).size;
      const onsets = dyadYears(2001, 2003);
      expect(o.mids).not.toBeNull();
      expect(o.mids!.dyadYears).toBe(3 * 3);
      expect(o.mids!.onsets).toBe(onsets);
      const training = dyadYears(1993, 2000);
      expect(o.mids!.baseRate).toBeCloseTo(training / (3 * 8), 12);
      // Relations: the relation rule on each year's observed data (the embedded world of the year).
      expect(o.relations).not.toBeNull();
      expect(o.relations!.dyadYears).toBe(3 * 3);
      const score = (w: ReturnType<typeof loadDefaultWorld>, a: string, b: string) =>
        w.relations.find((r) => (r.a === a && r.b === b) || (r.a === b && r.b === a))?.score ?? 0;
      const pairs = [
        ['USA', 'RUS'],
        ['USA', 'CHN'],
        ['RUS', 'CHN'],
      ] as const;
      const w2000 = loadDefaultWorld({ year: 2000 });
      let mae = 0;
      for (const y of [2001, 2002, 2003]) {
        const w = loadDefaultWorld({ year: y });
        for (const [a, b] of pairs) mae += Math.abs(score(w2000, a, b) - score(w, a, b));
      }
      expect(o.relations!.meanAbsoluteErrorPersistence).toBeCloseTo(mae / 9, 12);
      expect(o.scenario.events).toEqual([]);
      expect(o.scenario.years).toEqual({ from: 2001, to: 2003 });
    } finally {
      store.close();
    }
  });

  it('picks the nearest shipped forces year', () => {
    expect([2000, 2004, 2005, 2006, 2013, 2014, 2016].map(forcesYearFor)).toEqual([
      2000, 2000, 2000, 2010, 2010, 2017, 2017,
    ]);
  });

  it('concert backtest prints the table and summary, and locates bad years', () => {
    const store = join(dir, 'bt.db');
    const r = runCli([
      'backtest',
      '--scenario',
      small,
      '--from',
      '2010',
      '--to',
      '2012',
      '--runs',
      '10',
      '--store',
      store,
    ]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('the engine started from the world of 2010 (forces of 2010)');
    expect(r.stdout).toMatch(/2011\s+-?\d+\.\d %/);
    expect(r.stdout).toContain('skill (1 − CRPS/benchmark');
    expect(r.stdout).toContain('relations 2011–2012 (every dyad');
    expect(r.stdout).toContain('MID onsets 2011–2012');
    const bad = runCli(['backtest', '--scenario', small, '--from', '1990', '--store', store]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--from: SIPRI has no total for USA, RUS, CHN in 1982 or 1983');
    const late = runCli(['backtest', '--scenario', small, '--to', '2030', '--store', store]);
    expect(late.code).toBe(2);
    expect(late.stderr).toContain('--to: expected a last year after the start year and at most 2024');
  });
});
