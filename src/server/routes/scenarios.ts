/**
 * Scenarios, jobs, runs and comparisons:
 * - `GET /api/scenarios`: the shipped scenarios (scenarios/*.yaml) with their text;
 * - `POST /api/scenarios/validate`: every located problem of a scenario text;
 * - `POST /api/scenarios/run` and `POST /api/compare`: start an ensemble
 *   (or a paired comparison) as a job, answered at once with its id;
 * - `GET /api/jobs/:id` (status, progress, result) and
 *   `GET /api/jobs/:id/events` (progress as server-sent events);
 * - `GET /api/runs`, `/api/runs/:id`, `/api/runs/:id/export?format=csv|json`:
 *   the run store, as `concert runs list | show | export`.
 * Ensembles run their runs on worker threads (scenario/ensemble), so the
 * event loop stays free; the JSON shapes are those of `concert run --json`
 * and `concert compare --json`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import { z } from 'zod';
import { comparisonJson, DEFAULT_COMPARE_RUNS } from '../../cli/compare.js';
import { ensembleJson } from '../../cli/scenario-run.js';
import { parseDocument, type SourceDocument } from '../../core/document.js';
import { ConcertError, isConcertError } from '../../core/errors.js';
import { ensembleCsvChunks, ensembleJsonChunks, ensembleSummary } from '../../runtime/export.js';
import type { WorkerPool } from '../../runtime/pool.js';
import { type EnsembleRecord, RunStore } from '../../runtime/store.js';
import { compareScenarios } from '../../scenario/compare.js';
import { DEFAULT_CHUNK_RUNS, runEnsemble } from '../../scenario/ensemble.js';
import { summarizeStored } from '../../scenario/summary.js';
import { prepareScenario } from '../../scenario/load.js';
import type { Scenario } from '../../scenario/scenario.js';
import type { ServerContext } from '../context.js';
import { type ApiProblem, apiProblem, errorBody } from '../errors.js';
import type { JobView } from '../jobs.js';
import { errorResponses, looseObject, ProblemSchema } from '../schemas.js';
import type { Api } from '../types.js';

/** Most runs of one ensemble started through the API. */
export const MAX_API_RUNS = 100_000;

const ScenarioSourceSchema = z
  .strictObject({
    text: z.string().max(500_000).optional().describe('scenario YAML (or JSON with format: "json")'),
    format: z.enum(['yaml', 'json']).default('yaml'),
    id: z.string().optional().describe('instead of text: a shipped scenario, e.g. "baseline-2017"'),
  })
  .refine((s) => (s.text === undefined) !== (s.id === undefined), {
    error: 'give either text or id',
    path: ['text'],
  });
type ScenarioSource = z.infer<typeof ScenarioSourceSchema>;

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

const JobSchema = z
  .object({
    id: z.string(),
    kind: z.enum(['ensemble', 'compare']),
    status: z.enum(['queued', 'running', 'done', 'failed']),
    createdAt: z.string(),
    progress: z.object({ done: z.number(), total: z.number(), label: z.string() }),
    result: z
      .unknown()
      .optional()
      .describe('when done: the JSON of concert run --json (or concert compare --json)'),
    error: z.object({ message: z.string(), problems: z.array(ProblemSchema) }).optional(),
  })
  .meta({ id: 'Job' });

const EnsembleSummarySchema = z.object({
  id: z.string(),
  scenario: z.string(),
  seed: z.number(),
  years: z.object({ from: z.number(), to: z.number() }),
  requestedRuns: z.number(),
  storedRuns: z.number(),
  createdAt: z.string(),
});

const BandsSchema = z.object({
  years: z.array(z.number()),
  q05: z.array(z.number()),
  q25: z.array(z.number()),
  q50: z.array(z.number()),
  q75: z.array(z.number()),
  q95: z.array(z.number()),
});

/** Scenario names are file names: lower-case letters, digits and dashes. */
const SCENARIO_ID = /^[a-z0-9][a-z0-9-]*$/;

/** The shipped scenarios: `{id, file, text}` for each `scenarios/*.yaml`, by name. */
function shippedScenarios(ctx: ServerContext): { id: string; file: string; text: string }[] {
  let names: string[];
  try {
    names = readdirSync(ctx.scenariosDir).filter((f) => /\.ya?ml$/.test(f));
  } catch {
    return [];
  }
  return names.sort().map((f) => ({
    id: f.replace(/\.ya?ml$/, ''),
    file: `scenarios/${f}`,
    text: readFileSync(`${ctx.scenariosDir}/${f}`, 'utf8'),
  }));
}

