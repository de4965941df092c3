/**
 * Tournament specs as users write them (YAML or JSON): the zod schema, and the
 * checks that need the registry — unknown or repeated strategies, parameters
 * a strategy does not take or values out of range, strategies undefined for
 * the stage game, and runaway workloads — each problem located to
 * file:line:column and field path, all reported together. Pure: it takes a
 * parsed document, it reads no file.
 *
 * A player is a strategy name, with parameters if it takes any
 * (`Random: 0.3`, `Cycler DCDDC`; registry.ts), or — because YAML reads an
 * unquoted `- Random: 0.3` as a mapping — a mapping of one name to its
 * value, its list of values or its values by keyword:
 * `{Random: 0.3}`, `{First by Feld: [1, 0.25, 200]}`,
 * `{First by Feld: {end_coop_prob: 0.25}}`.
 */
import { z } from 'zod';
import { issuesToProblems, type SourceDocument } from '../../../core/document.js';
import { ConcertError, type Problem } from '../../../core/errors.js';
import { MAX_STAGE_PAYOFF, PRISONERS_DILEMMA, type StageGame } from './game.js';
import { MAX_TURNS, type MatchSettings } from './match.js';
import { formatParameterValue } from './parameters.js';
import { lookupStrategy } from './registry.js';
import type { Strategy } from './strategy.js';
import { type TournamentSpec, tournamentMatchCount } from './tournament.js';

/** The most turns a command may play in total (expected value for random lengths): a guard against runaway input. */
export const MAX_TOTAL_TURNS = 1e9;

/** Expected turns per match: the fixed length, or 1/(1 − δ) for a continuation probability δ. */
export function expectedTurns(settings: MatchSettings): number {
  const delta = settings.continuationProbability;
  return delta === undefined ? (settings.turns ?? 200) : Math.min(MAX_TURNS, 1 / (1 - delta));
}

/** Problems for strategies that cannot play the given stage game (e.g. zero-determinant ones outside a PD). */
export function strategyGameProblems(
  strategies: readonly (Strategy | undefined)[],
  game: StageGame | undefined,
  where: (i: number) => Pick<Problem, 'file' | 'line' | 'column' | 'path'>,
): Problem[] {
  const problems: Problem[] = [];
  strategies.forEach((s, i) => {
    if (!s) return;
    try {
      s.create(game ?? PRISONERS_DILEMMA);
    } catch (e) {
      if (!(e instanceof ConcertError)) throw e;
      for (const p of e.problems) problems.push({ ...where(i), message: p.message });
    }
  });
  return problems;
}

/** Stage-game payoffs R, S, T, P. */
const stagePayoff = z
  .number()
  .min(-MAX_STAGE_PAYOFF, `expected a payoff within ±${MAX_STAGE_PAYOFF.toExponential()}`)
  .max(MAX_STAGE_PAYOFF, `expected a payoff within ±${MAX_STAGE_PAYOFF.toExponential()}`);
export const stageGameSchema = z.strictObject({
  R: stagePayoff,
  S: stagePayoff,
  T: stagePayoff,
  P: stagePayoff,
});
const probabilitySchema = z.number().min(0).max(1);

const valueSchema = z.union([z.number(), z.string()]);

const PLAYER_EXPECTED =
  'expected a strategy name such as "Tit For Tat" or "Random: 0.3", or one name with its parameters such as {Random: 0.3}';

/** A player: a strategy name (with parameters), or `{name: values}` (see the module comment). */
export const playerSchema = z.union(
  [
    z.string().min(1),
    z.record(z.string(), z.union([valueSchema, z.array(valueSchema), z.record(z.string(), valueSchema)])),
  ],
  { error: PLAYER_EXPECTED },
);

