/**
 * Reading option values: every command parses its flags with one {@link Flags}
 * reader, which collects a located problem per bad flag (`--runs: expected a
 * whole number from 1 to 100000, got "x"`) so that all of them are reported
 * together, and gives every command the same `--seed` default.
 */
import { ConcertError, type FieldPath, type Problem, reroot } from '../core/errors.js';
import { DEFAULT_SEED, MAX_SEED } from '../core/rng.js';

export { DEFAULT_SEED } from '../core/rng.js';

/** The help text of a `--seed` option (the same default for every command). */
export function seedHelp(what = 'random seed'): string {
  return `${what}, a whole number from 0 to ${MAX_SEED} (default ${DEFAULT_SEED})`;
}

/** Collects the problems of a command's flags; {@link Flags.done} throws them all at once. */
export class Flags {
  readonly problems: Problem[] = [];

  /** Records a problem with the flag `flag`. */
  fail(flag: string | FieldPath, message: string): void {
    this.problems.push({ path: typeof flag === 'string' ? [flag] : flag, message });
  }

  /**
   * A finite number, or undefined (and a problem) when `raw` is not one or
   * `check` names what is wrong; `expected` says what a non-number should have
   * been (default "a number").
   */
  number(
    raw: string,
    flag: string,
    check?: (x: number) => string | undefined,
    expected = 'a number',
  ): number | undefined {
    const x = /^\s*[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?\s*$/.test(raw) ? Number(raw) : Number.NaN;
    const why = Number.isFinite(x) ? check?.(x) : `expected ${expected}`;
    if (why === undefined) return x;
    this.fail(flag, `${why}; got "${raw}"`);
    return undefined;
  }

  /** A whole number in [min, max]. */
  integer(raw: string, flag: string, min: number, max = Number.MAX_SAFE_INTEGER): number | undefined {
    const range =
      max === Number.MAX_SAFE_INTEGER ? `a whole number ≥ ${min}` : `a whole number from ${min} to ${max}`;
    return this.number(
      raw,
      flag,
      (x) => (Number.isInteger(x) && x >= min && x <= max ? undefined : `expected ${range}`),
      range,
    );
  }

  /** A probability in [0, 1]. */
  probability(raw: string, flag: string): number | undefined {
    return this.number(raw, flag, (x) => (x >= 0 && x <= 1 ? undefined : 'expected a probability in [0, 1]'));
  }

  /** The seed of `--seed` (or `flag`): a 32-bit unsigned integer, {@link DEFAULT_SEED} when not given. */
  seed(raw: string | undefined, flag = '--seed'): number {
    if (raw === undefined) return DEFAULT_SEED;
    return this.integer(raw, flag, 0, MAX_SEED) ?? DEFAULT_SEED;
  }

  /** A comma-separated list of non-empty items. */
  list(raw: string, flag: string): string[] {
    const items = raw.split(',').map((s) => s.trim());
    items.forEach((s, i) => {
      if (s === '') this.fail([flag, i], 'empty item in the comma-separated list');
    });
    return items;
  }

  /** One of `choices`. */
  choice<C extends string>(raw: string, flag: string, choices: readonly C[]): C | undefined {
    if ((choices as readonly string[]).includes(raw)) return raw as C;
    this.fail(flag, `expected ${choices.join(', ').replace(/, ([^,]*)$/, ' or $1')}; got "${raw}"`);
    return undefined;
  }

  /** Throws every problem recorded so far as one bad-input error. */
  done(): void {
    if (this.problems.length > 0) throw new ConcertError('bad-input', [...this.problems]);
  }
}

/**
 * Runs `fn`, rooting the field paths of its bad input at a flag: the library
 * locates a problem in its own terms (`['actors', 2]`, `[1]`); the command
 * says which flag that was. `at` maps a problem's path to the flag's path (a
 * string roots every problem at that flag).
 */
export function underFlag<T>(at: string | ((path: FieldPath) => FieldPath), fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    throw reroot(e, typeof at === 'string' ? (path) => [at, ...path] : at);
  }
}
