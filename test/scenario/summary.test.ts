import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RunStore } from '../../src/runtime/store.js';
import {
  bandsOf,
  columnSummary,
  QUANTILES,
  quantileSorted,
  SUMMARY_BUDGET_VALUES,
  seriesBlocks,
  summarize,
  summarizeBlock,
} from '../../src/scenario/summary.js';

const same = (a: number, b: number) => a === b || (Number.isNaN(a) && Number.isNaN(b));

describe('ensemble summaries', () => {
  it('selects the same quantiles as sorting, with NaN sorted last, and the mean in run order (property)', () => {
    const value = fc.oneof(
      fc.double({ noDefaultInfinity: true }),
      fc.integer({ min: -3, max: 3 }),
      fc.constant(Number.NaN),
    );
    fc.assert(
      fc.property(fc.array(value, { minLength: 1, maxLength: 400 }), (values) => {
        const column = Float64Array.from(values);
        const sorted = Float64Array.from(values).sort();
        let sum = 0;
        for (const v of values) sum += v;
        const { quantiles, mean } = columnSummary(column);
        QUANTILES.forEach((p, k) => {
          expect(same(quantiles[k]!, quantileSorted(sorted, p)), `q${p} of ${values.length}`).toBe(true);
        });
        expect(same(mean, sum / values.length)).toBe(true);
      }),
      { numRuns: 400 },
    );
    expect(columnSummary(new Float64Array(0)).quantiles.every(Number.isNaN)).toBe(true);
  });

  it('splits series into blocks within the memory budget, as many as a multiple of the threads', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 200 }),
        fc.integer({ min: 1, max: 60 }),
        fc.integer({ min: 1, max: 200_000 }),
        fc.integer({ min: 1, max: 8 }),
        (series, years, runs, threads) => {
          const blocks = seriesBlocks(series, years, runs, threads);
          expect(blocks[0]![0]).toBe(0);
          expect(blocks.at(-1)![1]).toBe(series);
          for (let b = 1; b < blocks.length; b++) expect(blocks[b]![0]).toBe(blocks[b - 1]![1]);
          for (const [first, last] of blocks) {
            expect(last).toBeGreaterThan(first);
            if (last - first > 1)
              expect((last - first) * years * runs).toBeLessThanOrEqual(SUMMARY_BUDGET_VALUES);
          }
          if (blocks.length < series) expect(blocks.length % threads).toBe(0);
        },
      ),
    );
  });

  it('gives the same bands from a worker-style block read of the store file as in one pass', () => {
    const dir = mkdtempSync(join(tmpdir(), 'concert-summary-'));
    try {
      const path = join(dir, 'runs.db');
      const store = RunStore.open(path);
      const series = ['a', 'b', 'c'];
      const meta = {
        id: 'abcdef012345',
        scenario: 't',
        seed: 1,
        yearFrom: 2020,
        yearTo: 2022,
        series,
        parameters: [],
        definition: '{}',
      };
      store.ensureEnsemble(meta, 60);
      const runs = Array.from({ length: 60 }, (_, k) => ({
        run: k,
        values: Float64Array.from({ length: 9 }, (_, i) => Math.sin(k * 7 + i * 13) * (i + 1)),
        draws: new Float64Array(0),
      }));
      store.writeRuns(meta.id, runs);
      const whole = summarize(store, meta, 60);
      const vectors = runs.map((r) => r.values);
      expect(bandsOf(() => vectors, series, 2020, 2022, 60)).toEqual(whole);
      const parts = seriesBlocks(3, 3, 60, 2).map(([first, last]) =>
        summarizeBlock({
          storePath: path,
          ensembleId: meta.id,
          series,
          yearFrom: 2020,
          yearTo: 2022,
          runs: 60,
          first,
          last,
        }),
      );
      expect(Object.assign({}, ...parts)).toEqual(whole);
      expect(Object.keys(whole)).toEqual(series);
      // The reader opens the file read-only and does not create one.
      expect(() =>
        summarizeBlock({
          storePath: join(dir, 'missing.db'),
          ensembleId: meta.id,
          series,
          yearFrom: 2020,
          yearTo: 2022,
          runs: 60,
          first: 0,
          last: 1,
        }),
      ).toThrow(/cannot open the run store/);
      store.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
