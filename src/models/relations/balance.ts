/**
 * All balance measures of a signed network in one report (the shape of
 * `concert balance --json`, DESIGN.md), and the what-if comparison of two
 * networks that differ in one relation.
 */
import { ConcertError } from '../../core/errors.js';
import {
  type FrustrationOptions,
  type FrustrationResult,
  frustrationIndex,
  frustrationIndexSync,
} from './frustration.js';
import { edgeIndex, pairKey, relationProblems, type SignedNetwork, withRelation } from './network.js';
import { classifyTriangle } from './strategic-triangle.js';
import {
  type TriadCensus,
  triadCensus,
  triangleBalanceRatio,
  triangles,
  weightedTriangleBalanceRatio,
} from './triads.js';
import { walkBalance } from './walk.js';

/** Every balance measure of one network. Ratios are `null` where undefined (no triangle, too large). */
export interface BalanceReport {
  readonly nodes: number;
  readonly edges: number;
  readonly positiveEdges: number;
  readonly negativeEdges: number;
  readonly census: TriadCensus;
  readonly triangleRatio: number | null;
  readonly weightedTriangleRatio: number | null;
  readonly walkBalance: number | null;
  readonly frustration: FrustrationResult;
}

function measures(net: SignedNetwork, frustration: FrustrationResult): BalanceReport {
  const list = triangles(net);
  const positive = net.edges.filter((e) => e.weight > 0).length;
  return {
    nodes: net.nodes.length,
    edges: net.edges.length,
    positiveEdges: positive,
    negativeEdges: net.edges.length - positive,
    census: triadCensus(net, list),
    triangleRatio: triangleBalanceRatio(net, list),
    weightedTriangleRatio: weightedTriangleBalanceRatio(net, list),
    walkBalance: walkBalance(net),
    frustration,
  };
}

/**
 * Triad census, triangle ratio (plain and weighted), walk-based balance and
 * the frustration index with its partition ({@link frustrationIndex}).
 */
export async function balanceReport(
  net: SignedNetwork,
  options: FrustrationOptions = {},
): Promise<BalanceReport> {
  return measures(net, await frustrationIndex(net, options));
}

/** {@link balanceReport} without HiGHS (see {@link frustrationIndexSync}); for small systems in loops. */
export function balanceReportSync(net: SignedNetwork, options: FrustrationOptions = {}): BalanceReport {
  return measures(net, frustrationIndexSync(net, options));
}

/** Change of one relation: the pair and its new score in [−1, 1] (0 = neutral, no edge). */
export interface RelationChange {
  readonly a: string;
  readonly b: string;
  readonly score: number;
}

/** A triangle through the changed pair whose balance changed. */
export interface TriangleShift {
  readonly actors: readonly [string, string, string];
  readonly before: boolean | null;
  readonly after: boolean | null;
}

/** The result of a what-if: both reports, the differences, and what changed locally. */
export interface WhatIfReport {
  readonly change: {
    readonly a: string;
    readonly b: string;
    readonly before: number;
    readonly after: number;
  };
  readonly before: BalanceReport;
  readonly after: BalanceReport;
  /** after − before, `null` where either side is undefined. */
  readonly delta: {
    readonly triangleRatio: number | null;
    readonly weightedTriangleRatio: number | null;
    readonly walkBalance: number | null;
    readonly frustrationIndex: number;
    readonly frustrationNormalized: number;
  };
  /** Triangles through the pair that were balanced (or open) and are now unbalanced. */
  readonly newlyUnbalanced: readonly TriangleShift[];
  /** Triangles through the pair that were unbalanced (or open) and are now balanced. */
  readonly newlyBalanced: readonly TriangleShift[];
  /** Actors that had a friendly (positive) relation before and have none after. */
  readonly newlyIsolated: readonly string[];
  /** Actors hostile to both others in some triangle through the pair after the change but not before. */
  readonly isolatedInTriangles: readonly {
    readonly actors: readonly [string, string, string];
    readonly id: string;
  }[];
}

function diff(a: number | null, b: number | null): number | null {
  return a === null || b === null ? null : b - a;
}

function friendlessAfter(before: SignedNetwork, after: SignedNetwork): string[] {
  const friends = (net: SignedNetwork) => {
    const has = new Uint8Array(net.nodes.length);
    for (const e of net.edges) if (e.weight > 0) has[e.a] = has[e.b] = 1;
    return has;
  };
  const fb = friends(before);
  const fa = friends(after);
  return before.nodes.filter((_, v) => fb[v] === 1 && fa[v] === 0);
}

