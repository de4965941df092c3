/**
 * Readers of bargaining files: our YAML/JSON (schema.ts), KTAB's CSV (a title
 * line `name,description,actors,dimensions`, a header line, one actor a line:
 * name, description, capability, then position and salience per dimension),
 * a headed CSV (`actor,capability,position,salience`, or `<dim>_position`
 * and `<dim>_salience` column pairs; DESIGN.md), and KTAB's XML scenario
 * (`<Scenario>` with `<ModelParameters>`, `<Dimensions>`, `<Actors>` and
 * `<IdealAdjustment>`). The CSV and XML readers build the YAML shape with a
 * position for every field, so that one schema checks every format and every
 * problem names its file, line and column.
 */
import { DOMParser, type Element, onErrorStopParsing, ParseError } from '@xmldom/xmldom';
import {
  type DocumentFormat,
  parseDocument,
  type Position,
  type SourceDocument,
  validateDocument,
} from '../../core/document.js';
import { ConcertError, type FieldPath } from '../../core/errors.js';
import { BARGAINING_OPTION_XML_NAMES, type BargainingOptions } from './options.js';
import { BargainingFileSchema, type BargainingProblem } from './schema.js';

/** The formats a bargaining file can be in. */
export type BargainingFormat = 'yaml' | 'json' | 'csv' | 'xml';

/** The format of a file by its extension (YAML unless .json, .csv or .xml). */
export function bargainingFormat(file: string): BargainingFormat {
  const ext = /\.([a-z]+)$/i.exec(file)?.[1]?.toLowerCase();
  return ext === 'json' ? 'json' : ext === 'csv' ? 'csv' : ext === 'xml' ? 'xml' : 'yaml';
}

/** A document built by a reader, with positions recorded by field path. */
class BuiltDocument implements SourceDocument {
  private readonly positions = new Map<string, Position>();
  constructor(
    readonly file: string,
    readonly value: unknown,
  ) {}
  at(path: FieldPath, position: Position): void {
    this.positions.set(JSON.stringify(path), position);
  }
  locate(path: FieldPath): Position | undefined {
    for (let n = path.length; n >= 0; n--) {
      const p = this.positions.get(JSON.stringify(path.slice(0, n)));
      if (p) return p;
    }
    return undefined;
  }
}

function bad(file: string, line: number, column: number, message: string): ConcertError {
  return new ConcertError('bad-input', [{ file, line, column, message }]);
}

/** A number if `raw` is one (surrounding spaces allowed), else the trimmed text for the schema to reject. */
function numberOrText(raw: string): number | string {
  const t = raw.trim();
  return /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(t) ? Number(t) : t;
}

interface Cell {
  readonly text: string;
  readonly column: number;
}

/** Splits one CSV line into cells with their 1-based columns (double quotes may enclose a cell). */
function splitLine(line: string): Cell[] {
  const cells: Cell[] = [];
  let i = 0;
  while (i <= line.length) {
    const column = i + 1;
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
    } else {
      while (i < line.length && line[i] !== ',') text += line[i++];
    }
    cells.push({ text: text.trim(), column });
    i++;
  }
  return cells;
}

/** Lines of a CSV text with their numbers, blank lines left out. */
function csvLines(text: string): { line: number; cells: Cell[] }[] {
  return text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .map((l, i) => ({ line: i + 1, raw: l }))
    .filter((l) => l.raw.trim() !== '')
    .map((l) => {
      const cells = splitLine(l.raw);
      while (cells.length > 0 && cells[cells.length - 1]!.text === '') cells.pop(); // KTAB's trailing commas
      return { line: l.line, cells };
    });
}

/**
 * Reads KTAB's CSV or a headed CSV into the bargaining document shape
 * (positions per cell). A headed CSV's first cell is `actor`.
 *
 * @throws {ConcertError} bad input at the line and column of a malformed line.
 */
export function readBargainingCsv(text: string, file: string): SourceDocument {
  const lines = csvLines(text);
  if (lines.length === 0)
    throw bad(file, 1, 1, 'empty file: expected a title or header line and one line per actor');
  return lines[0]!.cells[0]?.text.toLowerCase() === 'actor' ? headedCsv(lines, file) : ktabCsv(lines, file);
}

