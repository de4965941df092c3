/**
 * Observed military expenditure: SIPRI's Military Expenditure Database in
 * constant 2023 US$ million (data/sipri_milex_1949_2024_constant_2023_usd.csv;
 * data/SOURCES.md), by ISO 3166-1 alpha-3 code and year. What the backtest
 * (src/scenario/backtest.ts) scores the engine's spending against.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { ConcertError, badInput } from '../core/errors.js';
import { DATA_DIR } from './inputs.js';

export const SIPRI_FILE = `${DATA_DIR}sipri_milex_1949_2024_constant_2023_usd.csv`;
const CROSSWALK_FILE = `${DATA_DIR}cow_iso3_crosswalk.csv`;

/** First and last year of the shipped SIPRI series. */
export const SIPRI_FIRST_YEAR = 1949;
export const SIPRI_LAST_YEAR = 2024;

/** SIPRI's names of countries that the COW crosswalk names otherwise. */
const SIPRI_NAMES: Readonly<Record<string, string>> = {
  Bolivia: 'BOL',
  Brunei: 'BRN',
  'Cape Verde': 'CPV',
  'Congo, DR': 'COD',
  'Congo, Republic': 'COG',
  "Cote d'Ivoire": 'CIV',
  'Gambia, The': 'GMB',
  Iran: 'IRN',
  'Korea, North': 'PRK',
  'Korea, South': 'KOR',
  'Kyrgyz Republic': 'KGZ',
  Laos: 'LAO',
  Moldova: 'MDA',
  Russia: 'RUS',
  Syria: 'SYR',
  Taiwan: 'TWN',
  Tanzania: 'TZA',
  'Timor Leste': 'TLS',
  'United Kingdom': 'GBR',
  Venezuela: 'VEN',
};

/** Spending by actor id: US$ million (constant 2023) per year; a year without a figure is absent. */
export type MilexSeries = ReadonlyMap<string, ReadonlyMap<number, number>>;

let cached: MilexSeries | undefined;

/** The shipped SIPRI series, read once per process. */
export function loadSipriMilex(): MilexSeries {
  if (cached) return cached;
  try {
    const names = new Map<string, string>();
    const crosswalk = parse(readFileSync(CROSSWALK_FILE, 'utf8'), { columns: true }) as Record<
      string,
      string
    >[];
    for (const r of crosswalk) if (r.name && r.id) names.set(r.name, r.id);
    for (const [name, id] of Object.entries(SIPRI_NAMES)) names.set(name, id);
    const rows = parse(readFileSync(SIPRI_FILE, 'utf8'), { columns: true }) as Record<string, string>[];
    const out = new Map<string, Map<number, number>>();
    for (const r of rows) {
      const id = names.get(r.country!);
      const value = Number(r.value);
      if (!id || r.value === 'NA' || r.value === '' || !Number.isFinite(value)) continue;
      let series = out.get(id);
      if (!series) {
        series = new Map();
        out.set(id, series);
      }
      series.set(Number(r.year), value);
    }
    cached = out;
    return out;
  } catch (e) {
    throw new ConcertError('internal', [
      { file: SIPRI_FILE, message: `cannot read the shipped SIPRI data: ${(e as Error).message}` },
    ]);
  }
}

/**
 * The total spending of `actors` in each year from `from` to `to`, US$
 * million (constant 2023); null in a year where one of them has no figure.
 *
 * @throws ConcertError (bad input) for an actor SIPRI does not cover at all.
 */
export function totalMilex(
  actors: readonly string[],
  from: number,
  to: number,
  data = loadSipriMilex(),
): (number | null)[] {
  actors.forEach((id, i) => {
    if (!data.has(id))
      throw badInput({ message: `SIPRI has no military expenditure for "${id}"`, path: ['actors', i] });
  });
  const out: (number | null)[] = [];
  for (let y = from; y <= to; y++) {
    let sum = 0;
    let complete = true;
    for (const id of actors) {
      const v = data.get(id)!.get(y);
      if (v === undefined) complete = false;
      else sum += v;
    }
    out.push(complete ? sum : null);
  }
  return out;
}
