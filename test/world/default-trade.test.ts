import { describe, expect, it } from 'vitest';
import { tradeTableOfWorld } from '../../src/models/economy/index.js';
import {
  capitalOf,
  cowDyadTrade,
  defaultPowerSeries,
  defaultTradeDependence,
  defaultTradeYear,
  greatCircleKm,
  gravityFrame,
  landContiguous,
  loadDefaultWorld,
  parseWorld,
} from '../../src/world/index.js';

describe('the trade of the default world', () => {
  it('the 2016 world carries COW’s last year, 2014, labelled on every state and in the description', () => {
    const w = loadDefaultWorld();
    expect(defaultTradeYear(2016)).toBe(2014);
    expect(w.actors.USA!.trade).toEqual({
      year: 2014,
      importsUsdM: 2_345_185.753472,
      exportsUsdM: 1_623_420.67519,
      gdpUsd: expect.any(Number),
    });
    expect(w.description).toMatch(/COW Trade v4\.0 of 2014, its last year/);
    const usChina = w.trade!.find((f) => f.a === 'USA' && f.b === 'CHN');
    expect(usChina).toEqual({
      a: 'USA',
      b: 'CHN',
      importsOfAFromBUsdM: 472_525,
      importsOfBFromAUsdM: 183_283,
    });
  });

  it('a world from 1870 to 2014 carries its own year; before 1870 there is no trade', () => {
    const w = loadDefaultWorld({ year: 1990 });
    expect(w.actors.JPN!.trade!.year).toBe(1990);
    expect(w.actors.JPN!.trade!.gdpUsd).toBe(w.actors.JPN!.gdpUsd);
    expect(loadDefaultWorld({ year: 1850 }).trade).toBeUndefined();
    expect(defaultTradeYear(1869)).toBeNull();
  });

  it('keeps zero flows and leaves out dyads with an unknown flow', () => {
    const w = loadDefaultWorld({ year: 2014 });
    const zeros = w.trade!.filter((f) => f.importsOfAFromBUsdM === 0 && f.importsOfBFromAUsdM === 0).length;
    expect(zeros).toBeGreaterThan(4000);
    for (const f of w.trade!) {
      expect(Number.isFinite(f.importsOfAFromBUsdM)).toBe(true);
      expect(Number.isFinite(f.importsOfBFromAUsdM)).toBe(true);
    }
  });

  it('gives the relation score the Oneal–Russett dependence of a COW dyad-year (US–China 2014: weak link 3.7 %)', () => {
    const d = defaultTradeDependence(2014, 2, 710)!;
    expect(d.tradeUsdM).toBe(655_808);
    expect(d.weakLink).toBeCloseTo(d.dependenceA, 12);
    expect(d.weakLink).toBeGreaterThan(0.036);
    expect(d.weakLink).toBeLessThan(0.038);
    expect(defaultTradeDependence(1950, 2, 710)).toBeNull(); // no World Bank GDP before 1960
    expect(cowDyadTrade(2014, 710, 2)).toEqual([183_283, 472_525]);
  });

  it('measures distance between capitals and land contiguity for gravity', () => {
    const washington = capitalOf(2, 2014)!;
    const beijing = capitalOf(710, 2014)!;
    expect(washington.name).toBe('Washington D.C.');
    const km = greatCircleKm(washington.latitude, washington.longitude, beijing.latitude, beijing.longitude);
    expect(km).toBeGreaterThan(11_000);
    expect(km).toBeLessThan(11_300);
    expect(capitalOf(220, 1941)!.name).toBe('Vichy');
    expect(landContiguous(2, 20, 2014)).toBe(true);
    expect(landContiguous(2, 710, 2014)).toBe(false);
    const frame = gravityFrame(loadDefaultWorld({ year: 2014 }));
    expect(frame.rows).toBe(2 * loadDefaultWorld({ year: 2014 }).trade!.length);
  });

  it('reads power series: Maddison PPP GDP and COW CINC by actor id', () => {
    const chn = new Map(defaultPowerSeries('CHN', 'gdp-ppp'));
    const usa = new Map(defaultPowerSeries('USA', 'gdp-ppp'));
    expect(chn.get(2016)! > usa.get(2016)!).toBe(true);
    expect(chn.get(2014)! < usa.get(2014)!).toBe(true);
    expect(new Map(defaultPowerSeries('USA', 'cinc')).get(2016)).toBe(0.13305758);
    expect(defaultPowerSeries('XXX', 'cinc')).toEqual([]);
  });

  it('flags states whose national totals stray from the sums of their flows (China’s include about a fifth more)', () => {
    const t = tradeTableOfWorld(loadDefaultWorld(), ['USA', 'CHN']);
    expect(t.importsUsdM[0]! / t.importsSumUsdM[0]!).toBeCloseTo(1, 1);
    expect(t.importsUsdM[1]! / t.importsSumUsdM[1]!).toBeGreaterThan(1.15);
    expect(tradeTableOfWorld(loadDefaultWorld(), ['CHN'], { totals: 'dyadic-sums' }).totals).toBe(
      'dyadic-sums',
    );
  });

  it('reads a world file’s own trade entries, summing national totals from them when actors have no trade block', () => {
    const world = parseWorld(
      [
        'year: 2020',
        'actors:',
        '  AAA: { name: Alpha, gdpUsd: 1.0e12 }',
        '  BBB: { name: Beta, gdpUsd: 2.0e12 }',
        'trade:',
        '  - { a: AAA, b: BBB, importsOfAFromBUsdM: 100000, importsOfBFromAUsdM: 150000 }',
      ].join('\n'),
      'w.yaml',
    );
    const t = tradeTableOfWorld(world);
    expect(t.totals).toBe('dyadic-sums');
    expect([...t.importsUsdM]).toEqual([100_000, 150_000]);
    expect([...t.exportsUsdM]).toEqual([150_000, 100_000]);
    expect([...t.gdpUsdM]).toEqual([1e6, 2e6]);
  });
});
