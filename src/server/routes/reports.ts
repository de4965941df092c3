/**
 * `POST /api/reports/html`: the HTML report of a result the lab shows (an
 * ensemble, two ensembles side by side, or a paired comparison), built by
 * reports/html from the result documents (checked against their schemas)
 * and the scenarios they were computed for (their assumptions) — the same
 * report `concert report` writes. Answered as an HTML attachment.
 */
import { z } from 'zod';
import { ConcertError } from '../../core/errors.js';
import { ComparisonSchema, EnsembleSchema, renderReport, reportScenario } from '../../reports/index.js';
import type { ServerContext } from '../context.js';
import type { Api } from '../types.js';
import { loadFor, ScenarioSourceSchema } from './scenario-source.js';

/** Concert's version, as the report states it. */
const VERSION = '0.1.0';

/** Registers the report route. */
export function reportRoutes(app: Api, ctx: ServerContext): void {
  app.post(
    '/api/reports/html',
    {
      schema: {
        summary: 'A self-contained HTML report of a scenario run or comparison (as concert report)',
        tags: ['scenarios'],
        body: z.strictObject({
          a: ScenarioSourceSchema.describe('the scenario (A of a comparison)'),
          b: ScenarioSourceSchema.optional().describe('B of a comparison'),
          ensemble: EnsembleSchema.optional().describe("A's ensemble (concert run --json)"),
          ensembles: z
            .strictObject({ a: EnsembleSchema, b: EnsembleSchema })
            .optional()
            .describe('both ensembles of a side-by-side comparison'),
          comparison: ComparisonSchema.optional().describe('the paired comparison (concert compare --json)'),
        }),
      },
    },
    async (req, reply) => {
      const body = req.body;
      if (!body.ensemble && !body.ensembles && !body.comparison)
        throw new ConcertError('bad-input', [
          { path: ['body'], message: 'give the result to report: ensemble, ensembles or comparison' },
        ]);
      if ((body.ensembles || body.comparison) && !body.b)
        throw new ConcertError('bad-input', [
          { path: ['body', 'b'], message: 'a comparison needs scenario b' },
        ]);
      const a = loadFor(ctx, body.a, ['body', 'a']);
      const b = body.b ? loadFor(ctx, body.b, ['body', 'b']) : undefined;
      const ensembles = body.ensembles
        ? [body.ensembles.a, body.ensembles.b]
        : body.ensemble
          ? [body.ensemble]
          : [];
      const source = (s: { id?: string | undefined }, name: string) =>
        s.id ? `scenarios/${s.id}.yaml` : `${name}.yaml`;
      const c = body.comparison;
      const e = ensembles[0];
      const command = c
        ? `concert compare ${source(body.a, a.name)} ${source(body.b ?? {}, b?.name ?? 'b')} --runs ${c.runs} --seed ${c.seed} --json`
        : `concert run ${source(body.a, a.name)} --runs ${e?.runs} --seed ${e?.seed} --json`;
      const html = renderReport({
        scenarios: b ? [reportScenario(a), reportScenario(b)] : [reportScenario(a)],
        ...(ensembles.length > 0 ? { ensembles } : {}),
        ...(c ? { comparison: c } : {}),
        generatedAt: new Date().toISOString(),
        version: VERSION,
        command,
      });
      return reply
        .type('text/html; charset=utf-8')
        .header('content-disposition', `attachment; filename="concert-report-${a.name}.html"`)
        .send(html);
    },
  );
}
