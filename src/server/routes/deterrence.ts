/**
 * Deterrence: `POST /api/deterrence` (both strike orders of a dyad and
 * Kent–Thaler first-strike stability, with parameter overrides — the web
 * lab's sliders) and `GET /api/deterrence/parameters` (every parameter a
 * slider may move, with its current value). Calls models/deterrence as
 * `concert deterrence --pair A,B --json` does; overrides use the same
 * parameter paths as `concert deterrence sweep --param`.
 */
import { z } from 'zod';
import { ConcertError, type Problem } from '../../core/errors.js';
import {
  checkParameterValue,
  type DeterrenceOptions,
  type DyadResult,
  dyad,
  type ExchangeResult,
  getParameter,
  nuclearActors,
  type ParameterPath,
  parameterPaths,
  parseParameterPath,
  resolveOptions,
  setParameter,
} from '../../models/deterrence/index.js';
import { DEFAULT_YEAR, type World } from '../../world/index.js';
import type { ServerContext } from '../context.js';
import { errorResponses, looseObject } from '../schemas.js';
import { type Api, json } from '../types.js';
import { worldOf } from './worlds.js';

/** Most overrides in one request (a world has a few hundred parameters). */
export const MAX_OVERRIDES = 500;

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
    .describe(
      'parameter path → value, e.g. {"defenses.USA.GMD.interceptors": 100, "forces.RUS.SS-18.launchers": 30, "options.costExponent": 1.5}; paths as listed by GET /api/deterrence/parameters',
    ),
  variants: z
    .boolean()
    .default(false)
    .describe(
      "also each strike order without the striker's, the defender's and any defenses (7 exchanges instead of 1)",
    ),
});

const SummarySchema = z.object({
  survivingWarheads: z.number(),
  retaliatoryWarheadsDelivered: z.number(),
  damageLimitation: z.number(),
  firstStrikeStability: z.number(),
});

const ExchangeSchema = looseObject(
  {
    attacker: z.string(),
    defender: z.string(),
    attackerWarheadsAvailable: z.number(),
    counterforceWarheads: z.number(),
    defenderWarheads: z.number(),
    expectedDestroyed: z.number(),
    survivingWarheads: z.number(),
    retaliatoryWarheadsArriving: z.number(),
    retaliatoryWarheadsDelivered: z.number(),
    retaliation: looseObject(
      {},
      'distribution of delivered retaliatory warheads (mean, sd, q05, q50, q95, …)',
    ),
    countervalueWarheadsDelivered: z.number(),
    damageToAttacker: z.number(),
    damageToDefender: z.number(),
    attackerCost: z.number(),
    defenderCost: z.number(),
    counterforceRatio: z.number(),
    damageLimitation: z.number(),
    bySystem: z.array(z.unknown()),
    firstStrikeStability: z.number(),
    variants: z
      .object({
        withoutAttackerDefenses: SummarySchema,
        withoutDefenderDefenses: SummarySchema,
        withoutDefenses: SummarySchema,
      })
      .optional(),
  },
  'one strike order: the attacker strikes first, the defender retaliates',
);

const DeterrenceResponseSchema = z
  .object({
    year: z.number(),
    posture: z.enum(['generated', 'day-to-day']),
    formula: z.enum(['cookie-cutter', 'brown']),
    overrides: z.record(z.string(), z.number()).describe('the overrides applied'),
    dyad: z.object({
      a: z.string(),
      b: z.string(),
      firstStrikeStability: z
        .number()
        .describe('Kent–Thaler first-strike stability = ratioA × ratioB (1 = no gain from striking first)'),
      ratioA: z.number(),
      ratioB: z.number(),
    }),
    pairs: z.array(ExchangeSchema).describe('A strikes first, then B strikes first'),
  })
  .meta({ id: 'Deterrence' });

type DeterrenceRequest = z.infer<typeof DeterrenceRequestSchema>;

/** The dyad's two ids, checked against the world's nuclear-armed actors. */
function checkPair(world: World, pair: readonly [string, string]): void {
  const armed = nuclearActors(world);
  const problems: Problem[] = [];
  pair.forEach((id, i) => {
    if (!armed.includes(id))
      problems.push({
        path: ['pair', i],
        message: `${id} has no nuclear forces in this world: expected one of ${armed.join(', ')}`,
      });
  });
  if (problems.length === 0 && pair[0] === pair[1])
    problems.push({ path: ['pair', 1], message: 'expected two different actors' });
  if (problems.length > 0) throw new ConcertError('bad-input', problems);
}

