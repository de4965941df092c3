/**
 * Schemas of the world documents: `concert world --json` (GET /api/worlds/:year)
 * and `concert overview --json`.
 */
import { z } from 'zod';
import { RelationSchema } from '../../world/schema.js';
import { RankedActorSchema } from './powers.js';

export const WorldActorSchema = z.strictObject({
  id: z.string(),
  name: z.string(),
  cowCode: z
    .number()
    .nullable()
    .describe('Correlates of War state number (null for actors COW does not code)'),
  cowMajor: z.boolean().describe("on COW's major-power list for the year"),
  unscPermanent: z.boolean().describe('permanent member of the UN Security Council'),
});

export const WorldSummarySchema = z
  .strictObject({
    year: z.number(),
    description: z.string().nullable(),
    actorCount: z.number(),
    cowMajors: z.array(z.string()),
    unscPermanent: z.array(z.string()),
    relationCount: z.number().describe('relations listed (pairs not listed are neutral)'),
    relationsByKind: z.record(z.string(), z.number()),
    strongestAlliances: z
      .array(RelationSchema)
      .describe('positive relations, strongest first (ties: higher combined CINC share first)'),
    strongestRivalries: z.array(RelationSchema).describe('negative relations, most negative first'),
    actors: z.array(WorldActorSchema),
  })
  .describe(
    'summary of a world: actors, major powers, strongest alliances and rivalries (concert world --json)',
  )
  .meta({ id: 'WorldSummary' });

const ConcentrationSchema = z.strictObject({
  con: z.number().describe('Ray–Singer concentration CON'),
  hhi: z.number().describe('Herfindahl–Hirschman index of shares'),
  effectivePoles: z.number().describe('1 / HHI'),
  states: z.number().describe('states the measure is taken over'),
});

export const OverviewSchema = z
  .strictObject({
    year: z.number(),
    leaders: z.array(
      RankedActorSchema.extend({
        unscPermanent: z.boolean(),
        gdpUsd: z.number().nullable().describe('GDP, current US$ (World Bank WDI)'),
      }),
    ),
    concentration: z.strictObject({
      all: ConcentrationSchema,
      cowMajors: ConcentrationSchema.nullable(),
    }),
    alliancesAmongLeaders: z.array(RelationSchema),
    partnershipsAmongLeaders: z.number(),
    rivalriesAmongLeaders: z.array(RelationSchema),
    strongestRivalries: z.array(RelationSchema),
    majors: z.array(z.string()).describe('major powers by the data-driven classifier'),
    cowMajors: z.array(z.string()),
  })
  .describe('strategic overview of a world (concert overview --json)')
  .meta({ id: 'Overview' });
