/**
 * Scenarios and comparisons:
 * - `GET /api/scenarios`: the shipped scenarios (scenarios/*.yaml) with their text;
 * - `POST /api/scenarios/validate`: every located problem of a scenario text;
 * - `POST /api/scenarios/run` and `POST /api/compare`: start an ensemble
 *   (or a paired comparison) as a job, answered at once with its id; the
 *   job's result is the document of `concert run --json` or
 *   `concert compare --json` (reports/scenario).
 * Ensembles run their runs on worker threads (scenario/ensemble), so the
 * event loop stays free.
 */
import { z } from 'zod';
import { parseDocument, type SourceDocument } from '../../core/document.js';
import { ConcertError, isConcertError } from '../../core/errors.js';
import {
  comparisonDocument,
  DEFAULT_COMPARE_RUNS,
  ensembleDocument,
  INPUT_KINDS,
  invalidInput,
  ShippedScenariosSchema,
  type ValidationDocument,
  ValidationSchema,
  validateInput,
} from '../../reports/index.js';
import { moduleUrl } from '../../runtime/pool.js';
import { RunStore } from '../../runtime/store.js';
import { compareScenarios } from '../../scenario/compare.js';
import { DEFAULT_CHUNK_RUNS, type EnsembleExecutor, runEnsemble } from '../../scenario/ensemble.js';
import { cancellablePool } from '../cancel.js';
import type { ServerContext } from '../context.js';
import type { ApiProblem } from '../errors.js';
import { ApiJobSchema, errorResponses, jobErrorResponses } from '../schemas.js';
import { type ScenarioTextInput, type TaskOutcome, unwrapTask } from '../tasks.js';
import { type Api, json } from '../types.js';

const TASKS = moduleUrl(import.meta.url, '../tasks');
import type { JobResponse } from './jobs.js';
import {
  checkNoWorldFile,
  documentOf,
  loadScenario,
  ScenarioSourceSchema,
  scenarioProblems,
  shippedScenarios,
} from './scenario-source.js';

/**
 * The server validates scenarios only, and one may not name a world file
 * (the server does not read files on a client's behalf; see scenarioOf).
 */
const SCENARIO_KIND = INPUT_KINDS.filter((k) => k.kind === 'scenario').map((k) => ({
  ...k,
  detect: () => true,
  validate: (doc: SourceDocument) => {
    checkNoWorldFile(doc);
    return k.validate(doc);
  },
}));

/** Most runs of one ensemble started through the API. */
export const MAX_API_RUNS = 100_000;
/**
 * Most runs of one comparison through the API, over all its ensembles (the
 * two scenarios and, with attribution, one per event): a comparison keeps
 * its runs in memory, so 100,000 paired runs with thousands of events would
 * take gigabytes and a day.
 */
export const MAX_API_COMPARE_RUNS = 100_000;

const RunOptionsSchema = {
  runs: z
    .number()
    .int()
    .min(1)
    .max(MAX_API_RUNS)
    .optional()
    .describe("default: the scenario's ensemble.runs"),
  seed: z.number().int().min(0).max(0xffffffff).optional().describe("default: the scenario's ensemble.seed"),
};

/** Chunks of runs small enough to spread an ensemble over every worker (and report progress often). */
function chunkRuns(runs: number, workers: number): number {
  return Math.max(1, Math.min(DEFAULT_CHUNK_RUNS, Math.ceil(runs / (workers * 4))));
}

/**
 * How the server runs an ensemble of `runs` runs with `seed` into `store`: on
 * its worker threads (at least two by default, so the event loop stays free;
 * a server built with `workers: 1` runs ensembles in its own thread), on its
 * one pool, kept between jobs so that later jobs run on threads whose engine
 * code is already compiled, in chunks small enough to spread over every
 * worker and report progress often. A server with a queue (`serve --queue`)
 * has the runs computed by queue workers instead (`executor`).
 */
function ensembleOptions(
  ctx: ServerContext,
  runs: number,
  seed: number,
  store: RunStore,
  executor: EnsembleExecutor | undefined,
  signal: AbortSignal,
) {
  return {
    runs,
    seed,
    workers: ctx.workers,
    ...(executor ? { executor } : ctx.workers > 1 ? { pool: cancellablePool(ctx.workerPool(), signal) } : {}),
    store,
    chunkRuns: chunkRuns(runs, ctx.workers),
  };
}

