/**
 * The relations reports: structural balance, what-if, balance dynamics and
 * strategic triangles (models/relations; docs/models/relations.md). Each
 * `…Document` builder turns a model result into its document; each
 * `…Analysis` runs the model calls a command or route makes and builds the
 * document, so that the CLI and the API make the same calls.
 */
import { ConcertError, type Problem, previewIds } from '../core/errors.js';
import {
  type BalanceReport,
  balanceDynamicsEnsemble,
  balanceReport,
  type ClusteringResult,
  clusterPartition,
  type DynamicsEnsemble,
  type DynamicsOptions,
  type FrustrationOptions,
  type FrustrationResult,
  type PairPlacement,
  pairPlacement,
  type RelationChange,
  type SignedNetwork,
  type StrategicTriangle,
  signedTriangles,
  strategicTriangle,
  type TriangleFilter,
  triangles as allTriangles,
  type WhatIfReport,
  whatIf,
} from '../models/relations/index.js';
import { explainRelation, type RelationExplanation } from '../world/index.js';
import type { Document } from './document.js';
import type {
  BalanceSchema,
  ClusteringSchema,
  DynamicsSchema,
  FrustrationSchema,
  RelationExplanationSchema,
  TriangleListingSchema,
  TriangleSchema,
  WhatIfSchema,
} from './schemas/relations.js';

export type BalanceDocument = Document<typeof BalanceSchema>;
export type WhatIfDocument = Document<typeof WhatIfSchema>;
export type TriangleDocument = Document<typeof TriangleSchema>;
export type DynamicsDocument = Document<typeof DynamicsSchema>;
export type RelationExplanationDocument = Document<typeof RelationExplanationSchema>;
export type TriangleListingDocument = Document<typeof TriangleListingSchema>;

/** The frustration block of a balance document. */
function frustrationDocument(f: FrustrationResult): Document<typeof FrustrationSchema> {
  return {
    index: f.index,
    normalized: f.normalized,
    exact: f.exact,
    lowerBound: f.lowerBound,
    gap: f.gap,
    partition: f.partition,
    frustratedEdges: f.frustratedEdges,
    methods: f.methods,
  };
}

/**
 * The k-group partition's block, with its criterion's convention: Concert
 * counts each undirected edge once in N and P; signnet's `signed_blockmodel`
 * counts both directions of the symmetric adjacency matrix (its
 * `blockCriterion` iterates over every non-zero entry), so its value is
 * twice this one.
 */
function clusteringDocument(c: ClusteringResult): Document<typeof ClusteringSchema> {
  return { ...c, edgeCounting: 'once', signnetCriterion: 2 * c.criterion };
}

/** The balance document of a report, with the optional k-group partition, pair placement and triangle listing. */
export function balanceDocument(
  r: BalanceReport,
  source: string,
  extras: {
    readonly clustering?: ClusteringResult;
    readonly pair?: PairPlacement;
    readonly triangles?: TriangleListingDocument;
  } = {},
): BalanceDocument {
  return {
    source,
    nodes: r.nodes,
    edges: r.edges,
    positiveEdges: r.positiveEdges,
    negativeEdges: r.negativeEdges,
    census: r.census,
    triangleRatio: r.triangleRatio,
    weightedTriangleRatio: r.weightedTriangleRatio,
    walkBalance: r.walkBalance,
    frustration: frustrationDocument(r.frustration),
    ...(extras.clustering ? { clustering: clusteringDocument(extras.clustering) } : {}),
    ...(extras.pair ? { pair: extras.pair } : {}),
    ...(extras.triangles ? { triangles: extras.triangles } : {}),
  };
}

/** How many triangles a listing shows when no limit is given (`--triangle-limit`, `triangleLimit`). */
export const DEFAULT_TRIANGLE_LIMIT = 200;

