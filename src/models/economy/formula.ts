/**
 * A formula-like specification of a regression, as R and Stata users write
 * it: `trade ~ log(gdp_ex) + log(gdp_im) + log(dist_km) + contig`.
 *
 * Grammar: `response ~ term (+ term)*`, where a term is a column name, `log(column)`
 * (natural logarithm) or `1` / `0` / `-1` for keeping or dropping the
 * intercept (kept by default; `- 1` or `+ 0` drops it). Names are
 * letters, digits, `_` and `.`, not starting with a digit.
 */
import { badInput, type FieldPath } from '../../core/errors.js';

/** One regressor: a column, or the natural log of one. */
export interface FormulaTerm {
  /** The term as written (normalised spacing), e.g. `log(gdp_ex)`. */
  readonly label: string;
  readonly column: string;
  readonly transform: 'identity' | 'log';
}

export interface Formula {
  readonly response: string;
  readonly terms: readonly FormulaTerm[];
  readonly intercept: boolean;
  /** The formula as written, normalised (`y ~ a + log(b)`). */
  readonly text: string;
}

/** The label of the intercept in coefficient tables. */
export const INTERCEPT = '(Intercept)';

const NAME = /^[A-Za-z_.][A-Za-z0-9_.]*$/;

/**
 * Parses a formula.
 *
 * @throws {ConcertError} bad input at `path` (default `['formula']`) naming
 *   the term that is not understood, a repeated term, or a missing `~`.
 * @example
 * parseFormula('trade ~ log(gdp_ex) + contig').terms.map((t) => t.label); // => ['log(gdp_ex)', 'contig']
 */
export function parseFormula(text: string, path: FieldPath = ['formula']): Formula {
  const parts = text.split('~');
  if (parts.length !== 2)
    throw badInput({
      path,
      message: `expected one "~" between the response and the regressors, as in "trade ~ log(gdp_ex) + log(dist_km)"; got "${text}"`,
    });
  const response = parts[0]!.trim();
  if (!NAME.test(response))
    throw badInput({ path, message: `expected a column name before "~"; got "${response}"` });
  let intercept = true;
  const terms: FormulaTerm[] = [];
  // Split on + and -, keeping the sign with the term.
  const rhs = parts[1]!.replace(/\s+/g, '');
  if (rhs === '') throw badInput({ path, message: 'expected at least one term after "~"' });
  const tokens = rhs.match(/[+-]?[^+-]+/g) ?? [];
  if (tokens.join('') !== rhs || /[+-]$/.test(rhs))
    throw badInput({
      path,
      message: `cannot read the terms "${parts[1]!.trim()}": expected term + term + …`,
    });
  for (const token of tokens) {
    const negative = token.startsWith('-');
    const body = token.replace(/^[+-]/, '');
    if (body === '1' || body === '0') {
      // + 1 keeps the intercept, - 1 and + 0 drop it (R's convention).
      intercept = (body === '1') !== negative;
      continue;
    }
    if (negative) throw badInput({ path, message: `"-${body}": only the intercept can be removed ("- 1")` });
    const log = /^log\(([^()]+)\)$/.exec(body);
    const column = log ? log[1]! : body;
    if (!NAME.test(column))
      throw badInput({
        path,
        message: `cannot read the term "${body}": expected a column name or log(column)`,
      });
    const label = log ? `log(${column})` : column;
    if (terms.some((t) => t.label === label))
      throw badInput({ path, message: `the term ${label} is given twice` });
    terms.push({ label, column, transform: log ? 'log' : 'identity' });
  }
  if (terms.length === 0 && !intercept)
    throw badInput({ path, message: 'the formula has no regressor and no intercept' });
  const rhsText = [...(intercept ? [] : ['0']), ...terms.map((t) => t.label)].join(' + ');
  return { response, terms, intercept, text: `${response} ~ ${rhsText === '' ? '1' : rhsText}` };
}
