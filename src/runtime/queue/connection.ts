/**
 * How Concert connects to the distributed queue's Redis (a {@link RedisTarget}
 * read from a URL, url.ts). With `rediss://` the connection uses TLS and the
 * server's certificate is checked against the system's CAs and
 * `NODE_EXTRA_CA_CERTS`. Every connection retries for ever, every 0.25–2 s,
 * and its commands wait while Redis is away (ioredis `maxRetriesPerRequest:
 * null`, which BullMQ requires), so a Redis restart costs time, not work.
 */
import type { RedisOptions as BullmqRedisOptions } from 'bullmq';
import { Redis, type RedisOptions } from 'ioredis';
import { badInput } from '../../core/errors.js';
import { REDIS_PASSWORD_ENV, type RedisTarget } from './url.js';

/**
 * ioredis options for `target`: reconnect for ever (every 0.25 s, backing
 * off to 2 s), and let commands wait for the connection instead of failing.
 */
export function redisOptions(
  target: RedisTarget,
  connectionName?: string,
): RedisOptions & BullmqRedisOptions {
  return {
    host: target.host,
    port: target.port,
    db: target.db,
    ...(target.username !== undefined ? { username: target.username } : {}),
    ...(target.password !== undefined ? { password: target.password } : {}),
    ...(target.tls ? { tls: { servername: target.host } } : {}),
    ...(connectionName !== undefined ? { connectionName } : {}),
    maxRetriesPerRequest: null,
    retryStrategy: (times: number) => Math.min(250 * times, 2000),
  };
}

/** A connection to `target` (see {@link redisOptions}); close it with `quit()` or `disconnect()`. */
export function connectRedis(target: RedisTarget, connectionName?: string): Redis {
  const client = new Redis(redisOptions(target, connectionName));
  // Connection errors are retried (retryStrategy); without a listener they would be thrown.
  client.on('error', () => undefined);
  return client;
}

/**
 * Checks, once, that Redis at `target` answers (at most `timeoutMs`), so that
 * a wrong URL, a server that is down or a missing password is reported at
 * once and located at `flag`, instead of a coordinator or worker waiting for
 * ever.
 *
 * @throws {ConcertError} bad input at `flag` naming the server and the reason
 */
export async function checkRedis(target: RedisTarget, flag: string, timeoutMs = 5000): Promise<void> {
  const client = new Redis({
    ...redisOptions(target),
    lazyConnect: true,
    connectTimeout: timeoutMs,
    retryStrategy: () => null,
    maxRetriesPerRequest: 0,
  });
  // The error behind a closed connection (a refused password, a TLS failure) comes as an event.
  let cause: string | undefined;
  client.on('error', (e: Error) => {
    cause ??= e.message;
  });
  try {
    await client.connect();
    await client.ping();
  } catch (e) {
    const thrown = e instanceof Error ? e.message : String(e);
    const why = /Connection is closed/.test(thrown) && cause ? cause : thrown;
    const hint = /NOAUTH|WRONGPASS|AUTH/i.test(why)
      ? ` (give the password in the URL or in ${REDIS_PASSWORD_ENV})`
      : /ECONNREFUSED|ETIMEDOUT|ENOTFOUND|EHOSTUNREACH/.test(why)
        ? ' (is redis-server running there? docs/scale-out.md)'
        : '';
    throw badInput({ path: [flag], message: `cannot reach Redis at ${target.display}: ${why}${hint}` });
  } finally {
    client.disconnect();
  }
}
