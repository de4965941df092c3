/**
 * The reference data behind the embedded default world, in one compact,
 * typed bundle (`data/derived/world-inputs.json`).
 *
 * The bundle is derived from the original CSV files in `data/` (see
 * {@link deriveWorldInputs} in derive-inputs.ts) so that loading a year does
 * not re-parse 10 MB of CSV: parsing the originals with csv-parse takes about
 * 1.6 s on first use, reading the bundle 50–90 ms (docs/performance.md). test/world/inputs.test.ts
 * re-derives the bundle from the CSVs and checks it is identical, so the two
 * cannot drift. Nothing in the bundle is edited by hand.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ConcertError } from '../core/errors.js';

/** Format tag of the bundle; bumped when its layout changes. */
export const WORLD_INPUTS_FORMAT = 'concert-world-inputs/2';

/** ATOP obligation flags, one bit each (Leeds et al. 2002). */
export const AtopFlag = {
  defense: 1,
  offense: 2,
  neutrality: 4,
  nonaggression: 8,
  consultation: 16,
} as const;

/** A calendar date as COW gives it; day or month may be missing (`null`). */
export type CowDate = readonly [year: number, month: number | null, day: number | null];

export interface CrosswalkEntry {
  readonly ccode: number;
  readonly stateabb: string;
  /** Concert actor id (ISO 3166-1 alpha-3, ISO 3166-3 former code, or X + COW abbreviation). */
  readonly id: string;
  readonly idBasis: 'iso3166-1' | 'iso3166-3' | 'concert-x';
  readonly fromYear: number;
  readonly toYear: number;
  readonly name: string;
  /** World Bank code when it differs from `id` (Kosovo: XKX). */
  readonly wbCode: string | null;
}

export interface WorldInputs {
  readonly format: string;
  /** SHA-256 of each source CSV the bundle was derived from, by file name. */
  readonly sources: Readonly<Record<string, string>>;
  readonly crosswalk: readonly CrosswalkEntry[];
  /** COW State System Membership v2016, state spells: [ccode, stateabb, name, start, end]. */
  readonly states: readonly (readonly [number, string, string, CowDate, CowDate])[];
  /** COW system membership by year: year → COW codes. */
  readonly system: Readonly<Record<string, readonly number[]>>;
  /**
   * COW NMC v6.0 rows: [ccode, year, milex, milper, irst, pec, tpop, upop, cinc],
   * `null` where COW writes −9.
   */
  readonly nmc: readonly (readonly [number, number, ...(number | null)[]])[];
  /** COW Major Powers v2016 spells: [ccode, start, end]. */
  readonly majors: readonly (readonly [number, CowDate, CowDate])[];
  /**
   * ATOP v5.1 directed dyad-years compressed into spells of consecutive years
   * with identical obligations: [ccode1, ccode2, firstYear, lastYear, flags].
   */
  readonly atop: readonly (readonly [number, number, number, number, number])[];
  /**
   * COW Formal Alliances v4.1 member spells: [allianceId, ccode, startYear,
   * endYear or null (ongoing at the end of the data), defense, neutrality,
   * nonaggression, entente].
   */
  readonly cowAlliances: readonly (readonly [
    number,
    number,
    number,
    number | null,
    number,
    number,
    number,
    number,
  ])[];
  /** Last year covered by COW alliance v4.1. */
  readonly cowAllianceLastYear: number;
  /**
   * COW MID v5.0 dyadic dispute-years, undirected: [dispnum, lowerCcode,
   * higherCcode, year, higher hostility level of the two sides (1–5), lower
   * hostility level, higher fatality level (0 none … 6 more than 999 deaths;
   * −1 unknown), 1 if both states were originators of the dispute else 0].
   */
  readonly mids: readonly (readonly [number, number, number, number, number, number, number, number])[];
  readonly midLastYear: number;
  /** Thompson & Dreyer strategic rivalries: [number, name, ccode1, ccode2, startYear, endYear]. */
  readonly rivalries: readonly (readonly [number, string, number, number, number, number])[];
  readonly rivalryLastYear: number;
  /** World Bank WDI by country code: first year and one value per year (null = missing). */
  readonly wbGdpUsd: Readonly<
    Record<string, { readonly firstYear: number; readonly values: readonly (number | null)[] }>
  >;
  readonly wbPopulation: Readonly<
    Record<string, { readonly firstYear: number; readonly values: readonly (number | null)[] }>
  >;
}

/** Folder holding the shipped datasets (works from src/ and from dist/). */
export const DATA_DIR = fileURLToPath(new URL('../../data/', import.meta.url));
/** Path of the derived bundle. */
export const WORLD_INPUTS_PATH = `${DATA_DIR}derived/world-inputs.json`;

let cached: WorldInputs | undefined;

/**
 * The reference-data bundle, read once per process and then shared (the
 * value is treated as immutable everywhere). An unreadable or outdated bundle
 * is an internal fault: the data shipped with Concert is broken.
 */
export function loadWorldInputs(): WorldInputs {
  if (cached) return cached;
  let parsed: WorldInputs;
  try {
    parsed = JSON.parse(readFileSync(WORLD_INPUTS_PATH, 'utf8')) as WorldInputs;
  } catch (e) {
    throw new ConcertError('internal', [
      { file: WORLD_INPUTS_PATH, message: `cannot read the embedded world data: ${(e as Error).message}` },
    ]);
  }
  if (parsed.format !== WORLD_INPUTS_FORMAT) {
    throw new ConcertError('internal', [
      {
        file: WORLD_INPUTS_PATH,
        message: `embedded world data has format "${parsed.format}", expected "${WORLD_INPUTS_FORMAT}"; rebuild it with \`npx tsx src/world/derive-inputs.ts\``,
      },
    ]);
  }
  cached = parsed;
  return parsed;
}
