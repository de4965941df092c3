/**
 * Jobs: `GET /api/jobs/:id` (status, progress and, when done, the result: the
 * document of `concert run --json` or `concert compare --json`),
 * `GET /api/jobs/:id/events` (progress as server-sent events) and
 * `DELETE /api/jobs/:id` (cancel a queued or running job).
 */
import { z } from 'zod';
import type { ServerContext } from '../context.js';
import { errorBody } from '../errors.js';
import { isFinished, type JobView } from '../jobs.js';
import { ApiJobSchema, ErrorSchema, errorResponses } from '../schemas.js';
import { type Api, json } from '../types.js';

/** A job as the API describes it (its result typed by the report schemas). */
export type JobResponse = z.output<typeof ApiJobSchema>;

/** Job ids are UUIDs: anything else (`../../etc/passwd`, `%2e%2e`) is refused before any lookup. */
const JobIdSchema = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/, {
  error: 'expected a job id (a UUID such as 0b6e…-…, as POST /api/scenarios/run answers)',
});
const JobParams = z.object({ id: JobIdSchema });

/** Registers the job routes. */
export function jobRoutes(app: Api, ctx: ServerContext): void {
  app.get(
    '/api/jobs/:id',
    {
      schema: {
        summary: 'A job: status, progress and (when done) its result',
        tags: ['jobs'],
        params: JobParams,
        response: { 200: ApiJobSchema, ...errorResponses },
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
        params: JobParams,
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
      if (current && !isFinished(current.status)) send('progress', current.progress);
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

  app.delete(
    '/api/jobs/:id',
    {
      schema: {
        summary:
          'Cancel a job: a queued one never starts; a running one stops after the chunks in flight (an ensemble keeps its finished runs in the store, and running it again resumes from them)',
        tags: ['jobs'],
        params: JobParams,
        response: { 200: ApiJobSchema, 202: ApiJobSchema, 409: ErrorSchema, ...errorResponses },
      },
    },
    async (req, reply) => {
      const id = req.params.id;
      const job = ctx.jobs.get(id);
      if (!job)
        return reply
          .code(404)
          .send(errorBody(`no job ${id}`, [{ path: ['params', 'id'], message: 'unknown job id' }]));
      if (ctx.queue && job.status === 'running') {
        const message =
          'a running job on the distributed queue (serve --queue) cannot be cancelled: its chunks are already posted to the workers';
        return reply.code(409).send(errorBody(message, [{ path: ['params', 'id'], message }]));
      }
      const outcome = ctx.jobs.cancel(id);
      if (outcome === 'finished') {
        const message = `job ${id} has already ended (${job.status}): there is nothing to cancel`;
        return reply.code(409).send(errorBody(message, [{ path: ['params', 'id'], message }]));
      }
      // 200: cancelled at once (it was queued); 202: stopping (it was running; it ends `cancelled`).
      return reply.code(outcome === 'cancelled' ? 200 : 202).send(json(ctx.jobs.get(id) as JobResponse));
    },
  );
}
