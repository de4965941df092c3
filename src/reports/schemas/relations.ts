/**
 * Schemas of the relations documents: `concert balance --json` (GET
 * /api/balance), `concert balance whatif --json` (POST /api/balance/whatif),
 * `concert balance dynamics --json`, `concert triangle --json` (GET
 * /api/triangle) and `concert relations explain --json` (GET
 * /api/relations/explain).
 */
import { z } from 'zod';
import { TRIANGLE_FILTERS, TRIANGLE_PATTERNS } from '../../models/relations/triangle-names.js';
import { RelationComponentSchema, RelationKindSchema } from '../../world/schema.js';

const Pair = z.tuple([z.string(), z.string()]);
const Triple = z.tuple([z.string(), z.string(), z.string()]);

export const FrustrationSchema = z
  .strictObject({
    index: z.number().describe('frustration index L (number, or total |weight|, of frustrated edges)'),
    normalized: z.number().describe('1 − 2L/m'),
    exact: z.boolean().describe('true when L is proven optimal'),
    lowerBound: z.number(),
    gap: z.number().describe('(L − lower bound) / L; 0 when proven'),
    partition: z.tuple([z.array(z.string()), z.array(z.string())]).describe('the two groups'),
    frustratedEdges: z.array(Pair).describe('pairs [a, b] whose sign disagrees with the partition'),
    methods: z
      .strictObject({ enumeration: z.number(), mip: z.number(), heuristic: z.number() })
      .describe('how many unbalanced blocks each method solved'),
  })
  .describe('frustration index and a partition that attains it');

export const ClusteringSchema = z
  .strictObject({
    k: z.number().describe('at most this many groups'),
    alpha: z.number().describe('weight of negative ties inside groups (1 − α for positive ties between)'),
    criterion: z.number(),
    violations: z.number(),
    negativeWithin: z.number(),
    positiveBetween: z.number(),
    groups: z.array(z.array(z.string())),
    exact: z.boolean(),
    edgeCounting: z
      .literal('once')
      .describe(
        'criterion = α·N + (1 − α)·P with N and P counting each undirected edge once (with α = 0.5, half the violating edges)',
      ),
    signnetCriterion: z
      .number()
      .describe(
        "the criterion as signnet's signed_blockmodel reports it: it counts both directions of the symmetric adjacency matrix, so 2 × criterion (with α = 0.5, the number of violating edges)",
      ),
  })
  .describe('the best partition into at most k groups (generalised balance, Davis 1967)');

export const TriangleListingSchema = z
  .strictObject({
    filter: z.enum(TRIANGLE_FILTERS).describe('all triangles, or only the balanced or the unbalanced ones'),
    with: z.array(z.string()).describe('actors every listed triangle passes through (empty: any)'),
    total: z.number().describe('triangles of the network'),
    matching: z.number().describe('triangles the filter and `with` keep'),
    limit: z.number().nullable().describe('at most this many are listed; null: no limit'),
    truncated: z.boolean().describe('true when fewer are listed than match'),
    list: z
      .array(
        z.strictObject({
          actors: Triple.describe('in the network’s node order'),
          signs: z
            .tuple([z.number(), z.number(), z.number()])
            .describe('signs of (A,B), (A,C), (B,C): 1 or −1'),
          positives: z.number().describe('positive edges (signnet signed_triangles P)'),
          pattern: z.enum(TRIANGLE_PATTERNS),
          balanced: z.boolean().describe('product of the signs positive'),
        }),
      )
      .describe(
        'the matching triangles in the network’s node order (by A, then B, then C), the first `limit`',
      ),
  })
  .describe('every triangle with its signs and whether it is balanced (signnet signed_triangles)');

export const PairPlacementSchema = z
  .strictObject({
    a: z.string(),
    b: z.string(),
    together: z.number().describe('least frustration with a and b in one group'),
    apart: z.number().describe('least frustration with a and b in different groups'),
    exact: z.boolean(),
    verdict: z.enum(['together', 'apart', 'either']),
  })
  .describe('where two actors sit in the optimal bipartitions');

