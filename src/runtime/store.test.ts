import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ConcertError } from '../core/errors.js';
import { type EnsembleMeta, RunStore } from './store.js';

const dir = mkdtempSync(join(tmpdir(), 'concert-store-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const meta: EnsembleMeta = {
  id: 'abcdef0123456789',
  scenario: 'test',
  seed: 7,
  yearFrom: 2017,
  yearTo: 2018,
  series: ['x', 'y'],
  parameters: ['p'],
  definition: '{}',
};

const run = (k: number) => ({
  run: k,
  values: Float64Array.of(k, k + 0.5, -k, 1e-300),
  draws: Float64Array.of(k / 10),
});

describe('the run store', () => {
  it('opens in WAL mode in a new directory and round-trips runs bit for bit', () => {
    const store = RunStore.open(join(dir, 'a', 'runs.db'));
    store.ensureEnsemble(meta, 4);
    store.writeRuns(meta.id, [run(0), run(2)]);
    expect(store.countRuns(meta.id)).toBe(2);
    expect(store.missingRuns(meta.id, 4)).toEqual([1, 3]);
    const r = store.getRun(meta.id, 2)!;
    expect(Array.from(r.values)).toEqual([2, 2.5, -2, 1e-300]);
    expect(Array.from(r.draws)).toEqual([0.2]);
    store.close();
  });

  it('never duplicates a run: writing a stored run again leaves one row with the first values', () => {
    const store = RunStore.open(join(dir, 'b.db'));
    store.ensureEnsemble(meta, 3);
    store.writeRuns(meta.id, [run(1)]);
    store.writeRuns(meta.id, [{ ...run(1), values: Float64Array.of(9, 9, 9, 9) }, run(0)]);
    expect(store.countRuns(meta.id)).toBe(2);
    expect(Array.from(store.getRun(meta.id, 1)!.values)).toEqual([1, 1.5, -1, 1e-300]);
    expect([...store.iterateRuns(meta.id)].map((r) => r.run)).toEqual([0, 1]);
    store.close();
  });

  it('keeps what was written when reopened, and raises the requested count', () => {
    const path = join(dir, 'c.db');
    const first = RunStore.open(path);
    first.ensureEnsemble(meta, 2);
    first.writeRuns(meta.id, [run(0), run(1)]);
    first.close();
    const again = RunStore.open(path);
    again.ensureEnsemble(meta, 5);
    const [e] = again.listEnsembles();
    expect(e).toMatchObject({
      id: meta.id,
      requestedRuns: 5,
      storedRuns: 2,
      series: ['x', 'y'],
      parameters: ['p'],
    });
    expect(again.findEnsemble('abcdef').id).toBe(meta.id);
    expect(again.countRuns(meta.id, 1)).toBe(1);
    again.close();
  });

  it('rejects an unknown or malformed ensemble id as bad input', () => {
    const store = RunStore.open(join(dir, 'd.db'));
    expect(() => store.findEnsemble('123456')).toThrow(ConcertError);
    expect(() => store.findEnsemble('zz')).toThrow(/at least 6 hex digits/);
    store.close();
  });

  it('reports a store path that cannot be opened as bad input naming it', () => {
    const bad = join(dir, 'b.db', 'inside-a-file.db');
    try {
      RunStore.open(bad);
      throw new Error('expected a failure');
    } catch (e) {
      expect(e).toBeInstanceOf(ConcertError);
      expect((e as ConcertError).problems[0]!.file).toBe(bad);
    }
  });
});
