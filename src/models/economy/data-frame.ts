/**
 * Numeric data frames from CSV text, for gravity estimation on a user's data
 * (e.g. the Santos Silva & Tenreyro replication sample). The first row names
 * the columns; every other cell is a number, or empty / `NA` / `.` for a
 * missing value (read as NaN). Columns that hold text (country names, codes
 * with letters) are kept out of the frame and listed, not refused.
 */
import { parse } from 'csv-parse/sync';
import { badInput, ConcertError, type Problem } from '../../core/errors.js';
import type { DataFrame } from './gravity.js';

/** A data frame read from CSV, with the columns that were not numeric. */
export interface CsvDataFrame extends DataFrame {
  readonly textColumns: readonly string[];
}

const MISSING = new Set(['', 'NA', 'na', 'NaN', '.']);
const NUMBER = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;

/**
 * Reads CSV text into a numeric data frame. A column is numeric when every
 * non-missing cell is a number; otherwise it is a text column.
 *
 * @throws {ConcertError} bad input located at `file` and the line for
 *   unreadable CSV, a row whose length differs from the header's, a header
 *   with an empty or repeated name, or a file with no data row.
 * @example
 * parseDataFrame('trade,dist\n10,2.5\n0,NA\n', 'x.csv').columns.dist; // => Float64Array [2.5, NaN]
 */
export function parseDataFrame(text: string, file: string): CsvDataFrame {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, {
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
      trim: true,
      bom: true,
    }) as unknown as typeof records;
  } catch (e) {
    const err = e as { message?: string; lines?: number };
    throw badInput({ file, line: err.lines, message: `unreadable CSV: ${err.message ?? String(e)}` });
  }
  if (records.length < 2)
    throw badInput({ file, line: 1, message: 'expected a header row and at least one data row' });
  const header = records[0]!.record;
  const problems: Problem[] = [];
  header.forEach((name, i) => {
    if (name === '') problems.push({ file, line: 1, message: `column ${i + 1} has no name in the header` });
    else if (header.indexOf(name) !== i)
      problems.push({ file, line: 1, message: `column "${name}" is named twice in the header` });
  });
  for (const r of records.slice(1)) {
    if (r.record.length !== header.length && problems.length < 20)
      problems.push({
        file,
        line: r.info.lines,
        message: `expected ${header.length} fields as in the header; got ${r.record.length}`,
      });
  }
  if (problems.length > 0) throw new ConcertError('bad-input', problems);
  const rows = records.length - 1;
  const columns: Record<string, Float64Array> = {};
  const textColumns: string[] = [];
  header.forEach((name, c) => {
    const col = new Float64Array(rows);
    for (let r = 0; r < rows; r++) {
      const cell = records[r + 1]!.record[c]!;
      if (MISSING.has(cell)) col[r] = Number.NaN;
      else if (NUMBER.test(cell)) col[r] = Number(cell);
      else {
        textColumns.push(name);
        return;
      }
    }
    columns[name] = col;
  });
  return { rows, columns, textColumns };
}
