/**
 * Derives the economic bundle (`data/derived/economy-inputs.json`) from the
 * files in `data/`, read with csv-parse. Run `npx tsx src/world/derive-economy.ts`
 * after changing one of them; test/world/economy-inputs.test.ts fails while
 * the bundle is out of date.
 *
 * Transformations (no value is edited): dyad-year rows are grouped by year
 * into `data/derived/trade-dyadic.tsv` (flow1 and flow2; a missing flow is
 * `null`, an absent dyad-year stays absent; COW's smoothed flows are not kept); national trade becomes one series per state; Maddison
 * rows are mapped to Concert ids through data/maddison_iso3_crosswalk.csv,
 * regional aggregates and years before 1816 are left out; capital and
 * contiguity spells keep their dates as written.
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { parse } from 'csv-parse/sync';
import {
  ECONOMY_INPUTS_FORMAT,
  ECONOMY_INPUTS_PATH,
  type EconomyInputs,
  TRADE_DYADIC_PATH,
} from './economy-inputs.js';
import { DATA_DIR } from './inputs.js';

/** The source files, by role (the dyadic file is shipped gzip-compressed). */
export const ECONOMY_SOURCE_FILES = {
  dyadic: 'cow_trade_dyadic_v4.0_ndy_abridged.csv.gz',
  national: 'cow_trade_national_v4.0_abridged.csv',
  maddison: 'maddison_project_2020_owid.csv',
  maddisonCrosswalk: 'maddison_iso3_crosswalk.csv',
  capitals: 'cow_capitals_peacesciencer.csv',
  contiguity: 'cow_contdir_peacesciencer.csv',
} as const;

/** First year kept from the Maddison series (the first year of the COW state system). */
const MADDISON_FROM = 1816;

type Row = Record<string, string>;

function int(row: Row, key: string): number {
  const v = row[key];
  const n = Number(v);
  if (v === undefined || v === '' || !Number.isInteger(n))
    throw new Error(`expected an integer in column ${key}, got "${v}"`);
  return n;
}

function num(row: Row, key: string): number | null {
  const v = row[key];
  if (v === undefined || v === '') return null;
  const n = Number(v);
  if (!Number.isFinite(n)) throw new Error(`expected a number in column ${key}, got "${v}"`);
  return n;
}

/** What {@link deriveEconomyInputs} derives: the bundle and the dyadic trade by year. */
export interface DerivedEconomy {
  readonly inputs: EconomyInputs;
  readonly dyadic: ReadonlyMap<number, readonly (number | null)[]>;
}

