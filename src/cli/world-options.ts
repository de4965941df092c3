/**
 * The world a command works on, from its `--world FILE` and `--year YEAR`
 * options.
 */
import { ConcertError } from '../core/errors.js';
import {
  DEFAULT_YEAR,
  FIRST_YEAR,
  LAST_YEAR,
  loadDefaultWorld,
  loadWorldFile,
  type World,
} from '../world/index.js';

/**
 * The world a command works on: the file given (its own year), or else the
 * default world of `year` (default 2016). `year` may be the text of a command
 * line option; giving both is bad input, since a world file sets its year.
 */
export function resolveWorld(options: { year?: string | number; file?: string }): World {
  if (options.file !== undefined && options.year !== undefined) {
    throw new ConcertError('bad-input', [
      {
        path: ['--year'],
        message: `--year cannot be combined with --world (the world file sets its year; use \`extends: { default: YEAR }\` in it)`,
      },
    ]);
  }
  if (options.file !== undefined) return loadWorldFile(options.file);
  return loadDefaultWorld({ year: options.year === undefined ? DEFAULT_YEAR : parseYear(options.year) });
}

/** A year of embedded data from option text, or bad input naming `--year`. */
export function parseYear(text: string | number): number {
  const year = typeof text === 'number' ? text : /^\s*\d+\s*$/.test(text) ? Number(text) : Number.NaN;
  if (!Number.isInteger(year) || year < FIRST_YEAR || year > LAST_YEAR) {
    throw new ConcertError('bad-input', [
      { path: ['--year'], message: `expected a year from ${FIRST_YEAR} to ${LAST_YEAR}; got "${text}"` },
    ]);
  }
  return year;
}
