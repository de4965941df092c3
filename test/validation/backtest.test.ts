/**
 * `concert backtest` end to end on a small run: the observed values it scores
 * against are SIPRI's (recomputed here from the CSV, independently of the
 * loader), not the engine's own output; the CRPS is that of the stored runs.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readDocument } from '../../src/core/document.js';
import { crpsEnsemble, rankCorrelation } from '../../src/models/forecast/scores.js';
import { RunStore } from '../../src/runtime/store.js';
import { forcesYearFor, RELATION_SERIES, runBacktest } from '../../src/scenario/backtest.js';
import { scenarioSeries } from '../../src/scenario/engine.js';
import { dyadSeriesName } from '../../src/scenario/indicators.js';
import { readObservedEvents } from '../../src/scenario/observed-events.js';
import { scenarioDyads } from '../../src/scenario/state.js';
import { loadDefaultWorld } from '../../src/world/index.js';
import type { BacktestDocument } from '../../src/reports/index.js';
import { runCli, runCliJson } from '../helpers/cli.js';

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

/** UNGA S-scores (Signorino & Ritter, yes 1, abstain ½, no 0) of pairs of ISO2 codes in `year`, straight from the CSVs. */
function sScores(year: number, pairs: readonly (readonly [string, string])[]): number[] {
  const inYear = new Set<string>();
  for (const line of readFileSync('data/unga_roll_calls_1946_2019.csv', 'utf8').split('\n')) {
    const m = /^(\d+),[^,]*,[^,]*,"(\d{4})-/.exec(line);
    if (m && Number(m[2]) === year) inYear.add(m[1]!);
  }
  const codes = new Set(pairs.flat());
  const votes = new Map<string, Map<string, number>>();
  for (const line of readFileSync('data/unga_votes_1946_2019.csv', 'utf8').split('\n')) {
    const m = /^(\d+),"[^"]*","([A-Z]{2})","(yes|no|abstain)"$/.exec(line);
    if (!m || !inYear.has(m[1]!) || !codes.has(m[2]!)) continue;
    const v = votes.get(m[2]!) ?? new Map<string, number>();
    v.set(m[1]!, m[3] === 'yes' ? 1 : m[3] === 'no' ? 0 : 0.5);
    votes.set(m[2]!, v);
  }
  return pairs.map(([a, b]) => {
    let d = 0;
    let n = 0;
    for (const [rc, x] of votes.get(a)!) {
      const y = votes.get(b)!.get(rc);
      if (y === undefined) continue;
      d += Math.abs(x - y);
      n++;
    }
    return 1 - (2 * d) / n;
  });
}

/** Runs `fn` with an in-memory run store, closed afterwards. */
async function withStore(fn: (store: RunStore) => Promise<void>): Promise<void> {
  const store = RunStore.open(':memory:');
  try {
    await fn(store);
  } finally {
    store.close();
  }
}

