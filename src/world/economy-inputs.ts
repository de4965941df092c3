/**
 * The economic reference data in two compact files derived from `data/`
 * (docs/models/economy.md, "Data"): `data/derived/economy-inputs.json` (COW
 * national trade 1870–2014, Maddison Project GDP (PPP), capitals with
 * coordinates, COW direct contiguity) and `data/derived/trade-dyadic.tsv`
 * (COW dyadic trade, one line per year, so that only the year asked for is
 * parsed: the whole file holds 673,654 dyad-years).
 *
 * Both are derived by `deriveEconomyInputs` (derive-economy.ts);
 * test/world/economy-inputs.test.ts re-derives them and fails on any
 * difference. Nothing in them is edited by hand.
 */
import { closeSync, openSync, readFileSync, readSync } from 'node:fs';
import { ConcertError } from '../core/errors.js';
import { DATA_DIR } from './inputs.js';

/** Format tag of the bundle; bumped when its layout changes. */
export const ECONOMY_INPUTS_FORMAT = 'concert-economy-inputs/2';

/** Path of the derived bundle. */
export const ECONOMY_INPUTS_PATH = `${DATA_DIR}derived/economy-inputs.json`;
/** Path of the dyadic trade file: one line `YEAR<TAB>[ccode1, ccode2, flow1, flow2, …]` per year. */
export const TRADE_DYADIC_PATH = `${DATA_DIR}derived/trade-dyadic.tsv`;

export interface EconomyInputs {
  readonly format: string;
  /** SHA-256 of each source file's (uncompressed) content, by file name. */
  readonly sources: Readonly<Record<string, string>>;
  /** First and last year of COW Trade v4.0. */
  readonly tradeFirstYear: number;
  readonly tradeLastYear: number;
  /** Byte offset and length of each year's line in trade-dyadic.tsv, so that a year is read alone. */
  readonly dyadicLines: Readonly<Record<string, readonly [number, number]>>;
  /** COW National Trade v4.0 by COW code: imports and exports by year from `firstYear`, current million US$. */
  readonly national: Readonly<
    Record<
      string,
      {
        readonly firstYear: number;
        readonly imports: readonly (number | null)[];
        readonly exports: readonly (number | null)[];
      }
    >
  >;
  /**
   * Maddison Project Database 2020 GDP (2011 international $, PPP) by Concert
   * actor id, years from 1816: [year, GDP] pairs (the early series are
   * sparse). Spliced series (Former USSR, then Russia, for RUS) follow
   * data/maddison_iso3_crosswalk.csv.
   */
  readonly maddisonGdp: Readonly<Record<string, readonly (readonly [number, number])[]>>;
  /** Capitals by COW code (peacesciencer `cow_capitals`): [ccode, name, start date, end date, latitude °, longitude °]. */
  readonly capitals: readonly (readonly [number, string, string, string, number, number])[];
  /** COW Direct Contiguity v3.2 (peacesciencer `cow_contdir`): [ccode1, ccode2, type 1–5, start date, end date]. */
  readonly contiguity: readonly (readonly [number, number, number, string, string])[];
}

/**
 * One year of COW dyadic trade: flat quadruples (ccode1, ccode2, flow1,
 * flow2) with ccode1 < ccode2, flow1 = imports of ccode1 from ccode2 and
 * flow2 = imports of ccode2 from ccode1, whole million current US$; `null`
 * where COW has no value.
 */
export type DyadicTradeYear = readonly (number | null)[];

let cached: EconomyInputs | undefined;

function internal(file: string, message: string): ConcertError {
  return new ConcertError('internal', [{ file, message }]);
}

/**
 * The economic bundle, read once per process and shared (treated as
 * immutable everywhere). An unreadable or outdated bundle is an internal
 * fault: the data shipped with Concert is broken.
 */
export function loadEconomyInputs(): EconomyInputs {
  if (cached) return cached;
  let parsed: EconomyInputs;
  try {
    parsed = JSON.parse(readFileSync(ECONOMY_INPUTS_PATH, 'utf8')) as EconomyInputs;
  } catch (e) {
    throw internal(ECONOMY_INPUTS_PATH, `cannot read the embedded economic data: ${(e as Error).message}`);
  }
  if (parsed.format !== ECONOMY_INPUTS_FORMAT) {
    throw internal(
      ECONOMY_INPUTS_PATH,
      `embedded economic data has format "${parsed.format}", expected "${ECONOMY_INPUTS_FORMAT}"; rebuild it with \`npx tsx src/world/derive-economy.ts\``,
    );
  }
  cached = parsed;
  return parsed;
}

const dyadicYears = new Map<number, DyadicTradeYear | null>();

/**
 * COW dyadic trade of one year (see {@link DyadicTradeYear}), or null for a
 * year the data do not cover. Only that year's line of the file is read
 * (its byte range is in the bundle); each year is parsed once and kept.
 */
export function loadDyadicTrade(year: number): DyadicTradeYear | null {
  const hit = dyadicYears.get(year);
  if (hit !== undefined) return hit;
  const range = loadEconomyInputs().dyadicLines[String(year)];
  let value: DyadicTradeYear | null = null;
  if (range) {
    const [offset, length] = range;
    const bytes = Buffer.alloc(length);
    let fd: number | undefined;
    try {
      fd = openSync(TRADE_DYADIC_PATH, 'r');
      readSync(fd, bytes, 0, length, offset);
    } catch (e) {
      throw internal(TRADE_DYADIC_PATH, `cannot read the embedded trade data: ${(e as Error).message}`);
    } finally {
      if (fd !== undefined) closeSync(fd);
    }
    const line = bytes.toString('utf8');
    const tab = line.indexOf('\t');
    if (line.slice(0, tab) !== String(year))
      throw internal(
        TRADE_DYADIC_PATH,
        `the line of ${year} is not where the bundle says; rebuild it with \`npx tsx src/world/derive-economy.ts\``,
      );
    value = JSON.parse(line.slice(tab + 1)) as DyadicTradeYear;
  }
  dyadicYears.set(year, value);
  return value;
}
