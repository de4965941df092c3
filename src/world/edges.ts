/**
 * Signed edge lists in CSV (DESIGN.md, "Signed networks"): a header naming a
 * `sign` column (values +1/−1) or a `weight` column (values in [−1, 1]) and
 * two endpoint columns — `from`,`to` if present, otherwise the two columns just
 * before the sign/weight column (so `tribe1,tribe2,sign` and
 * `…,state1,state2,sign` files read as they are). A `window` column (as in
 * the Doreian–Mrvar file) splits the file into one network per window.
 *
 * All problems are collected and reported together, each with file, line and
 * column: unreadable rows, self-loops, duplicate edges whose signs or weights
 * conflict, signs other than ±1, weights outside [−1, 1], and, when the known
 * actors are given, unknown actor ids.
 */
import { parse } from 'csv-parse/sync';
import { readTextFile } from '../core/document.js';
import { badInput, type Problem } from '../core/errors.js';
import type { NamedSignedEdge } from '../models/relations/network.js';

/** A parsed edge list: nodes in order of first appearance and its edges. */
export interface EdgeList {
  readonly nodes: readonly string[];
  readonly edges: readonly NamedSignedEdge[];
  /** Which value column the file had. */
  readonly valueColumn: 'sign' | 'weight';
}

/** One window of a windowed edge list (Doreian–Mrvar: 4-year windows). */
export interface EdgeListWindow extends EdgeList {
  readonly window: string;
  readonly startYear?: number;
  readonly endYear?: number;
}

export interface EdgeListOptions {
  /** Known actor ids (when the network belongs to a world); others are reported. */
  readonly actors?: readonly string[];
}

interface Row {
  readonly cells: readonly string[];
  readonly offsets: readonly number[];
  readonly line: number;
}

const MAX_EDGE_LIST_CHARS = 200_000_000;

function rowsOf(text: string, file: string): Row[] {
  if (text.length > MAX_EDGE_LIST_CHARS) {
    throw badInput({
      file,
      message: `file is too large (${text.length} characters; at most ${MAX_EDGE_LIST_CHARS})`,
    });
  }
  let records: { record: string[]; raw: string; info: { lines: number } }[];
  try {
    records = parse(text, {
      info: true,
      raw: true,
      relax_column_count: true,
      skip_empty_lines: true,
      trim: true,
      bom: true,
    }) as unknown as typeof records;
  } catch (e) {
    const err = e as { message?: string; lines?: number };
    throw badInput({ file, line: err.lines, message: `unreadable CSV: ${err.message ?? String(e)}` });
  }
  return records.map((r) => ({
    cells: r.record,
    offsets: fieldOffsets(r.raw.replace(/\r?\n$/, '')),
    line: r.info.lines,
  }));
}

/** 1-based start column of each field of a raw CSV line (commas inside quotes do not split). */
function fieldOffsets(raw: string): number[] {
  const out = [1];
  let quoted = false;
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i];
    if (c === '"') quoted = !quoted;
    else if (c === ',' && !quoted) out.push(i + 2);
  }
  return out;
}

interface Layout {
  readonly from: number;
  readonly to: number;
  readonly value: number;
  readonly valueColumn: 'sign' | 'weight';
  readonly window: number;
  readonly startYear: number;
  readonly endYear: number;
}

function layoutOf(header: Row, file: string): Layout {
  const names = header.cells.map((c) => c.toLowerCase());
  let value = names.indexOf('sign');
  let valueColumn: 'sign' | 'weight' = 'sign';
  if (value < 0) {
    value = names.indexOf('weight');
    valueColumn = 'weight';
  }
  let from = names.indexOf('from');
  let to = names.indexOf('to');
  if (from < 0 || to < 0) {
    from = value - 2;
    to = value - 1;
  }
  if (value < 0 || from < 0) {
    throw badInput({
      file,
      line: header.line,
      column: 1,
      message: `expected a header with columns from,to,sign or from,to,weight (found "${header.cells.join(',')}")`,
    });
  }
  return {
    from,
    to,
    value,
    valueColumn,
    window: names.indexOf('window'),
    startYear: names.indexOf('start_year'),
    endYear: names.indexOf('end_year'),
  };
}

interface Accumulator {
  readonly nodes: string[];
  readonly nodeSet: Set<string>;
  readonly edges: NamedSignedEdge[];
  readonly seen: Map<string, { weight: number; line: number }>;
}

function newAccumulator(): Accumulator {
  return { nodes: [], nodeSet: new Set(), edges: [], seen: new Map() };
}