/** What to list of a network's triangles (`concert balance --triangles`, GET /api/balance?triangles=). */
export interface TriangleListingRequest {
  /** Which triangles: all, balanced or unbalanced. */
  readonly triangles: TriangleFilter;
  /** Only triangles through all of these actors (at most three). */
  readonly trianglesWith?: readonly string[];
  /** At most this many ({@link DEFAULT_TRIANGLE_LIMIT} when omitted); 0 lists them all. */
  readonly triangleLimit?: number;
}

/**
 * Every triangle of a network with its signs and whether it is balanced
 * (`signedTriangles`; signnet `signed_triangles`), in the network's node
 * order, filtered and cut at the limit; the document says how many there
 * are, how many match and whether the list is cut.
 *
 * @throws {ConcertError} bad input at `['trianglesWith', i]` for an actor
 *   that is not a node of the network or is given twice, at
 *   `['trianglesWith']` for more than three actors, and at
 *   `['triangleLimit']` unless the limit is a whole number ≥ 0.
 * @example
 * triangleListing(net, { triangles: 'unbalanced' }).list[0]; // => { actors: ['A', 'B', 'C'], signs: [1, 1, -1], … }
 */
export function triangleListing(
  net: SignedNetwork,
  request: TriangleListingRequest,
): TriangleListingDocument {
  const problems: Problem[] = [];
  const ids = request.trianglesWith ?? [];
  const through: number[] = [];
  ids.forEach((id, i) => {
    const v = net.nodes.indexOf(id);
    if (v < 0)
      problems.push({
        path: ['trianglesWith', i],
        message: `unknown actor "${id}": expected one of ${previewIds(net.nodes)}`,
      });
    else if (ids.indexOf(id) !== i)
      problems.push({ path: ['trianglesWith', i], message: `"${id}" is given twice` });
    else through.push(v);
  });
  if (ids.length > 3)
    problems.push({
      path: ['trianglesWith'],
      message: `expected at most three actors (a triangle has three); got ${ids.length}`,
    });
  const limit = request.triangleLimit ?? DEFAULT_TRIANGLE_LIMIT;
  if (!(Number.isSafeInteger(limit) && limit >= 0))
    problems.push({
      path: ['triangleLimit'],
      message: `expected a whole number ≥ 0 (0: no limit); got ${limit}`,
    });
  if (problems.length > 0) throw new ConcertError('bad-input', problems);
  const list = allTriangles(net);
  const listing = signedTriangles(
    net,
    { filter: request.triangles, through, ...(limit === 0 ? {} : { limit }) },
    list,
  );
  return {
    filter: request.triangles,
    with: [...ids],
    total: list.length,
    matching: listing.matching,
    limit: limit === 0 ? null : limit,
    truncated: listing.triangles.length < listing.matching,
    list: listing.triangles.map((t) => ({
      actors: t.nodes.map((v) => net.nodes[v]!) as [string, string, string],
      signs: [...t.signs] as [number, number, number],
      positives: t.positives,
      pattern: t.pattern,
      balanced: t.balanced,
    })),
  };
}

/** What `concert balance` and GET /api/balance compute besides the measures. */
export interface BalanceAnalysisOptions extends FrustrationOptions, Partial<TriangleListingRequest> {
  /** Also the best partition into at most this many groups (seeded by `seed`). */
  readonly groups?: number;
  /** Also the least frustration with these two actors forced together and forced apart. */
  readonly pair?: readonly [string, string];
}

/**
 * Balance measures and frustration index of a network (`balanceReport`),
 * with the k-group partition (`clusterPartition`), the placement of a pair
 * (`pairPlacement`) and the triangle listing (`triangleListing`, when
 * `triangles` is given) when asked.
 *
 * @throws {ConcertError} bad input of the triangle listing (see
 *   {@link triangleListing}) before anything is solved.
 */
