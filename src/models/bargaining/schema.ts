/**
 * The bargaining file (YAML or JSON; KTAB's CSV and XML are read into the
 * same shape): dimensions, actors with capability, positions and saliences on
 * KTAB's 0–100 scale, KTAB's ideal accommodation, and the model's options.
 * One source of truth for the types and the validation of user input
 * (docs/models/bargaining.md, "Input").
 *
 * An actor gives its positions and saliences either as two arrays in the
 * order of `dimensions`, or as `stances` keyed by dimension id, each with
 * optional plausible ranges and the statement it reads (`basis`) — the form
 * of data/core-interests-2017.yaml.
 */
import { z } from 'zod';
import {
  ACCEPTANCE_RULES,
  BARGAIN_INTERPOLATIONS,
  BARGAIN_MODELS,
  type BargainingOptions,
  DEFAULT_BARGAINING_OPTIONS,
  MAX_ACTORS,
  MIN_ACTORS,
  PCE_MODELS,
  RISK_ADJUSTMENTS,
  RISK_RANGES,
  STATE_TRANSITIONS,
  THIRD_PARTY_COMMITS,
  VICTORY_PROBABILITY_MODELS,
  VOTING_RULES,
} from './options.js';

/** The most dimensions accepted from user input. */
export const MAX_DIMENSIONS = 100;
/** KTAB's sanity limit on a capability (`csvRead`: 1e8). */
export const MAX_CAPABILITY = 1e8;

function shown(input: unknown): string {
  if (input === undefined) return 'nothing';
  if (input === null || input === '') return 'an empty value';
  return typeof input === 'string' ? `"${input}"` : JSON.stringify(input);
}

/** A number on KTAB's 0–100 scale (a position or a salience). */
const Scale100 = (what: string) =>
  z
    .number({ error: (iss) => `expected ${what} from 0 to 100, got ${shown(iss.input)}` })
    .min(0, { error: (iss) => `${what} must be from 0 to 100; got ${shown(iss.input)}` })
    .max(100, { error: (iss) => `${what} must be from 0 to 100; got ${shown(iss.input)}` });

const Position = Scale100('a position');
const Salience = Scale100('a salience');
const Range = z.tuple([Scale100('a bound'), Scale100('a bound')]).describe('plausible [low, high] on 0–100');

const Capability = z
  .number({ error: (iss) => `expected a capability (a positive number), got ${shown(iss.input)}` })
  .positive({
    error: (iss) =>
      `capability must be > 0 (an actor without capability cannot vote); got ${shown(iss.input)}`,
  })
  .max(MAX_CAPABILITY, `capability must be at most ${MAX_CAPABILITY} (KTAB's sanity limit)`);

const Name = z.string().trim().min(1, 'expected a non-empty name');

export const StanceSchema = z
  .strictObject({
    position: Position,
    positionRange: Range.optional(),
    salience: Salience,
    salienceRange: Range.optional(),
    basis: z.string().optional().describe('the statement or document the values read, with its date'),
  })
  .describe("an actor's position and salience on one dimension, with plausible ranges and basis");

export const ActorSchema = z.strictObject({
  id: Name.describe('actor id (ISO 3166-1 alpha-3 for states)'),
  name: z.string().optional(),
  capability: Capability.describe("KTAB's capability (influence); only ratios matter"),
  capabilityBasis: z.string().optional(),
  position: z.array(Position).optional().describe('one position per dimension, 0–100'),
  salience: z
    .array(Salience)
    .optional()
    .describe('one salience per dimension, 0–100, summing to at most 100'),
  stances: z.record(z.string(), StanceSchema).optional().describe('position and salience by dimension id'),
});

export const DimensionSchema = z.union(
  [
    Name,
    z.strictObject({
      id: Name,
      name: z.string().optional(),
      low: z.string().optional().describe('what position 0 means'),
      high: z.string().optional().describe('what position 100 means'),
    }),
  ],
  { error: 'expected a dimension name, or {id, name?, low?, high?}' },
);

const enumOf = <T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values, { error: (iss) => `expected one of ${values.join(', ')}; got ${shown(iss.input)}` });