/** The world and options with every override applied; all bad overrides reported at once. */
export function applyOverrides(
  world: World,
  options: DeterrenceOptions,
  pair: readonly [string, string],
  overrides: Readonly<Record<string, number>>,
  root: (string | number)[],
): { world: World; options: DeterrenceOptions } {
  const problems: Problem[] = [];
  const parsed: [ParameterPath, number][] = [];
  const entries = Object.entries(overrides);
  if (entries.length > MAX_OVERRIDES)
    throw new ConcertError('bad-input', [
      { path: root, message: `expected at most ${MAX_OVERRIDES} overrides, got ${entries.length}` },
    ]);
  for (const [path, value] of entries) {
    const p = parseParameterPath(world, path, pair);
    if ('message' in p) {
      problems.push({
        path: [...root, path],
        message: p.message.split('. Valid parameters:')[0] ?? p.message,
      });
      continue;
    }
    const bad = checkParameterValue(p, value, path);
    if (bad) problems.push({ path: [...root, path], message: bad.message });
    else parsed.push([p, value]);
  }
  if (problems.length > 0) throw new ConcertError('bad-input', problems);
  let state = { world, options };
  for (const [p, value] of parsed) state = setParameter(state.world, state.options, p, value);
  return state;
}

function summary(e: ExchangeResult, d: DyadResult) {
  return {
    survivingWarheads: e.survivingWarheads,
    retaliatoryWarheadsDelivered: e.retaliatoryWarheadsDelivered,
    damageLimitation: e.damageLimitation,
    firstStrikeStability: d.firstStrikeStability,
  };
}

/** `concert deterrence --pair A,B --json` for one request (overrides applied first). */
export function deterrence(req: DeterrenceRequest) {
  const base = worldOf(DEFAULT_YEAR);
  checkPair(base, req.pair);
  const [a, b] = req.pair;
  const { world, options } = applyOverrides(
    base,
    resolveOptions({ posture: req.posture, formula: req.formula }),
    req.pair,
    req.overrides,
    ['overrides'],
  );
  const d = dyad(world, a, b, options);
  const orders = [
    { e: d.aFirst, x: a, y: b },
    { e: d.bFirst, x: b, y: a },
  ];
  return {
    year: world.year,
    posture: options.posture,
    formula: options.formula,
    overrides: req.overrides,
    dyad: {
      a: d.a,
      b: d.b,
      firstStrikeStability: d.firstStrikeStability,
      ratioA: d.ratioA,
      ratioB: d.ratioB,
    },
    pairs: orders.map(({ e, x, y }) => {
      const out = { ...e, firstStrikeStability: d.firstStrikeStability };
      if (!req.variants) return out;
      const variant = (off: string[]) => {
        const dv = dyad(world, a, b, { ...options, disableDefenses: off });
        return summary(dv.a === x ? dv.aFirst : dv.bFirst, dv);
      };
      return {
        ...out,
        variants: {
          withoutAttackerDefenses: variant([x]),
          withoutDefenderDefenses: variant([y]),
          withoutDefenses: variant([x, y]),
        },
      };
    }),
  };
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
        response: { 200: DeterrenceResponseSchema, ...errorResponses },
      },
    },
    async (req) => {
      const body = req.body;
      const overrides = Object.fromEntries(
        Object.entries(body.overrides).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0)),
      );
      const canonical = { ...body, overrides };
      try {
        return json(ctx.cached(`deterrence:${JSON.stringify(canonical)}`, () => deterrence(canonical)));
      } catch (e) {
        throw rootAt(e, 'body');
      }
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
        response: {
          200: z.object({
            pair: PairSchema,
            nuclearActors: z.array(z.string()),
            parameters: z.array(z.object({ path: z.string(), value: z.number() })),
          }),
          ...errorResponses,
        },
      },
    },
    async (req) => {
      const world = worldOf(DEFAULT_YEAR);
      const pair = req.query.pair;
      try {
        checkPair(world, pair);
      } catch (e) {
        throw rootAt(e, 'querystring');
      }
      return ctx.cached(`deterrence-parameters:${pair.join(',')}`, () => {
        const options = resolveOptions();
        const parameters = parameterPaths(world, pair).map((path) => {
          const p = parseParameterPath(world, path, pair) as ParameterPath;
          return { path, value: getParameter(world, options, p) };
        });
        return { pair, nuclearActors: nuclearActors(world), parameters };
      });
    },
  );
}

/** Roots the field paths of a bad-input error at `body` or `querystring`. */
export function rootAt(e: unknown, root: string): unknown {
  if (!(e instanceof ConcertError)) return e;
  return new ConcertError(
    e.code,
    e.problems.map((p) => ({ ...p, path: [root, ...(p.path ?? [])] })),
  );
}
