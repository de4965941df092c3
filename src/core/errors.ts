/**
 * Errors as values with locations (DESIGN.md, "Errors").
 *
 * Every problem with user input is a {@link Problem}: a message for people plus
 * where it is (file, line, column, field path). A {@link ConcertError} carries
 * one or more problems so that validation can report everything wrong in a
 * file at once. The CLI maps `code: 'bad-input'` to exit 2 and anything else
 * to exit 1.
 */

/** A path into a document: object keys and array indices. */
export type FieldPath = readonly (string | number)[];

/** One problem with an input, located as precisely as the input allows. */
export interface Problem {
  /** What is wrong and what was expected, for a person to read. */
  readonly message: string;
  /** The file the problem is in, when the input came from a file. */
  readonly file?: string;
  /** 1-based line number. */
  readonly line?: number;
  /** 1-based column number. */
  readonly column?: number;
  /** Field path inside the document, e.g. `['actors', 'USA', 'population']`. */
  readonly path?: FieldPath;
}

export type ErrorCode = 'bad-input' | 'internal';

/** The one error family of Concert. */
export class ConcertError extends Error {
  readonly code: ErrorCode;
  readonly problems: readonly Problem[];

  constructor(code: ErrorCode, problems: readonly Problem[]) {
    super(problems.map(formatProblem).join('\n'));
    this.name = 'ConcertError';
    this.code = code;
    this.problems = problems;
  }
}

/** Raise a bad-input error with one or more problems. */
export function badInput(problem: Problem | string, ...more: Problem[]): ConcertError {
  const first = typeof problem === 'string' ? { message: problem } : problem;
  return new ConcertError('bad-input', [first, ...more]);
}

/** Formats a field path as `actors.USA.population` or `payoffs[2][1]`. */
export function formatPath(path: FieldPath): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? key : `.${key}`;
  }
  return out;
}

/** `file:line:column: path: message`, leaving out what is unknown. */
export function formatProblem(p: Problem): string {
  let where = '';
  if (p.file !== undefined) {
    where = p.file;
    if (p.line !== undefined) {
      where += `:${p.line}`;
      if (p.column !== undefined) where += `:${p.column}`;
    }
  } else if (p.line !== undefined) {
    where = `line ${p.line}${p.column !== undefined ? `, column ${p.column}` : ''}`;
  }
  const path = p.path !== undefined && p.path.length > 0 ? formatPath(p.path) : '';
  const prefix = [where, path].filter((s) => s !== '').join(': ');
  return prefix === '' ? p.message : `${prefix}: ${p.message}`;
}

/**
 * A short list of valid ids for an error message: all of them when there are
 * at most `max`, else the first `max`, an ellipsis and the count of all
 * (`A1, A2, …, A12, … (40 actors)`).
 *
 * @example
 * previewIds(['CHN', 'FRA', 'USA']); // => 'CHN, FRA, USA'
 */
export function previewIds(ids: readonly string[], max = 12, noun = 'actors'): string {
  return ids.length <= max ? ids.join(', ') : `${ids.slice(0, max).join(', ')}, … (${ids.length} ${noun})`;
}

/** Whether `e` is a {@link ConcertError} (any code). */
export function isConcertError(e: unknown): e is ConcertError {
  return e instanceof ConcertError;
}

/**
 * A bad-input error with each problem's field path mapped by `map`, for a
 * caller that knows where the library's parameters came from: a library
 * locates a problem in its own terms (`['actors', 2]`, `[1]`), and the CLI
 * roots it at a flag (`['--actors', 2]`), the server at a request field
 * (`['body', 'actors', 2]`). `dropPosition` also drops file, line and column
 * (for a document the caller serialised itself). Anything else is returned
 * unchanged.
 *
 * @example
 * reroot(e, (path) => ['--actors', ...path]);
 */
export function reroot(
  e: unknown,
  map: (path: FieldPath) => FieldPath,
  options: { readonly dropPosition?: boolean } = {},
): unknown {
  if (!isConcertError(e) || e.code !== 'bad-input') return e;
  return new ConcertError(
    'bad-input',
    e.problems.map((p) =>
      options.dropPosition
        ? { path: map(p.path ?? []), message: p.message }
        : { ...p, path: map(p.path ?? []) },
    ),
  );
}
