/**
 * `POST /api/sensitivity`: a scenario's global sensitivity analysis as a job
 * (the document of `concert sensitivity --json`; docs/models/sensitivity.md).
 * The design runs as an ensemble on the server's worker threads (or its
 * queue) into the run store, so a repeated request resumes from it.
 */
import { z } from 'zod';
import { ConcertError } from '../../core/errors.js';
import { sensitivityDocument } from '../../reports/index.js';
import {
  designFactors,
  designRuns,
  runSensitivity,
  sensitivityProblems,
} from '../../scenario/sensitivity.js';
import { cancellablePool } from '../cancel.js';
import type { ServerContext } from '../context.js';
import { ApiJobSchema, jobErrorResponses } from '../schemas.js';
import { type Api, json } from '../types.js';
import type { JobResponse } from './jobs.js';
import { MAX_API_RUNS } from './scenarios.js';
import { loadScenario, ScenarioSourceSchema } from './scenario-source.js';

/** Registers the sensitivity route. */
export function sensitivityRoutes(app: Api, ctx: ServerContext): void {
  app.post(
    '/api/sensitivity',
    {
      schema: {
        summary: "Start a scenario's sensitivity analysis (Sobol' indices or Morris effects) as a job",
        tags: ['scenarios'],
        body: z.strictObject({
          scenario: ScenarioSourceSchema,
          method: z.enum(['sobol', 'morris']).default('sobol'),
          n: z
            .number()
            .int()
            .min(2)
            .max(1_000_000)
            .optional()
            .describe('base points (sobol, default 256) or trajectories (morris, default 20)'),
          series: z
            .array(z.string().min(1))
            .min(1)
            .max(50)
            .optional()
            .describe('indicator series (default stability.index)'),
          year: z.number().int().optional().describe("default: the scenario's last year"),
          levels: z
            .number()
            .int()
            .min(2)
            .max(100)
            .optional()
            .describe('Morris grid levels, even (default 4)'),
          resamples: z.number().int().min(0).max(10_000).optional(),
          seed: z
            .number()
            .int()
            .min(0)
            .max(0xffffffff)
            .optional()
            .describe("default: the scenario's ensemble.seed"),
        }),
        response: { 202: ApiJobSchema, ...jobErrorResponses },
      },
    },
    async (req, reply) => {
      const b = req.body;
      const s = await loadScenario(ctx, b.scenario, ['body', 'scenario']);
      const k = designFactors(s).length;
      if (k === 0) {
        throw new ConcertError('bad-input', [
          {
            path: ['body', 'scenario'],
            message: 'the scenario has no uncertain parameter to vary: add an `uncertain` block',
          },
        ]);
      }
      if (b.levels !== undefined && b.levels % 2 !== 0) {
        throw new ConcertError('bad-input', [
          { path: ['body', 'levels'], message: `expected an even number of grid levels; got ${b.levels}` },
        ]);
      }
      const asked = sensitivityProblems(s, b.series ?? ['stability.index'], b.year ?? s.years.to);
      if (asked.length > 0) {
        throw new ConcertError(
          'bad-input',
          asked.map((p) => ({ ...p, path: ['body', ...(p.path ?? [])] })),
        );
      }
      const n = b.n ?? (b.method === 'sobol' ? 256 : 20);
      const runs = designRuns(b.method, k, n);
      if (runs > MAX_API_RUNS) {
        throw new ConcertError('bad-input', [
          {
            path: ['body', 'n'],
            message: `the design would take ${runs} runs (${k} parameters); the API runs at most ${MAX_API_RUNS} (a smaller n, or concert sensitivity on the CLI)`,
          },
        ]);
      }
      const seed = b.seed ?? s.ensemble.seed;
      const job = ctx.jobs.submit('sensitivity', `${s.name} (${b.method})`, runs, async (report, signal) => {
        const executor = await ctx.queueExecutor();
        const outcome = await runSensitivity(s, {
          method: b.method,
          n,
          seed,
          ...(b.levels === undefined ? {} : { levels: b.levels }),
          ...(b.series ? { series: b.series } : {}),
          ...(b.year === undefined ? {} : { year: b.year }),
          ...(b.resamples === undefined ? {} : { resamples: b.resamples }),
          workers: ctx.workers,
          ...(executor
            ? { executor }
            : ctx.workers > 1
              ? { pool: cancellablePool(ctx.workerPool(), signal) }
              : {}),
          store: ctx.runStore(),
          onProgress: (done, total) => report({ done, total, label: s.name }),
        });
        return sensitivityDocument(outcome);
      });
      return reply.code(202).send(json(job as JobResponse));
    },
  );
}
