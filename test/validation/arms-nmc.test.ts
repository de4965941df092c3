/**
 * Military-expenditure series from the shipped COW NMC v6.0 data
 * (data/cow_nmc_v6.0_abridged.csv through the world's reference bundle).
 */
import { describe, expect, it } from 'vitest';
import { isConcertError } from '../../src/core/errors.js';
import { milexFromWorldInputs, milexFromWorlds, milexSeries } from '../../src/models/arms/index.js';
import { loadDefaultWorld, loadWorldInputs } from '../../src/world/index.js';

const lookup = milexFromWorldInputs(loadWorldInputs());

function problems(f: () => unknown): string[] {
  try {
    f();
  } catch (e) {
    if (isConcertError(e)) return e.problems.map((p) => p.message);
    throw e;
  }
  throw new Error('expected bad input');
}

describe('milexSeries on COW NMC v6.0', () => {
  it('reads the published values (data/SOURCES.md spot check: USA 2016 milex 604,452,000; RUS rows of the CSV)', () => {
    const s = milexSeries(['USA', 'RUS'], 2015, 2016, lookup);
    expect(s.values).toEqual([
      [597_503_000, 51_605_000],
      [604_452_000, 46_626_000],
    ]);
    expect(s.unit).toBe('thousands of current US$');
    expect(milexSeries(['GBR'], 1909, 1913, lookup).unit).toBe('thousands of British pounds');
  });

  it('the bundle lookup agrees with the default worlds', () => {
    const fromWorlds = milexFromWorlds((year) => loadDefaultWorld({ year }));
    for (const [id, year] of [
      ['USA', 1990],
      ['RUS', 1990],
      ['CHN', 2016],
      ['DEU', 1913],
      ['GBR', 1950],
    ] as const) {
      expect(lookup(id, year)).toBe(fromWorlds(id, year));
    }
  });

  it('reports unknown states, gaps in membership, missing values and the £/US$ break together', () => {
    expect(problems(() => milexSeries(['USA', 'ZZZ', 'DEU', 'CUB'], 1940, 1960, lookup))).toEqual([
      expect.stringMatching(/^unknown state "ZZZ"/),
      expect.stringMatching(/^"DEU" is not a COW system member in 1946–1960/),
      expect.stringMatching(
        /^COW NMC has no military expenditure for "CUB" in 1941, 1943–1947, 1949, 1951, 1954, 1958–1959$/,
      ),
    ]);
    expect(problems(() => milexSeries(['USA'], 1900, 1920, lookup))[0]).toMatch(
      /crosses COW's change of milex units/,
    );
  });
});