function ktabCsv(lines: { line: number; cells: Cell[] }[], file: string): SourceDocument {
  const [title, header, ...rows] = lines;
  const t = title!.cells;
  const count = (cell: Cell | undefined, what: string): number => {
    const x = cell === undefined ? Number.NaN : Number(cell.text);
    if (!Number.isInteger(x) || x < 0)
      throw bad(
        file,
        title!.line,
        cell?.column ?? 1,
        `KTAB's title line is "name,description,number of actors,number of dimensions"; expected ${what} as a whole number, got ${cell === undefined ? 'nothing' : `"${cell.text}"`}`,
      );
    return x;
  };
  const nActors = count(t[2], 'the number of actors');
  const nDims = count(t[3], 'the number of dimensions');
  if (header === undefined)
    throw bad(file, title!.line + 1, 1, 'missing header line (Actor,Description,Power,Pstn1,Sal1,…)');
  const dimCells = header.cells.slice(3).filter((_, i) => i % 2 === 0);
  if (nDims < 1) throw bad(file, title!.line, t[3]!.column, 'expected at least one dimension');
  if (dimCells.length < nDims)
    throw bad(
      file,
      header.line,
      1,
      `the title line says ${nDims} dimensions; the header names ${dimCells.length} (expected a position and a salience column per dimension)`,
    );
  if (rows.length !== nActors) {
    const where = rows[nActors] ?? rows[rows.length - 1] ?? header;
    throw bad(
      file,
      where.line,
      1,
      `the title line says ${nActors} actors; the file has ${rows.length} actor lines`,
    );
  }
  const dims = dimCells.slice(0, nDims).map((c) => c.text);
  const doc = new BuiltDocument(file, {
    title: t[0]?.text ?? '',
    description: t[1]?.text ?? '',
    dimensions: dims,
    actors: rows.map((r) =>
      actorFromCells(
        r,
        0,
        1,
        2,
        dims.map((_, d) => [3 + 2 * d, 4 + 2 * d]),
      ),
    ),
  });
  doc.at([], { line: title!.line, column: 1 });
  dimCells.slice(0, nDims).forEach((c, d) => {
    doc.at(['dimensions', d], { line: header.line, column: c.column });
  });
  const pairs = dims.map((_, d): [number, number] => [3 + 2 * d, 4 + 2 * d]);
  for (const [i, r] of rows.entries()) locateActor(doc, r, i, 0, 1, 2, pairs);
  return doc;
}

function headedCsv(lines: { line: number; cells: Cell[] }[], file: string): SourceDocument {
  const [header, ...rows] = lines;
  const names = header!.cells.map((c) => c.text.toLowerCase());
  const col = (...alternatives: string[]) => names.findIndex((n) => alternatives.includes(n));
  const actorCol = 0;
  const capCol = col('capability', 'influence', 'power');
  if (capCol < 0)
    throw bad(file, header!.line, 1, 'expected a "capability" (or "influence") column in the header');
  const descCol = col('description', 'name');
  const pairs: [number, number][] = [];
  const dims: string[] = [];
  const single = col('position');
  if (single >= 0) {
    const s = col('salience');
    if (s < 0)
      throw bad(
        file,
        header!.line,
        header!.cells[single]!.column,
        'a "position" column needs a "salience" column',
      );
    pairs.push([single, s]);
    dims.push('position');
  } else {
    names.forEach((n, i) => {
      const m = /^(.*)_position$/.exec(n);
      if (!m) return;
      const s = names.indexOf(`${m[1]}_salience`);
      if (s < 0)
        throw bad(
          file,
          header!.line,
          header!.cells[i]!.column,
          `column "${header!.cells[i]!.text}" needs a "${m[1]}_salience" column`,
        );
      pairs.push([i, s]);
      dims.push(header!.cells[i]!.text.replace(/_position$/i, ''));
    });
  }
  if (pairs.length === 0)
    throw bad(
      file,
      header!.line,
      1,
      'expected "position" and "salience" columns, or "<dimension>_position" and "<dimension>_salience" pairs',
    );
  const doc = new BuiltDocument(file, {
    dimensions: dims,
    actors: rows.map((r) => actorFromCells(r, actorCol, descCol, capCol, pairs)),
  });
  doc.at([], { line: header!.line, column: 1 });
  for (const [d, [p]] of pairs.entries()) {
    doc.at(['dimensions', d], { line: header!.line, column: header!.cells[p]!.column });
  }
  for (const [i, r] of rows.entries()) locateActor(doc, r, i, actorCol, descCol, capCol, pairs);
  return doc;
}