/** Reads every source file in `dataDir` and builds the bundle and the dyadic trade file's years. */
export function deriveEconomyInputs(dataDir: string = DATA_DIR): DerivedEconomy {
  const sources: Record<string, string> = {};
  const load = (file: string): Row[] => {
    let bytes = readFileSync(`${dataDir}${file}`);
    if (file.endsWith('.gz')) bytes = gunzipSync(bytes);
    sources[file.replace(/\.gz$/, '')] = createHash('sha256').update(bytes).digest('hex');
    return parse(bytes, { columns: true, skip_empty_lines: true, bom: true }) as Row[];
  };

  let tradeFirstYear = Number.POSITIVE_INFINITY;
  let tradeLastYear = 0;
  const rows = load(ECONOMY_SOURCE_FILES.dyadic)
    .map(
      (r) => [int(r, 'year'), int(r, 'ccode1'), int(r, 'ccode2'), num(r, 'flow1'), num(r, 'flow2')] as const,
    )
    .sort((x, y) => x[0] - y[0] || x[1] - y[1] || x[2] - y[2]);
  const dyadic = new Map<number, (number | null)[]>();
  for (const [year, a, b, f1, f2] of rows) {
    tradeFirstYear = Math.min(tradeFirstYear, year);
    tradeLastYear = Math.max(tradeLastYear, year);
    const list = dyadic.get(year) ?? [];
    dyadic.set(year, list);
    list.push(a, b, f1, f2);
  }

  const nationalRows = new Map<number, Map<number, [number | null, number | null]>>();
  for (const r of load(ECONOMY_SOURCE_FILES.national)) {
    const c = int(r, 'ccode');
    const m = nationalRows.get(c) ?? new Map<number, [number | null, number | null]>();
    nationalRows.set(c, m);
    m.set(int(r, 'year'), [num(r, 'imports'), num(r, 'exports')]);
  }
  const national: Record<
    string,
    { firstYear: number; imports: (number | null)[]; exports: (number | null)[] }
  > = {};
  for (const c of [...nationalRows.keys()].sort((x, y) => x - y)) {
    const m = nationalRows.get(c)!;
    const years = [...m.keys()];
    const first = Math.min(...years);
    const last = Math.max(...years);
    const imports: (number | null)[] = [];
    const exports: (number | null)[] = [];
    for (let y = first; y <= last; y++) {
      imports.push(m.get(y)?.[0] ?? null);
      exports.push(m.get(y)?.[1] ?? null);
    }
    national[String(c)] = { firstYear: first, imports, exports };
  }

  const crosswalk = load(ECONOMY_SOURCE_FILES.maddisonCrosswalk).map((r) => ({
    entity: r.entity ?? '',
    id: r.id ?? '',
    from: int(r, 'from_year'),
    to: int(r, 'to_year'),
  }));
  const maddison = new Map<string, Map<number, number>>();
  for (const r of load(ECONOMY_SOURCE_FILES.maddison)) {
    const year = int(r, 'Year');
    const gdp = num(r, 'GDP');
    if (year < MADDISON_FROM || gdp === null) continue;
    const entry = crosswalk.find((c) => c.entity === r.Entity && c.from <= year && year <= c.to);
    if (!entry) continue;
    const m = maddison.get(entry.id) ?? new Map<number, number>();
    maddison.set(entry.id, m);
    if (m.has(year)) throw new Error(`two Maddison series for ${entry.id} in ${year}`);
    m.set(year, gdp);
  }
  const maddisonGdp: Record<string, [number, number][]> = {};
  for (const id of [...maddison.keys()].sort()) {
    maddisonGdp[id] = [...maddison.get(id)!.entries()].sort((x, y) => x[0] - y[0]);
  }

  const capitals = load(ECONOMY_SOURCE_FILES.capitals).map(
    (r) =>
      [
        int(r, 'ccode'),
        r.capital ?? '',
        r.stdate ?? '',
        r.enddate ?? '',
        num(r, 'lat') ?? Number.NaN,
        num(r, 'lng') ?? Number.NaN,
      ] as const,
  );
  const contiguity = load(ECONOMY_SOURCE_FILES.contiguity).map(
    (r) => [int(r, 'ccode1'), int(r, 'ccode2'), int(r, 'conttype'), r.stdate ?? '', r.enddate ?? ''] as const,
  );

  const inputs: EconomyInputs = {
    format: ECONOMY_INPUTS_FORMAT,
    sources,
    tradeFirstYear,
    tradeLastYear,
    dyadicLines: dyadicLines(dyadic),
    national,
    maddisonGdp,
    capitals,
    contiguity,
  };
  return { inputs, dyadic };
}

/** Serialises the bundle with one record per line, so that diffs stay readable. */
export function serializeEconomyInputs(inputs: EconomyInputs): string {
  const parts = Object.entries(inputs).map(([key, value]) => {
    let body: string;
    if (Array.isArray(value)) body = `[\n${value.map((v) => JSON.stringify(v)).join(',\n')}\n]`;
    else if (value !== null && typeof value === 'object')
      body = `{\n${Object.entries(value)
        .map(([k, v]) => `${JSON.stringify(k)}: ${JSON.stringify(v)}`)
        .join(',\n')}\n}`;
    else body = JSON.stringify(value);
    return `${JSON.stringify(key)}: ${body}`;
  });
  return `{\n${parts.join(',\n')}\n}\n`;
}

function dyadicLineList(dyadic: ReadonlyMap<number, readonly (number | null)[]>): [number, string][] {
  return [...dyadic.entries()]
    .sort((x, y) => x[0] - y[0])
    .map(([year, flat]) => [year, `${year}\t${JSON.stringify(flat)}`]);
}

/** The dyadic trade file: one line `YEAR<TAB>[ccode1,ccode2,flow1,flow2,…]` per year, in year order. */
export function serializeDyadicTrade(dyadic: ReadonlyMap<number, readonly (number | null)[]>): string {
  return dyadicLineList(dyadic)
    .map(([, line]) => `${line}\n`)
    .join('');
}

/** Byte offset and length of each year's line (without its newline) in {@link serializeDyadicTrade}'s text. */
function dyadicLines(
  dyadic: ReadonlyMap<number, readonly (number | null)[]>,
): Record<string, [number, number]> {
  const out: Record<string, [number, number]> = {};
  let offset = 0;
  for (const [year, line] of dyadicLineList(dyadic)) {
    const length = Buffer.byteLength(line, 'utf8');
    out[String(year)] = [offset, length];
    offset += length + 1;
  }
  return out;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { inputs, dyadic } = deriveEconomyInputs();
  writeFileSync(ECONOMY_INPUTS_PATH, serializeEconomyInputs(inputs));
  writeFileSync(TRADE_DYADIC_PATH, serializeDyadicTrade(dyadic));
  process.stdout.write(`wrote ${ECONOMY_INPUTS_PATH} and ${TRADE_DYADIC_PATH}\n`);
}