export async function balanceAnalysis(
  net: SignedNetwork,
  source: string,
  options: BalanceAnalysisOptions = {},
): Promise<BalanceDocument> {
  const triangles =
    options.triangles === undefined
      ? undefined
      : triangleListing(net, {
          triangles: options.triangles,
          ...(options.trianglesWith === undefined ? {} : { trianglesWith: options.trianglesWith }),
          ...(options.triangleLimit === undefined ? {} : { triangleLimit: options.triangleLimit }),
        });
  const report = await balanceReport(net, options);
  const clustering =
    options.groups === undefined
      ? undefined
      : clusterPartition(net, options.groups, options.seed === undefined ? {} : { seed: options.seed });
  const pair = options.pair
    ? await pairPlacement(net, options.pair[0], options.pair[1], {
        ...(options.timeLimitS === undefined ? {} : { timeLimitS: options.timeLimitS }),
      })
    : undefined;
  return balanceDocument(report, source, {
    ...(clustering ? { clustering } : {}),
    ...(pair ? { pair } : {}),
    ...(triangles ? { triangles } : {}),
  });
}

/** The what-if document of a report: both balance documents, the changes, and the triangles that flip. */
export function whatIfDocument(r: WhatIfReport, source: string): WhatIfDocument {
  return {
    source,
    change: r.change,
    before: balanceDocument(r.before, source),
    after: balanceDocument(r.after, source),
    delta: r.delta,
    newlyUnbalanced: r.newlyUnbalanced,
    newlyBalanced: r.newlyBalanced,
    newlyIsolated: r.newlyIsolated,
    isolatedInTriangles: r.isolatedInTriangles,
  };
}

/** Changes one relation of the network and reports the change in every balance measure (`whatIf`). */
export async function whatIfAnalysis(
  net: SignedNetwork,
  change: RelationChange,
  source: string,
  options: FrustrationOptions = {},
): Promise<WhatIfDocument> {
  return whatIfDocument(await whatIf(net, change, options), source);
}

/** The strategic triangle of three actors of a network (`strategicTriangle`). */
export function triangleDocument(t: StrategicTriangle, source: string): TriangleDocument {
  return { ...t, source };
}

/**
 * The strategic triangle of three actors of a network.
 *
 * @throws {ConcertError} bad input at path `[i]` for an actor that is not a
 *   node of the network or is given twice.
 */
export function triangleAnalysis(
  net: SignedNetwork,
  actors: readonly [string, string, string],
  source: string,
): TriangleDocument {
  const problems: Problem[] = [];
  actors.forEach((id, i) => {
    if (!net.nodes.includes(id))
      problems.push({
        path: [i],
        message: `unknown actor "${id}": expected one of ${previewIds(net.nodes)}`,
      });
    else if (actors.indexOf(id) !== i)
      problems.push({ path: [i], message: `"${id}" is given twice: expected three different actors` });
  });
  if (problems.length > 0) throw new ConcertError('bad-input', problems);
  return triangleDocument(strategicTriangle(net, actors[0], actors[1], actors[2]), source);
}

/** The balance dynamics ensemble of a network (`balanceDynamicsEnsemble`). */
export function dynamicsDocument(
  e: DynamicsEnsemble,
  source: string,
  actors: readonly string[],
): DynamicsDocument {
  return { source, actors, ...e };
}

/** Runs the balance dynamics ensemble of a network and builds its document. */
export function dynamicsAnalysis(
  net: SignedNetwork,
  source: string,
  options: DynamicsOptions,
): DynamicsDocument {
  return dynamicsDocument(balanceDynamicsEnsemble(net, options), source, net.nodes);
}

/** The explanation document of one relation. */
export function relationExplanationDocument(e: RelationExplanation): RelationExplanationDocument {
  return {
    year: e.year,
    rule: e.rule,
    actors: [e.actors[0], e.actors[1]],
    tied: e.tied,
    eta: e.eta,
    score: e.score,
    kind: e.kind,
    components: e.components,
    ungaYears: e.ungaYears,
  };
}

/**
 * The components, sources and score of the relation of `a` and `b` in the
 * default world of `year` (`explainRelation`).
 *
 * @throws {ConcertError} bad input at `year`, `a` or `b`.
 */
export function relationExplanationAnalysis(query: {
  readonly year: number;
  readonly a: string;
  readonly b: string;
}): RelationExplanationDocument {
  return relationExplanationDocument(explainRelation(query));
}
