/**
 * Redis URLs: `redis://[user[:password]@]host[:port][/db]`, or `rediss://…`
 * for TLS. A password can also come from the environment variable
 * {@link REDIS_PASSWORD_ENV}, so that it does not show in the process list.
 * This module has no dependencies, so that reading a `--queue` flag loads
 * no Redis client.
 */
import { badInput } from '../../core/errors.js';

/** The environment variable read for the Redis password when the URL has none. */
export const REDIS_PASSWORD_ENV = 'CONCERT_REDIS_PASSWORD';

/** The default Redis port. */
export const DEFAULT_REDIS_PORT = 6379;

/** A Redis server as a URL names it. */
export interface RedisTarget {
  readonly host: string;
  readonly port: number;
  /** The logical database (the URL's path, 0 by default). */
  readonly db: number;
  readonly username?: string;
  readonly password?: string;
  /** `rediss://`: connect with TLS. */
  readonly tls: boolean;
  /** The URL with its password hidden, for messages. */
  readonly display: string;
}

const EXPECTED =
  'expected a Redis URL such as redis://127.0.0.1:6379 (rediss:// for TLS, /N at the end for database N)';

/**
 * Reads a Redis URL given to `flag` (for example `--queue`).
 *
 * @throws {ConcertError} bad input at `flag` when it is not a redis:// or rediss:// URL with a host, a port
 *   from 1 to 65535 and a whole-number database
 * @example
 * parseRedisUrl('redis://10.0.0.5:6380/2', '--queue'); // => { host: '10.0.0.5', port: 6380, db: 2, tls: false, … }
 */
export function parseRedisUrl(
  raw: string,
  flag: string,
  env: Readonly<Record<string, string | undefined>> = process.env,
): RedisTarget {
  const fail = (why: string) => badInput({ path: [flag], message: `${why}; got "${raw}"` });
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw fail(EXPECTED);
  }
  if (url.protocol !== 'redis:' && url.protocol !== 'rediss:') throw fail(EXPECTED);
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  if (host === '') throw fail(`${EXPECTED}: the host is missing`);
  const port = url.port === '' ? DEFAULT_REDIS_PORT : Number(url.port);
  if (!Number.isInteger(port) || port < 1 || port > 65_535) throw fail(`${EXPECTED}: bad port`);
  const path = url.pathname.replace(/^\//, '');
  if (path !== '' && !/^\d+$/.test(path)) throw fail(`${EXPECTED}: the database is a whole number`);
  const db = path === '' ? 0 : Number(path);
  if (url.search !== '' || url.hash !== '') throw fail(`${EXPECTED}: no query string or fragment`);
  const username = url.username === '' ? undefined : decodeURIComponent(url.username);
  const fromUrl = url.password === '' ? undefined : decodeURIComponent(url.password);
  const password = fromUrl ?? (env[REDIS_PASSWORD_ENV] || undefined);
  const who =
    username !== undefined || password !== undefined ? `${username ?? ''}${password ? ':***' : ''}@` : '';
  const shownHost = host.includes(':') ? `[${host}]` : host;
  return {
    host,
    port,
    db,
    ...(username !== undefined ? { username } : {}),
    ...(password !== undefined ? { password } : {}),
    tls: url.protocol === 'rediss:',
    display: `${url.protocol}//${who}${shownHost}:${port}/${db}`,
  };
}
