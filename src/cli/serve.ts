/**
 * `concert serve [--port 4173] [--host 127.0.0.1] [--store PATH] [--queue URL]`: the HTTP
 * API and the web lab (src/server; docs/api.md). With `--queue`, ensemble and
 * comparison jobs run their runs on `concert worker` processes through Redis
 * (docs/scale-out.md). Listens on the loopback
 * interface unless --host says otherwise, prints the lab's URL, and shuts
 * down cleanly on SIGINT or SIGTERM: the running job gets a grace period
 * (runs it finished are stored; rerunning resumes), then the worker pool and
 * the run store close and the process exits.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Command } from '@commander-js/extra-typings';
import { badInput } from '../core/errors.js';
import { defaultStorePath } from '../runtime/store.js';
import { buildServer, LOOPBACK_HOSTS } from '../server/index.js';
import { Flags } from './options.js';
import { action } from './run.js';
import { QUEUE_HELP, redisFlag } from './scenario-run.js';

/** The default port of `concert serve` (Vite's preview port, which the web lab's docs use). */
export const DEFAULT_PORT = 4173;

function parsePort(text: string): number {
  const port = /^\s*\d+\s*$/.test(text) ? Number(text) : Number.NaN;
  if (!Number.isInteger(port) || port < 0 || port > 65_535)
    throw badInput({ path: ['--port'], message: `expected a port number from 0 to 65535; got "${text}"` });
  return port;
}

/** The URL people open: IPv6 hosts in brackets, the wildcard host shown as loopback. */
export function labUrl(host: string, port: number): string {
  const shown = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host;
  return `http://${shown.includes(':') ? `[${shown}]` : shown}:${port}/`;
}

/**
 * Where the lab is served from: `CONCERT_WEB_ROOT` if set, else where
 * `npm run build:web` writes it (web/dist of the package, from src/cli or dist/cli).
 */
function webRoot(): string {
  return process.env.CONCERT_WEB_ROOT ?? fileURLToPath(new URL('../../web/dist', import.meta.url));
}

/** What `concert serve` says, and `/` shows, when the lab has not been built. */
export const LAB_NOT_BUILT =
  'the web lab is not built (web/dist/index.html is missing): run `npm run build:web` in the Concert folder (or start with `npm start`, which builds it), then start `concert serve` again; the API answers meanwhile under /api/';

/** A page for `/` when the lab is not built: what to do, and where the API is. */
function notBuiltPage(): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Concert: the web lab is not built</title></head><body style="font-family: system-ui, sans-serif; max-width: 42rem; margin: 3rem auto; line-height: 1.5"><h1>The web lab is not built</h1><p>This Concert server answers its HTTP API (<a href="/api/openapi.json">/api/openapi.json</a>), but <code>web/dist/index.html</code> is missing.</p><p>Build the lab in the Concert folder with <code>npm run build:web</code> (or start with <code>npm start</code>, which builds it), then start <code>concert serve</code> again.</p></body></html>`;
}

/** Registers `concert serve`. */
export function register(program: Command): void {
  program
    .command('serve')
    .description('serve the HTTP API and the web lab (bound to 127.0.0.1 unless --host is given)')
    .option('--port <port>', `port to listen on (0 = any free port)`, String(DEFAULT_PORT))
    .option('--host <host>', 'interface to bind; give 0.0.0.0 only on a trusted network', '127.0.0.1')
    .option('--store <path>', `run store file (default: ${defaultStorePath()})`)
    .option('--log', 'log every request (JSON lines on stderr)')
    .option('--queue <url>', QUEUE_HELP)
    .option(
      '--allow-host <name>',
      'a Host name the server answers besides the loopback names (repeatable; needed to reach it by a name or address other than --host)',
      (v: string, acc: string[]) => [...acc, v],
      [] as string[],
    )
    .action(
      action(async (opts) => {
        const port = parsePort(opts.port);
        const f = new Flags();
        const queue = opts.queue === undefined ? undefined : redisFlag(f, opts.queue, '--queue');
        f.done();
        if (queue) {
          const { checkRedis } = await import('../runtime/queue/connection.js');
          await checkRedis(queue, '--queue');
        }
        const root = webRoot();
        const loopback = LOOPBACK_HOSTS.includes(opts.host.toLowerCase()) || opts.host.startsWith('127.');
        if (!loopback)
          process.stderr.write(
            `concert serve: warning: listening on ${opts.host}, not the loopback interface. The API has no authentication: anyone who can reach this address can run jobs and read the run store. Serve only on a trusted network.\n`,
          );
        const wildcard = opts.host === '0.0.0.0' || opts.host === '::';
        const allowedHosts = [
          ...LOOPBACK_HOSTS,
          ...(loopback || wildcard ? [] : [opts.host]),
          ...opts.allowHost,
        ];
        const app = await buildServer({
          allowedHosts,
          ...(opts.store !== undefined ? { storePath: opts.store } : {}),
          logger: opts.log === true,
          webRoot: root,
          ...(queue ? { queue } : {}),
        });
        const labBuilt = existsSync(`${root}/index.html`);
        if (!labBuilt) {
          app.get('/', { schema: { hide: true } }, async (_req, reply) =>
            reply.code(503).type('text/html; charset=utf-8').send(notBuiltPage()),
          );
        }
        try {
          await app.listen({ port, host: opts.host });
        } catch (e) {
          await app.close();
          const code = (e as NodeJS.ErrnoException).code;
          if (code === 'EADDRINUSE' || code === 'EACCES' || code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND')
            throw badInput({
              path: [code === 'EADDRINUSE' || code === 'EACCES' ? '--port' : '--host'],
              message: `cannot listen on ${opts.host}:${port}: ${code}`,
            });
          throw e;
        }
        const address = app.server.address();
        const actual = typeof address === 'object' && address ? address.port : port;
        process.stdout.write(`Concert lab: ${labUrl(opts.host, actual)}\n`);
        if (!labBuilt) process.stderr.write(`Concert lab: ${LAB_NOT_BUILT}\n`);
        await new Promise<void>((resolve) => {
          const stop = () => {
            process.off('SIGINT', stop);
            process.off('SIGTERM', stop);
            process.stderr.write('Concert lab: shutting down\n');
            app.close().then(resolve, resolve);
          };
          process.on('SIGINT', stop);
          process.on('SIGTERM', stop);
        });
        // An ensemble cut short by the grace period may still hold worker threads;
        // its finished runs are stored and a rerun resumes from them.
        process.exit(process.exitCode ?? 0);
      }),
    );
}