describe('backtest', { timeout: 180_000 }, () => {
  it("runs with the template's ensemble seed when none is given, as if it had been given", async () => {
    await withStore(async (store) => {
      const base = { from: 2000, to: 2002, runs: 6, workers: 1, store };
      const implicit = await runBacktest(readDocument(small), base);
      expect(implicit.seed).toBe(3); // small.yaml: ensemble.seed 3
      const explicit = await runBacktest(readDocument(small), { ...base, seed: 3 });
      expect(explicit.ensemble.meta.id).toBe(implicit.ensemble.meta.id);
      expect(explicit.summary).toEqual(implicit.summary);
      const other = await runBacktest(readDocument(small), { ...base, seed: 4 });
      expect(other.ensemble.meta.id).not.toBe(implicit.ensemble.meta.id);
    });
  });

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

  it('conditions the runs on the observed events and scores both against the same observed data', async () => {
    await withStore(async (store) => {
      const events = readObservedEvents(readDocument('data/events-2001-2016.yaml'));
      const base = { from: 2000, to: 2003, runs: 12, seed: 4, workers: 1, store };
      const plain = await runBacktest(readDocument(small), base);
      const o = await runBacktest(readDocument(small), { ...base, events });
      expect(plain.conditioning).toBeNull();
      expect(plain.unconditional).toBeNull();
      // Conditioned, the unconditional ensemble runs beside it: the same runs as the plain backtest's.
      expect(o.unconditional!.ensemble.meta.id).toBe(plain.ensemble.meta.id);
      expect(o.unconditional!.scenario.events).toEqual([]);
      expect(o.unconditional!.years).toEqual(plain.years);
      expect(o.unconditional!.summary).toEqual(plain.summary);
      expect(o.unconditional!.relations).toEqual(plain.relations);
      expect(o.ensemble.meta.id).not.toBe(plain.ensemble.meta.id);
      // From the world of 2000 among USA, RUS and CHN: the events of 2001–2003 among them, the
      // NATO–Russia Council and the Six-Party Talks restricted to the simulated members.
      expect(o.conditioning!.applied.map((a) => `${a.event.year} ${a.event.type}`)).toEqual([
        '2001 arms-control-treaty',
        '2001 form-alignment',
        '2002 consult',
        '2003 arms-control-treaty',
        '2003 change-forces',
        '2003 consult',
      ]);
      expect(o.conditioning!.applied[2]!.event).toMatchObject({ actors: ['USA', 'RUS'] });
      expect(o.scenario.events).toEqual(o.conditioning!.applied.map((a) => a.event));
      // The same observations score both runs.
      expect(o.years.map((y) => y.observed)).toEqual(plain.years.map((y) => y.observed));
      expect(o.mids!.onsets).toBe(plain.mids!.onsets);
      // The events are applied: consultation between the United States and Russia from 2002 (the
      // NATO–Russia Council) corrects misperceived moves, and their relation is higher in 2002–2003.
      const usaRus = (x: typeof o) => {
        const col =
          scenarioSeries(x.scenario).indexOf(dyadSeriesName(RELATION_SERIES, x.scenario.actors, 0, 1)) * 3;
        return [...store.iterateRuns(x.ensemble.meta.id)].flatMap((r) => [
          r.values[col + 1]!,
          r.values[col + 2]!,
        ]);
      };
      const mean = (xs: number[]) => xs.reduce((a, x) => a + x, 0) / xs.length;
      expect(usaRus(o)[0]).not.toBe(usaRus(plain)[0]);
      expect(mean(usaRus(o))).toBeGreaterThan(mean(usaRus(plain)) + 0.02);
      // UNGA: Spearman's ρ of the stored runs' median relations with the S-scores read from the CSVs.
      const dyads = scenarioDyads(o.scenario).all;
      const iso2: Record<string, string> = { USA: 'US', RUS: 'RU', CHN: 'CN' };
      const pairs = dyads.map(
        ([i, j]) => [iso2[o.scenario.actors[i]!]!, iso2[o.scenario.actors[j]!]!] as const,
      );
      const names = scenarioSeries(o.scenario);
      const runs = [...store.iterateRuns(o.ensemble.meta.id)];
      expect(o.unga!.years.map((y) => y.year)).toEqual([2001, 2002, 2003]);
      const s2000 = sScores(2000, pairs);
      for (const [t, y] of o.unga!.years.entries()) {
        const sy = sScores(y.year, pairs);
        const medians = dyads.map(([i, j]) => {
          const col = names.indexOf(dyadSeriesName(RELATION_SERIES, o.scenario.actors, i, j)) * 3 + t;
          const xs = runs.map((r) => r.values[col]!).sort((a, b) => a - b);
          return (xs[5]! + xs[6]!) / 2;
        });
        expect(y.dyads).toBe(3);
        expect(y.rankCorrelation).toBe(rankCorrelation(medians, sy));
        expect(y.rankCorrelationUngaPersistence).toBe(rankCorrelation(s2000, sy));
      }
    });
  });

  it('concert backtest --events prints the conditioning and locates a bad events file', () => {
    const store = join(dir, 'bt-events.db');
    const runWindow = (events: string) =>
      runCli(
        ['backtest', '--scenario', small, '--from', '2013', '--to', '2015', '--runs', '5'].concat([
          '--events',
          events,
          '--store',
          store,
        ]),
      );
    const r = runWindow('data/events-2001-2016.yaml');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('CONDITIONED on 2 of the');
    expect(r.stdout).toContain('2014 sanction USA, RUS');
    expect(r.stdout).toMatch(/UNGA affinity 2014–2015: mean ρ/);
    expect(r.stdout).toContain('unconditional [5 %, 95 %]  conditioned [5 %, 95 %]');
    const bad = join(dir, 'bad-events.yaml');
    writeFileSync(
      bad,
      [
        'name: bad',
        'description: a test',
        'events:',
        '  - { type: sanction, year: 2014, actor: USA, target: ZZZ, note: a sanction of 2014 }',
        '  - { type: consult, year: 2015, actors: [USA, RUS] }',
        '',
      ].join('\n'),
    );
    const b = runWindow(bad);
    expect(b.code).toBe(2);
    expect(b.stderr).toContain(
      `${bad}:5:5: events[1].note: an observed event needs a note naming its source`,
    );
    // Once the file is valid, what the world rejects is located in the events file too.
    writeFileSync(
      bad,
      readFileSync(bad, 'utf8').replace('actors: [USA, RUS] }', 'actors: [USA, RUS], note: x 2015 }'),
    );
    const c = runWindow(bad);
    expect(c.code).toBe(2);
    expect(c.stderr).toMatch(new RegExp(`${bad}:4:\\d+: events\\[0\\]\\.target: unknown actor "ZZZ"`));
  });

  it('concert backtest --events shows the unconditional and the conditioned runs side by side', () => {
    const store = join(dir, 'bt-both.db');
    const args = ['backtest', '--scenario', small, '--from', '2000', '--to', '2003', '--runs', '5'].concat([
      '--events',
      'data/events-2001-2016.yaml',
      '--store',
      store,
    ]);
    const doc = runCliJson<BacktestDocument>(args);
    const u = doc.unconditional!;
    expect(doc.conditioning!.applied).toHaveLength(6);
    expect(u.years.map((y) => y.year)).toEqual([2001, 2002, 2003]);
    expect(u.ensemble).not.toBe(doc.ensemble);
    // Both against the same observations; the events act from 2002 (the first year is the same runs).
    expect(u.years.map((y) => y.observed)).toEqual(doc.years.map((y) => y.observed));
    expect(u.years[0]!.q50).toBe(doc.years[0]!.q50);
    expect(u.years[1]!.q50).not.toBe(doc.years[1]!.q50);
    expect(u.summary.crps).not.toBe(doc.summary.crps);
    expect(u.relations!.meanAbsoluteError).not.toBe(doc.relations!.meanAbsoluteError);
    expect(u.mids!.meanProbability).not.toBe(doc.mids!.meanProbability);
    // The text shows the two (resumed from the store: the same runs).
    const r = runCli(args);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('5 runs each');
    expect(r.stdout).toContain('unconditional and CONDITIONED on 6 of the');
    const row = (year: number) => r.stdout.split('\n').find((l) => l.startsWith(`${year} `))!;
    const p = (x: number) => `${(100 * x).toFixed(1)} %`;
    const y2 = (d: typeof u) => d.years[1]!;
    expect(row(2002)).toContain(
      `${p(y2(u).q50)} [${p(y2(u).q05)}, ${p(y2(u).q95)}]    ${p(y2(doc).q50)} [${p(y2(doc).q05)}, ${p(y2(doc).q95)}]`,
    );
    expect(row(2002)).toContain(`${u.years[1]!.crps.toFixed(4)}      ${doc.years[1]!.crps.toFixed(4)}`);
    const mean = r.stdout.split('\n').find((l) => l.startsWith('spending: mean CRPS'))!;
    expect(mean).toMatch(
      new RegExp(`${u.summary.crps.toFixed(4)}\\s+${doc.summary.crps.toFixed(4)}\\s+random walk`),
    );
    expect(r.stdout).toMatch(/relations 2001–2003: class agrees/);
    expect(r.stdout).toMatch(/MID onsets 2001–2003: Brier/);
    // Without --events the document has no unconditional block and the text is the single table.
    const plain = runCliJson<BacktestDocument>(args.slice(0, 9).concat(['--store', store]));
    expect(plain.conditioning).toBeNull();
    expect(plain.unconditional).toBeNull();
    expect(plain.ensemble).toBe(u.ensemble);
    expect(plain.years).toEqual(u.years);
  });

  it('scores UNGA affinity after the COW data end (2017–2019)', async () => {
    await withStore(async (store) => {
      const o = await runBacktest(readDocument(small), {
        from: 2016,
        to: 2018,
        runs: 4,
        seed: 1,
        workers: 1,
        store,
      });
      expect(o.relations).toBeNull();
      expect(o.unga!.years.map((y) => [y.year, y.dyads])).toEqual([
        [2017, 3],
        [2018, 3],
      ]);
    });
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
