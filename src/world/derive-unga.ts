/**
 * Derives the UN General Assembly bundle (`data/derived/unga-inputs.json`)
 * from the original CSV files in `data/`, read with csv-parse. Run
 * `npx tsx src/world/derive-unga.ts` after changing a CSV; the test
 * test/world/unga-inputs.test.ts fails while the bundle is out of date.
 *
 * Transformations (no value is edited): each vote row is mapped to its COW
 * state through data/unga_country_ccode.csv (by country code and name, and
 * for the Republic of China by date) and each roll call to the calendar year
 * of its date; a year's votes become one string per state, one character per
 * roll call in rcid order (y / n / a, `.` where the state cast no vote).
 * Ideal points keep `idealpointall` by COW code and year.
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { DATA_DIR } from './inputs.js';
import {
  UNGA_INPUTS_FORMAT,
  UNGA_INPUTS_PATH,
  UNGA_VOTE,
  type UngaInputs,
  type UngaYear,
} from './unga-inputs.js';

/** The source files, by role. */
export const UNGA_SOURCE_FILES = {
  crosswalk: 'unga_country_ccode.csv',
  rollCalls: 'unga_roll_calls_1946_2019.csv',
  votes: 'unga_votes_1946_2019.csv',
  idealPoints: 'unga_ideal_points_voeten_july2025.csv',
} as const;

type Row = Record<string, string>;

function int(row: Row, key: string): number {
  const v = row[key];
  const n = Number(v);
  if (v === undefined || v === '' || !Number.isInteger(n))
    throw new Error(`expected an integer in column ${key}, got "${v}"`);
  return n;
}

const VOTE_CODE: Record<string, string> = {
  yes: UNGA_VOTE.yes,
  no: UNGA_VOTE.no,
  abstain: UNGA_VOTE.abstain,
};

/** Reads the source CSVs in `dataDir` and builds the bundle. */
export function deriveUngaInputs(dataDir: string = DATA_DIR): UngaInputs {
  const sources: Record<string, string> = {};
  const load = (file: string): Row[] => {
    const text = readFileSync(`${dataDir}${file}`);
    sources[file] = createHash('sha256').update(text).digest('hex');
    return parse(text, { columns: true, skip_empty_lines: true, bom: true }) as Row[];
  };

  const crosswalk = load(UNGA_SOURCE_FILES.crosswalk).map((r) => ({
    key: `${r.country_code ?? ''}|${r.country ?? ''}`,
    ccode: int(r, 'ccode'),
    from: r.from_date ?? '',
    to: r.to_date ?? '',
  }));
  const ccodeOf = (code: string, name: string, date: string): number => {
    // R's missing value (written NA) and Namibia's code ("NA") read alike: the name tells them apart.
    const keys = [`${code}|${name}`, ...(code === 'NA' ? [`|${name}`] : [])];
    const hit = crosswalk.find(
      (c) => keys.includes(c.key) && (c.from === '' || date >= c.from) && (c.to === '' || date <= c.to),
    );
    if (!hit)
      throw new Error(
        `no COW code for UNGA country "${name}" (${code}) on ${date} in ${UNGA_SOURCE_FILES.crosswalk}`,
      );
    return hit.ccode;
  };

  const rollCalls = new Map<number, string>();
  for (const r of load(UNGA_SOURCE_FILES.rollCalls)) rollCalls.set(int(r, 'rcid'), r.date ?? '');
  const byYear = new Map<number, number[]>();
  for (const [rcid, date] of [...rollCalls].sort((x, y) => x[0] - y[0])) {
    const year = Number(date.slice(0, 4));
    if (!Number.isInteger(year) || year < 1900) throw new Error(`roll call ${rcid} has no date`);
    const list = byYear.get(year) ?? [];
    byYear.set(year, list);
    list.push(rcid);
  }
  const column = new Map<number, { year: number; index: number }>();
  for (const [year, list] of byYear)
    list.forEach((rcid, index) => {
      column.set(rcid, { year, index });
    });

  const grids = new Map<number, Map<number, string[]>>();
  for (const r of load(UNGA_SOURCE_FILES.votes)) {
    const rcid = int(r, 'rcid');
    const date = rollCalls.get(rcid);
    const at = column.get(rcid);
    if (date === undefined || at === undefined) throw new Error(`vote on unknown roll call ${rcid}`);
    const vote = VOTE_CODE[r.vote ?? ''];
    if (vote === undefined) throw new Error(`unknown vote "${r.vote}" on roll call ${rcid}`);
    const ccode = ccodeOf(r.country_code ?? '', r.country ?? '', date);
    const grid = grids.get(at.year) ?? new Map<number, string[]>();
    grids.set(at.year, grid);
    let row = grid.get(ccode);
    if (!row) {
      row = new Array<string>(byYear.get(at.year)!.length).fill(UNGA_VOTE.absent);
      grid.set(ccode, row);
    }
    row[at.index] = vote;
  }
  const years: Record<string, UngaYear> = {};
  for (const year of [...grids.keys()].sort((a, b) => a - b)) {
    const grid = grids.get(year)!;
    const members = [...grid.keys()].sort((a, b) => a - b);
    years[String(year)] = {
      rollCalls: byYear.get(year)!.length,
      members,
      votes: members.map((c) => grid.get(c)!.join('')),
    };
  }

  const points = new Map<number, Map<number, number>>();
  for (const r of load(UNGA_SOURCE_FILES.idealPoints)) {
    const v = r.idealpointall ?? '';
    if (v === '' || v === 'NA') continue;
    const x = Number(v);
    if (!Number.isFinite(x)) throw new Error(`expected a number in idealpointall, got "${v}"`);
    const m = points.get(int(r, 'ccode')) ?? new Map<number, number>();
    points.set(int(r, 'ccode'), m);
    m.set(int(r, 'year'), x);
  }
  const idealPoints: Record<string, { firstYear: number; values: (number | null)[] }> = {};
  for (const ccode of [...points.keys()].sort((a, b) => a - b)) {
    const m = points.get(ccode)!;
    const ys = [...m.keys()];
    const first = Math.min(...ys);
    const last = Math.max(...ys);
    const values: (number | null)[] = [];
    for (let y = first; y <= last; y++) values.push(m.get(y) ?? null);
    idealPoints[String(ccode)] = { firstYear: first, values };
  }
  return { format: UNGA_INPUTS_FORMAT, sources, years, idealPoints };
}

/** Serialises the bundle with one year (and one state's ideal points) per line. */
export function serializeUngaInputs(inputs: UngaInputs): string {
  const block = (o: Readonly<Record<string, unknown>>) =>
    `{\n${Object.entries(o)
      .map(([k, v]) => `${JSON.stringify(k)}: ${JSON.stringify(v)}`)
      .join(',\n')}\n}`;
  return `{\n"format": ${JSON.stringify(inputs.format)},\n"sources": ${block(inputs.sources)},\n"years": ${block(inputs.years)},\n"idealPoints": ${block(inputs.idealPoints)}\n}\n`;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  writeFileSync(UNGA_INPUTS_PATH, serializeUngaInputs(deriveUngaInputs()));
  process.stdout.write(`wrote ${UNGA_INPUTS_PATH}\n`);
}
