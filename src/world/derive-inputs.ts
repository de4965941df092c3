/**
 * Derives the reference-data bundle (`data/derived/world-inputs.json`) from
 * the original CSV files in `data/`, read with csv-parse. Run
 * `npx tsx src/world/derive-inputs.ts` after changing a CSV; the test
 * test/world/inputs.test.ts fails while the bundle is out of date.
 *
 * Every transformation here is lossless for the columns Concert uses, except
 * two documented reductions: ATOP directed dyad-years become spells of
 * consecutive years with identical obligations (lossless), and MID directed
 * dyad-years become undirected dispute-dyad-years keeping the higher and the
 * lower of the two sides' hostility levels, the higher fatality level, and
 * whether both states were originators (the MID fields the relation rule reads).
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import {
  type CowDate,
  type CrosswalkEntry,
  DATA_DIR,
  WORLD_INPUTS_FORMAT,
  WORLD_INPUTS_PATH,
  type WorldInputs,
} from './inputs.js';

/** The source files, by role. */
export const SOURCE_FILES = {
  crosswalk: 'cow_iso3_crosswalk.csv',
  states: 'cow_states2016.csv',
  system: 'cow_system2016.csv',
  nmc: 'cow_nmc_v6.0_abridged.csv',
  majors: 'cow_majors2016.csv',
  atop: 'atop_v5.1_directed_dyad_year.csv',
  cowAlliances: 'cow_alliance_v4.1_by_member.csv',
  mids: 'cow_mid_v5.0_directed_dyadic_dispute_year.csv',
  rivalries: 'thompson_dreyer_strategic_rivalries.csv',
  wbGdp: 'wb_gdp_current_usd.csv',
  wbPopulation: 'wb_population.csv',
} as const;

type Row = Record<string, string>;

function readCsv(dir: string, file: string): { rows: Row[]; sha256: string } {
  const text = readFileSync(`${dir}${file}`);
  const rows = parse(text, { columns: true, skip_empty_lines: true, bom: true, trim: true }) as Row[];
  return { rows, sha256: createHash('sha256').update(text).digest('hex') };
}

function int(row: Row, key: string): number {
  const v = row[key];
  const n = Number(v);
  if (v === undefined || v === '' || !Number.isInteger(n))
    throw new Error(`expected an integer in column ${key}, got "${v}"`);
  return n;
}

/** COW numbers with −9 (or an empty field) meaning missing. */
function cowValue(row: Row, key: string): number | null {
  const v = row[key];
  if (v === undefined || v === '') return null;
  const n = Number(v);
  if (!Number.isFinite(n)) throw new Error(`expected a number in column ${key}, got "${v}"`);
  return n === -9 ? null : n;
}

function optionalInt(row: Row, key: string): number | null {
  const v = cowValue(row, key);
  return v === null ? null : Math.trunc(v);
}

function cowDate(row: Row, y: string, m: string, d: string): CowDate {
  return [int(row, y), optionalInt(row, m), optionalInt(row, d)];
}

function worldBank(rows: Row[]): WorldInputs['wbGdpUsd'] {
  const byCode = new Map<string, Map<number, number>>();
  for (const r of rows) {
    const code = r['Country Code'] ?? '';
    const value = Number(r.Value);
    if (!Number.isFinite(value)) continue;
    const m = byCode.get(code) ?? new Map<number, number>();
    byCode.set(code, m);
    m.set(int(r, 'Year'), value);
  }
  const out: Record<string, { firstYear: number; values: (number | null)[] }> = {};
  for (const code of [...byCode.keys()].sort()) {
    const m = byCode.get(code)!;
    const years = [...m.keys()];
    const first = Math.min(...years);
    const last = Math.max(...years);
    const values: (number | null)[] = [];
    for (let y = first; y <= last; y++) values.push(m.get(y) ?? null);
    out[code] = { firstYear: first, values };
  }
  return out;
}