export const BalanceSchema = z
  .strictObject({
    source: z.string().describe('where the network came from'),
    nodes: z.number(),
    edges: z.number(),
    positiveEdges: z.number(),
    negativeEdges: z.number(),
    census: z
      .strictObject({ '+++': z.number(), '++-': z.number(), '+--': z.number(), '---': z.number() })
      .describe('triangles by signs'),
    triangleRatio: z.number().nullable().describe('share of balanced triangles; null when there are none'),
    weightedTriangleRatio: z.number().nullable(),
    walkBalance: z.number().nullable().describe('Estrada–Benzi walk balance; null for an empty network'),
    frustration: FrustrationSchema,
    clustering: ClusteringSchema.optional(),
    pair: PairPlacementSchema.optional(),
    triangles: TriangleListingSchema.optional(),
  })
  .describe('structural balance measures (concert balance --json)')
  .meta({ id: 'Balance' });

const TriangleShiftSchema = z.strictObject({
  actors: Triple,
  before: z.boolean().nullable(),
  after: z.boolean().nullable(),
});

export const WhatIfSchema = z
  .strictObject({
    source: z.string(),
    change: z.strictObject({ a: z.string(), b: z.string(), before: z.number(), after: z.number() }),
    before: BalanceSchema,
    after: BalanceSchema,
    delta: z
      .strictObject({
        triangleRatio: z.number().nullable(),
        weightedTriangleRatio: z.number().nullable(),
        walkBalance: z.number().nullable(),
        frustrationIndex: z.number(),
        frustrationNormalized: z.number(),
      })
      .describe('after − before; null where either side is undefined'),
    newlyUnbalanced: z.array(TriangleShiftSchema),
    newlyBalanced: z.array(TriangleShiftSchema),
    newlyIsolated: z.array(z.string()).describe('actors left without a friendly relation'),
    isolatedInTriangles: z.array(z.strictObject({ actors: Triple, id: z.string() })),
  })
  .describe('change in every balance measure when one relation changes (concert balance whatif --json)')
  .meta({ id: 'WhatIf' });

export const TRIANGLE_CONFIGURATIONS = [
  'menage-a-trois',
  'romantic-triangle',
  'stable-marriage',
  'all-hostile',
  'open',
] as const;

export const TriangleSchema = z
  .strictObject({
    actors: Triple,
    scores: z.tuple([z.number(), z.number(), z.number()]).describe('scores of (A,B), (A,C), (B,C)'),
    signs: z.tuple([z.number(), z.number(), z.number()]).describe('signs of (A,B), (A,C), (B,C): 1, −1 or 0'),
    balanced: z.boolean().nullable().describe('null for an open triangle'),
    configuration: z.enum(TRIANGLE_CONFIGURATIONS),
    roles: z.array(z.strictObject({ id: z.string(), role: z.string() })),
    pivot: z.string().nullable(),
    source: z.string(),
  })
  .describe('strategic triangle (concert triangle --json)')
  .meta({ id: 'Triangle' });

export const DynamicsSchema = z
  .strictObject({
    source: z.string(),
    actors: z.array(z.string()),
    model: z.enum(['triad', 'continuous']),
    runs: z.number(),
    seed: z.number(),
    balancedShare: z.number(),
    paradiseShare: z.number().describe('share of runs ending with every tie friendly'),
    medianTime: z.number().nullable(),
    meanTime: z.number().nullable(),
    outcomes: z
      .array(
        z.strictObject({ factions: z.tuple([z.array(z.string()), z.array(z.string())]), share: z.number() }),
      )
      .describe('distinct final faction splits, most frequent first'),
    results: z.array(
      z.strictObject({
        run: z.number(),
        balanced: z.boolean(),
        time: z.number().nullable(),
        factions: z.tuple([z.array(z.string()), z.array(z.string())]).nullable(),
      }),
    ),
  })
  .describe('balance dynamics ensemble (concert balance dynamics --json)')
  .meta({ id: 'BalanceDynamics' });

export const RelationExplanationSchema = z
  .strictObject({
    year: z.number(),
    rule: z.string().describe('the relation rule (docs/models/relations.md)'),
    actors: z.tuple([
      z.strictObject({ id: z.string(), name: z.string() }),
      z.strictObject({ id: z.string(), name: z.string() }),
    ]),
    tied: z
      .boolean()
      .describe(
        'whether the pair has a tie (obligation, dispute within the horizon, rivalry); untied pairs are neutral',
      ),
    eta: z.number().describe('linear predictor η: the sum of the contributions'),
    score: z.number().describe('tanh(η/2), rounded to 0.01; 0 for an untied pair'),
    kind: RelationKindSchema,
    components: z.array(RelationComponentSchema),
    ungaYears: z.strictObject({ first: z.number(), last: z.number() }).describe('years with UNGA roll calls'),
  })
  .describe('the components, sources and score of one relation (concert relations explain --json)')
  .meta({ id: 'RelationExplanation' });