/**
 * What-if: sets the relation (a, b) to `score` and reports the change in
 * every measure, the triangles through (a, b) whose balance changed, the
 * actors left without any friendly relation, and the actors who became the
 * isolated member of a triangle through (a, b).
 *
 * @throws {ConcertError} bad input when `change.a` or `change.b` is not a node
 *   of `net` or both are the same actor (paths `['change', 'a']`, `['change',
 *   'b']`), or `change.score` is not in [−1, 1] (`['change', 'score']`).
 * @example
 * const r = await whatIf(net, { a: 'USA', b: 'RUS', score: 0.6 });
 * r.delta.frustrationIndex; // the change in the line index
 */
export async function whatIf(
  net: SignedNetwork,
  change: RelationChange,
  options: FrustrationOptions = {},
): Promise<WhatIfReport> {
  const after = changed(net, change);
  const [rb, ra] = [await balanceReport(net, options), await balanceReport(after, options)];
  return compare(net, after, change, rb, ra);
}

/**
 * {@link whatIf} without HiGHS, for small systems (see {@link frustrationIndexSync}).
 *
 * @throws {ConcertError} bad input as {@link whatIf}.
 */
export function whatIfSync(
  net: SignedNetwork,
  change: RelationChange,
  options: FrustrationOptions = {},
): WhatIfReport {
  const after = changed(net, change);
  return compare(net, after, change, balanceReportSync(net, options), balanceReportSync(after, options));
}

/** The network after the change, checked against the network (paths under `change`). */
function changed(net: SignedNetwork, change: RelationChange): SignedNetwork {
  const problems = relationProblems(net, change.a, change.b, change.score, {
    a: ['change', 'a'],
    b: ['change', 'b'],
    weight: ['change', 'score'],
  });
  if (problems.length > 0) throw new ConcertError('bad-input', problems);
  return withRelation(net, change.a, change.b, change.score);
}

function compare(
  before: SignedNetwork,
  after: SignedNetwork,
  change: RelationChange,
  rb: BalanceReport,
  ra: BalanceReport,
): WhatIfReport {
  const ib = edgeIndex(before);
  const ia = edgeIndex(after);
  const i = before.nodes.indexOf(change.a);
  const j = before.nodes.indexOf(change.b);
  const score = (net: SignedNetwork, index: Map<number, number>, x: number, y: number) => {
    const k = index.get(pairKey(x, y));
    return k === undefined ? 0 : net.edges[k]!.weight;
  };
  const newlyUnbalanced: TriangleShift[] = [];
  const newlyBalanced: TriangleShift[] = [];
  const isolatedInTriangles: { actors: [string, string, string]; id: string }[] = [];
  before.nodes.forEach((id, k) => {
    if (k === i || k === j) return;
    const actors: [string, string, string] = [change.a, change.b, id];
    const tb = classifyTriangle(actors, [
      score(before, ib, i, j),
      score(before, ib, i, k),
      score(before, ib, j, k),
    ]);
    const ta = classifyTriangle(actors, [
      score(after, ia, i, j),
      score(after, ia, i, k),
      score(after, ia, j, k),
    ]);
    if (ta.balanced === false && tb.balanced !== false) {
      newlyUnbalanced.push({ actors, before: tb.balanced, after: ta.balanced });
    }
    if (ta.balanced === true && tb.balanced !== true) {
      newlyBalanced.push({ actors, before: tb.balanced, after: ta.balanced });
    }
    ta.roles.forEach((r, n) => {
      if (r.role === 'isolated' && tb.roles[n]?.role !== 'isolated')
        isolatedInTriangles.push({ actors, id: r.id });
    });
  });
  return {
    change: { a: change.a, b: change.b, before: score(before, ib, i, j), after: change.score },
    before: rb,
    after: ra,
    delta: {
      triangleRatio: diff(rb.triangleRatio, ra.triangleRatio),
      weightedTriangleRatio: diff(rb.weightedTriangleRatio, ra.weightedTriangleRatio),
      walkBalance: diff(rb.walkBalance, ra.walkBalance),
      frustrationIndex: ra.frustration.index - rb.frustration.index,
      frustrationNormalized: ra.frustration.normalized - rb.frustration.normalized,
    },
    newlyUnbalanced,
    newlyBalanced,
    newlyIsolated: friendlessAfter(before, after),
    isolatedInTriangles,
  };
}