/** Reads every source CSV in `dataDir` and builds the bundle. */
export function deriveWorldInputs(dataDir: string = DATA_DIR): WorldInputs {
  const sources: Record<string, string> = {};
  const load = (file: string) => {
    const r = readCsv(dataDir, file);
    sources[file] = r.sha256;
    return r.rows;
  };

  const crosswalk: CrosswalkEntry[] = load(SOURCE_FILES.crosswalk).map((r) => ({
    ccode: int(r, 'ccode'),
    stateabb: r.stateabb ?? '',
    id: r.id ?? '',
    idBasis: r.id_basis as CrosswalkEntry['idBasis'],
    fromYear: int(r, 'from_year'),
    toYear: int(r, 'to_year'),
    name: r.name ?? '',
    wbCode: r.wb_code ? r.wb_code : null,
  }));

  const states = load(SOURCE_FILES.states).map(
    (r) =>
      [
        int(r, 'ccode'),
        r.stateabb ?? '',
        r.statenme ?? '',
        cowDate(r, 'styear', 'stmonth', 'stday'),
        cowDate(r, 'endyear', 'endmonth', 'endday'),
      ] as const,
  );

  const system: Record<string, number[]> = {};
  for (const r of load(SOURCE_FILES.system)) {
    const key = String(int(r, 'year'));
    if (!system[key]) system[key] = [];
    system[key].push(int(r, 'ccode'));
  }
  for (const list of Object.values(system)) list.sort((a, b) => a - b);

  const nmc = load(SOURCE_FILES.nmc).map(
    (r) =>
      [
        int(r, 'ccode'),
        int(r, 'year'),
        cowValue(r, 'milex'),
        cowValue(r, 'milper'),
        cowValue(r, 'irst'),
        cowValue(r, 'pec'),
        cowValue(r, 'tpop'),
        cowValue(r, 'upop'),
        cowValue(r, 'cinc'),
      ] as [number, number, ...(number | null)[]],
  );

  const majors = load(SOURCE_FILES.majors).map(
    (r) =>
      [
        int(r, 'ccode'),
        cowDate(r, 'styear', 'stmonth', 'stday'),
        cowDate(r, 'endyear', 'endmonth', 'endday'),
      ] as const,
  );

  const flagOf = (r: Row) =>
    (int(r, 'atop_defense') ? 1 : 0) |
    (int(r, 'atop_offense') ? 2 : 0) |
    (int(r, 'atop_neutral') ? 4 : 0) |
    (int(r, 'atop_nonagg') ? 8 : 0) |
    (int(r, 'atop_consul') ? 16 : 0);
  const atopRows = load(SOURCE_FILES.atop)
    .map((r) => [int(r, 'ccode1'), int(r, 'ccode2'), int(r, 'year'), flagOf(r)] as const)
    .sort((x, y) => x[0] - y[0] || x[1] - y[1] || x[2] - y[2]);
  const atop: [number, number, number, number, number][] = [];
  for (const [a, b, year, flags] of atopRows) {
    const last = atop[atop.length - 1];
    if (last && last[0] === a && last[1] === b && last[4] === flags && last[3] === year - 1) last[3] = year;
    else atop.push([a, b, year, year, flags]);
  }

  let cowAllianceLastYear = 0;
  const cowAlliances = load(SOURCE_FILES.cowAlliances).map((r) => {
    const start = int(r, 'mem_st_year');
    const end = optionalInt(r, 'mem_end_year');
    cowAllianceLastYear = Math.max(cowAllianceLastYear, start, end ?? 0);
    return [
      int(r, 'version4id'),
      int(r, 'ccode'),
      start,
      end,
      // One member record (alliance 6) leaves two flags empty: read as 0 (not coded).
      optionalInt(r, 'defense') ?? 0,
      optionalInt(r, 'neutrality') ?? 0,
      optionalInt(r, 'nonaggression') ?? 0,
      optionalInt(r, 'entente') ?? 0,
    ] as const;
  });

  const midMap = new Map<string, [number, number, number, number, number, number, number, number]>();
  let midLastYear = 0;
  for (const r of load(SOURCE_FILES.mids)) {
    const c1 = int(r, 'ccode1');
    const c2 = int(r, 'ccode2');
    const lo = Math.min(c1, c2);
    const hi = Math.max(c1, c2);
    const year = int(r, 'year');
    const disp = int(r, 'dispnum');
    const host1 = optionalInt(r, 'hostlev1') ?? 0;
    const host2 = optionalInt(r, 'hostlev2') ?? 0;
    // COW fatality levels 0 (none) … 6 (> 999 deaths); −9 (unknown) is kept as −1.
    const fatality = Math.max(optionalInt(r, 'fatality1') ?? -1, optionalInt(r, 'fatality2') ?? -1);
    const originators = optionalInt(r, 'orig1') === 1 && optionalInt(r, 'orig2') === 1 ? 1 : 0;
    midLastYear = Math.max(midLastYear, year);
    const key = `${disp}|${lo}|${hi}|${year}`;
    const prev = midMap.get(key);
    if (prev) {
      prev[4] = Math.max(prev[4], host1, host2);
      prev[5] = Math.min(prev[5], host1, host2);
      prev[6] = Math.max(prev[6], fatality);
      prev[7] = Math.max(prev[7], originators);
    } else
      midMap.set(key, [
        disp,
        lo,
        hi,
        year,
        Math.max(host1, host2),
        Math.min(host1, host2),
        fatality,
        originators,
      ]);
  }
  const mids = [...midMap.values()].sort((x, y) => x[0] - y[0] || x[1] - y[1] || x[2] - y[2] || x[3] - y[3]);

  let rivalryLastYear = 0;
  const rivalries = load(SOURCE_FILES.rivalries).map((r) => {
    const end = int(r, 'endyear');
    rivalryLastYear = Math.max(rivalryLastYear, end);
    return [
      int(r, 'rivalryno'),
      r.rivalryname ?? '',
      int(r, 'ccode1'),
      int(r, 'ccode2'),
      int(r, 'styear'),
      end,
    ] as const;
  });

  return {
    format: WORLD_INPUTS_FORMAT,
    sources,
    crosswalk,
    states,
    system,
    nmc,
    majors,
    atop,
    cowAlliances,
    cowAllianceLastYear,
    mids,
    midLastYear,
    rivalries,
    rivalryLastYear,
    wbGdpUsd: worldBank(load(SOURCE_FILES.wbGdp)),
    wbPopulation: worldBank(load(SOURCE_FILES.wbPopulation)),
  };
}

/** Serialises the bundle with one record per line, so that diffs stay readable. */
export function serializeWorldInputs(inputs: WorldInputs): string {
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

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  writeFileSync(WORLD_INPUTS_PATH, serializeWorldInputs(deriveWorldInputs()));
  process.stdout.write(`wrote ${WORLD_INPUTS_PATH}\n`);
}
