/**
 * The Doreian–Mrvar signed networks of interstate relations, 1946–1999
 * (Doreian & Mrvar 2015, Journal of Social Structure 16; 51 overlapping
 * four-year windows built from Correlates of War data, as packaged in signnet's
 * `cowList`), with their state labels mapped to COW codes through
 * data/doreian_mrvar_ccode.csv. The reference for fitting and checking
 * Concert's relation rule (src/world/fit-relations.ts, test/validation/relations-doreian-mrvar.test.ts).
 */
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { DATA_DIR } from './inputs.js';

/** One signed tie of one window. */
export interface DoreianMrvarEdge {
  /** Window label, e.g. "96-99". */
  readonly window: string;
  readonly startYear: number;
  readonly endYear: number;
  /** COW codes, lower first. */
  readonly ccodes: readonly [number, number];
  readonly sign: 1 | -1;
}

type Row = Record<string, string>;

/** Every edge of the 51 windows, in file order (reads two CSV files in data/). */
export function loadDoreianMrvar(dataDir: string = DATA_DIR): DoreianMrvarEdge[] {
  const read = (file: string) =>
    parse(readFileSync(`${dataDir}${file}`), { columns: true, skip_empty_lines: true, bom: true }) as Row[];
  const ccodeOf = new Map(read('doreian_mrvar_ccode.csv').map((r) => [r.label ?? '', Number(r.ccode)]));
  return read('signed_doreian_mrvar_international_1946_1999_edges.csv').map((r) => {
    const a = ccodeOf.get(r.state1 ?? '');
    const b = ccodeOf.get(r.state2 ?? '');
    if (a === undefined || b === undefined)
      throw new Error(`no COW code for Doreian–Mrvar label ${r.state1} or ${r.state2}`);
    const sign = Number(r.sign);
    if (sign !== 1 && sign !== -1) throw new Error(`sign ${r.sign} is not ±1`);
    return {
      window: r.window ?? '',
      startYear: Number(r.start_year),
      endYear: Number(r.end_year),
      ccodes: a < b ? [a, b] : [b, a],
      sign,
    };
  });
}