/** Registers the scenario and compare routes. */
export function scenarioRoutes(app: Api, ctx: ServerContext): void {
  app.get(
    '/api/scenarios',
    {
      schema: {
        summary: 'The shipped scenarios (scenarios/*.yaml) with their text',
        tags: ['scenarios'],
        response: {
          200: ShippedScenariosSchema,
          ...errorResponses,
        },
      },
    },
    async () => ({
      scenarios: shippedScenarios(ctx).map((s) => {
        let value: { name?: unknown; description?: unknown } | null;
        try {
          value = parseDocument(s.text, s.file, 'yaml').value as typeof value;
        } catch {
          value = null;
        }
        return {
          ...s,
          name: typeof value?.name === 'string' ? value.name : null,
          description: typeof value?.description === 'string' ? value.description : null,
        };
      }),
    }),
  );

  app.post(
    '/api/scenarios/validate',
    {
      schema: {
        summary:
          'Check a scenario: every problem with its line, column and field path (concert validate --json)',
        tags: ['scenarios'],
        body: ScenarioSourceSchema,
        response: { 200: ValidationSchema, ...errorResponses },
      },
    },
    async (req) => {
      if (req.body.text !== undefined) {
        // Blank text is a document to check like any other: 200, valid false, "the scenario is empty" at line 1.
        const o = await ctx.runTask<ScenarioTextInput, TaskOutcome<ValidationDocument>>(
          TASKS,
          'validateScenarioTask',
          { text: req.body.text, format: req.body.format },
          'checking the scenario',
        );
        return json(unwrapTask(o, ['body', 'text']));
      }
      try {
        return json(validateInput(documentOf(ctx, req.body, ['body']), SCENARIO_KIND));
      } catch (e) {
        // A problem with the request itself (an unknown shipped id) is a 400; one in the scenario is its finding.
        if (isConcertError(e) && e.problems.some((p) => p.path?.[0] === 'body')) throw e;
        const file = shippedScenarios(ctx).find((x) => x.id === req.body.id)?.file ?? 'scenario';
        return json(invalidInput(file, 'scenario', scenarioProblems(e, [])));
      }
    },
  );

  app.post(
    '/api/scenarios/run',
    {
      schema: {
        summary: "Start a scenario's ensemble as a job (progress at /api/jobs/:id/events)",
        tags: ['scenarios'],
        body: z.strictObject({ scenario: ScenarioSourceSchema, ...RunOptionsSchema }),
        response: { 202: ApiJobSchema, ...jobErrorResponses },
      },
    },
    async (req, reply) => {
      const s = await loadScenario(ctx, req.body.scenario, ['body', 'scenario']);
      const runs = req.body.runs ?? s.ensemble.runs;
      const seed = req.body.seed ?? s.ensemble.seed;
      if (runs > MAX_API_RUNS)
        throw new ConcertError('bad-input', [
          {
            path: ['body', 'runs'],
            message: `the API runs at most ${MAX_API_RUNS} runs per ensemble; got ${runs}`,
          },
        ]);
      const job = ctx.jobs.submit('ensemble', s.name, runs, async (report, signal) => {
        const store = ctx.runStore();
        const outcome = await runEnsemble(s, {
          ...ensembleOptions(ctx, runs, seed, store, await ctx.queueExecutor(), signal),
          onProgress: (done, total) => report({ done, total, label: s.name }),
          summarize: true,
        });
        return ensembleDocument(
          s,
          outcome.meta.id,
          runs,
          seed,
          outcome.bands!, // set: the summary was asked for
        );
      });
      return reply.code(202).send(json(job as JobResponse));
    },
  );

  app.post(
    '/api/compare',
    {
      schema: {
        summary: 'Compare two scenarios with common random numbers, as a job (concert compare --json)',
        tags: ['scenarios'],
        body: z.strictObject({
          a: ScenarioSourceSchema.describe('the reference scenario'),
          b: ScenarioSourceSchema.describe('the alternative scenario'),
          runs: RunOptionsSchema.runs.describe(`paired runs per scenario (default ${DEFAULT_COMPARE_RUNS})`),
          seed: RunOptionsSchema.seed.describe("default: the first scenario's ensemble.seed"),
          attribution: z.boolean().default(true).describe('switch each event off in turn to attribute B − A'),
        }),
        response: { 202: ApiJobSchema, ...jobErrorResponses },
      },
    },
    async (req, reply) => {
      const problems: ApiProblem[] = [];
      const load = async (key: 'a' | 'b') => {
        try {
          return await loadScenario(ctx, req.body[key], ['body', key]);
        } catch (e) {
          problems.push(...scenarioProblems(e, []));
          return undefined;
        }
      };
      const a = await load('a');
      const b = await load('b');
      if (!a || !b) throw new ConcertError('bad-input', problems);
      const runs = req.body.runs ?? DEFAULT_COMPARE_RUNS;
      const seed = req.body.seed ?? a.ensemble.seed;
      const events = req.body.attribution ? a.events.length + b.events.length : 0;
      const total = runs * (2 + events);
      if (total > MAX_API_COMPARE_RUNS)
        throw new ConcertError('bad-input', [
          {
            path: ['body', 'runs'],
            message: `${runs} paired runs × ${2 + events} ensembles (2 scenarios${events > 0 ? ` + ${events} attributed events` : ''}) is ${total} runs: the API computes at most ${MAX_API_COMPARE_RUNS} per comparison (fewer runs, attribution: false, or concert compare on the CLI)`,
          },
        ]);
      const job = ctx.jobs.submit('compare', `${b.name} − ${a.name}`, total, async (report, signal) => {
        const executor = await ctx.queueExecutor();
        const store = RunStore.open(':memory:');
        let base = 0;
        let label = '';
        try {
          const c = await compareScenarios(a, b, {
            ...ensembleOptions(ctx, runs, seed, store, executor, signal),
            attribution: req.body.attribution,
            onEnsemble: (l) => {
              if (label !== '') base += runs;
              label = l;
            },
            onProgress: (done) => report({ done: Math.min(total, base + done), total, label }),
          });
          return comparisonDocument(c);
        } finally {
          store.close();
        }
      });
      return reply.code(202).send(json(job as JobResponse));
    },
  );
}
