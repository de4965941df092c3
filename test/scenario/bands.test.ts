import { describe, expect, it } from 'vitest';
import { RunStore } from '../../src/runtime/store.js';
import { bandsOf, summarize } from '../../src/scenario/ensemble.js';
import { summarizeStored } from '../../src/scenario/summary.js';

describe('quantile bands from stored runs', () => {
  it('computes per series and year the type-7 quantiles and the mean over runs, whatever the run order', () => {
    // Two series × two years; run k has values (k, 10k, −k, 1).
    const vectors = [3, 0, 4, 1, 2].map((k) => Float64Array.of(k, 10 * k, -k, 1));
    const bands = bandsOf(() => vectors, ['a', 'b'], 2020, 2021, 5);
    expect(bands.a!.years).toEqual([2020, 2021]);
    expect(bands.a!.q50).toEqual([2, 20]);
    expect(bands.a!.q25).toEqual([1, 10]);
    expect(bands.a!.q95[0]).toBeCloseTo(3.8, 12);
    expect(bands.a!.mean).toEqual([2, 20]);
    expect(bands.b!.q05[0]).toBeCloseTo(-3.8, 12);
    expect(bands.b!.q50[1]).toBe(1);
  });

  it('summarises exactly the stored runs of an ensemble, even when they are not contiguous', () => {
    const store = RunStore.open(':memory:');
    const meta = {
      id: 'feedfacefeedface',
      scenario: 't',
      seed: 1,
      yearFrom: 2020,
      yearTo: 2020,
      series: ['x'],
      parameters: [],
      definition: '{}',
    };
    store.ensureEnsemble(meta, 4);
    store.writeRuns(
      meta.id,
      [0, 2, 3].map((k) => ({ run: k, values: Float64Array.of(k), draws: new Float64Array(0) })),
    );
    const gaps = bandsOf(
      function* () {
        for (const r of store.iterateRuns(meta.id, 4)) yield r.values;
      },
      meta.series,
      2020,
      2020,
      store.countRuns(meta.id, 4),
    );
    expect(gaps.x!.mean[0]).toBeCloseTo(5 / 3, 12);
    expect(() => summarize(store, meta, 4)).toThrow(/expected 4 runs, found 3/);
    // What `concert runs show` and GET /api/runs/:id report for such an ensemble.
    const held = summarizeStored(store, { ...meta, requestedRuns: 4 });
    expect(held.runs).toBe(3);
    expect(held.bands).toEqual(gaps);
    store.close();
  });
});
