/**
 * Shapes of the API answers the web lab reads (the server's zod response
 * schemas, which match the CLI's --json output in DESIGN.md). Only the fields
 * the views use are listed.
 */

export interface PowerActor {
  id: string;
  name: string;
  value: number;
  share: number;
  rank: number;
  major: boolean;
  cowMajor: boolean;
  reasons: string[];
}

export interface PowerRanking {
  year: number;
  index: string;
  actors: PowerActor[];
  concentration?: { con: number; hhi: number; effectivePoles: number };
}

export interface RelationRecord {
  a: string;
  b: string;
  score: number;
  kind: string;
  source?: string;
}

export interface Balance {
  nodes: number;
  edges: number;
  positiveEdges: number;
  negativeEdges: number;
  triangleRatio: number;
  weightedTriangleRatio: number;
  walkBalance: number;
  frustration: {
    index: number;
    normalized: number;
    exact: boolean;
    gap: number;
    partition: [string[], string[]];
    frustratedEdges: [string, string][];
  };
}

export interface WhatIf {
  change: { a: string; b: string; before: number; after: number };
  before: Balance;
  after: Balance;
  delta: Record<string, number>;
}

export interface Triangle {
  actors: string[];
  scores: number[];
  signs: number[];
  balanced: boolean | null;
  configuration: string;
  roles: { id: string; role: string }[];
}

export interface DeterrenceParameters {
  pair: [string, string];
  nuclearActors: string[];
  parameters: { path: string; value: number }[];
}

export interface StrikeOrder {
  attacker: string;
  defender: string;
  defenderWarheads: number;
  expectedDestroyed: number;
  survivingWarheads: number;
  retaliatoryWarheadsArriving: number;
  retaliatoryWarheadsDelivered: number;
  firstStrikeStability: number;
}

export interface Deterrence {
  dyad: { a: string; b: string; firstStrikeStability: number; ratioA: number; ratioB: number };
  pairs: StrikeOrder[];
}

export interface Equilibria {
  equilibria: { strategies: number[][]; payoffs: number[]; exact?: string[][]; exactPayoffs?: string[] }[];
  complete: boolean;
  degenerate: boolean;
}

export interface Classification {
  verdict: string;
  explanation: string;
  twoByTwo?: { name: string; symmetric: boolean } | null;
  dominated: { player: number; dominated: number; by: number; kind: string }[];
}

export interface Strategy {
  name: string;
  origin: string;
  description: string;
}

export interface TournamentResult {
  players: {
    id: string;
    rank: number;
    totalScore: number;
    meanScorePerTurn: number;
    wins: number;
    cooperationRate: number;
  }[];
  matches: number;
  repetitions: number;
}

export interface ShippedScenario {
  id: string;
  file: string;
  text: string;
}

export interface Validation {
  valid: boolean;
  problems: { path: (string | number)[]; message: string; line?: number; column?: number }[];
}

export interface Bands {
  years: number[];
  q05: number[];
  q25: number[];
  q50: number[];
  q75: number[];
  q95: number[];
}

export interface EnsembleResult {
  scenario: string;
  runs: number;
  seed: number;
  ensemble: string;
  actors: string[];
  years: { from: number; to: number };
  indicators: Record<string, Bands>;
}

/** An effect per year with its 95% interval. */
export interface Effect {
  years: number[];
  mean: number[];
  ciLow: number[];
  ciHigh: number[];
}

/** What one event contributes to B − A (its scenario run with the event switched off). */
export interface Attribution {
  scenario: 'a' | 'b';
  /** Index of the event in its scenario's `events`. */
  event: number;
  label: string;
  effects: Record<string, Effect>;
}

/** The JSON of `concert compare` (POST /api/compare): bands of the paired difference B − A per indicator. */
export interface Comparison {
  scenario: { a: string; b: string };
  runs: number;
  seed: number;
  indicators: Record<string, Bands & Effect>;
  attribution?: Attribution[];
}
