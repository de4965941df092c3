/**
 * A bargaining file as the lab sends it: POST /api/bargain takes the problem
 * as JSON (`{title?, dimensions, actors, …}`), so a pasted YAML, JSON or KTAB
 * CSV text is turned into that shape here. This only reshapes the text (as
 * src/models/bargaining/read.ts does for the CLI); every check of the values
 * is the server's, which names the field of each problem. A text that cannot
 * be read at all (YAML or JSON syntax, a malformed CSV) gives one located
 * problem, reported like a server's.
 */
import { parse, YAMLParseError } from 'yaml';
import { ApiError } from './api';

export type TextFormat = 'yaml' | 'json' | 'csv';

/** The format of a pasted text: JSON if it starts with `{`, CSV if its first line has commas and no colon, else YAML. */
export function formatOf(text: string): TextFormat {
  const t = text.replace(/^\uFEFF/, '').trimStart();
  if (t.startsWith('{')) return 'json';
  const first = t.split(/\r?\n/).find((l) => l.trim() !== '' && !l.trim().startsWith('#')) ?? '';
  return first.includes(',') && !first.includes(':') ? 'csv' : 'yaml';
}

const bad = (line: number, column: number, message: string) =>
  new ApiError(message, 400, [
    { path: ['body', 'problem'], message: `line ${line}, column ${column}: ${message}`, line, column },
  ]);

/** A number if the cell is one, else the text (for the server's schema to reject where it is). */
function numberOrText(raw: string): number | string {
  const t = raw.trim();
  return /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(t) ? Number(t) : t;
}

/** One CSV line's cells (double quotes may enclose a cell). */
function cells(line: string): string[] {
  const out: string[] = [];
  let i = 0;
  while (i <= line.length) {
    let text = '';
    if (line[i] === '"') {
      i++;
      while (i < line.length) {
        if (line[i] === '"' && line[i + 1] === '"') {
          text += '"';
          i += 2;
        } else if (line[i] === '"') {
          i++;
          break;
        } else text += line[i++];
      }
      while (i < line.length && line[i] !== ',') text += line[i++];
    } else while (i < line.length && line[i] !== ',') text += line[i++];
    out.push(text.trim());
    i++;
  }
  while (out.length > 0 && out[out.length - 1] === '') out.pop(); // KTAB's trailing commas
  return out;
}

function actor(row: string[], id: number, desc: number, cap: number, pairs: [number, number][]) {
  const cell = (c: number) => row[c] ?? '';
  return {
    id: cell(id),
    ...(desc >= 0 && cell(desc) !== '' ? { name: cell(desc) } : {}),
    capability: numberOrText(cell(cap)),
    position: pairs.map(([p]) => numberOrText(cell(p))),
    salience: pairs.map(([, s]) => numberOrText(cell(s))),
  };
}

/** KTAB's CSV (title line, header, one actor a line) or a headed CSV (`actor,capability,position,salience`). */
function fromCsv(text: string): Record<string, unknown> {
  const lines = text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .map((raw, k) => ({ line: k + 1, raw }))
    .filter((l) => l.raw.trim() !== '')
    .map((l) => ({ line: l.line, cells: cells(l.raw) }));
  const [head, ...rest] = lines;
  if (!head) throw bad(1, 1, 'empty file: expected a title or header line and one line per actor');
  if (head.cells[0]?.toLowerCase() === 'actor') {
    const names = head.cells.map((c) => c.toLowerCase());
    const col = (...alternatives: string[]) => names.findIndex((n) => alternatives.includes(n));
    const cap = col('capability', 'influence', 'power');
    if (cap < 0) throw bad(head.line, 1, 'expected a "capability" (or "influence") column in the header');
    const pairs: [number, number][] = [];
    const dims: string[] = [];
    const single = col('position');
    if (single >= 0 && col('salience') >= 0) {
      pairs.push([single, col('salience')]);
      dims.push('position');
    } else
      names.forEach((n, i) => {
        const m = /^(.*)_position$/.exec(n);
        const s = m ? names.indexOf(`${m[1]}_salience`) : -1;
        if (m && s >= 0) {
          pairs.push([i, s]);
          dims.push(head.cells[i]!.replace(/_position$/i, ''));
        }
      });
    if (pairs.length === 0)
      throw bad(
        head.line,
        1,
        'expected "position" and "salience" columns, or "<dimension>_position" and "<dimension>_salience" pairs',
      );
    return {
      dimensions: dims,
      actors: rest.map((r) => actor(r.cells, 0, col('description', 'name'), cap, pairs)),
    };
  }
  const count = (k: number, what: string) => {
    const x = Number(head.cells[k]);
    if (head.cells[k] === undefined || !Number.isInteger(x) || x < 0)
      throw bad(
        head.line,
        1,
        `KTAB's title line is "name,description,number of actors,number of dimensions"; expected ${what} as a whole number`,
      );
    return x;
  };
  const nActors = count(2, 'the number of actors');
  const nDims = count(3, 'the number of dimensions');
  const [header, ...rows] = rest;
  if (!header) throw bad(head.line + 1, 1, 'missing header line (Actor,Description,Power,Pstn1,Sal1,…)');
  const dims = header.cells.slice(3).filter((_, i) => i % 2 === 0);
  if (nDims < 1) throw bad(head.line, 1, 'expected at least one dimension');
  if (dims.length < nDims)
    throw bad(
      header.line,
      1,
      `the title line says ${nDims} dimensions; the header names ${dims.length} (expected a position and a salience column per dimension)`,
    );
  if (rows.length !== nActors)
    throw bad(
      (rows[nActors] ?? rows[rows.length - 1] ?? header).line,
      1,
      `the title line says ${nActors} actors; the file has ${rows.length} actor lines`,
    );
  const pairs = dims.slice(0, nDims).map((_, d): [number, number] => [3 + 2 * d, 4 + 2 * d]);
  return {
    title: head.cells[0] ?? '',
    description: head.cells[1] ?? '',
    dimensions: dims.slice(0, nDims),
    actors: rows.map((r) => actor(r.cells, 0, 1, 2, pairs)),
  };
}

/**
 * The problem of a pasted text in the JSON shape POST /api/bargain takes.
 *
 * @throws {ApiError} one located problem when the text cannot be read.
 */
export function problemOf(text: string): Record<string, unknown> {
  const format = formatOf(text);
  if (format === 'csv') return fromCsv(text);
  let value: unknown;
  if (format === 'json') {
    try {
      value = JSON.parse(text);
    } catch (e) {
      throw bad(1, 1, `invalid JSON: ${e instanceof Error ? e.message : String(e)}`);
    }
  } else {
    try {
      value = parse(text);
    } catch (e) {
      if (e instanceof YAMLParseError) {
        const at = e.linePos?.[0] ?? { line: 1, col: 1 };
        throw bad(at.line, at.col, `YAML syntax error: ${e.message.split('\n')[0]}`);
      }
      throw bad(1, 1, `YAML syntax error: ${String(e)}`);
    }
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    throw bad(1, 1, 'expected a bargaining file: a mapping with dimensions and actors');
  return value as Record<string, unknown>;
}
