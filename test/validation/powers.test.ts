/**
 * Validation of models/powers against COW NMC v6.0: CINC recomputed from the
 * six components equals COW's published `cinc` for every state-year
 * 1816–2016, and COW's major powers of 2016 are flagged.
 */
import { describe, expect, it } from 'vitest';
import { cincFromComponents, cincScores, cowMajors, powerRanking } from '../../src/models/powers/index.js';
import { loadDefaultWorld, loadWorldInputs } from '../../src/world/index.js';

describe('COW CINC (Singer, Bremer & Stuckey 1972) against NMC v6.0', () => {
  it('equals the published cinc within 1e-6 for every state-year 1816–2016', () => {
    const byYear = new Map<number, (readonly (number | null)[])[]>();
    for (const row of loadWorldInputs().nmc) {
      const list = byYear.get(row[1]) ?? [];
      byYear.set(row[1], list);
      list.push(row);
    }
    let maxError = 0;
    let worst = '';
    let stateYears = 0;
    for (const [year, rows] of byYear) {
      const { cinc } = cincFromComponents(rows.map((r) => r.slice(2, 8) as (number | null)[]));
      rows.forEach((r, i) => {
        const published = r[8];
        const ours = cinc[i];
        expect(published, `published cinc of ${r[0]} in ${year}`).not.toBeNull();
        expect(ours, `our cinc of ${r[0]} in ${year}`).not.toBeNull();
        const error = Math.abs((ours as number) - (published as number));
        stateYears++;
        if (error > maxError) {
          maxError = error;
          worst = `ccode ${r[0]} in ${year}`;
        }
      });
    }
    console.log(
      `CINC vs NMC v6.0: ${stateYears} state-years, max |ours − published| = ${maxError.toExponential(3)} (${worst})`,
    );
    expect(stateYears).toBe(15_951);
    expect(maxError).toBeLessThanOrEqual(1e-6);
  });

  it('gives the same values through the default world (spot checks from SOURCES.md)', () => {
    const world = loadDefaultWorld({ year: 2016 });
    const cinc = new Map(cincScores(world).map((s) => [s.id, s.cinc]));
    expect(cinc.get('USA')).toBeCloseTo(0.13305758, 7);
    expect(cinc.get('CHN')).toBeCloseTo(0.23061772, 7);
    expect(cinc.get('RUS')).toBeCloseTo(0.036472768, 7);
    expect(cinc.get('IND')).toBeCloseTo(0.0868413, 7);
    const usa1816 = new Map(cincScores(loadDefaultWorld({ year: 1816 })).map((s) => [s.id, s.cinc]));
    expect(usa1816.get('USA')).toBeCloseTo(0.039697491, 7);
  });
});

describe('major powers of 2016', () => {
  const world = loadDefaultWorld({ year: 2016 });
  const ranking = powerRanking(world);

  it('flags COW’s seven major powers', () => {
    expect(cowMajors(world).sort()).toEqual(['CHN', 'DEU', 'FRA', 'GBR', 'JPN', 'RUS', 'USA']);
    expect(
      ranking.actors
        .filter((a) => a.cowMajor)
        .map((a) => a.id)
        .sort(),
    ).toEqual(['CHN', 'DEU', 'FRA', 'GBR', 'JPN', 'RUS', 'USA']);
  });

  it('ranks all 195 members and explains every data-driven verdict', () => {
    expect(ranking.actors).toHaveLength(195);
    expect(ranking.actors.slice(0, 3).map((a) => a.id)).toEqual(['CHN', 'USA', 'IND']);
    expect(ranking.actors.filter((a) => a.major).map((a) => a.id)).toEqual(['CHN', 'USA', 'IND']);
    for (const a of ranking.actors) expect(a.reasons.length).toBeGreaterThanOrEqual(2);
    expect(ranking.actors.find((a) => a.id === 'RUS')?.reasons[0]).toBe('share 3.62% < threshold 5.00%');
  });
});