/** The tournament spec file (YAML or JSON). */
export const tournamentSpecSchema = z.strictObject({
  players: z
    .array(playerSchema)
    .min(2, 'expected at least 2 players')
    .describe(
      'strategy names as the Axelrod library names them, with parameters if they take any ("Random: 0.3", "Cycler DCDDC"), or {name: value | [values] | {keyword: value}}',
    ),
  turns: z.number().int().min(1).max(MAX_TURNS).optional(),
  continuationProbability: z.number().min(0).lt(1).optional(),
  repetitions: z.number().int().min(1).max(100_000).optional(),
  game: stageGameSchema.optional(),
  noise: probabilitySchema.optional(),
  misperception: probabilitySchema.optional(),
  consultation: probabilitySchema.optional(),
  seed: z.number().int().optional(),
});

/** The spec with its players left to {@link checkTournamentSpec}'s own checks. */
const specShape = tournamentSpecSchema.extend({
  players: z.array(z.unknown()).min(2, 'expected at least 2 players'),
});

/**
 * A player entry as a name: a string as it is, `{Name: values}` as
 * `Name: v1, v2` or `Name: keyword=value, …`; undefined for anything else.
 */
function playerName(entry: unknown): string | undefined {
  if (typeof entry === 'string') return entry;
  if (entry === null || typeof entry !== 'object' || Array.isArray(entry)) return undefined;
  const pairs = Object.entries(entry);
  if (pairs.length !== 1) return undefined;
  const [name, value] = pairs[0] as [string, unknown];
  const text = (v: unknown) => (typeof v === 'number' ? formatParameterValue(v) : String(v));
  const values = Array.isArray(value)
    ? value.map(text)
    : value !== null && typeof value === 'object'
      ? Object.entries(value).map(([k, v]) => `${k}=${text(v)}`)
      : [text(value)];
  return `${name}: ${values.join(', ')}`;
}

/**
 * Validates a parsed tournament spec; throws one bad-input error listing
 * every located problem. The players of the spec it returns are the
 * strategies' canonical names (`TFT` → `Tit For Tat`, `{Random: 0.3}` →
 * `Random: 0.3`), the names its results will carry.
 */
export function checkTournamentSpec(doc: SourceDocument): TournamentSpec {
  // Player entries are checked one by one below, with messages that say what a player is.
  const parsed = specShape.safeParse(doc.value);
  const problems: Problem[] = parsed.success ? [] : issuesToProblems(parsed.error.issues, doc);
  const raw = (doc.value as { players?: unknown } | null)?.players;
  const seen = new Map<string, number>();
  const strategies: (Strategy | undefined)[] = [];
  if (Array.isArray(raw)) {
    raw.forEach((entry: unknown, i) => {
      const where = { file: doc.file, ...doc.locate(['players', i]), path: ['players', i] };
      const name = playerName(entry);
      if (name === undefined || name.trim() === '') {
        problems.push({ ...where, message: PLAYER_EXPECTED });
        return;
      }
      const r = lookupStrategy(name);
      if ('problem' in r) {
        problems.push({ ...where, message: r.problem });
        return;
      }
      const s = r.strategy;
      strategies[i] = s;
      if (seen.has(s.name)) {
        problems.push({
          ...where,
          message: `"${name}" repeats players[${seen.get(s.name)}] (${s.name}); each strategy may appear once`,
        });
      } else seen.set(s.name, i);
    });
  }
  if (parsed.success && problems.length === 0) {
    const spec = { ...parsed.data, players: strategies.map((s) => (s as Strategy).name) };
    problems.push(
      ...strategyGameProblems(strategies, spec.game, (i) => ({
        file: doc.file,
        ...doc.locate(['players', i]),
        path: ['players', i],
      })),
    );
    const total = tournamentMatchCount(spec) * expectedTurns(spec);
    if (total > MAX_TOTAL_TURNS) {
      problems.push({
        file: doc.file,
        ...doc.locate([]),
        message: `tournament too large: about ${total.toExponential(2)} turns expected (at most ${MAX_TOTAL_TURNS.toExponential(0)}); reduce players, repetitions, turns or the continuation probability`,
      });
    }
  }
  if (!parsed.success || problems.length > 0) {
    problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
    throw new ConcertError('bad-input', problems);
  }
  return { ...parsed.data, players: strategies.map((s) => (s as Strategy).name) };
}
