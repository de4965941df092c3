/**
 * Located documents: parse YAML or JSON keeping every node's position, and
 * validate against a zod schema so that each problem carries its file, line,
 * column and field path (DESIGN.md, "Errors"). All problems in a file are
 * reported together.
 *
 * YAML 1.2 is a superset of JSON, so JSON text is first checked with
 * `JSON.parse` (strict JSON syntax) and then read through the same YAML
 * document API for positions.
 */
import { closeSync, openSync, readFileSync, readSync } from 'node:fs';
import { extname } from 'node:path';
import {
  isAlias,
  isMap,
  isNode,
  isPair,
  isScalar,
  isSeq,
  LineCounter,
  type Node,
  parseDocument as parseYaml,
  visit,
  YAMLParseError,
} from 'yaml';
import type { z } from 'zod';
import { ConcertError, type FieldPath, type Problem } from './errors.js';

export type DocumentFormat = 'yaml' | 'json';

export interface Position {
  readonly line: number;
  readonly column: number;
}

/** A parsed document with a way back from field paths to source positions. */
export interface SourceDocument {
  readonly file: string;
  readonly value: unknown;
  /**
   * Position of the node at `path`, or of its nearest existing ancestor. With
   * `key`, the position of the last segment's key rather than its value.
   */
  locate(path: FieldPath, options?: { key?: boolean }): Position | undefined;
}

/** The largest document Concert will parse, in characters (a guard against runaway input). */
export const MAX_DOCUMENT_CHARS = 50_000_000;

/**
 * The largest file Concert will read as text, in bytes: read in pieces up to
 * this size, so that a huge file, a device such as /dev/zero or a pipe that
 * never ends costs no more memory than this.
 */
export const MAX_FILE_BYTES = 64 * 1024 * 1024;

/**
 * Most YAML aliases (`*name`) in one document. Each alias may expand to a
 * whole subtree, and the expansion itself is bounded by the yaml library's
 * `maxAliasCount` (the expanded size relative to the document), so that a
 * "billion laughs" document is refused rather than expanded.
 */
export const MAX_YAML_ALIASES = 1000;

/** The yaml library's `maxAliasCount`: how far aliases may expand the document. */
const ALIAS_EXPANSION = 1000;

function formatFor(file: string, format?: DocumentFormat): DocumentFormat {
  if (format) return format;
  return extname(file).toLowerCase() === '.json' ? 'json' : 'yaml';
}

function jsonSyntaxProblem(text: string, file: string, e: unknown): Problem {
  const raw = e instanceof Error ? e.message : String(e);
  const m = /position (\d+)/.exec(raw);
  let offset = m ? Number(m[1]) : -1;
  if (offset < 0) {
    const lc = /line (\d+) column (\d+)/.exec(raw);
    if (lc)
      return {
        file,
        line: Number(lc[1]),
        column: Number(lc[2]),
        message: `invalid JSON: ${cleanJsonMessage(raw)}`,
      };
    offset = text.length;
  }
  const before = text.slice(0, Math.min(offset, text.length));
  const line = before.split('\n').length;
  const column = before.length - before.lastIndexOf('\n');
  return { file, line, column, message: `invalid JSON: ${cleanJsonMessage(raw)}` };
}

function cleanJsonMessage(raw: string): string {
  return raw.replace(/ in JSON at position \d+.*$/s, '').replace(/\s*\(line \d+ column \d+\)$/, '');
}

/**
 * The offset of the `[` or `{` that a YAML "flow collection … must end with"
 * error at `errorOffset` is about, or undefined for other errors. The yaml
 * library reports an unclosed flow collection where the next line starts;
 * people look for it where they opened it.
 */
function unclosedFlowOpener(text: string, errorOffset: number, message: string): number | undefined {
  const m = /^Flow (sequence|map) .*end with an? ([\]}])/.exec(message);
  if (!m) return undefined;
  const wanted = m[2] === ']' ? '[' : '{';
  const open: number[] = [];
  let quote: string | null = null;
  for (let i = 0; i < Math.min(errorOffset, text.length); i++) {
    const c = text[i]!;
    if (quote !== null) {
      if (c === quote) quote = null;
      else if (c === '\n') quote = null;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '#' && (i === 0 || /\s/.test(text[i - 1]!))) {
      while (i < text.length && text[i] !== '\n') i++;
    } else if (c === '[' || c === '{') open.push(i);
    else if ((c === ']' || c === '}') && open.length > 0) open.pop();
  }
  for (let k = open.length - 1; k >= 0; k--) if (text[open[k]!] === wanted) return open[k];
  return undefined;
}

/**
 * Parses YAML or JSON text. Syntax errors become one located problem each;
 * they are all thrown together as a bad-input {@link ConcertError}.
 */
