/**
 * Tournament specs as users write them (YAML or JSON): the zod schema, and the
 * checks that need the registry — unknown or repeated strategies, strategies
 * undefined for the stage game, and runaway workloads — each problem located
 * to file:line:column and field path, all reported together. Pure: it takes a
 * parsed document, it reads no file.
 */
import { z } from 'zod';
import { issuesToProblems, type SourceDocument } from '../../../core/document.js';
import { ConcertError, type Problem } from '../../../core/errors.js';
import { PRISONERS_DILEMMA, type StageGame } from './game.js';
import { MAX_TURNS, type MatchSettings } from './match.js';
import { findStrategy, unknownStrategyMessage } from './registry.js';
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
export const stageGameSchema = z.strictObject({ R: z.number(), S: z.number(), T: z.number(), P: z.number() });
const probabilitySchema = z.number().min(0).max(1);

/** The tournament spec file (YAML or JSON). */
export const tournamentSpecSchema = z.strictObject({
  players: z.array(z.string().min(1)).min(2, 'expected at least 2 players'),
  turns: z.number().int().min(1).max(MAX_TURNS).optional(),
  continuationProbability: z.number().min(0).lt(1).optional(),
  repetitions: z.number().int().min(1).max(100_000).optional(),
  game: stageGameSchema.optional(),
  noise: probabilitySchema.optional(),
  misperception: probabilitySchema.optional(),
  consultation: probabilitySchema.optional(),
  seed: z.number().int().optional(),
});

/** Validates a parsed tournament spec; throws one bad-input error listing every located problem. */
export function checkTournamentSpec(doc: SourceDocument): TournamentSpec {
  const parsed = tournamentSpecSchema.safeParse(doc.value);
  const problems: Problem[] = parsed.success ? [] : issuesToProblems(parsed.error.issues, doc);
  const raw = (doc.value as { players?: unknown } | null)?.players;
  const seen = new Map<string, number>();
  if (Array.isArray(raw)) {
    raw.forEach((name: unknown, i) => {
      if (typeof name !== 'string' || name === '') return;
      const s = findStrategy(name);
      const where = { file: doc.file, ...doc.locate(['players', i]), path: ['players', i] };
      if (!s) problems.push({ ...where, message: unknownStrategyMessage(name) });
      else if (seen.has(s.name)) {
        problems.push({
          ...where,
          message: `"${name}" repeats players[${seen.get(s.name)}] (${s.name}); each strategy may appear once`,
        });
      } else seen.set(s.name, i);
    });
  }
  if (parsed.success && problems.length === 0) {
    const spec = parsed.data;
    problems.push(
      ...strategyGameProblems(
        spec.players.map((n) => findStrategy(n)),
        spec.game,
        (i) => ({ file: doc.file, ...doc.locate(['players', i]), path: ['players', i] }),
      ),
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
  return parsed.data;
}
