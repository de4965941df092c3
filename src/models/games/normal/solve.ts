/**
 * One entry point for equilibrium computation: picks the algorithm by method
 * and game size and reports what the result means (complete or not, exact
 * or not, degenerate or not).
 *
 * Methods: `vertex` (two players, all extreme equilibria + components),
 * `support` (two players: equal-size support enumeration, completed by
 * vertex enumeration when an equilibrium is degenerate; three two-strategy
 * players: support enumeration with the polynomial solver), `lemke-howson`
 * (two players, from every starting label), `pure` (any number of players),
 * `qre` (any game: one equilibrium, the limit of the logit QRE branch).
 */
import { badInput } from '../../../core/errors.js';
import { Fraction } from '../../../core/rational.js';
import { binaryGameEquilibria, isSmallBinaryGame } from './binary.js';
import { approximateEquilibrium, type Equilibrium, exactEquilibrium, profileKey } from './equilibrium.js';
import { isNashEquilibrium, type NormalFormGame } from './game.js';
import { lemkeHowsonAll } from './lemke-howson.js';
import { EQUILIBRIUM_METHODS } from './methods.js';
import { pureEquilibria } from './pure.js';
import { logitSolution } from './qre.js';
import { supportEnumeration } from './support.js';
import { type EquilibriumComponent, vertexEnumeration } from './vertex.js';

export type EquilibriumMethod = (typeof EQUILIBRIUM_METHODS)[number];

export interface EquilibriaResult {
  readonly method: EquilibriumMethod;
  readonly equilibria: Equilibrium[];
  /** True when `equilibria` lists every extreme equilibrium (every pure one for `pure`). */
  readonly complete: boolean;
  /** Whether degenerate equilibria were found (equilibria with more best responses than support; see VertexEnumerationResult). */
  readonly degenerate?: boolean;
  /** Connected components of the equilibrium set, by indices into `equilibria`. */
  readonly components?: EquilibriumComponent[];
  /** Continua of equilibria described but not enumerated (N-player degenerate games). */
  readonly continua?: string[];
  /** Lemke–Howson: the equilibrium (index) reached from each dropped label. */
  readonly lemkeHowson?: { label: number; equilibrium: number; pivots: number }[];
  /** QRE: the precision λ reached and whether the end point is certified a Nash equilibrium. */
  readonly qre?: { lambda: number; certified: boolean };
  /** Remarks for people (e.g. why vertex enumeration completed support enumeration). */
  readonly notes: string[];
}

/** The method used when none is asked for. */
export function defaultMethod(game: NormalFormGame): EquilibriumMethod {
  if (game.players.length === 2) return 'vertex';
  return isSmallBinaryGame(game) ? 'support' : 'qre';
}

function needsTwoPlayers(game: NormalFormGame, method: string): void {
  if (game.players.length !== 2) {
    throw badInput({
      path: ['method'],
      message: `method '${method}' needs a two-player game; this game has ${game.players.length} players (use 'support' for up to three two-strategy players, 'pure', or 'qre')`,
    });
  }
}

const keyOf = (e: Equilibrium) =>
  e.exact ? profileKey(e.exact.map((p) => p.map((s) => new Fraction(s)))) : '';

/** Simplest rational profile within 1e−9 of σ, if it is exactly a Nash equilibrium. */
function rationalised(game: NormalFormGame, sigma: readonly (readonly number[])[]): Fraction[][] | undefined {
  const profile = sigma.map((p) => {
    const r = p.map((x) => new Fraction(Math.max(0, x)).simplify(1e-9));
    const sum = r.reduce((a, b) => a.add(b), new Fraction(0));
    return r.map((x) => x.div(sum));
  });
  return isNashEquilibrium(game, profile) ? profile : undefined;
}

/**
 * Computes equilibria of a game by the given method (default: vertex
 * enumeration for two players, the polynomial support enumeration for up to
 * three two-strategy players, logit QRE tracing otherwise).
 *
 * @throws {ConcertError} bad input (path `['method']`) for an unknown method
 *   or one that does not apply to the game, and (path `['game']`) for a game
 *   too large or degenerate for vertex enumeration.
 * @example
 * solveEquilibria(bimatrixGame([[3, 0], [5, 1]], [[3, 5], [0, 1]])).equilibria.length; // => 1: mutual defection
 */
