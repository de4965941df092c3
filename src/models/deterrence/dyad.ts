/**
 * A nuclear dyad: both strike orders and Kent & Thaler's (1989) first-strike
 * stability index, for one pair or for every pair of a world. Third parties
 * are ignored: each dyad is computed as if the two were alone.
 */
import type { World } from '../../world/schema.js';
import { canReach, checkActors, nuclearActors } from './actors.js';
import { type CompiledActor, compileActor } from './compile.js';
import type { GeometryCache } from './coverage.js';
import { type ExchangeResult, exchangeCompiled } from './exchange.js';
import { type DeterrenceOptions, resolveOptions } from './options.js';
import { firstStrikeStability as kentThalerIndex } from './stability.js';

/** Both strike orders of a dyad and its Kent–Thaler first-strike stability. */
export interface DyadResult {
  readonly a: string;
  readonly b: string;
  readonly aFirst: ExchangeResult;
  readonly bFirst: ExchangeResult;
  /** C1/C2 of A and of B (each capped at 1) and their product. */
  readonly ratioA: number;
  readonly ratioB: number;
  readonly firstStrikeStability: number;
}

/** {@link dyad} of two compiled actors (the options' disabled defenses are already applied). */
export function dyadCompiled(A: CompiledActor, B: CompiledActor, o: DeterrenceOptions): DyadResult {
  const aFirst = exchangeCompiled(A, B, o);
  const bFirst = exchangeCompiled(B, A, o);
  const fss = kentThalerIndex({
    c1A: aFirst.attackerCost,
    c2A: bFirst.defenderCost,
    c1B: bFirst.attackerCost,
    c2B: aFirst.defenderCost,
  });
  return {
    a: A.id,
    b: B.id,
    aFirst,
    bFirst,
    ratioA: fss.ratioA,
    ratioB: fss.ratioB,
    firstStrikeStability: fss.index,
  };
}

/**
 * The dyad a–b: A strikes first, B strikes first, and the first-strike
 * stability index FSS = (C1_A/C2_A)(C1_B/C2_B), each ratio capped at 1
 * (1 = neither side gains by striking first).
 *
 * @throws {ConcertError} bad input when `a` or `b` is not an actor of the
 *   world (path `['a']` or `['b']`: `unknown actor "XXX": expected one of the
 *   nuclear actors CHN, FRA, …`), or both are the same actor.
 * `cache` (coverage.ts's `geometryCache()`, kept by the caller) shares
 * trajectories, engagements and damage curves between calls whose worlds
 * share geometry, as an ensemble's runs do; the result is the same without it.
 *
 * @example
 * dyad(world, 'USA', 'RUS').firstStrikeStability; // in (0, 1]
 */
export function dyad(
  world: World,
  a: string,
  b: string,
  options: Partial<DeterrenceOptions> = {},
  cache?: GeometryCache,
): DyadResult {
  const [actorA, actorB] = checkActors(world, a, b, [['a'], ['b']]);
  const o = resolveOptions(options);
  return dyadCompiled(compileActor(a, actorA, o, cache), compileActor(b, actorB, o, cache), o);
}

/**
 * Every nuclear dyad of the world at once: with `dyads: 'mutual-reach'` (the
 * default) the pairs that can each reach the other, with `'all'` every pair of
 * armed actors, in order of their ids. Each actor is compiled once.
 *
 * @example
 * allDyads(loadDefaultWorld()).map((d) => `${d.a}–${d.b}`); // => ['CHN–FRA', 'CHN–GBR', …]
 */
export function allDyads(world: World, options: Partial<DeterrenceOptions> = {}): DyadResult[] {
  const o = resolveOptions(options);
  const ids = nuclearActors(world);
  const compiled = new Map(ids.map((id) => [id, compileActor(id, world.actors[id]!, o)]));
  const out: DyadResult[] = [];
  for (let i = 0; i < ids.length; i++) {
    for (let j = i + 1; j < ids.length; j++) {
      const a = ids[i] as string;
      const b = ids[j] as string;
      if (o.dyads === 'mutual-reach' && !(canReach(world, a, b) && canReach(world, b, a))) continue;
      out.push(dyadCompiled(compiled.get(a) as CompiledActor, compiled.get(b) as CompiledActor, o));
    }
  }
  return out;
}
