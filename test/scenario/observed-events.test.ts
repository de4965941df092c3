/**
 * The observed-events file of the backtest (data/events-2001-2016.yaml) and
 * the rules that pick the events a backtest applies; Spearman's rank
 * correlation of the UNGA scoring.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readDocument } from '../../src/core/document.js';
import { isConcertError } from '../../src/core/errors.js';
import { rankCorrelation } from '../../src/models/forecast/scores.js';
import { backtestScenario } from '../../src/scenario/backtest.js';
import {
  type BacktestFrame,
  readObservedEvents,
  selectObservedEvents,
} from '../../src/scenario/observed-events.js';
import { parseDocument } from '../../src/core/document.js';

const FILE = 'data/events-2001-2016.yaml';
const EIGHT = ['USA', 'CHN', 'RUS', 'JPN', 'DEU', 'GBR', 'FRA', 'IND'];
const observed = readObservedEvents(readDocument(FILE));
const frame = (from: number, forcesYear: number, actors = EIGHT): BacktestFrame => ({
  from,
  to: 2016,
  forcesYear,
  actors: new Set(actors),
  world: new Set([...EIGHT, 'KOR', 'PRK', 'UKR', 'GEO']),
});

describe('data/events-2001-2016.yaml', () => {
  it('is valid, within 2001–2016, among the eight, and every event names its source', () => {
    expect(observed.events.length).toBeGreaterThanOrEqual(20);
    for (const e of observed.events) {
      expect(e.year).toBeGreaterThanOrEqual(2001);
      expect(e.year).toBeLessThanOrEqual(2016);
      expect(e.note!.length).toBeGreaterThan(40);
      // A source: a date (a year) in the note; a magnitude that is a modelling choice says so.
      expect(e.note).toMatch(/(19|20)\d\d/);
      const ids = 'actors' in e ? e.actors : 'target' in e ? [e.actor, e.target] : [e.actor];
      for (const id of ids) expect(EIGHT).toContain(id);
      if (e.type === 'sanction' || e.type === 'consult' || e.type === 'form-alignment')
        expect(e.note).toContain('assumption');
    }
    const kinds = new Set(observed.events.map((e) => e.type));
    for (const k of [
      'arms-control-treaty',
      'deploy-missile-defense',
      'sanction',
      'consult',
      'form-alignment',
    ])
      expect(kinds).toContain(k);
  });

  it('loads as the backtest scenario from every kind of start (forces of 2000, 2010, 2017)', () => {
    const template = readDocument('scenarios/baseline-2017.yaml');
    for (const [from, forces] of [
      [2000, 2000],
      [2004, 2000],
      [2008, 2010],
      [2015, 2017],
    ] as const) {
      const applied = selectObservedEvents(observed.events, frame(from, forces));
      const s = backtestScenario(
        template,
        from,
        2016,
        applied.map((a) => a.event),
      );
      expect(s.events.length).toBe(applied.length);
    }
  });
});

describe('selectObservedEvents', () => {
  it('keeps every event for a start in 2000 with the forces of 2000, in year order', () => {
    const applied = selectObservedEvents(observed.events, frame(2000, 2000));
    expect(applied).toHaveLength(observed.events.length);
    const years = applied.map((a) => a.event.year);
    expect(years).toEqual([...years].sort((a, b) => a - b));
    expect(applied.every((a) => a.event.year === a.listedYear)).toBe(true);
  });

  it('moves deployments after the forces year but by the start year to the first simulated year', () => {
    const applied = selectObservedEvents(observed.events, frame(2004, 2000));
    const gmd = applied.filter((a) => a.event.type === 'deploy-missile-defense' && a.event.system === 'GMD');
    expect(gmd[0]).toMatchObject({ listedYear: 2004, event: { year: 2005 } });
    // Events of other kinds dated by the start year are not carried over.
    expect(applied.some((a) => a.event.type === 'consult' && a.listedYear === 2003)).toBe(false);
    expect(applied.every((a) => a.event.year >= 2005)).toBe(true);
  });

  it('leaves out deployments the start world’s (later) forces already hold', () => {
    const applied = selectObservedEvents(observed.events, frame(2014, 2017));
    expect(applied.some((a) => a.event.type === 'deploy-missile-defense')).toBe(false);
    expect(applied.filter((a) => a.event.type === 'sanction')).toEqual([]); // 2014 is the start year
    const from2013 = selectObservedEvents(observed.events, frame(2013, 2010));
    expect(
      from2013.filter((a) => a.event.type === 'deploy-missile-defense').map((a) => a.listedYear),
    ).toEqual([2016, 2016]);
    expect(from2013.filter((a) => a.event.type === 'sanction')).toHaveLength(9);
  });

  it('restricts events to the simulated actors', () => {
    const applied = selectObservedEvents(observed.events, frame(2000, 2000, ['USA', 'RUS', 'CHN']));
    const nrc = applied.find((a) => a.event.type === 'consult' && a.listedYear === 2002);
    expect(nrc?.event).toMatchObject({ actors: ['USA', 'RUS'] });
    const sanctions = applied.filter((a) => a.event.type === 'sanction').map((a) => a.event);
    expect(sanctions).toHaveLength(2); // USA → RUS and RUS → USA; the EU's and Japan's are left out
    // An id the world does not know is kept, for the loader to report.
    const odd = selectObservedEvents(
      [{ type: 'sanction', year: 2014, actor: 'USA', target: 'ZZZ', severity: 0.1 }],
      frame(2000, 2000),
    );
    expect(odd).toHaveLength(1);
  });

  it('reports a bad file with every located problem', () => {
    const doc = parseDocument(
      'name: bad\ndescription: x\nevents:\n  - { type: consult, year: 2003, actors: [USA, CHN] }\n  - { type: sanctoin, year: 2005, note: y }\n',
      'bad.yaml',
    );
    try {
      readObservedEvents(doc);
      expect.unreachable();
    } catch (e) {
      expect(isConcertError(e)).toBe(true);
      const problems = (e as { problems: { file?: string; line?: number; path?: unknown[] }[] }).problems;
      expect(problems.map((p) => [p.file, p.line, p.path])).toEqual(
        expect.arrayContaining([
          ['bad.yaml', 5, ['events', 1, 'type']],
          ['bad.yaml', 4, ['events', 0, 'note']],
        ]),
      );
    }
  });
});

describe('rankCorrelation', () => {
  it('is Spearman’s ρ with mid-ranks for ties', () => {
    expect(rankCorrelation([1, 2, 3], [10, 30, 20])).toBeCloseTo(0.5, 15);
    expect(rankCorrelation([1, 2, 3, 4], [4, 3, 2, 1])).toBe(-1);
    // Ties: ranks x (1.5, 1.5, 3, 4), y (1, 2, 3, 4): Pearson of the ranks.
    const rx = [1.5, 1.5, 3, 4];
    const ry = [1, 2, 3, 4];
    const m = 2.5;
    const num = rx.reduce((s, x, i) => s + (x - m) * (ry[i]! - m), 0);
    const den = Math.sqrt(
      rx.reduce((s, x) => s + (x - m) ** 2, 0) * ry.reduce((s, y) => s + (y - m) ** 2, 0),
    );
    expect(rankCorrelation([5, 5, 7, 9], [0.1, 0.2, 0.3, 0.4])).toBeCloseTo(num / den, 14);
    expect(rankCorrelation([1, 2], [1, 2])).toBeNull();
    expect(rankCorrelation([1, 1, 1], [1, 2, 3])).toBeNull();
    expect(() => rankCorrelation([1, 2, 3], [1, 2])).toThrow();
    expect(() => rankCorrelation([1, Number.NaN, 3], [1, 2, 3])).toThrow();
  });

  it('is symmetric, within [−1, 1] and unchanged by increasing transforms', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: -20, max: 20 }), fc.integer({ min: -20, max: 20 })), {
          minLength: 3,
          maxLength: 30,
        }),
        (pairs) => {
          const xs = pairs.map((p) => p[0]);
          const ys = pairs.map((p) => p[1]);
          const r = rankCorrelation(xs, ys);
          const back = rankCorrelation(ys, xs);
          if (r === null || back === null) return expect(back).toBe(r);
          expect(back).toBeCloseTo(r, 14);
          expect(Math.abs(r)).toBeLessThanOrEqual(1);
          const t = rankCorrelation(
            xs.map((x) => Math.exp(x / 5) + 3),
            ys,
          );
          expect(t).toBeCloseTo(r, 12);
        },
      ),
      { numRuns: 200 },
    );
  });
});
