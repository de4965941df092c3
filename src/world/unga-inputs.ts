/**
 * UN General Assembly roll-call votes and ideal points in one compact, typed
 * bundle (`data/derived/unga-inputs.json`), read instead of the 24 MB of
 * original CSV (Voeten's votes as packaged by `unvotes`; Bailey, Strezhnev &
 * Voeten's ideal points). Derived by {@link deriveUngaInputs} in
 * derive-unga.ts; test/world/unga-inputs.test.ts re-derives it and fails on
 * any difference. Nothing in the bundle is edited by hand.
 */
import { readFileSync } from 'node:fs';
import { ConcertError } from '../core/errors.js';
import { DATA_DIR } from './inputs.js';

/** Format tag of the bundle; bumped when its layout changes. */
export const UNGA_INPUTS_FORMAT = 'concert-unga-inputs/1';

/** One character per state and roll call: yes, no, abstain, or absent / not a member. */
export const UNGA_VOTE = { yes: 'y', no: 'n', abstain: 'a', absent: '.' } as const;

/** The roll calls of one calendar year (by the roll call's date). */
export interface UngaYear {
  /** Number of recorded roll calls dated in the year. */
  readonly rollCalls: number;
  /** COW state codes of the states that cast at least one vote, ascending. */
  readonly members: readonly number[];
  /** `votes[i]` is the vote string of `members[i]`: one {@link UNGA_VOTE} character per roll call, in rcid order. */
  readonly votes: readonly string[];
}

export interface UngaInputs {
  readonly format: string;
  /** SHA-256 of each source CSV, by file name. */
  readonly sources: Readonly<Record<string, string>>;
  /** Calendar year → the year's roll calls (years without recorded votes, such as 1964, are absent). */
  readonly years: Readonly<Record<string, UngaYear>>;
  /**
   * Bailey–Strezhnev–Voeten ideal points from all votes (`idealpointall`), by
   * COW code: first year and one value per year (null = no estimate).
   */
  readonly idealPoints: Readonly<
    Record<string, { readonly firstYear: number; readonly values: readonly (number | null)[] }>
  >;
}

/** Path of the derived bundle. */
export const UNGA_INPUTS_PATH = `${DATA_DIR}derived/unga-inputs.json`;

let cached: UngaInputs | undefined;

/**
 * The UNGA bundle, read once per process and then shared (treated as
 * immutable). An unreadable or outdated bundle is an internal fault.
 */
export function loadUngaInputs(): UngaInputs {
  if (cached) return cached;
  let parsed: UngaInputs;
  try {
    parsed = JSON.parse(readFileSync(UNGA_INPUTS_PATH, 'utf8')) as UngaInputs;
  } catch (e) {
    throw new ConcertError('internal', [
      {
        file: UNGA_INPUTS_PATH,
        message: `cannot read the embedded UN General Assembly data: ${(e as Error).message}`,
      },
    ]);
  }
  if (parsed.format !== UNGA_INPUTS_FORMAT) {
    throw new ConcertError('internal', [
      {
        file: UNGA_INPUTS_PATH,
        message: `embedded UN General Assembly data has format "${parsed.format}", expected "${UNGA_INPUTS_FORMAT}"; rebuild it with \`npx tsx src/world/derive-unga.ts\``,
      },
    ]);
  }
  cached = parsed;
  return parsed;
}

/** First and last calendar years with recorded UNGA roll calls in the bundle. */
export function ungaYearRange(inputs: UngaInputs): { readonly first: number; readonly last: number } {
  const years = Object.keys(inputs.years).map(Number);
  return { first: Math.min(...years), last: Math.max(...years) };
}

/** A state's ideal point in a year, or null. */
export function idealPoint(inputs: UngaInputs, ccode: number, year: number): number | null {
  const s = inputs.idealPoints[String(ccode)];
  if (!s) return null;
  return s.values[year - s.firstYear] ?? null;
}