function actorFromCells(
  row: { cells: Cell[] },
  idCol: number,
  descCol: number,
  capCol: number,
  pairs: readonly (readonly [number, number])[],
): Record<string, unknown> {
  const cell = (c: number) => row.cells[c]?.text ?? '';
  return {
    id: cell(idCol),
    ...(descCol >= 0 && cell(descCol) !== '' ? { name: cell(descCol) } : {}),
    capability: numberOrText(cell(capCol)),
    position: pairs.map(([p]) => numberOrText(cell(p))),
    salience: pairs.map(([, s]) => numberOrText(cell(s))),
  };
}

function locateActor(
  doc: BuiltDocument,
  row: { line: number; cells: Cell[] },
  i: number,
  idCol: number,
  descCol: number,
  capCol: number,
  pairs: readonly (readonly [number, number])[],
): void {
  const last = row.cells[row.cells.length - 1];
  const column = (c: number) => row.cells[c]?.column ?? (last ? last.column + last.text.length + 1 : 1);
  const line = row.line;
  doc.at(['actors', i], { line, column: 1 });
  doc.at(['actors', i, 'id'], { line, column: column(idCol) });
  if (descCol >= 0) doc.at(['actors', i, 'name'], { line, column: column(descCol) });
  doc.at(['actors', i, 'capability'], { line, column: column(capCol) });
  doc.at(['actors', i, 'position'], { line, column: column(pairs[0]![0]) });
  doc.at(['actors', i, 'salience'], { line, column: column(pairs[0]![1]) });
  pairs.forEach(([p, s], d) => {
    doc.at(['actors', i, 'position', d], { line, column: column(p) });
    doc.at(['actors', i, 'salience', d], { line, column: column(s) });
  });
}

/** The children of `parent` with tag `name`, in order. */
function children(parent: Element, name: string): Element[] {
  const out: Element[] = [];
  for (let n = parent.firstChild; n !== null; n = n.nextSibling) {
    if (n.nodeType === 1 && (n as Element).tagName === name) out.push(n as Element);
  }
  return out;
}

function elementChildren(parent: Element): Element[] {
  const out: Element[] = [];
  for (let n = parent.firstChild; n !== null; n = n.nextSibling) if (n.nodeType === 1) out.push(n as Element);
  return out;
}

function textOf(e: Element): string {
  return (e.textContent ?? '').trim();
}

/**
 * Reads KTAB's XML scenario (smpSchema.xsd) into the bargaining document
 * shape. Its `prngSeed` is not used: stochastic runs draw from Concert's
 * seeded generator, which cannot reproduce KTAB's mt19937_64 stream.
 *
 * @throws {ConcertError} bad input at the line and column of malformed XML or
 *   of a missing element.
 */
