/**
 * Parameters of strategies, as the Axelrod library's constructors take them
 * (Knight et al. 2016, v4.13): `Random(p=0.5)`, `Cycler(cycle="CCD")`,
 * `FirstByFeld(start_coop_prob=1.0, end_coop_prob=0.5, rounds_of_decay=200)`…
 * A parameter has the library's keyword, a kind that says which values it
 * takes, a default and a description with its unit. This module reads and
 * writes single values; registry.ts reads whole names (`Random: 0.3`). A
 * module with no imports, so that the report schemas (zod only) can name the
 * kinds too.
 */

/** The kinds of parameter values (see {@link ParameterKind}). */
export const PARAMETER_KINDS = ['probability', 'number', 'whole', 'memory', 'actions', 'action'] as const;

/**
 * What values a parameter takes:
 * - `probability`: a number in [0, 1];
 * - `number`: any finite number;
 * - `whole`: a whole number ≥ `minimum` (turns, thresholds);
 * - `memory`: a whole number of turns ≥ 1, or `inf` for the whole match;
 * - `actions`: a non-empty sequence of the letters C and D (`CCD`);
 * - `action`: one letter, C or D.
 */
export type ParameterKind = (typeof PARAMETER_KINDS)[number];

/** A parameter value: a number (`Infinity` for `inf`), or C/D letters. */
export type ParameterValue = number | string;

/** One parameter of a strategy. */
export interface StrategyParameter {
  /** The keyword of the Axelrod library's constructor, e.g. `p`, `cycle`, `rounds_to_cooperate`. */
  readonly name: string;
  readonly kind: ParameterKind;
  /** The default; `null` when the rule derives it from the stage game (GTFT's generosity). */
  readonly default: ParameterValue | null;
  /** Smallest accepted value of a `whole` parameter (default 0). */
  readonly minimum?: number;
  /** What it is, with its unit, e.g. `probability of cooperating each turn`. */
  readonly description: string;
}

/**
 * The accepted values of a parameter, in words.
 *
 * @example
 * parameterRange({ name: 'p', kind: 'probability', default: 0.5, description: '' }); // => 'a number in [0, 1]'
 */
export function parameterRange(p: StrategyParameter): string {
  switch (p.kind) {
    case 'probability':
      return 'a number in [0, 1]';
    case 'number':
      return 'a number';
    case 'whole':
      return `a whole number ≥ ${p.minimum ?? 0}`;
    case 'memory':
      return 'a whole number of turns ≥ 1, or inf (the whole match)';
    case 'actions':
      return 'a sequence of the capital letters C and D, e.g. CCD';
    case 'action':
      return 'C or D (a capital letter)';
  }
}

/** A decimal number (`0.3`, `-2`, `1e-3`, `.5`) or a fraction of two (`1/9`). */
const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?$/i;

function readNumber(raw: string): number | undefined {
  const parts = raw.split('/');
  if (parts.length > 2 || !parts.every((s) => NUMBER.test(s))) return undefined;
  const x = parts.length === 2 ? Number(parts[0]) / Number(parts[1]) : Number(parts[0]);
  return Number.isFinite(x) ? x : undefined;
}

/**
 * Reads one value of a parameter from text. Numbers are decimals or
 * fractions (`1/9`); `inf` (or `infinity`) is an unbounded memory; actions
 * are the capital letters C and D (the library refuses `Cycler("CdDC")`).
 *
 * @returns the value, or `undefined` when the text is not one of the
 *   parameter's values ({@link parameterRange} says which are).
 * @example
 * parseParameterValue({ name: 'p', kind: 'probability', default: 0.5, description: '' }, '1/4'); // => 0.25
 * parseParameterValue({ name: 'cycle', kind: 'actions', default: 'CCD', description: '' }, 'CCX'); // => undefined
 */
export function parseParameterValue(p: StrategyParameter, raw: string): ParameterValue | undefined {
  const text = raw.trim();
  switch (p.kind) {
    case 'actions':
      return /^[CD]+$/.test(text) ? text : undefined;
    case 'action':
      return /^[CD]$/.test(text) ? text : undefined;
    case 'memory': {
      if (/^(inf|infinity)$/i.test(text)) return Infinity;
      const x = readNumber(text);
      return x !== undefined && Number.isSafeInteger(x) && x >= 1 ? x : undefined;
    }
    case 'whole': {
      const x = readNumber(text);
      return x !== undefined && Number.isSafeInteger(x) && x >= (p.minimum ?? 0) ? x : undefined;
    }
    case 'probability': {
      const x = readNumber(text);
      return x !== undefined && x >= 0 && x <= 1 ? x : undefined;
    }
    case 'number':
      return readNumber(text);
  }
}

/**
 * A value as it is written in a strategy's name: the shortest decimal that
 * reads back to the same number, `inf` for an unbounded memory, letters as
 * they are.
 *
 * @example
 * formatParameterValue(1 / 9); // => '0.1111111111111111'
 * formatParameterValue(Infinity); // => 'inf'
 */
export function formatParameterValue(v: ParameterValue): string {
  if (typeof v === 'string') return v;
  return v === Infinity ? 'inf' : String(v);
}
