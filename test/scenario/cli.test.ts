import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'concert-scenario-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const small = 'test/scenario/fixtures/small.yaml';

interface EnsembleJson {
  scenario: string;
  runs: number;
  seed: number;
  ensemble: string;
  indicators: Record<
    string,
    { years: number[]; q05: number[]; q25: number[]; q50: number[]; q75: number[]; q95: number[] }
  >;
}

describe('concert run', { timeout: 180_000 }, () => {
  it('gives byte-identical JSON with 1 and with 2 workers for mds-europe (defenses deployed in 2018 and grown in 2023, deterrence parameters drawn per run)', () => {
    const run = (workers: string) =>
      runCli([
        'run',
        'scenarios/mds-europe.yaml',
        '--runs',
        '40',
        '--workers',
        workers,
        '--store',
        join(dir, `mds-${workers}.db`),
        '--json',
      ]);
    const one = run('1');
    const two = run('2');
    expect(one.code).toBe(0);
    expect(two.code).toBe(0);
    expect(two.stdout).toBe(one.stdout);
  });

  it('gives byte-identical JSON with 1 and with 2 workers for the same seed, and different JSON for another seed', () => {
    const one = runCli([
      'run',
      small,
      '--runs',
      '40',
      '--seed',
      '3',
      '--workers',
      '1',
      '--store',
      join(dir, 'w1.db'),
      '--json',
    ]);
    const two = runCli([
      'run',
      small,
      '--runs',
      '40',
      '--seed',
      '3',
      '--workers',
      '2',
      '--store',
      join(dir, 'w2.db'),
      '--json',
    ]);
    expect(one.code).toBe(0);
    expect(two.code).toBe(0);
    expect(two.stdout).toBe(one.stdout);
    const other = runCli([
      'run',
      small,
      '--runs',
      '40',
      '--seed',
      '4',
      '--workers',
      '1',
      '--store',
      join(dir, 'w1.db'),
      '--json',
    ]);
    expect(other.code).toBe(0);
    expect(other.stdout).not.toBe(one.stdout);
    const doc = JSON.parse(one.stdout) as EnsembleJson;
    expect(doc).toMatchObject({ scenario: 'small', runs: 40, seed: 3 });
    const idx = doc.indicators['stability.index']!;
    expect(idx.years).toEqual([2017, 2018, 2019, 2020, 2021]);
    for (let t = 0; t < 5; t++) {
      expect(idx.q05[t]!).toBeLessThanOrEqual(idx.q25[t]!);
      expect(idx.q25[t]!).toBeLessThanOrEqual(idx.q50[t]!);
      expect(idx.q50[t]!).toBeLessThanOrEqual(idx.q75[t]!);
      expect(idx.q75[t]!).toBeLessThanOrEqual(idx.q95[t]!);
    }
    expect(Object.keys(doc.indicators)).toContain('gains.net.USA');
  });

  it('lists, shows and exports stored ensembles', () => {
    const store = join(dir, 'w1.db');
    const list = runCli(['runs', 'list', '--store', store, '--json']);
    expect(list.code).toBe(0);
    const ensembles = (
      JSON.parse(list.stdout) as { ensembles: { id: string; storedRuns: number; seed: number }[] }
    ).ensembles;
    expect(ensembles.map((e) => e.seed).sort()).toEqual([3, 4]);
    const id = ensembles.find((e) => e.seed === 3)!.id;
    const csv = runCli(['runs', 'export', id.slice(0, 8), '--format', 'csv', '--store', store]);
    expect(csv.code).toBe(0);
    const lines = csv.stdout.trim().split('\n');
    expect(lines[0]).toBe('run,kind,name,year,value');
    const series = new Set(
      lines
        .slice(1)
        .filter((l) => l.includes(',indicator,'))
        .map((l) => l.split(',')[2]),
    );
    const rows = lines.slice(1).filter((l) => l.includes(',indicator,stability.index,'));
    expect(rows).toHaveLength(40 * 5);
    expect(series.has('crisisStability.worst')).toBe(true);
    const show = runCli(['runs', 'show', id.slice(0, 8), '--store', store]);
    expect(show.code).toBe(0);
    expect(show.stdout).toMatch(/small \(ensemble [0-9a-f]{12}, seed 3\): 40 runs/);
  });

  it('exits 2 with located messages for a bad scenario file and for bad flags', () => {
    const bad = runCli(['run', 'test/scenario/fixtures/bad.yaml', '--store', join(dir, 'x.db')]);
    expect(bad.code).toBe(2);
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toMatch(/bad\.yaml:8:13: events\[0\]\.type: unknown event type/);
    // Schema problems and the checks against the world are reported together.
    expect(bad.stderr).toMatch(/bad\.yaml:3:20: actors\[2\]: unknown actor "XYZ": not in the world/);
    expect(bad.stderr).toMatch(/bad\.yaml:6:20: policies\.RUS\.strategy: unknown strategy "Tit For Tatt"/);
    expect(bad.stderr).toMatch(/7 problems found/);
    const flags = runCli(['run', small, '--runs', '0', '--workers', 'many']);
    expect(flags.code).toBe(2);
    expect(flags.stderr).toMatch(/--runs: expected a whole number from 1/);
    expect(flags.stderr).toMatch(/--workers: expected a whole number from 1 to 256; got "many"/);
  });
});

describe('concert compare', { timeout: 180_000 }, () => {
  it('prints paired differences with intervals and attributes them to each event', () => {
    const r = runCli([
      'compare',
      'test/scenario/fixtures/small-base.yaml',
      small,
      '--runs',
      '30',
      '--workers',
      '1',
      '--json',
    ]);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout) as {
      scenario: { a: string; b: string };
      runs: number;
      indicators: Record<
        string,
        { years: number[]; q50: number[]; mean: number[]; ciLow: number[]; ciHigh: number[] }
      >;
      attribution: {
        scenario: string;
        label: string;
        effects: Record<string, { years: number[]; mean: number[]; ciLow: number[]; ciHigh: number[] }>;
      }[];
    };
    expect(doc.scenario).toEqual({ a: 'small-base', b: 'small' });
    expect(doc.runs).toBe(30);
    const d = doc.indicators['relations.meanScore']!;
    expect(d.years).toHaveLength(5);
    // Same events in the first year's draws: the first year differs only through 2017 events (none), so B − A is exactly 0.
    expect(d.mean[0]).toBe(0);
    for (let t = 0; t < 5; t++) {
      expect(d.ciLow[t]!).toBeLessThanOrEqual(d.mean[t]!);
      expect(d.ciHigh[t]!).toBeGreaterThanOrEqual(d.mean[t]!);
    }
    expect(doc.attribution.map((a) => a.label)).toContain('break-alignment 2021 USA+CHN');
    expect(doc.attribution).toHaveLength(7);
    const breakUp = doc.attribution.find((a) => a.label === 'break-alignment 2021 USA+CHN')!;
    const effect = breakUp.effects['relations.meanScore']!;
    expect(effect.years).toEqual([2017, 2018, 2019, 2020, 2021]);
    expect(effect.mean.slice(0, 4)).toEqual([0, 0, 0, 0]);
    expect(effect.mean[4]!).toBeLessThanOrEqual(0);
  });

  it('refuses scenarios over different years with exit 2', () => {
    const r = runCli([
      'compare',
      'test/scenario/fixtures/resume.yaml',
      small,
      '--runs',
      '5',
      '--workers',
      '1',
    ]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/compare needs the same years/);
  });
});
