/**
 * `concert serve [--port 4173] [--host 127.0.0.1] [--store PATH]`: the HTTP
 * API and the web lab (src/server; docs/api.md). Listens on the loopback
 * interface unless --host says otherwise, prints the lab's URL, and shuts
 * down cleanly on SIGINT or SIGTERM: the running job gets a grace period
 * (runs it finished are stored; rerunning resumes), then the worker pool and
 * the run store close and the process exits.
 */
import type { Command } from '@commander-js/extra-typings';
import { badInput } from '../core/errors.js';
import { defaultStorePath } from '../runtime/store.js';
import { buildServer } from '../server/index.js';
import { action } from './run.js';

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

/** Registers `concert serve`. */
export function register(program: Command): void {
  program
    .command('serve')
    .description('serve the HTTP API and the web lab (bound to 127.0.0.1 unless --host is given)')
    .option('--port <port>', `port to listen on (0 = any free port)`, String(DEFAULT_PORT))
    .option('--host <host>', 'interface to bind; give 0.0.0.0 only on a trusted network', '127.0.0.1')
    .option('--store <path>', `run store file (default: ${defaultStorePath()})`)
    .option('--log', 'log every request (JSON lines on stderr)')
    .action(
      action(async (opts) => {
        const port = parsePort(opts.port);
        const app = await buildServer({
          ...(opts.store !== undefined ? { storePath: opts.store } : {}),
          logger: opts.log === true,
        });
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