/** Parses a scenario source to a document; `root` prefixes field paths of problems about the request itself. */
function documentOf(ctx: ServerContext, src: ScenarioSource, root: (string | number)[]): SourceDocument {
  if (src.id !== undefined) {
    const found = SCENARIO_ID.test(src.id) ? shippedScenarios(ctx).find((s) => s.id === src.id) : undefined;
    if (!found) {
      const ids = shippedScenarios(ctx).map((s) => s.id);
      throw new ConcertError('bad-input', [
        {
          path: [...root, 'id'],
          message: `unknown scenario "${src.id}": expected one of ${ids.join(', ') || '(none shipped)'}`,
        },
      ]);
    }
    return parseDocument(found.text, found.file, 'yaml');
  }
  return parseDocument(src.text ?? '', 'scenario', src.format);
}

/**
 * Validates and prepares a scenario. A scenario sent to the server may not
 * name a world file (the server does not read files on a client's behalf):
 * it uses the embedded default world, with overrides.
 */
function scenarioOf(doc: SourceDocument): Scenario {
  const world = (doc.value as { world?: { file?: unknown } } | null)?.world;
  if (world && typeof world === 'object' && 'file' in world) {
    throw new ConcertError('bad-input', [
      {
        ...doc.locate(['world', 'file']),
        path: ['world', 'file'],
        message:
          'the server does not read world files: use world: { default: YEAR, overrides: … } (or run the scenario with the CLI)',
      },
    ]);
  }
  return prepareScenario(doc);
}

/** Problems of a scenario text, located (line and column inside the text, field path inside the scenario). */
function scenarioProblems(e: unknown, root: (string | number)[]): ApiProblem[] {
  if (!isConcertError(e) || e.code !== 'bad-input') throw e;
  return e.problems.map((p) => apiProblem(p, root));
}

/** Loads a scenario for a job, or throws bad input whose problems are rooted at `root`. */
function loadFor(ctx: ServerContext, src: ScenarioSource, root: (string | number)[]): Scenario {
  try {
    return scenarioOf(documentOf(ctx, src, []));
  } catch (e) {
    throw new ConcertError('bad-input', scenarioProblems(e, root));
  }
}

/**
 * Worker threads of an ensemble: the server's (at least two by default, so
 * that runEnsemble uses its worker pool and the event loop stays free; a
 * server built with `workers: 1` runs ensembles in its own thread).
 */
function ensembleWorkers(ctx: ServerContext): number {
  return ctx.workers;
}

/**
 * The server's worker pool for ensembles and comparisons (when it has more
 * than one worker): kept between jobs, so that later jobs run on threads
 * whose engine code is already compiled.
 */
function ensemblePoolOf(ctx: ServerContext): { pool?: WorkerPool } {
  return ctx.workers > 1 ? { pool: ctx.workerPool() } : {};
}

/** Chunks of runs small enough to spread an ensemble over every worker (and report progress often). */
function chunkRuns(runs: number, workers: number): number {
  return Math.max(1, Math.min(DEFAULT_CHUNK_RUNS, Math.ceil(runs / (workers * 4))));
}

