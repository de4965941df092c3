/**
 * The HTTP API over the library and the run store (DESIGN.md, "server/"),
 * and the host of the built web lab. {@link buildServer} makes a fastify
 * app without listening, so tests drive it with `app.inject()`; `concert
 * serve` listens on it. Request and response schemas are zod schemas
 * (fastify-type-provider-zod); the OpenAPI document generated from them is
 * served at `/api/openapi.json`.
 */
import { existsSync, readFileSync } from 'node:fs';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import Fastify, { type FastifyInstance } from 'fastify';
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { DEFAULT_REQUEST_TIMEOUT_MS, ServerContext, type ServerOptions } from './context.js';
import { errorBody, errorHandler } from './errors.js';
import { bargainingRoutes } from './routes/bargaining.js';
import { coalitionRoutes } from './routes/coalitions.js';
import { deterrenceRoutes } from './routes/deterrence.js';
import { economyRoutes } from './routes/economy.js';
import { gameRoutes } from './routes/games.js';
import { jobRoutes } from './routes/jobs.js';
import { relationRoutes } from './routes/relations.js';
import { reportRoutes } from './routes/reports.js';
import { runRoutes } from './routes/runs.js';
import { scenarioRoutes } from './routes/scenarios.js';
import { sensitivityRoutes } from './routes/sensitivity.js';
import { worldRoutes } from './routes/worlds.js';
import type { Api } from './types.js';

/**
 * Headers on every response: no MIME sniffing, no framing, no referrer, and a
 * content security policy for the lab (its own scripts only; inline styles
 * and data/blob images for the charts and their exports).
 */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'content-security-policy':
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; worker-src 'self' blob:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'",
};

/** The host name of a Host header, without port or IPv6 brackets, lower case. */
function hostName(header: string): string {
  const h = header.trim().toLowerCase();
  if (h.startsWith('[')) return h.slice(1, h.indexOf(']') > 0 ? h.indexOf(']') : undefined);
  return h.replace(/:\d*$/, '');
}

/** The package version, for the OpenAPI document. */
const VERSION = '0.1.0';

/**
 * Builds the Concert API server (not listening). Close it with
 * `app.close()`: that waits for the running job, stops the worker pool and
 * closes the run store.
 */
export async function buildServer(options: ServerOptions = {}): Promise<FastifyInstance> {
  let log: FastifyInstance['log'] | undefined;
  const ctx = new ServerContext(options, (e) => log?.error({ err: e }, 'job failed'));
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: ctx.bodyLimitBytes,
    requestTimeout: options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS,
    connectionTimeout: 0,
    keepAliveTimeout: 5_000,
    return503OnClosing: true,
  }).withTypeProvider<ZodTypeProvider>() as Api;
  log = app.log;
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(errorHandler(ctx.bodyLimitBytes));
  app.addHook('onClose', async () => ctx.close());
  // Only the allowed Host names (loopback by default): a page elsewhere cannot reach the API by DNS rebinding.
  app.addHook('onRequest', async (req, reply) => {
    if (ctx.allowedHosts === 'any') return;
    const host = hostName(req.headers.host ?? '');
    if (!ctx.allowedHosts.has(host)) {
      const message = `host "${host}" is not served here: the server answers ${[...ctx.allowedHosts].join(', ')} (concert serve --allow-host NAME adds one)`;
      return reply.code(421).send(errorBody(message, [{ path: ['headers', 'host'], message }]));
    }
  });
  app.addHook('onSend', async (_req, reply, payload) => {
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) reply.header(name, value);
    return payload;
  });

  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'Concert API',
        description:
          'HTTP API of Concert, a quantitative laboratory for strategic stability among major powers. JSON shapes match the CLI’s --json output. Every error is {error: {message, problems: [{path, message, line?, column?}]}}.',
        version: VERSION,
      },
      tags: [
        'worlds',
        'powers',
        'relations',
        'deterrence',
        'games',
        'coalitions',
        'economy',
        'bargaining',
        'scenarios',
        'jobs',
        'runs',
      ].map((name) => ({ name })),
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });

  worldRoutes(app, ctx);
  relationRoutes(app, ctx);
  deterrenceRoutes(app, ctx);
  gameRoutes(app, ctx);
  coalitionRoutes(app, ctx);
  economyRoutes(app, ctx);
  bargainingRoutes(app, ctx);
  scenarioRoutes(app, ctx);
  sensitivityRoutes(app, ctx);
  jobRoutes(app, ctx);
  runRoutes(app, ctx);
  reportRoutes(app, ctx);

  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  const webRoot = ctx.webRoot;
  const index = webRoot !== null ? `${webRoot}/index.html` : undefined;
  const hasWeb = index !== undefined && existsSync(index);
  if (hasWeb) {
    await app.register(fastifyStatic, { root: webRoot as string, wildcard: false, index: 'index.html' });
  }
  app.setNotFoundHandler((req, reply) => {
    const path = req.url.split('?')[0] ?? '';
    const wantsPage = req.method === 'GET' && !path.startsWith('/api/') && path !== '/api';
    if (hasWeb && wantsPage && !/\.[a-z0-9]+$/i.test(path)) {
      // The web lab routes on the client: every page path gets the app's index.html.
      return reply.type('text/html; charset=utf-8').send(readFileSync(index as string));
    }
    return reply
      .code(404)
      .send(
        errorBody(`no route ${req.method} ${path}`, [
          { path: ['url'], message: `no route ${req.method} ${path}` },
        ]),
      );
  });
  return app;
}
