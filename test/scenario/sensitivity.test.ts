/**
 * A scenario's sensitivity design run as an ensemble (src/scenario/sensitivity.ts):
 * design rows set the factors to their quantiles, rows of a block share
 * their random numbers, and `concert sensitivity` prints and stores it.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { RunStore } from '../../src/runtime/store.js';
import { quantile } from '../../src/scenario/distributions.js';
import { simulateRuns } from '../../src/scenario/engine.js';
import { loadScenario } from '../../src/scenario/load.js';
import { defaultParts } from '../../src/scenario/parts.js';
import { designScenario, designTable, runSensitivity } from '../../src/scenario/sensitivity.js';
import { runCli } from '../helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'concert-sensitivity-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const small = 'test/scenario/fixtures/small.yaml';

describe('design runs', { timeout: 120_000 }, () => {
  it("set each factor to the row's quantile of its distribution", () => {
    const s = loadScenario(small);
    for (const method of ['sobol', 'morris'] as const) {
      const d = designScenario(s, method, 4, 3);
      const table = designTable(d.design);
      const rows = Array.from({ length: 2 * table.blockRows }, (_, r) => r);
      const out = simulateRuns(d, 3, rows, defaultParts(d));
      for (const r of out) {
        d.design.factors.forEach((parameter, j) => {
          const u = s.uncertain.find((x) => x.parameter === parameter)!;
          const col = s.uncertain.indexOf(u);
          expect(r.draws[col]).toBe(quantile(u.distribution, table.points[r.run * table.k + j]!));
        });
      }
    }
  });

  it('rows of a block share their random numbers: a factor without effect has indices of exactly 0', async () => {
    // The structural-balance coupling switched off: its rate changes nothing, so f(AB) = f(A) in every block.
    const file = join(dir, 'inert.yaml');
    const text = readFileSync(small, 'utf8').replace(
      'couplings:\n',
      'couplings:\n  structuralBalance: false\n',
    );
    writeFileSync(file, text);
    const s = loadScenario(file);
    const store = RunStore.open(':memory:');
    try {
      const o = await runSensitivity(s, {
        method: 'sobol',
        n: 16,
        seed: 5,
        workers: 1,
        store,
        series: ['stability.index', 'stability.relations'],
      });
      for (const r of o.results) {
        const inert = r.sobol!.total[1]!;
        expect(inert.value).toBe(0);
        expect(r.sobol!.first[1]!.value).toBe(0);
        expect(r.variance).toBeGreaterThan(0);
      }
      // Misperception does move the indicators.
      expect(o.results[0]!.sobol!.total[0]!.value).toBeGreaterThan(0);
    } finally {
      store.close();
    }
  });
});

describe('concert sensitivity', { timeout: 240_000 }, () => {
  const store = join(dir, 'cli.db');
  const args = [
    'sensitivity',
    small,
    '--n',
    '8',
    '--indicator',
    'stability.index,stability.crisis',
    '--store',
    store,
  ];

  it('runs a Saltelli design of n·(k + 2) runs, prints each parameter with both indices, and resumes from the store', () => {
    const first = runCli([...args, '--json']);
    expect(first.code, first.stderr).toBe(0);
    const doc = JSON.parse(first.stdout);
    expect(doc.method).toBe('sobol');
    expect(doc.runs).toBe(8 * (2 + 2));
    expect(doc.parameters).toEqual(['policies.default.misperception', 'couplings.structuralBalance.rate']);
    expect(doc.results.map((r: { series: string; year: number }) => [r.series, r.year])).toEqual([
      ['stability.index', 2021],
      ['stability.crisis', 2021],
    ]);
    for (const r of doc.results) {
      expect(r.sobol).toHaveLength(2);
      for (const e of r.sobol)
        for (const x of [e.first, e.firstConf, e.total, e.totalConf]) expect(Number.isFinite(x)).toBe(true);
    }
    const again = runCli([...args, '--json', '--workers', '2']);
    expect(again.code).toBe(0);
    expect(again.stdout).toBe(first.stdout);
    const text = runCli(args);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain("Sobol' indices (Saltelli design), n = 8, 32 runs");
    expect(text.stdout).toMatch(/policies\.default\.misperception\s+-?\d\.\d{3} ± \d\.\d{3}/);
    expect(text.stdout).toContain('Σ Sᵢ =');
  });

  it('runs a Morris design of r·(k + 1) runs', () => {
    const r = runCli(['sensitivity', small, '--method', 'morris', '--n', '4', '--store', store, '--json']);
    expect(r.code, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.runs).toBe(4 * 3);
    expect(doc.levels).toBe(4);
    expect(doc.results[0].morris.map((e: { parameter: string }) => e.parameter)).toEqual([
      'policies.default.misperception',
      'couplings.structuralBalance.rate',
    ]);
  });

  it('bad input: each flag located, an unknown indicator lists the known ones, a scenario without uncertain parameters is named', () => {
    const bad = (extra: string[], text: string, file = small) => {
      const r = runCli(['sensitivity', file, '--store', store, ...extra]);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(text);
      expect(r.stderr).not.toMatch(/at .*\.ts:\d+/);
    };
    bad(['--method', 'fast'], '--method: expected sobol or morris; got "fast"');
    bad(['--n', '1'], '--n: expected a whole number from 2');
    bad(['--levels', '3', '--method', 'morris'], '--levels: expected an even number');
    bad(
      ['--indicator', 'stability.nope'],
      '--indicator[0]: unknown series "stability.nope": expected one of',
    );
    bad(['--year', '2030'], '--year: expected a year of the scenario, 2017–2021; got 2030');
    const plain = join(dir, 'plain.yaml');
    writeFileSync(plain, readFileSync(small, 'utf8').replace(/uncertain:[\s\S]*?couplings:/, 'couplings:'));
    bad([], 'no uncertain parameter to vary', plain);
  });
});
