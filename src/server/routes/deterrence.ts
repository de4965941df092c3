/**
 * Deterrence: `POST /api/deterrence` (both strike orders of a dyad and
 * Kent–Thaler first-strike stability, with parameter overrides — the web
 * lab's sliders) and `GET /api/deterrence/parameters` (every parameter a
 * slider may move, with its current value): the documents of
 * `concert deterrence --pair A,B [--set PATH=VALUE] --json` and
 * `concert deterrence parameters --pair A,B --json` (reports/deterrence).
 */
import { z } from 'zod';
import { ConcertError, reroot } from '../../core/errors.js';
import { defenseCoverage } from '../../models/deterrence/index.js';
import {
  CoverageSchema,
  coverageReport,
  type DeterrenceDocument,
  DeterrenceParametersSchema,
  DeterrenceSchema,
  deterrenceAnalysis,
  deterrenceParameters,
  dyadProblems,
  MAX_OVERRIDES,
  resolveDefense,
  sensorSwitches,
} from '../../reports/index.js';
import { DEFAULT_YEAR, type World } from '../../world/index.js';
import type { ServerContext } from '../context.js';
import { errorResponses } from '../schemas.js';
import { type Api, json } from '../types.js';
import { worldOf } from './worlds.js';

const PairSchema = z
  .tuple([z.string(), z.string()])
  .describe('the dyad [A, B], e.g. ["USA", "RUS"]: two nuclear-armed actors');

const DeterrenceRequestSchema = z.strictObject({
  pair: PairSchema,
  posture: z.enum(['generated', 'day-to-day']).default('generated').describe('alert posture of both sides'),
  formula: z
    .enum(['cookie-cutter', 'brown'])
    .default('cookie-cutter')
    .describe('lethal radius: cookie-cutter (2.62 rule) or Brown'),
  overrides: z
    .record(z.string(), z.number())
    .default({})
    .refine((o) => Object.keys(o).length <= MAX_OVERRIDES, {
      error: `expected at most ${MAX_OVERRIDES} overrides`,
    })
    .describe(
      'parameter path → value, e.g. {"defenses.USA.GMD.interceptors": 100, "forces.RUS.SS-18.launchers": 30, "options.costExponent": 1.5}; paths as listed by GET /api/deterrence/parameters',
    ),
  sensors: z
    .array(z.string())
    .default([])
    .describe('sensor switches, e.g. ["USA.TPY-2-Korea=on"] (as concert deterrence --sensor)'),
  damageModel: z
    .enum(['cities', 'exponential'])
    .default('cities')
    .describe('cities: population share in lethal areas; exponential: 1 − 5^(−x/200)'),
  variants: z
    .boolean()
    .default(false)
    .describe(
      "also each strike order without the striker's, the defender's and any defenses (7 exchanges instead of 1)",
    ),
});

type DeterrenceRequest = z.infer<typeof DeterrenceRequestSchema>;

/** The default world with the dyad's ids checked (problems at `root` + index). */
function checkedPair(pair: readonly [string, string], root: (string | number)[]): World {
  const world = worldOf(DEFAULT_YEAR);
  const problems = dyadProblems(world, pair).map((p) => ({ ...p, path: [...root, ...(p.path ?? [])] }));
  if (problems.length > 0) throw new ConcertError('bad-input', problems);
  return world;
}

/** `concert deterrence --pair A,B --json` (with `--set` overrides) for one request. */
export function deterrence(req: DeterrenceRequest): DeterrenceDocument {
  const world = checkedPair(req.pair, ['body', 'pair']);
  const switches = sensorSwitches(world, req.sensors);
  if (Array.isArray(switches))
    throw new ConcertError(
      'bad-input',
      switches.map((p) => ({ ...p, path: ['body', 'sensors', ...(p.path ?? [])] })),
    );
  const run = () =>
    deterrenceAnalysis(world, [req.pair], {
      model: { posture: req.posture, formula: req.formula, damageModel: req.damageModel, ...switches },
      overrides: req.overrides,
      variants: req.variants,
    });
  try {
    return run();
  } catch (e) {
    throw reroot(e, (path) => ['body', 'overrides', ...path]);
  }
}