export function readBargainingXml(text: string, file: string): SourceDocument {
  let root: Element | null;
  try {
    const dom = new DOMParser({ onError: onErrorStopParsing }).parseFromString(
      text.replace(/^\uFEFF/, ''),
      'text/xml',
    );
    root = dom.documentElement;
  } catch (e) {
    if (e instanceof ParseError) {
      const loc = (e as ParseError & { locator?: { lineNumber?: number; columnNumber?: number } }).locator;
      const message = e.message.replace(/^Reporting \w+ "(.*)" caused .*$/s, '$1');
      throw bad(
        file,
        Math.max(1, loc?.lineNumber ?? 1),
        Math.max(1, loc?.columnNumber ?? 1),
        `malformed XML: ${message}`,
      );
    }
    throw e;
  }
  const where = (e: Element): Position => ({ line: e.lineNumber ?? 1, column: e.columnNumber ?? 1 });
  if (root === null || root.tagName !== 'Scenario')
    throw bad(
      file,
      root ? where(root).line : 1,
      root ? where(root).column : 1,
      'expected the root element <Scenario> of a KTAB scenario',
    );
  const one = (parent: Element, name: string): Element => {
    const e = children(parent, name)[0];
    if (!e) {
      const p = where(parent);
      throw bad(file, p.line, p.column, `missing element <${name}> in <${parent.tagName}>`);
    }
    return e;
  };
  const placed: [FieldPath, Position][] = [[[], where(root)]];
  const at = (path: FieldPath, e: Element) => placed.push([path, where(e)]);
  const scalar = (e: Element) => numberOrText(textOf(e));

  const dimsEl = one(root, 'Dimensions');
  const dims = children(dimsEl, 'dName');
  at(['dimensions'], dimsEl);
  dims.forEach((d, i) => {
    at(['dimensions', i], d);
  });

  const actorsEl = one(root, 'Actors');
  at(['actors'], actorsEl);
  const actors = children(actorsEl, 'Actor').map((a, i) => {
    const path = ['actors', i];
    at(path, a);
    const name = one(a, 'name');
    at([...path, 'id'], name);
    const desc = children(a, 'description')[0];
    const cap = one(a, 'capability');
    at([...path, 'capability'], cap);
    const posEl = one(a, 'Position');
    const salEl = one(a, 'Salience');
    const coords = children(posEl, 'dCoord');
    const sals = children(salEl, 'dSal');
    at([...path, 'position'], posEl);
    at([...path, 'salience'], salEl);
    coords.forEach((c, d) => {
      at([...path, 'position', d], c);
    });
    sals.forEach((c, d) => {
      at([...path, 'salience', d], c);
    });
    return {
      id: textOf(name),
      ...(desc && textOf(desc) !== '' ? { name: textOf(desc) } : {}),
      capability: scalar(cap),
      position: coords.map(scalar),
      salience: sals.map(scalar),
    };
  });

  const optionKeys = new Map(
    Object.entries(BARGAINING_OPTION_XML_NAMES).map(([key, xml]) => [xml, key as keyof BargainingOptions]),
  );
  const paramsEl = children(root, 'ModelParameters')[0];
  let options: Record<string, unknown> | undefined;
  if (paramsEl) {
    options = {};
    at(['options'], paramsEl);
    for (const e of elementChildren(paramsEl)) {
      const key = optionKeys.get(e.tagName) ?? e.tagName;
      options[key] = textOf(e);
      at(['options', key], e);
    }
  }

  const adjustEl = children(root, 'IdealAdjustment')[0];
  let accommodation: Record<string, unknown>[] | undefined;
  if (adjustEl) {
    at(['accommodation'], adjustEl);
    accommodation = children(adjustEl, 'iaPair').map((p, i) => {
      const actor = one(p, 'adjustingIdeal');
      const toward = one(p, 'referencePos');
      const rate = one(p, 'adjust');
      at(['accommodation', i], p);
      at(['accommodation', i, 'actor'], actor);
      at(['accommodation', i, 'toward'], toward);
      at(['accommodation', i, 'rate'], rate);
      return { actor: textOf(actor), toward: textOf(toward), rate: scalar(rate) };
    });
  }
  const nameEl = children(root, 'name')[0];
  const descEl = children(root, 'desc')[0];
  const doc = new BuiltDocument(file, {
    ...(nameEl ? { title: textOf(nameEl) } : {}),
    ...(descEl ? { description: textOf(descEl) } : {}),
    dimensions: dims.map(textOf),
    actors,
    ...(options ? { options } : {}),
    ...(accommodation ? { accommodation } : {}),
  });
  for (const [path, position] of placed) doc.at(path, position);
  return doc;
}

/**
 * Reads and validates a bargaining file's text in any format (by `format`,
 * else by the file's extension): every problem located at its file, line,
 * column and field path, all reported together.
 *
 * @throws {ConcertError} bad input (see the readers and BargainingFileSchema).
 */
export function parseBargaining(text: string, file: string, format?: BargainingFormat): BargainingProblem {
  const fmt = format ?? bargainingFormat(file);
  const doc =
    fmt === 'csv'
      ? readBargainingCsv(text, file)
      : fmt === 'xml'
        ? readBargainingXml(text, file)
        : parseDocument(text, file, fmt as DocumentFormat);
  return validateDocument(BargainingFileSchema, doc);
}
