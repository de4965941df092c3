/**
 * Jobs: `GET /api/jobs/:id` (status, progress and, when done, the result: the
 * document of `concert run --json` or `concert compare --json`) and
 * `GET /api/jobs/:id/events` (progress as server-sent events).
 */
import { z } from 'zod';
import { JobSchema } from '../../reports/index.js';
import type { ServerContext } from '../context.js';
import { errorBody } from '../errors.js';
import type { JobView } from '../jobs.js';
import { errorResponses } from '../schemas.js';
import { type Api, json } from '../types.js';

/** A job as the API describes it (its result typed by the report schemas). */
export type JobResponse = z.output<typeof JobSchema>;

/** Registers the job routes. */
export function jobRoutes(app: Api, ctx: ServerContext): void {
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
      return json(job as JobResponse);
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
}