/** Registers the scenario, job, run and compare routes. */
export function scenarioRoutes(app: Api, ctx: ServerContext): void {
  app.get(
    '/api/scenarios',
    {
      schema: {
        summary: 'The shipped scenarios (scenarios/*.yaml) with their text',
        tags: ['scenarios'],
        response: {
          200: z.object({
            scenarios: z.array(
              z.object({
                id: z.string(),
                file: z.string(),
                text: z.string(),
                name: z.string().nullable(),
                description: z.string().nullable(),
              }),
            ),
          }),
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
        summary: 'Check a scenario: every problem with its line, column and field path',
        tags: ['scenarios'],
        body: ScenarioSourceSchema,
        response: {
          200: z.object({
            valid: z.boolean(),
            problems: z
              .array(ProblemSchema)
              .describe('line/column inside the text; path inside the scenario'),
            scenario: z
              .object({
                name: z.string(),
                actors: z.array(z.string()),
                years: z.object({ from: z.number(), to: z.number() }),
                events: z.number(),
                uncertain: z.array(z.string()),
                ensemble: z.object({ runs: z.number(), seed: z.number() }),
                indicators: z.array(z.string()),
              })
              .optional(),
          }),
          ...errorResponses,
        },
      },
    },
    async (req) => {
      let s: Scenario;
      try {
        s = scenarioOf(documentOf(ctx, req.body, ['body']));
      } catch (e) {
        if (isConcertError(e) && e.problems.some((p) => p.path?.[0] === 'body')) throw e;
        return { valid: false, problems: scenarioProblems(e, []) };
      }
      return {
        valid: true,
        problems: [],
        scenario: {
          name: s.name,
          actors: [...s.actors],
          years: { from: s.years.from, to: s.years.to },
          events: s.events.length,
          uncertain: s.uncertain.map((u) => u.parameter),
          ensemble: s.ensemble,
          indicators: [...s.indicators],
        },
      };
    },
  );

  app.post(
    '/api/scenarios/run',
    {
      schema: {
        summary: "Start a scenario's ensemble as a job (progress at /api/jobs/:id/events)",
        tags: ['scenarios'],
        body: z.strictObject({ scenario: ScenarioSourceSchema, ...RunOptionsSchema }),
        response: { 202: JobSchema, ...errorResponses },
      },
    },
    async (req, reply) => {
      const s = loadFor(ctx, req.body.scenario, ['body', 'scenario']);
      const runs = req.body.runs ?? s.ensemble.runs;
      const seed = req.body.seed ?? s.ensemble.seed;
      if (runs > MAX_API_RUNS)
        throw new ConcertError('bad-input', [
          {
            path: ['body', 'runs'],
            message: `the API runs at most ${MAX_API_RUNS} runs per ensemble; got ${runs}`,
          },
        ]);
      const job = ctx.jobs.submit('ensemble', s.name, runs, async (report) => {
        const store = ctx.runStore();
        const outcome = await runEnsemble(s, {
          runs,
          seed,
          workers: ensembleWorkers(ctx),
          ...ensemblePoolOf(ctx),
          store,
          chunkRuns: chunkRuns(runs, ensembleWorkers(ctx)),
          onProgress: (done, total) => report({ done, total, label: s.name }),
          summarize: true,
        });
        return ensembleJson(
          s,
          outcome.meta.id,
          runs,
          seed,
          outcome.bands!, // set: the summary was asked for
        );
      });
      return reply.code(202).send(job);
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
        response: { 202: JobSchema, ...errorResponses },
      },
    },
    async (req, reply) => {
      const problems: ApiProblem[] = [];
      const load = (key: 'a' | 'b') => {
        try {
          return loadFor(ctx, req.body[key], ['body', key]);
        } catch (e) {
          problems.push(...scenarioProblems(e, []));
          return undefined;
        }
      };
      const a = load('a');
      const b = load('b');
      if (!a || !b) throw new ConcertError('bad-input', problems);
      const runs = req.body.runs ?? DEFAULT_COMPARE_RUNS;
      const seed = req.body.seed ?? a.ensemble.seed;
      const events = req.body.attribution ? a.events.length + b.events.length : 0;
      const total = runs * (2 + events);
      const job = ctx.jobs.submit('compare', `${b.name} − ${a.name}`, total, async (report) => {
        const store = RunStore.open(':memory:');
        let base = 0;
        let label = '';
        try {
          const c = await compareScenarios(a, b, {
            runs,
            seed,
            workers: ensembleWorkers(ctx),
            ...ensemblePoolOf(ctx),
            store,
            chunkRuns: chunkRuns(runs, ensembleWorkers(ctx)),
            attribution: req.body.attribution,
            onEnsemble: (l) => {
              if (label !== '') base += runs;
              label = l;
            },
            onProgress: (done) => report({ done: Math.min(total, base + done), total, label }),
          });
          return comparisonJson(c);
        } finally {
          store.close();
        }
      });
      return reply.code(202).send(job);
    },
  );

  app.get(
    '/api/jobs/:id',
    {
      schema: {
        summary: 'A job: status, progress and (when done) its result',
        tags: ['jobs'],
        params: z.object({ id: z.string().max(100) }),
        response: { 200: JobSchema, ...errorResponses },
      },
    },
    async (req, reply) => {
      const job = ctx.jobs.get(req.params.id);
      if (!job)
        return reply
          .code(404)
          .send(
            errorBody(`no job ${req.params.id}`, [{ path: ['params', 'id'], message: 'unknown job id' }]),
          );
      return job;
    },
  );

  app.get(
    '/api/jobs/:id/events',
    {
      schema: {
        summary:
          'Progress of a job as server-sent events: `progress` {done, total, label}, then `end` (the job)',
        tags: ['jobs'],
        params: z.object({ id: z.string().max(100) }),
      },
    },
    (req, reply) => {
      const id = req.params.id;
      if (!ctx.jobs.get(id))
        return reply
          .code(404)
          .send(errorBody(`no job ${id}`, [{ path: ['params', 'id'], message: 'unknown job id' }]));
      reply.hijack();
      const res = reply.raw;
      res.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache',
        connection: 'keep-alive',
      });
      const send = (event: string, data: unknown) =>
        res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
      const current = ctx.jobs.get(id);
      if (current && current.status !== 'done' && current.status !== 'failed')
        send('progress', current.progress);
      const heartbeat = setInterval(() => res.write(': keep-alive\n\n'), 15_000);
      let unsubscribe: (() => void) | undefined;
      const stop = () => {
        clearInterval(heartbeat);
        unsubscribe?.();
      };
      unsubscribe = ctx.jobs.subscribe(
        id,
        (p) => send('progress', p),
        (view: JobView) => {
          send('end', view);
          stop();
          res.end();
        },
      );
      req.raw.on('close', stop);
    },
  );

  app.get(
    '/api/runs',
    {
      schema: {
        summary: 'Ensembles in the run store, newest first (concert runs list --json)',
        tags: ['runs'],
        response: {
          200: z.object({ store: z.string(), ensembles: z.array(EnsembleSummarySchema) }),
          ...errorResponses,
        },
      },
    },
    async () => {
      const store = ctx.runStore();
      return { store: store.path, ensembles: store.listEnsembles().map(ensembleSummary) };
    },
  );

  app.get(
    '/api/runs/:id',
    {
      schema: {
        summary: 'One ensemble and its indicator bands over the stored runs (concert runs show --json)',
        tags: ['runs'],
        params: z.object({
          id: z.string().max(64).describe('ensemble id or a prefix of at least 6 hex digits'),
        }),
        response: {
          200: looseObject(
            {
              ...EnsembleSummarySchema.shape,
              runs: z.number(),
              parameters: z.array(z.string()),
              indicators: z.record(z.string(), BandsSchema),
            },
            'an ensemble with the quantile bands of every indicator',
          ).meta({ id: 'Ensemble' }),
          ...errorResponses,
        },
      },
    },
    async (req, reply) => {
      const store = ctx.runStore();
      const e = findEnsemble(store, req.params.id);
      if (!e) return reply.code(404).send(unknownEnsemble(req.params.id));
      if (e.storedRuns === 0)
        throw new ConcertError('bad-input', [
          { path: ['params', 'id'], message: `ensemble ${req.params.id} has no stored runs yet` },
        ]);
      // An interrupted ensemble may hold any subset of its run indices: summarise the runs it holds.
      const { runs, bands } = summarizeStored(store, e);
      return { ...ensembleSummary(e), runs, parameters: [...e.parameters], indicators: bands };
    },
  );

  app.get(
    '/api/runs/:id/export',
    {
      schema: {
        summary: 'Every stored run of an ensemble as CSV (run,kind,name,year,value) or JSON',
        tags: ['runs'],
        params: z.object({ id: z.string().max(64) }),
        querystring: z.object({ format: z.enum(['csv', 'json']).default('csv') }),
      },
    },
    async (req, reply) => {
      const store = ctx.runStore();
      const e = findEnsemble(store, req.params.id);
      if (!e) return reply.code(404).send(unknownEnsemble(req.params.id));
      const csv = req.query.format === 'csv';
      reply
        .type(csv ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8')
        .header('content-disposition', `attachment; filename="${e.id.slice(0, 12)}.${req.query.format}"`);
      return reply.send(Readable.from(csv ? ensembleCsvChunks(store, e) : ensembleJsonChunks(store, e)));
    },
  );
}

/** The ensemble an id (or prefix) names; undefined when none; bad input for malformed or ambiguous ids. */
/** The 404 body for an ensemble id the store does not hold. */
function unknownEnsemble(id: string) {
  return errorBody(`no ensemble ${id}`, [{ path: ['params', 'id'], message: 'unknown ensemble id' }]);
}

function findEnsemble(store: RunStore, id: string): EnsembleRecord | undefined {
  try {
    return store.findEnsemble(id);
  } catch (e) {
    if (isConcertError(e) && /^no ensemble/.test(e.problems[0]?.message ?? '')) return undefined;
    if (isConcertError(e))
      throw new ConcertError(
        'bad-input',
        e.problems.map((p) => ({ path: ['params', 'id'], message: p.message })),
      );
    throw e;
  }
}