const listParam = z
  .string()
  .transform((s) => s.split(',').map((x) => x.trim()))
  .optional();

/** `concert deterrence coverage <defense> [--attackers] [--targets] [--sensor]* --json` for one request. */
export function coverage(q: {
  defense: string;
  attackers?: string[] | undefined;
  targets?: string | undefined;
  sensors?: string[] | undefined;
}) {
  const world = worldOf(DEFAULT_YEAR);
  const resolved = resolveDefense(world, q.defense);
  if ('message' in resolved)
    throw new ConcertError('bad-input', [{ ...resolved, path: ['querystring', 'defense'] }]);
  const switches = sensorSwitches(world, q.sensors ?? []);
  if (Array.isArray(switches))
    throw new ConcertError(
      'bad-input',
      switches.map((p) => ({ ...p, path: ['querystring', 'sensors', ...(p.path ?? [])] })),
    );
  try {
    return coverageReport(
      defenseCoverage(world, resolved.actor, resolved.defense, {
        ...(q.attackers ? { attackers: q.attackers } : {}),
        ...(q.targets !== undefined ? { targetActor: q.targets } : {}),
        options: switches,
      }),
    );
  } catch (e) {
    throw reroot(e, (path) =>
      path[0] === 'attackers'
        ? ['querystring', ...path]
        : path[0] === 'targetActor'
          ? ['querystring', 'targets']
          : ['querystring', 'defense'],
    );
  }
}

/** Registers the deterrence routes. */
export function deterrenceRoutes(app: Api, ctx: ServerContext): void {
  app.post(
    '/api/deterrence',
    {
      schema: {
        summary: 'Both strike orders of a dyad and first-strike stability, with parameter overrides',
        tags: ['deterrence'],
        body: DeterrenceRequestSchema,
        response: { 200: DeterrenceSchema, ...errorResponses },
      },
    },
    async (req) => {
      const body = req.body;
      const overrides = Object.fromEntries(
        Object.entries(body.overrides).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0)),
      );
      const canonical = { ...body, overrides };
      return json(ctx.cached(`deterrence:${JSON.stringify(canonical)}`, () => deterrence(canonical)));
    },
  );

  app.get(
    '/api/deterrence/coverage',
    {
      schema: {
        summary:
          'What a missile defense can engage and why: launch areas, targets, trajectories, distances, times',
        tags: ['deterrence'],
        querystring: z.object({
          defense: z.string().min(1).describe('ACTOR.DEFENSE or DEFENSE, e.g. USA.THAAD-Korea'),
          attackers: listParam.describe(
            'attacking actors, e.g. CHN,PRK (default: every other nuclear actor)',
          ),
          targets: z.string().optional().describe("whose value targets (default: the defense's owner)"),
          sensors: listParam.describe('sensor switches, e.g. USA.TPY-2-Korea=on'),
        }),
        response: { 200: CoverageSchema, ...errorResponses },
      },
    },
    async (req) => {
      const q = req.query;
      return json(ctx.cached(`deterrence-coverage:${JSON.stringify(q)}`, () => coverage(q)));
    },
  );

  app.get(
    '/api/deterrence/parameters',
    {
      schema: {
        summary: 'Parameters of a dyad that overrides may set, with their current values',
        tags: ['deterrence'],
        querystring: z.object({
          pair: z
            .string()
            .transform((s) => s.split(',').map((x) => x.trim()))
            .pipe(PairSchema)
            .describe('the dyad, e.g. USA,RUS'),
        }),
        response: { 200: DeterrenceParametersSchema, ...errorResponses },
      },
    },
    async (req) => {
      const pair = req.query.pair;
      const world = checkedPair(pair, ['querystring', 'pair']);
      return json(
        ctx.cached(`deterrence-parameters:${pair.join(',')}`, () => deterrenceParameters(world, pair)),
      );
    },
  );
}