export function solveEquilibria(
  game: NormalFormGame,
  method: EquilibriumMethod = defaultMethod(game),
): EquilibriaResult {
  if (!(EQUILIBRIUM_METHODS as readonly string[]).includes(method))
    throw badInput({
      path: ['method'],
      message: `unknown method "${method}": expected one of ${EQUILIBRIUM_METHODS.join(', ')}`,
    });
  switch (method) {
    case 'pure':
      return {
        method,
        equilibria: pureEquilibria(game),
        complete: true,
        notes: ['pure-strategy equilibria only'],
      };
    case 'vertex': {
      needsTwoPlayers(game, method);
      const r = vertexEnumeration(game);
      return {
        method,
        equilibria: r.equilibria,
        complete: true,
        degenerate: r.degenerate,
        components: r.components,
        notes: [],
      };
    }
    case 'lemke-howson': {
      needsTwoPlayers(game, method);
      const r = lemkeHowsonAll(game);
      const index = new Map(r.equilibria.map((e, k) => [keyOf(e), k]));
      return {
        method,
        equilibria: r.equilibria,
        complete: false,
        lemkeHowson: r.results.map((x) => ({
          label: x.label,
          equilibrium: index.get(keyOf(x.equilibrium))!,
          pivots: x.pivots,
        })),
        notes: [
          'equilibria reachable by Lemke–Howson paths from the artificial equilibrium; not necessarily all',
        ],
      };
    }
    case 'support': {
      if (game.players.length !== 2) {
        if (!isSmallBinaryGame(game)) {
          throw badInput({
            path: ['method'],
            message:
              "method 'support' handles two-player games and games with at most three two-strategy players; use 'pure' or 'qre' for this game",
          });
        }
        const r = binaryGameEquilibria(game);
        return {
          method,
          equilibria: r.equilibria,
          complete: r.continua.length === 0,
          degenerate: r.degenerate,
          components: r.components,
          ...(r.continua.length > 0 ? { continua: r.continua } : {}),
          notes: [],
        };
      }
      const found = supportEnumeration(game);
      const ve = vertexEnumeration(game);
      if (!ve.degenerate) {
        return { method, equilibria: found, complete: true, degenerate: false, notes: [] };
      }
      const seen = new Set(found.map(keyOf));
      const extra = ve.equilibria.filter((e) => !seen.has(keyOf(e)));
      const equilibria = [...found, ...extra];
      const position = new Map(equilibria.map((e, k) => [keyOf(e), k]));
      const remap = (k: number) => position.get(keyOf(ve.equilibria[k]!))!;
      const components = ve.components.map((c) => ({
        equilibria: c.equilibria.map(remap).sort((a, b) => a - b),
        nashSubsets: c.nashSubsets.map((s) => s.map(remap).sort((a, b) => a - b)),
      }));
      const notes = [
        extra.length === 0
          ? `degenerate equilibria: support enumeration on equal-size supports found all ${equilibria.length} extreme equilibria (checked against vertex enumeration, which also gave the components)`
          : `degenerate equilibria: support enumeration on equal-size supports found ${found.length} of ${equilibria.length} extreme equilibria; the other ${extra.length} were added from vertex enumeration`,
      ];
      return { method, equilibria, complete: true, degenerate: true, components, notes };
    }
    case 'qre': {
      const r = logitSolution(game);
      const exact = r.certified ? rationalised(game, r.profile) : undefined;
      const eq = exact ? exactEquilibrium(game, exact) : approximateEquilibrium(game, r.profile);
      return {
        method,
        equilibria: [eq],
        complete: false,
        qre: { lambda: r.lambda, certified: r.certified },
        notes: [
          r.certified
            ? 'one equilibrium: the limit of the principal logit QRE branch'
            : 'the QRE trace did not settle on a certified Nash equilibrium; the profile is an approximation',
        ],
      };
    }
  }
}