export function parseDocument(text: string, file: string, format?: DocumentFormat): SourceDocument {
  if (text.length > MAX_DOCUMENT_CHARS) {
    throw new ConcertError('bad-input', [
      { file, message: `file is too large (${text.length} characters; at most ${MAX_DOCUMENT_CHARS})` },
    ]);
  }
  const fmt = formatFor(file, format);
  if (fmt === 'json') {
    try {
      JSON.parse(text);
    } catch (e) {
      throw new ConcertError('bad-input', [jsonSyntaxProblem(text, file, e)]);
    }
  }
  const lineCounter = new LineCounter();
  // Keys are checked for uniqueness below in one pass: the yaml library's own
  // check (uniqueKeys) compares every key with every other, seconds for a map
  // of 20,000 keys and hours for the largest document accepted.
  // logLevel 'error': the library's warnings (a key that stringifies, an unresolved tag) would be Node
  // warnings on stderr beside the CLI's own messages; what they concern is checked and located here.
  const doc = parseYaml(text, { lineCounter, prettyErrors: false, uniqueKeys: false, logLevel: 'error' });
  if (doc.errors.length === 0) {
    visit(doc, {
      Map(_, map) {
        const seen = new Set<string>();
        for (const pair of map.items) {
          const key = pair.key;
          if (isMap(key) || isSeq(key)) {
            // `? [a, b]: 1` or `{[a]: 1}`: no input of Concert has such keys, and the yaml library
            // would stringify them with a Node warning on stderr.
            const offset = (key as { range?: [number, number, number] | null }).range?.[0] ?? 0;
            doc.errors.push(
              new YAMLParseError(
                [offset, offset + 1],
                'NON_STRING_KEY',
                'a mapping key must be a plain value (a name or a number), not a list or a mapping',
              ),
            );
            continue;
          }
          const name = isScalar(key) ? `${typeof key.value}:${String(key.value)}` : undefined;
          if (name === undefined) continue;
          if (seen.has(name)) {
            const offset = (key as { range?: [number, number, number] | null }).range?.[0] ?? 0;
            doc.errors.push(
              new YAMLParseError([offset, offset + 1], 'DUPLICATE_KEY', 'Map keys must be unique'),
            );
          } else seen.add(name);
        }
      },
    });
  }
  if (doc.errors.length > 0) {
    const problems = doc.errors.map((err): Problem => {
      const message = err.message.split('\n')[0] ?? err.message;
      const opener = unclosedFlowOpener(text, err.pos[0], message);
      if (opener !== undefined) {
        const at = lineCounter.linePos(opener);
        const close = text[opener] === '[' ? ']' : '}';
        return {
          file,
          line: at.line,
          column: at.col,
          message: `YAML syntax error: the "${text[opener]}" opened here is never closed (expected "${close}")`,
        };
      }
      const pos = err.linePos?.[0] ?? lineCounter.linePos(err.pos[0]);
      if (err.code === 'MULTIPLE_DOCS')
        return {
          file,
          line: pos.line,
          column: pos.col,
          message:
            'YAML: a second document starts here; expected exactly one document in the file (remove this "---" line or what follows it)',
        };
      return {
        file,
        line: pos.line,
        column: pos.col,
        message: `YAML syntax error (${err.code}): ${message}`,
      };
    });
    throw new ConcertError('bad-input', problems);
  }
  // One pass in document order: anchors seen so far, aliases checked against
  // them and counted (resolving each alias by itself would search the whole
  // document per alias).
  const unresolved: Problem[] = [];
  const anchors = new Set<string>();
  let aliases = 0;
  visit(doc, (_, node) => {
    if (isAlias(node)) {
      aliases++;
      const pos = lineCounter.linePos(node.range?.[0] ?? 0);
      if (aliases > MAX_YAML_ALIASES) {
        unresolved.push({
          file,
          line: pos.line,
          column: pos.col,
          message: `too many YAML aliases: expected at most ${MAX_YAML_ALIASES} (*name references) in one document`,
        });
        return visit.BREAK;
      }
      if (!anchors.has(node.source))
        unresolved.push({
          file,
          line: pos.line,
          column: pos.col,
          message: `YAML alias *${node.source} refers to no anchor &${node.source} set before it`,
        });
    } else if (isNode(node) && node.anchor !== undefined) anchors.add(node.anchor);
    return undefined;
  });
  if (unresolved.length > 0) throw new ConcertError('bad-input', unresolved);
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: ALIAS_EXPANSION });
  } catch (e) {
    // Alias expansion beyond maxAliasCount (a "billion laughs" document) or a
    // similar whole-document failure: no single node to point at.
    const message = e instanceof Error ? e.message : String(e);
    throw new ConcertError('bad-input', [
      {
        file,
        line: 1,
        column: 1,
        message: /alias/i.test(message)
          ? 'YAML aliases expand to too much data (a guard against "billion laughs" documents): write the repeated parts out, or nest fewer aliases'
          : `YAML document cannot be read: ${message}`,
      },
    ]);
  }
  const contents = doc.contents as Node | null;
  const locate = (path: FieldPath, options?: { key?: boolean }): Position | undefined => {
    let node: unknown = contents;
    let last: { range?: [number, number, number] | null } | undefined = contents ?? undefined;
    for (const [depth, key] of path.entries()) {
      if (isMap(node)) {
        const pair = node.items.find(
          (p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(key),
        );
        if (!pair) break;
        const k = pair.key as { range?: [number, number, number] | null } | null;
        if (k?.range) last = k;
        if (options?.key && depth === path.length - 1) break;
        node = pair.value;
        const v = pair.value as { range?: [number, number, number] | null } | null;
        if (v?.range) last = v;
      } else if (isSeq(node) && typeof key === 'number') {
        const item = node.items[key] as { range?: [number, number, number] | null } | undefined;
        if (!item) break;
        node = item;
        if (item.range) last = item;
      } else break;
    }
    const offset = last?.range?.[0];
    if (offset === undefined) return undefined;
    const pos = lineCounter.linePos(offset);
    return { line: pos.line, column: pos.col };
  };
  return { file, value, locate };
}

