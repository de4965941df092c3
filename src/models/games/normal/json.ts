/**
 * The JSON (or YAML) form of a normal-form game (DESIGN.md, "File formats"):
 *
 * ```json
 * { "title": "optional",
 *   "players": ["USA", "CHN"],
 *   "strategies": [["Cooperate", "Defect"], ["Cooperate", "Defect"]],
 *   "payoffs": [[[3, 3], [0, 5]],
 *               [[5, 0], [1, 1]]] }
 * ```
 *
 * `payoffs` is indexed by the pure profile: `payoffs[s₁][s₂]…[s_N]` is the
 * vector of N payoffs (player order) when player 1 plays strategy s₁, player
 * 2 plays s₂, and so on. For two players that is the familiar table with
 * rows = player 1's strategies, columns = player 2's. Payoffs are JSON
 * numbers or exact strings such as `"1/3"` or `"2.5"`.
 */
import { z } from 'zod';
import { type SourceDocument, parseDocument, validateDocument } from '../../../core/document.js';
import { ConcertError, type FieldPath, type Problem } from '../../../core/errors.js';
import { makeGame, type NormalFormGame, payoffProblem } from './game.js';
import { MAX_PLAYERS } from './nfg.js';
import { type Fraction, formatRational, parseRational, rationalFromNumber } from '../../../core/rational.js';

/** The document's outer shape; `payoffs` is checked against `strategies` separately. */
export const gameJsonSchema = z
  .object({
    title: z.string().optional(),
    players: z
      .array(z.string().min(1, 'a player name must not be empty'))
      .min(1, 'expected at least one player')
      .max(MAX_PLAYERS, `expected at most ${MAX_PLAYERS} players`),
    strategies: z
      .array(
        z
          .array(z.string().min(1, 'a strategy name must not be empty'))
          .min(1, 'expected at least one strategy for this player'),
      )
      .min(1, 'expected one strategy list per player'),
    payoffs: z.array(z.unknown()).min(1, 'expected payoffs indexed by pure profile'),
  })
  .strict();

export type GameJson = z.output<typeof gameJsonSchema>;

/** Largest number of pure profiles accepted from a document. */
const MAX_PROFILES = 5_000_000;

function located(doc: SourceDocument, path: FieldPath, message: string): Problem {
  return { file: doc.file, ...doc.locate(path), path, message };
}

/** Builds a game from a parsed JSON/YAML document; all problems are reported together, located. */
export function gameFromDocument(doc: SourceDocument): NormalFormGame {
  const g = validateDocument(gameJsonSchema, doc);
  const problems: Problem[] = [];
  const N = g.players.length;
  const seen = new Map<string, number>();
  g.players.forEach((p, i) => {
    if (seen.has(p))
      problems.push(
        located(doc, ['players', i], `duplicate player name "${p}" (also players[${seen.get(p)}])`),
      );
    seen.set(p, i);
  });
  if (g.strategies.length !== N) {
    problems.push(
      located(
        doc,
        ['strategies'],
        `expected ${N} strategy lists (one per player), found ${g.strategies.length}`,
      ),
    );
    throw new ConcertError('bad-input', problems);
  }
  g.strategies.forEach((names, i) => {
    const s = new Set<string>();
    names.forEach((name, k) => {
      if (s.has(name)) problems.push(located(doc, ['strategies', i, k], `duplicate strategy name "${name}"`));
      s.add(name);
    });
  });
  const count = g.strategies.reduce((n, s) => n * s.length, 1);
  if (count > MAX_PROFILES) {
    problems.push(
      located(doc, ['strategies'], `game too large: ${count} pure profiles (at most ${MAX_PROFILES})`),
    );
    throw new ConcertError('bad-input', problems);
  }
  const payoffs: Fraction[][] = new Array(count);
  const visit = (node: unknown, depth: number, path: (string | number)[], index: number, stride: number) => {
    if (depth === N) {
      if (!Array.isArray(node) || node.length !== N) {
        const found = Array.isArray(node)
          ? `an array of ${node.length}`
          : (JSON.stringify(node) ?? String(node));
        problems.push(
          located(doc, path, `expected a payoff vector of ${N} numbers (one per player), found ${found}`),
        );
        return;
      }
      const vec: Fraction[] = [];
      node.forEach((x, i) => {
        const r =
          typeof x === 'number' && Number.isFinite(x)
            ? rationalFromNumber(x)
            : typeof x === 'string'
              ? parseRational(x.trim())
              : undefined;
        const bound = r === undefined ? undefined : payoffProblem(r);
        if (r === undefined) {
          problems.push(
            located(
              doc,
              [...path, i],
              `expected a number or an exact string such as "1/3", found ${JSON.stringify(x)}`,
            ),
          );
        } else if (bound !== undefined)
          problems.push(located(doc, [...path, i], `${bound}; found ${String(x)}`));
        else vec.push(r);
      });
      if (vec.length === N) payoffs[index] = vec;
      return;
    }
    const n = g.strategies[depth]!.length;
    if (!Array.isArray(node) || node.length !== n) {
      const found = Array.isArray(node) ? `${node.length} entries` : (JSON.stringify(node) ?? String(node));
      problems.push(
        located(
          doc,
          path,
          `expected an array of ${n} entries (one per strategy of player "${g.players[depth]}"), found ${found}`,
        ),
      );
      return;
    }
    node.forEach((child, s) => {
      visit(child, depth + 1, [...path, s], index + s * stride, stride * n);
    });
  };
  visit(g.payoffs, 0, ['payoffs'], 0, 1);
  if (problems.length > 0) throw new ConcertError('bad-input', problems);
  return makeGame(g.players, g.strategies, payoffs, g.title ?? '');
}

/** Parses JSON (or YAML) text in the game form above; problems are located to line and column. */
export function parseGameJson(text: string, file: string, format: 'json' | 'yaml' = 'json'): NormalFormGame {
  return gameFromDocument(parseDocument(text, file, format));
}

/**
 * The JSON form of a game. Integer payoffs become JSON numbers; other
 * rationals become exact strings (`"1/3"`), so nothing is rounded.
 */
export function gameToJson(game: NormalFormGame): GameJson {
  const N = game.players.length;
  const build = (depth: number, index: number, stride: number): unknown => {
    if (depth === N)
      return game.payoffs[index]!.map((x) => (x.d === 1n ? Number(x.s * x.n) : formatRational(x)));
    const n = game.strategies[depth]!.length;
    return Array.from({ length: n }, (_, s) => build(depth + 1, index + s * stride, stride * n));
  };
  const out: GameJson = {
    players: [...game.players],
    strategies: game.strategies.map((s) => [...s]),
    payoffs: build(0, 0, 1) as unknown[],
  };
  return game.title === '' ? out : { title: game.title, ...out };
}