function readRow(
  row: Row,
  layout: Layout,
  acc: Accumulator,
  file: string,
  known: ReadonlySet<string> | undefined,
  problems: Problem[],
): void {
  const at = (col: number) => ({ file, line: row.line, column: row.offsets[col] ?? 1 });
  const needed = Math.max(layout.from, layout.to, layout.value) + 1;
  if (row.cells.length < needed) {
    problems.push({ ...at(0), message: `expected at least ${needed} columns, found ${row.cells.length}` });
    return;
  }
  const from = row.cells[layout.from]!;
  const to = row.cells[layout.to]!;
  const rawValue = row.cells[layout.value]!;
  let ok = true;
  for (const [col, id] of [
    [layout.from, from],
    [layout.to, to],
  ] as const) {
    if (id === '') {
      problems.push({ ...at(col), message: 'expected an actor id, found an empty cell' });
      ok = false;
    } else if (known && !known.has(id)) {
      problems.push({ ...at(col), message: `unknown actor "${id}": expected one of the world's actor ids` });
      ok = false;
    }
  }
  if (ok && from === to) {
    problems.push({ ...at(layout.to), message: `self-loop: an actor cannot relate to itself ("${from}")` });
    ok = false;
  }
  const weight = parseValue(rawValue, layout.valueColumn);
  if (typeof weight === 'string') {
    problems.push({ ...at(layout.value), message: weight });
    ok = false;
  }
  if (!ok || typeof weight === 'string') return;
  const key = from < to ? `${from}\u0000${to}` : `${to}\u0000${from}`;
  const previous = acc.seen.get(key);
  if (previous) {
    if (Math.sign(previous.weight) !== Math.sign(weight)) {
      problems.push({
        ...at(layout.value),
        message: `duplicate edge ${from}–${to} with a conflicting sign (${rawValue}; line ${previous.line} gives ${previous.weight})`,
      });
    } else if (previous.weight !== weight) {
      problems.push({
        ...at(layout.value),
        message: `duplicate edge ${from}–${to} with a conflicting weight (${rawValue}; line ${previous.line} gives ${previous.weight})`,
      });
    }
    return;
  }
  acc.seen.set(key, { weight, line: row.line });
  for (const id of [from, to]) {
    if (!acc.nodeSet.has(id)) {
      acc.nodeSet.add(id);
      acc.nodes.push(id);
    }
  }
  acc.edges.push({ from, to, weight });
}

function parseValue(raw: string, column: 'sign' | 'weight'): number | string {
  if (column === 'sign') {
    if (raw === '+' || raw === '+1' || raw === '1') return 1;
    if (raw === '-' || raw === '-1' || raw === '−1') return -1;
    return `expected a sign +1 or -1, found "${raw}"`;
  }
  const x = raw.trim() === '' ? Number.NaN : Number(raw.replace('−', '-'));
  if (!Number.isFinite(x)) return `expected a weight (a number in [-1, 1]), found "${raw}"`;
  if (x < -1 || x > 1) return `weight ${raw} is outside [-1, 1]`;
  return x;
}

/**
 * Parses a signed edge list (see the module comment). Throws one bad-input
 * error listing every problem, each located by file:line:column.
 */
export function parseSignedEdgeList(text: string, file: string, options: EdgeListOptions = {}): EdgeList {
  const windows = parseSignedEdgeListWindows(text, file, options);
  if (windows.length > 1) {
    throw badInput({
      file,
      line: 1,
      message: `the file holds ${windows.length} windows (column "window"); choose one of them`,
    });
  }
  const w = windows[0];
  return { nodes: w?.nodes ?? [], edges: w?.edges ?? [], valueColumn: w?.valueColumn ?? 'sign' };
}

/**
 * Parses a signed edge list into one network per value of its `window`
 * column (a file without that column is one window named ""). Windows keep
 * the order of first appearance; `start_year`/`end_year` are kept when present.
 */
export function parseSignedEdgeListWindows(
  text: string,
  file: string,
  options: EdgeListOptions = {},
): EdgeListWindow[] {
  const rows = rowsOf(text, file);
  const header = rows[0];
  if (header === undefined)
    throw badInput({ file, line: 1, column: 1, message: 'empty file: expected a header' });
  const layout = layoutOf(header, file);
  const known = options.actors ? new Set(options.actors) : undefined;
  const problems: Problem[] = [];
  const windows = new Map<string, { acc: Accumulator; startYear?: number; endYear?: number }>();
  for (const row of rows.slice(1)) {
    const name = layout.window >= 0 ? (row.cells[layout.window] ?? '') : '';
    let w = windows.get(name);
    if (w === undefined) {
      const start = layout.startYear >= 0 ? Number(row.cells[layout.startYear]) : Number.NaN;
      const end = layout.endYear >= 0 ? Number(row.cells[layout.endYear]) : Number.NaN;
      w = {
        acc: newAccumulator(),
        ...(Number.isInteger(start) ? { startYear: start } : {}),
        ...(Number.isInteger(end) ? { endYear: end } : {}),
      };
      windows.set(name, w);
    }
    readRow(row, layout, w.acc, file, known, problems);
  }
  if (problems.length > 0) throw badInput(problems[0]!, ...problems.slice(1));
  if (windows.size === 0) windows.set('', { acc: newAccumulator() });
  return [...windows].map(([window, w]) => ({
    window,
    nodes: w.acc.nodes,
    edges: w.acc.edges,
    valueColumn: layout.valueColumn,
    ...(w.startYear !== undefined ? { startYear: w.startYear } : {}),
    ...(w.endYear !== undefined ? { endYear: w.endYear } : {}),
  }));
}

/** Reads and parses an edge-list file (see {@link parseSignedEdgeListWindows}). */
export function loadSignedEdgeListWindows(path: string, options: EdgeListOptions = {}): EdgeListWindow[] {
  return parseSignedEdgeListWindows(readTextFile(path), path, options);
}