/**
 * Reads a text file (UTF-8); a missing or unreadable file is bad input naming
 * the path and why.
 *
 * @throws {ConcertError} bad input `cannot read file: no such file` (or
 *   `is a directory, expected a file`, or the system's error code).
 */
export function readTextFile(path: string): string {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(Math.min(1 << 20, MAX_FILE_BYTES + 1 - total));
      const n = readSync(fd, chunk, 0, chunk.length, null);
      if (n === 0) break;
      chunks.push(n === chunk.length ? chunk : chunk.subarray(0, n));
      total += n;
      if (total > MAX_FILE_BYTES) {
        throw new ConcertError('bad-input', [
          { file: path, message: `file is too large: expected at most ${MAX_FILE_BYTES} bytes (64 MiB)` },
        ]);
      }
    }
    return Buffer.concat(chunks, total).toString('utf8');
  } catch (e) {
    if (e instanceof ConcertError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT'
        ? 'no such file'
        : code === 'EISDIR'
          ? 'is a directory, expected a file'
          : String(code);
    throw new ConcertError('bad-input', [{ file: path, message: `cannot read file: ${why}` }]);
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** Reads and parses a YAML or JSON file (see {@link readTextFile} and {@link parseDocument}). */
export function readDocument(path: string, format?: DocumentFormat): SourceDocument {
  return parseDocument(readTextFile(path), path, format);
}

function article(word: string): string {
  return /^[aeiou]/.test(word) ? 'an' : 'a';
}

/** Turns zod issues into located problems (one per issue). */
export function issuesToProblems(issues: readonly z.core.$ZodIssue[], doc: SourceDocument): Problem[] {
  const problems: Problem[] = [];
  for (const issue of issues) {
    const path = issue.path.map((k) => (typeof k === 'symbol' ? String(k) : k)) as (string | number)[];
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        const p = [...path, key];
        const pos = doc.locate(p, { key: true });
        problems.push({
          file: doc.file,
          ...pos,
          path: p,
          message: 'unknown field: not part of the schema (check spelling)',
        });
      }
      continue;
    }
    const pos = doc.locate(path);
    if (path.length === 0 && (doc.value === null || doc.value === undefined)) {
      // An empty file, a comment only, or "---" with nothing under it.
      const what = issue.code === 'invalid_type' ? `${article(issue.expected)} ${issue.expected}` : 'content';
      problems.push({
        file: doc.file,
        line: pos?.line ?? 1,
        column: pos?.column ?? 1,
        message: `the document is empty: expected ${what === 'an object' ? 'a mapping (key: value lines)' : what}`,
      });
      continue;
    }
    const missing = issue.code === 'invalid_type' && / received undefined$/.test(issue.message);
    const message = missing ? `required field is missing (expected ${issue.expected})` : issue.message;
    problems.push({ file: doc.file, ...pos, path, message });
  }
  return problems;
}

/**
 * Validates a parsed document against a schema. Every issue becomes a located
 * problem; all of them are thrown together.
 */
export function validateDocument<S extends z.ZodType>(schema: S, doc: SourceDocument): z.output<S> {
  const r = schema.safeParse(doc.value);
  if (r.success) return r.data;
  throw new ConcertError('bad-input', issuesToProblems(r.error.issues, doc));
}

/** Reads, parses and validates a YAML or JSON file in one step. */
export function loadDocument<S extends z.ZodType>(
  schema: S,
  path: string,
  format?: DocumentFormat,
): z.output<S> {
  return validateDocument(schema, readDocument(path, format));
}

/**
 * Reads and validates a JSON data file shipped with Concert (forces, cities):
 * `JSON.parse` and the schema first, which is several times faster than the
 * located YAML reading; only when the file is broken is it read again the
 * located way, so that the message names line and column as for any input.
 */
export function loadShippedJson<S extends z.ZodType>(schema: S, url: URL): z.output<S> {
  const text = readFileSync(url, 'utf8');
  try {
    const r = schema.safeParse(JSON.parse(text));
    if (r.success) return r.data;
  } catch {
    // a syntax error: reported with its location below
  }
  return validateDocument(schema, parseDocument(text, url.pathname, 'json'));
}
