/**
 * `concert worker --redis URL [--threads K] [--lock-ms MS] [--name NAME]`:
 * computes ensemble chunks from the distributed queue on K worker threads
 * until stopped (SIGINT or SIGTERM: it finishes the chunks in hand, then
 * exits; a second signal exits at once, and the chunks go to other workers
 * when their locks lapse). docs/scale-out.md says how to run several.
 */
import type { Command } from '@commander-js/extra-typings';
import { defaultWorkerCount } from '../runtime/pool.js';
import {
  checkRedis,
  DEFAULT_LOCK_MS,
  type RedisTarget,
  startQueueWorker,
  type WorkerEvent,
} from '../runtime/queue/index.js';
import { ENGINE_VERSION } from '../scenario/ensemble.js';
import { Flags } from './options.js';
import { action } from './run.js';
import { redisFlag } from './scenario-run.js';

/** Parsed flags of `concert worker`. */
interface WorkerSettings {
  readonly redis: RedisTarget;
  readonly threads: number;
  readonly lockMs: number;
  readonly name?: string;
}

function workerSettings(opts: {
  redis: string;
  threads?: string;
  lockMs?: string;
  name?: string;
}): WorkerSettings {
  const f = new Flags();
  const redis = redisFlag(f, opts.redis, '--redis');
  const threads =
    opts.threads === undefined ? defaultWorkerCount() : f.integer(opts.threads, '--threads', 1, 256);
  const lockMs =
    opts.lockMs === undefined ? DEFAULT_LOCK_MS : f.integer(opts.lockMs, '--lock-ms', 1000, 600_000);
  if (opts.name !== undefined && !/^[!-~]{1,100}$/.test(opts.name))
    f.fail('--name', `expected 1 to 100 printable characters without spaces; got "${opts.name}"`);
  f.done();
  return {
    redis: redis!,
    threads: threads!,
    lockMs: lockMs!,
    ...(opts.name !== undefined ? { name: opts.name } : {}),
  };
}

function eventLine(event: WorkerEvent): string | undefined {
  switch (event.type) {
    case 'ensemble':
      return `ensemble ${event.ensemble.slice(0, 12)} (${event.scenario}, seed ${event.seed}): verified, computing its chunks`;
    case 'failed':
      return `chunk ${event.job}: ${event.reason}`;
    case 'connection':
      return event.up ? 'reconnected to Redis' : 'lost the connection to Redis; reconnecting';
    default:
      return undefined;
  }
}

export function register(program: Command): void {
  program
    .command('worker')
    .description('compute ensemble chunks from the distributed queue (Redis) until stopped')
    .requiredOption('--redis <url>', 'the Redis of the queue: redis://host[:port][/db], rediss:// for TLS')
    .option('--threads <k>', 'worker threads computing chunks (default: the available cores)')
    .option(
      '--lock-ms <ms>',
      `how long a chunk stays with this worker if it stops answering, before another takes it over (default ${DEFAULT_LOCK_MS})`,
    )
    .option('--name <name>', "this worker's name in Redis and in error messages (default: host:pid)")
    .action(
      action(async (opts) => {
        const settings = workerSettings(opts);
        await checkRedis(settings.redis, '--redis');
        const log = (line: string) => process.stdout.write(`${new Date().toISOString()} ${line}\n`);
        const worker = await startQueueWorker({
          redis: settings.redis,
          threads: settings.threads,
          lockMs: settings.lockMs,
          ...(settings.name !== undefined ? { name: settings.name } : {}),
          onEvent: (event) => {
            const line = eventLine(event);
            if (line) log(line);
          },
        });
        log(
          `concert worker ${worker.name}: ${settings.threads} thread(s), engine ${ENGINE_VERSION}, taking chunks from ${settings.redis.display}`,
        );
        await new Promise<void>((resolve) => {
          const stop = () => {
            process.off('SIGINT', stop);
            process.off('SIGTERM', stop);
            const now = () => process.exit(1);
            process.once('SIGINT', now);
            process.once('SIGTERM', now);
            log('stopping: finishing the chunks in hand (signal again to stop at once)');
            worker.close().then(resolve, resolve);
          };
          process.on('SIGINT', stop);
          process.on('SIGTERM', stop);
        });
        log('stopped');
      }),
    );
}
