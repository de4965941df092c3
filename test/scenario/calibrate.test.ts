/**
 * The calibration (src/scenario/calibrate.ts) on the shipped data: its trend
 * is SIPRI's geometric mean growth (recomputed here from the CSV), its crisis
 * fit is computed on the MID onsets of the training years, the calibrated
 * scenario loads, and the calibrated arms rule keeps the trend growth.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readDocument } from '../../src/core/document.js';
import { isConcertError } from '../../src/core/errors.js';
import { backtestDocument } from '../../src/reports/backtest.js';
import { BacktestSchema } from '../../src/reports/schemas/backtest.js';
import { RunStore } from '../../src/runtime/store.js';
import { runBacktest } from '../../src/scenario/backtest.js';
import { Rng } from '../../src/core/rng.js';
import { scenarioSeries, simulateRun, yearCount } from '../../src/scenario/engine.js';
import { defaultParts } from '../../src/scenario/parts.js';
import { calibrate, calibratedDocument } from '../../src/scenario/calibrate.js';
import { prepareScenario } from '../../src/scenario/load.js';
import { midOnsets } from '../../src/world/mids.js';

function sipri(country: string, year: number): number {
  const line = readFileSync('data/sipri_milex_1949_2024_constant_2023_usd.csv', 'utf8')
    .split('\n')
    .find((l) => l.startsWith(`"${country}",${year},`));
  return Number(line!.split(',').at(-1));
}

const actors = ['USA', 'CHN', 'RUS', 'JPN', 'DEU', 'GBR', 'FRA', 'IND'];

describe('calibrate', { timeout: 120_000 }, () => {
  const cal = calibrate({ actors, from: 1992, to: 2000 });

  it('fits each actor’s trend as its geometric mean growth in SIPRI’s constant dollars', () => {
    const g = (sipri('Russia', 2000) / sipri('Russia', 1992)) ** (1 / 8) - 1;
    expect(cal.arms.trend.find((t) => t.actor === 'RUS')!.estimate).toBeCloseTo(g, 12);
    const us =
      (sipri('United States of America', 2000) / sipri('United States of America', 1992)) ** (1 / 8) - 1;
    expect(cal.arms.trend[0]!.estimate).toBeCloseTo(us, 12);
    expect(cal.arms.observations).toBe(8 * 8);
    expect(cal.arms.fatigue.estimate).toBeGreaterThan(0);
  });

  it('fits the crisis constants on the onsets of the training years, lagged one year', () => {
    const { onset } = midOnsets(actors, 1992);
    let onsets = 0;
    for (let y = 1993; y <= 2000; y++)
      for (let i = 0; i < 8; i++) for (let j = i + 1; j < 8; j++) onsets += onset(i, j, y);
    expect(cal.crises!.fit.events).toBe(onsets);
    expect(cal.crises!.fit.observations).toBe(8 * 28);
    expect(cal.crises!.baseRate).toBeCloseTo(onsets / 224, 12);
    // More hostility, more crises; the likelihood beats the base rate's.
    expect(cal.crises!.hostility.estimate).toBeGreaterThan(0);
    expect(cal.crises!.fit.logLikelihood).toBeGreaterThan(cal.crises!.fit.nullLogLikelihood);
  });

  it('names a year without SIPRI data', () => {
    try {
      calibrate({ actors, from: 1990, to: 2000 });
      expect.unreachable();
    } catch (e) {
      expect(isConcertError(e)).toBe(true);
      expect((e as Error).message).toMatch(/SIPRI has no military spending for RUS in 1990/);
    }
  });

  it('writes a loadable scenario whose uncertain ranges are the fit, and whose spending keeps its trend', () => {
    const doc = calibratedDocument(readDocument('scenarios/baseline-2017.yaml'), cal);
    const s = prepareScenario(doc);
    const paths = s.uncertain.map((u) => u.parameter);
    expect(paths).toContain('policies.RUS.arms.baselineGrowth');
    expect(paths).not.toContain('policies.default.arms.baselineGrowth');
    const k = s.uncertain.find((u) => u.parameter === 'policies.default.arms.reaction')!.distribution;
    expect(k).toMatchObject({ type: 'normal', mean: Number(cal.arms.reaction!.estimate.toPrecision(4)) });
    // Without hostility and shocks the calibrated rule grows every actor at its trend, every year.
    const quiet = prepareScenario({
      ...doc,
      value: {
        ...(doc.value as Record<string, unknown>),
        uncertain: [],
        events: [],
        couplings: {
          ...(doc.value as { couplings: object }).couplings,
          armsReaction: { trend: true, enabled: false },
        },
        policies: Object.fromEntries(
          Object.entries((doc.value as { policies: Record<string, { arms?: object }> }).policies).map(
            ([id, p]) => [id, { ...p, arms: { ...p.arms, shockSd: 0, baselineGrowth: 0.03 } }],
          ),
        ),
      },
    });
    const run = simulateRun(quiet, 0, Rng.stream(1, 0), defaultParts(quiet));
    const years = yearCount(quiet);
    const col = scenarioSeries(quiet).indexOf('arms.milexGrowth') * years;
    for (let t = 0; t < years; t++) expect(run.values[col + t]).toBeCloseTo(0.03, 12);
  });

  it('a calibrated backtest runs the fitted template and reports its fit', async () => {
    const store = RunStore.open(':memory:');
    try {
      const o = await runBacktest(readDocument('test/scenario/fixtures/small.yaml'), {
        from: 2000,
        to: 2002,
        runs: 8,
        seed: 3,
        workers: 1,
        store,
        calibrateFrom: 1992,
      });
      const small = calibrate({ actors: o.scenario.actors, from: 1992, to: 2000 });
      expect(o.calibration!.arms.fatigue.estimate).toBe(small.arms.fatigue.estimate);
      expect(o.scenario.raw.couplings).toMatchObject({
        armsReaction: { trend: true },
        interactionSignal: { relative: true },
      });
      expect(o.scenario.uncertain.map((u) => u.parameter)).toContain('policies.USA.arms.baselineGrowth');
      expect(o.years).toHaveLength(2);
      // The relation rates are fitted on the same training years and run, and the report carries them.
      const rel = o.calibration!.relations!;
      expect([rel.from, rel.to]).toEqual([1992, 2000]);
      const couplings = o.scenario.raw.couplings as Record<string, { rate?: number }>;
      expect(couplings.interactionSignal!.rate).toBeCloseTo(rel.interactionRate.estimate, 4);
      expect(couplings.structuralBalance!.rate).toBeCloseTo(rel.balanceRate.estimate, 4);
      const doc = backtestDocument(o, 2000, 2002, 8, 3);
      expect(doc.calibration!.relations).toMatchObject({
        from: 1992,
        to: 2000,
        interactionRate: { estimate: rel.interactionRate.estimate },
        balanceRate: { estimate: rel.balanceRate.estimate },
      });
      expect(BacktestSchema.safeParse(doc).success).toBe(true);
    } finally {
      store.close();
    }
  });
});