export const OptionsSchema = z
  .strictObject({
    victoryProbModel: enumOf(VICTORY_PROBABILITY_MODELS).optional(),
    pceModel: enumOf(PCE_MODELS).optional(),
    stateTransitions: enumOf(STATE_TRANSITIONS).optional(),
    votingRule: enumOf(VOTING_RULES).optional(),
    bigRAdjust: enumOf(RISK_ADJUSTMENTS).optional(),
    bigRRange: enumOf(RISK_RANGES).optional(),
    thirdPartyCommit: enumOf(THIRD_PARTY_COMMITS).optional(),
    interVecBrgn: enumOf(BARGAIN_INTERPOLATIONS).optional(),
    bargnModel: enumOf(BARGAIN_MODELS).optional(),
    acceptance: enumOf(ACCEPTANCE_RULES)
      .optional()
      .describe("Concert's extension: Coalition (KTAB) or Voluntary"),
  })
  .describe("KTAB's model parameters; each defaults to KTAB's default");

export const AccommodationSchema = z.strictObject({
  actor: Name.describe('the actor whose ideal moves'),
  toward: Name.describe('the actor whose position it moves toward'),
  rate: z
    .number({ error: (iss) => `expected a rate from 0 to 1, got ${shown(iss.input)}` })
    .min(0, 'rate must be from 0 to 1')
    .max(1, 'rate must be from 0 to 1'),
});

const FileShape = z.strictObject({
  title: z.string().optional(),
  description: z.string().optional(),
  dimensions: z
    .array(DimensionSchema)
    .min(1, 'expected at least one dimension')
    .max(MAX_DIMENSIONS, `expected at most ${MAX_DIMENSIONS} dimensions`),
  actors: z
    .array(ActorSchema)
    .min(MIN_ACTORS, `expected at least ${MIN_ACTORS} actors (KTAB's minimum)`)
    .max(MAX_ACTORS, `expected at most ${MAX_ACTORS} actors (KTAB's maximum)`),
  accommodation: z
    .array(AccommodationSchema)
    .optional()
    .describe("KTAB's IdealAdjustment: ideals move toward positions at these rates (identity when absent)"),
  options: OptionsSchema.optional(),
  sources: z.record(z.string(), z.string()).optional().describe('citations the bases refer to, by key'),
  notes: z.string().optional(),
});

type FileInput = z.output<typeof FileShape>;

/** Dimension ids and names of a file. */
function dimensionsOf(file: FileInput): { id: string; name: string; low?: string; high?: string }[] {
  return file.dimensions.map((d) =>
    typeof d === 'string'
      ? { id: d, name: d }
      : {
          id: d.id,
          name: d.name ?? d.id,
          ...(d.low === undefined ? {} : { low: d.low }),
          ...(d.high === undefined ? {} : { high: d.high }),
        },
  );
}

