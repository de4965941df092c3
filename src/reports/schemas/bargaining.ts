/**
 * Schema of the bargaining document: `concert bargain <file> --json` and
 * `POST /api/bargain` — KTAB's Spatial Model of Politics run turn by turn
 * (docs/models/bargaining.md). Positions are on the file's 0–100 scale.
 */
import { z } from 'zod';
import {
  ACCEPTANCE_RULES,
  BARGAIN_INTERPOLATIONS,
  BARGAIN_MODELS,
  PCE_MODELS,
  RISK_ADJUSTMENTS,
  RISK_RANGES,
  STATE_TRANSITIONS,
  THIRD_PARTY_COMMITS,
  VICTORY_PROBABILITY_MODELS,
  VOTING_RULES,
} from '../../models/bargaining/options.js';

export const BargainingOptionsSchema = z
  .strictObject({
    victoryProbModel: z.enum(VICTORY_PROBABILITY_MODELS),
    pceModel: z.enum(PCE_MODELS),
    stateTransitions: z.enum(STATE_TRANSITIONS),
    votingRule: z.enum(VOTING_RULES),
    bigRAdjust: z.enum(RISK_ADJUSTMENTS),
    bigRRange: z.enum(RISK_RANGES),
    thirdPartyCommit: z.enum(THIRD_PARTY_COMMITS),
    interVecBrgn: z.enum(BARGAIN_INTERPOLATIONS),
    bargnModel: z.enum(BARGAIN_MODELS),
    acceptance: z
      .enum(ACCEPTANCE_RULES)
      .describe("Concert's extension: Coalition (KTAB's rule) or Voluntary"),
  })
  .describe("the model's options, by KTAB's names, and Concert's acceptance rule");

const Range = z.tuple([z.number(), z.number()]).nullable();

const BargainingStateSchema = z.strictObject({
  turn: z.number().describe('0 for the initial state'),
  positions: z.array(z.array(z.number())).describe('positions[i][k], 0–100'),
  riskAttitudes: z.array(z.number()).describe('Rᵢ in this state'),
  probabilities: z
    .array(z.number())
    .describe(
      "probability of each actor's position (actors sharing a position repeat it, so they may sum to more than 1)",
    ),
});

const ChallengeSchema = z.strictObject({
  initiator: z.string(),
  target: z.string(),
  gain: z.number().describe("the initiator's expected gain ΔEU (its own estimate)"),
  probability: z.number().describe("the initiator's estimate of P(initiator beats target)"),
  targetProbability: z.number().describe("the target's estimate of the same probability"),
});

const MoveSchema = z.strictObject({
  actor: z.string(),
  bargain: z
    .strictObject({ initiator: z.string(), receiver: z.string() })
    .nullable()
    .describe('the bargain adopted; null: the status quo'),
  probability: z.number().describe("the bargain's probability in the actor's election"),
  options: z.number().describe('how many bargains (status quo included) the election chose among'),
});

const StepSchema = z.strictObject({
  turn: z.number().describe('1 for the first turn'),
  movement: z.number().describe('Dₜ = Σᵢ ‖xᵢᵗ − xᵢᵗ⁻¹‖ on the 0–1 scale'),
  fractionalChange: z.number().describe("Dₜ/(D₁ + 1e-4): KTAB's stopping statistic"),
  challenges: z.array(ChallengeSchema),
  moves: z.array(MoveSchema),
});

const TensionSchema = z.strictObject({
  a: z.string(),
  b: z.string(),
  gap: z.number().describe('salience-weighted mean gap on shared issues, 0–1'),
  stake: z.number().describe('Σₖ √(s_ak s_bk), 0–1'),
  tension: z.number().describe('gap × stake, 0–1'),
});

export const BargainingSchema = z
  .strictObject({
    title: z.string(),
    description: z.string(),
    options: BargainingOptionsSchema,
    maxTurns: z.number(),
    seed: z.number().nullable().describe('seed of the stochastic transitions; null when deterministic'),
    dimensions: z.array(
      z.strictObject({
        id: z.string(),
        name: z.string(),
        low: z.string().optional(),
        high: z.string().optional(),
      }),
    ),
    actors: z.array(
      z.strictObject({
        id: z.string(),
        name: z.string(),
        capability: z.number(),
        salience: z.array(z.number()).describe('0–100 per dimension'),
        positionRange: z
          .array(Range)
          .optional()
          .describe('plausible [low, high] per dimension, when the file gives them'),
        salienceRange: z.array(Range).optional(),
      }),
    ),
    stoppedBy: z.enum(['converged', 'max-turns']),
    turns: z.number().describe('turns run'),
    states: z.array(BargainingStateSchema).describe('states 0 … turns'),
    steps: z.array(StepSchema).describe('turns 1 … turns'),
    median: z
      .strictObject({
        initial: z.array(z.number()),
        final: z.array(z.number()),
      })
      .describe(
        "Bueno de Mesquita's baseline: weighted median per dimension (weights capability × salience), 0–100",
      ),
    tension: z
      .strictObject({ initial: z.array(TensionSchema), final: z.array(TensionSchema) })
      .describe('every pair of actors: distance on the issues both hold salient'),
  })
  .describe("KTAB's Spatial Model of Politics, turn by turn (concert bargain --json)")
  .meta({ id: 'Bargaining' });
