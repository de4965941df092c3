/** Schema of the national-power ranking: `concert powers --json` (GET /api/powers). */
import { z } from 'zod';

export const RankedActorSchema = z.strictObject({
  id: z.string(),
  name: z.string(),
  value: z.number().describe('index value (CINC, or the composite)'),
  share: z.number().describe('value / Σ value over the ranked states'),
  rank: z.number(),
  major: z.boolean().describe('major power by the data-driven classifier'),
  cowMajor: z.boolean().describe("on COW's major-power list for the year"),
  reasons: z.array(z.string()).describe("the classifier's reasons"),
});

export const PowerRankingSchema = z
  .strictObject({
    year: z.number(),
    index: z.enum(['cinc', 'composite']),
    actors: z.array(RankedActorSchema).describe('strongest first (only the top N when asked)'),
    rankedStates: z.number().describe('states ranked (those with capabilities), before any top-N cut'),
    classifier: z
      .strictObject({
        rule: z.enum(['threshold', 'breaks', 'either', 'both']),
        shareThreshold: z.number(),
        classes: z.number(),
      })
      .describe('options of the data-driven major-power classifier'),
    cowMajors: z.array(z.string()).describe("COW's major powers of the year"),
    concentration: z
      .strictObject({
        con: z.number(),
        hhi: z.number(),
        effectivePoles: z.number(),
      })
      .describe('Ray–Singer CON, HHI and effective number of poles over every ranked state'),
  })
  .describe('national-power ranking (concert powers --json)')
  .meta({ id: 'PowerRanking' });
