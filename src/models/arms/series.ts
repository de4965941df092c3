/**
 * Yearly military-expenditure series for a set of actors, read from Worlds
 * (COW NMC v6.0 `milex` via `capabilities.milexThousands`).
 *
 * Units: COW's `milex` is in thousands of British pounds for 1816–1913 and
 * thousands of *current* US dollars from 1914 (Greig & Enterline 2021, NMC
 * v6.0 documentation). No deflation is applied: a series in current dollars
 * mixes real change with inflation, which a fit absorbs into the grievance
 * and fatigue terms (docs/models/arms.md says so beside every fitted example).
 */
import { badInput, type Problem } from '../../core/errors.js';
import { crosswalkEntry, type World, type WorldInputs } from '../../world/index.js';
import type { RichardsonSeries } from './fit.js';

/**
 * Military expenditure of actor `id` in `year`, thousands (COW units):
 * `undefined` when the actor is not a system member that year, `null` when
 * COW reports it missing.
 */
export type MilexLookup = (id: string, year: number) => number | null | undefined;

/** A {@link MilexLookup} over Worlds, one per year (e.g. `(year) => loadDefaultWorld({ year })`). */
export function milexFromWorlds(worldOf: (year: number) => World): MilexLookup {
  return (id, year) => {
    const actor = worldOf(year).actors[id];
    if (actor === undefined) return undefined;
    return actor.capabilities?.milexThousands ?? null;
  };
}

/**
 * A {@link MilexLookup} straight from the reference-data bundle behind the
 * default world (`loadWorldInputs()`): the NMC v6.0 rows, with COW codes
 * mapped to actor ids by the world's COW→ISO crosswalk for each year. Gives
 * the same values as {@link milexFromWorlds} over the default worlds without
 * building a World per year.
 */
export function milexFromWorldInputs(inputs: WorldInputs): MilexLookup {
  const index = new Map<string, number | null>();
  for (const row of inputs.nmc) {
    const [ccode, year] = row;
    const entry = crosswalkEntry(inputs, ccode, year);
    if (entry !== undefined) index.set(`${entry.id}:${year}`, row[2] ?? null);
  }
  return (id, year) => index.get(`${id}:${year}`);
}

/** The last year in which COW NMC reports `milex` in thousands of British pounds. */
export const LAST_STERLING_YEAR = 1913;

export interface MilexSeries extends RichardsonSeries {
  /** "thousands of British pounds" or "thousands of current US$". */
  readonly unit: string;
}

/**
 * Collects the military expenditure of `actors` for every year from
 * `firstYear` to `lastYear` (inclusive) through `milexOf` (see
 * {@link milexFromWorlds}, {@link milexFromWorldInputs}). All problems are
 * reported together as bad input: an actor absent from every world of the
 * range (unknown), absent in some years, a missing value (COW's −9), or a
 * range that crosses COW's change of unit between 1913 (£) and 1914 (US$).
 */
export function milexSeries(
  actors: readonly string[],
  firstYear: number,
  lastYear: number,
  milexOf: MilexLookup,
): MilexSeries {
  if (firstYear <= LAST_STERLING_YEAR && lastYear > LAST_STERLING_YEAR) {
    throw badInput({
      path: ['years'],
      message: `${firstYear}..${lastYear} crosses COW's change of milex units (thousands of £ to ${LAST_STERLING_YEAR}, thousands of current US$ from ${LAST_STERLING_YEAR + 1}); choose years on one side`,
    });
  }
  const years: number[] = [];
  const values: number[][] = [];
  const absent = actors.map((): number[] => []);
  const missing = actors.map((): number[] => []);
  for (let year = firstYear; year <= lastYear; year++) {
    years.push(year);
    values.push(
      actors.map((id, i) => {
        const milex = milexOf(id, year);
        if (milex === undefined) {
          absent[i]!.push(year);
          return 0;
        }
        if (milex === null) {
          missing[i]!.push(year);
          return 0;
        }
        return milex;
      }),
    );
  }
  const problems: Problem[] = [];
  for (const [i, id] of actors.entries()) {
    if (absent[i]!.length === years.length) {
      problems.push({
        path: ['actors', i],
        message: `unknown state "${id}": not a COW system member in any year of ${firstYear}..${lastYear} (ids are ISO 3166-1 alpha-3, e.g. USA, RUS, CHN, GBR, FRA, DEU)`,
      });
    } else if (absent[i]!.length > 0) {
      problems.push({
        path: ['actors', i],
        message: `"${id}" is not a COW system member in ${spans(absent[i]!)}; choose years inside its membership`,
      });
    }
    if (missing[i]!.length > 0) {
      problems.push({
        path: ['actors', i],
        message: `COW NMC has no military expenditure for "${id}" in ${spans(missing[i]!)}`,
      });
    }
  }
  if (problems.length > 0) throw badInput(problems[0]!, ...problems.slice(1));
  const unit = lastYear <= LAST_STERLING_YEAR ? 'thousands of British pounds' : 'thousands of current US$';
  return { actors: [...actors], years, values, unit };
}

/** [1990, 1991, 1992, 1995] → "1990–1992, 1995". */
function spans(years: readonly number[]): string {
  const parts: string[] = [];
  let start = years[0]!;
  let prev = start;
  for (const y of [...years.slice(1), Number.NaN]) {
    if (y === prev + 1) {
      prev = y;
      continue;
    }
    parts.push(start === prev ? String(start) : `${start}–${prev}`);
    start = y;
    prev = y;
  }
  return parts.join(', ');
}
