/**
 * Schemas of the coalitions documents: `concert coalitions power --json`
 * (POST /api/coalitions/power), `… unsc --json` (GET /api/coalitions/unsc),
 * `… solve --json` and `… bankruptcy --json`.
 */
import { z } from 'zod';
import { BANKRUPTCY_RULES, POWER_INDICES, TU_SOLUTIONS } from '../../models/coalitions/names.js';

/** One player's share: decimal value, exact fraction where computed exactly, 95% half-width where sampled. */
export const AllocationValueSchema = z.strictObject({
  player: z.string(),
  value: z.number(),
  exact: z.string().optional().describe('exact value as a fraction, e.g. "421/2145"'),
  halfWidth95: z.number().optional().describe('half-width of the 95% interval of a sampled value'),
});

export const CoalitionPowerSchema = z
  .strictObject({
    name: z.string().nullable().describe('name of the game (from its file, or the GDP-weighted game)'),
    index: z.enum(POWER_INDICES),
    method: z.enum(['generating-function', 'enumeration', 'monte-carlo']),
    samples: z.number().optional(),
    seed: z.number().optional(),
    values: z.array(AllocationValueSchema),
    vetoPlayers: z.array(z.string()),
    nullPlayers: z
      .array(z.string())
      .optional()
      .describe('players in no minimal winning coalition (exact methods)'),
    minimalWinning: z.array(z.array(z.string())).optional(),
    minimalBlocking: z.array(z.array(z.string())).optional(),
  })
  .describe('power indices of a simple game (concert coalitions power --json)')
  .meta({ id: 'CoalitionPower' });

const ExactNumberSchema = z.strictObject({ value: z.number(), exact: z.string() });

export const CouncilSchema = z.strictObject({
  id: z.string(),
  file: z.string(),
  name: z.string(),
  source: z.string().nullable(),
  notes: z.array(z.string()),
  rule: z.array(z.strictObject({ name: z.string().nullable(), quota: z.number() })),
  members: z.number(),
  vetoPlayers: z.array(z.string()),
  powerToAct: ExactNumberSchema.describe('share of the 2^n yes/no profiles that pass (Coleman 1971)'),
  groups: z.array(
    z.strictObject({
      group: z.string(),
      seats: z.number(),
      players: z.array(z.string()),
      shapleyShubikPerSeat: ExactNumberSchema,
      shapleyShubikTotal: ExactNumberSchema,
      banzhafPerSeat: ExactNumberSchema,
      banzhafTotal: ExactNumberSchema,
      banzhafAbsolutePerSeat: ExactNumberSchema,
    }),
  ),
});

export const CouncilsSchema = z
  .strictObject({ councils: z.array(CouncilSchema) })
  .describe(
    'voting power in the UN Security Council: today, before 1965, reform proposals (concert coalitions unsc --json)',
  )
  .meta({ id: 'Councils' });

export const TuSolutionSchema = z
  .strictObject({
    name: z.string().describe('what the game is'),
    solution: z.enum(TU_SOLUTIONS),
    method: z.enum(['exact', 'sampling', 'talmud-rule', 'linear-programs']),
    samples: z.number().optional(),
    seed: z.number().optional(),
    allocation: z.array(AllocationValueSchema).describe('empty for the core when the core is empty'),
    levels: z
      .array(
        z.strictObject({
          epsilon: z.number(),
          exact: z.string().optional(),
          coalitions: z.array(z.string()),
        }),
      )
      .optional()
      .describe('excess levels fixed by the sequence of linear programs'),
    linearPrograms: z.number().optional(),
    epsilon: z.number().optional().describe('least-core ε (≤ 0 when the core is non-empty)'),
    epsilonExact: z.string().optional(),
    coreNonEmpty: z.boolean().optional(),
    superadditive: z.boolean().optional().describe('checked for tabulated games of at most 12 players'),
  })
  .describe('a solution of a TU game (concert coalitions solve --json)')
  .meta({ id: 'TuSolution' });

const AwardSchema = z.strictObject({
  player: z.string(),
  claim: z.number(),
  value: z.number(),
  exact: z.string(),
});

export const BankruptcySchema = z
  .union([
    z.strictObject({
      estate: z.number(),
      rule: z.enum(BANKRUPTCY_RULES),
      allocation: z.array(AwardSchema),
    }),
    z.strictObject({
      estate: z.number(),
      rules: z.array(z.strictObject({ rule: z.enum(BANKRUPTCY_RULES), allocation: z.array(AwardSchema) })),
    }),
  ])
  .describe('division of an estate among claimants by one rule or all (concert coalitions bankruptcy --json)')
  .meta({ id: 'Bankruptcy' });