/** Checks across fields: lengths, salience totals, unique ids, stances, ranges, accommodation rows. */
function checkFile(file: FileInput, ctx: z.RefinementCtx): void {
  const dims = dimensionsOf(file);
  const k = dims.length;
  const seenDims = new Map<string, number>();
  dims.forEach((d, i) => {
    const first = seenDims.get(d.id);
    if (first !== undefined)
      ctx.addIssue({
        code: 'custom',
        path: ['dimensions', i],
        message: `duplicate dimension "${d.id}" (also at dimensions[${first}])`,
      });
    else seenDims.set(d.id, i);
  });
  const seen = new Map<string, number>();
  file.actors.forEach((a, i) => {
    const at = (...rest: (string | number)[]) => ['actors', i, ...rest];
    const first = seen.get(a.id);
    if (first !== undefined)
      ctx.addIssue({
        code: 'custom',
        path: at('id'),
        message: `duplicate actor "${a.id}" (also at actors[${first}])`,
      });
    else seen.set(a.id, i);
    const arrays = a.position !== undefined || a.salience !== undefined;
    if (arrays && a.stances !== undefined) {
      ctx.addIssue({
        code: 'custom',
        path: at('stances'),
        message: 'give either position and salience arrays or stances, not both',
      });
      return;
    }
    let saliences: number[] = [];
    if (a.stances !== undefined) {
      for (const key of Object.keys(a.stances)) {
        if (!seenDims.has(key))
          ctx.addIssue({
            code: 'custom',
            path: at('stances', key),
            message: `unknown dimension "${key}"; expected one of ${dims.map((d) => d.id).join(', ')}`,
          });
      }
      for (const d of dims) {
        const s = a.stances[d.id];
        if (s === undefined) {
          ctx.addIssue({ code: 'custom', path: at('stances'), message: `no stance on dimension "${d.id}"` });
          continue;
        }
        saliences.push(s.salience);
        for (const [field, value, range] of [
          ['position', s.position, s.positionRange],
          ['salience', s.salience, s.salienceRange],
        ] as const) {
          if (range !== undefined && !(range[0] <= value && value <= range[1]))
            ctx.addIssue({
              code: 'custom',
              path: at('stances', d.id, `${field}Range`),
              message: `the range [${range[0]}, ${range[1]}] must contain the ${field} ${value}`,
            });
        }
      }
    } else {
      for (const field of ['position', 'salience'] as const) {
        const values = a[field];
        if (values === undefined) {
          ctx.addIssue({
            code: 'custom',
            path: at(field),
            message: `required field is missing (expected ${k} ${field}s, one per dimension)`,
          });
        } else if (values.length !== k) {
          ctx.addIssue({
            code: 'custom',
            path: at(field),
            message: `expected ${k} ${field}s (one per dimension); got ${values.length}`,
          });
        }
      }
      saliences = a.salience ?? [];
    }
    const total = saliences.reduce((s, x) => s + x, 0);
    const where = a.stances !== undefined ? at('stances') : at('salience');
    if (total > 100)
      ctx.addIssue({
        code: 'custom',
        path: where,
        message: `saliences sum to ${round(total)}; expected at most 100 (an actor cannot give more than all its attention)`,
      });
    else if (saliences.length === k && total === 0)
      ctx.addIssue({
        code: 'custom',
        path: where,
        message:
          'saliences are all 0; expected at least one positive salience (distance is undefined without one)',
      });
  });
  const rows = new Map<string, number>();
  for (const [i, pair] of (file.accommodation ?? []).entries()) {
    for (const field of ['actor', 'toward'] as const) {
      if (!seen.has(pair[field]))
        ctx.addIssue({
          code: 'custom',
          path: ['accommodation', i, field],
          message: `unknown actor "${pair[field]}"; expected one of the actors' ids`,
        });
    }
    const total = (rows.get(pair.actor) ?? 0) + pair.rate;
    rows.set(pair.actor, total);
    if (total > 1 + 1e-10)
      ctx.addIssue({
        code: 'custom',
        path: ['accommodation', i, 'rate'],
        message: `${pair.actor}'s accommodation rates sum to ${round(total)}; expected at most 1`,
      });
  }
}

function round(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}

/** A normalised actor: positions and saliences on 0–100 in the order of the dimensions. */
export interface BargainingActor {
  readonly id: string;
  readonly name: string;
  readonly capability: number;
  readonly position: readonly number[];
  readonly salience: readonly number[];
  /** Plausible ranges by dimension, when the file gives them (`stances`). */
  readonly positionRange?: readonly (readonly [number, number] | null)[];
  readonly salienceRange?: readonly (readonly [number, number] | null)[];
  readonly basis?: readonly (string | null)[];
}

/** A validated bargaining problem on KTAB's 0–100 scale, options filled with KTAB's defaults. */
export interface BargainingProblem {
  readonly title: string;
  readonly description: string;
  readonly dimensions: readonly {
    readonly id: string;
    readonly name: string;
    readonly low?: string;
    readonly high?: string;
  }[];
  readonly actors: readonly BargainingActor[];
  readonly accommodation: readonly {
    readonly actor: string;
    readonly toward: string;
    readonly rate: number;
  }[];
  readonly options: BargainingOptions;
}

function normalise(file: FileInput): BargainingProblem {
  const dims = dimensionsOf(file);
  return {
    title: file.title ?? '',
    description: file.description ?? '',
    dimensions: dims,
    actors: file.actors.map((a): BargainingActor => {
      const base = { id: a.id, name: a.name ?? a.id, capability: a.capability };
      if (a.stances === undefined) return { ...base, position: a.position ?? [], salience: a.salience ?? [] };
      const given = a.stances;
      const stances = dims.map((d) => given[d.id]!);
      return {
        ...base,
        position: stances.map((s) => s.position),
        salience: stances.map((s) => s.salience),
        positionRange: stances.map((s) => s.positionRange ?? null),
        salienceRange: stances.map((s) => s.salienceRange ?? null),
        basis: stances.map((s) => s.basis ?? null),
      };
    }),
    accommodation: file.accommodation ?? [],
    options: { ...DEFAULT_BARGAINING_OPTIONS, ...(file.options ?? {}) },
  };
}

/** The bargaining file: validated (every problem located by its field path) and normalised. */
export const BargainingFileSchema = FileShape.superRefine(checkFile).transform(normalise);
export type BargainingFile = z.input<typeof BargainingFileSchema>;
