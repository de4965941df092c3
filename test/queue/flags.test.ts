/**
 * Bad queue flags get one clear message naming the flag and what was
 * expected (exit 2), before anything starts; Redis URLs are read as users
 * write them.
 */
import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { isConcertError } from '../../src/core/errors.js';
import { checkRedis, parseRedisUrl, REDIS_PASSWORD_ENV } from '../../src/runtime/queue/index.js';
import { runCli } from '../helpers/cli.js';

const scenario = 'test/scenario/fixtures/small.yaml';

describe('parseRedisUrl', () => {
  it('reads host, port, database, user, password and TLS, and hides the password in messages', () => {
    expect(parseRedisUrl('redis://10.0.0.5:6380/2', '--queue')).toEqual({
      host: '10.0.0.5',
      port: 6380,
      db: 2,
      tls: false,
      display: 'redis://10.0.0.5:6380/2',
    });
    expect(parseRedisUrl('rediss://concert:s%40cret@queue.example', '--queue', {})).toEqual({
      host: 'queue.example',
      port: 6379,
      db: 0,
      username: 'concert',
      password: 's@cret',
      tls: true,
      display: 'rediss://concert:***@queue.example:6379/0',
    });
    expect(parseRedisUrl('redis://[::1]:7000', '--queue', {}).host).toBe('::1');
    expect(parseRedisUrl('redis://[::1]:7000', '--queue', {}).display).toBe('redis://[::1]:7000/0');
  });

  it('takes the password from the environment when the URL has none', () => {
    const t = parseRedisUrl('redis://concert@127.0.0.1', '--redis', { [REDIS_PASSWORD_ENV]: 'pw' });
    expect(t.password).toBe('pw');
    expect(t.display).toBe('redis://concert:***@127.0.0.1:6379/0');
    expect(
      parseRedisUrl('redis://:inurl@127.0.0.1', '--redis', { [REDIS_PASSWORD_ENV]: 'pw' }).password,
    ).toBe('inurl');
  });

  it.each([
    ['127.0.0.1:6379', ''],
    ['http://127.0.0.1:6379', ''],
    ['redis:///0', 'the host is missing'],
    ['redis://127.0.0.1:99999', ''],
    ['redis://127.0.0.1/db1', 'the database is a whole number'],
    ['redis://127.0.0.1/?timeout=1', 'no query string or fragment'],
  ])('refuses %s at the flag', (raw, why) => {
    let error: unknown;
    try {
      parseRedisUrl(raw, '--queue', {});
    } catch (e) {
      error = e;
    }
    expect(isConcertError(error) && error.code === 'bad-input').toBe(true);
    const message = (error as Error).message;
    expect(message).toMatch(/^--queue: expected a Redis URL such as redis:\/\/127\.0\.0\.1:6379/);
    expect(message).toContain(why);
    expect(message).toContain(`got "${raw}"`);
  });
});

describe('checkRedis', () => {
  it('says at the flag that nothing answers on a port where no Redis listens', async () => {
    // A port that was free a moment ago.
    const port = await new Promise<number>((resolve) => {
      const s = createServer().listen(0, '127.0.0.1', () => {
        const a = s.address();
        s.close(() => resolve(typeof a === 'object' && a ? a.port : 1));
      });
    });
    const error = await checkRedis(
      parseRedisUrl(`redis://127.0.0.1:${port}`, '--queue', {}),
      '--queue',
      2000,
    ).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(isConcertError(error) && error.code === 'bad-input').toBe(true);
    expect((error as Error).message).toBe(
      `--queue: cannot reach Redis at redis://127.0.0.1:${port}/0: connect ECONNREFUSED 127.0.0.1:${port} (is redis-server running there? docs/scale-out.md)`,
    );
  });
});

describe('the CLI', () => {
  it('concert run: a bad --queue, and --workers with --queue, are bad input naming the flags (exit 2)', () => {
    const r = runCli(['run', scenario, '--queue', 'localhost:6379', '--workers', '2', '--runs', '0']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('error: --runs: expected a whole number from 1 to 10000000; got "0"');
    expect(r.stderr).toContain('error: --queue: expected a Redis URL such as redis://127.0.0.1:6379');
    expect(r.stderr).toContain(
      'error: --workers: not used with --queue: the runs are computed by `concert worker` processes (give them --threads)',
    );
    expect(r.stderr).toContain('3 problems found.');
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('concert compare and serve: an unreachable Redis is bad input at --queue (exit 2)', () => {
    const compare = runCli(['compare', scenario, scenario, '--queue', 'redis://127.0.0.1:1']);
    expect(compare.code).toBe(2);
    expect(compare.stderr).toMatch(/^error: --queue: cannot reach Redis at redis:\/\/127\.0\.0\.1:1\/0: /);
    const serve = runCli(['serve', '--port', '0', '--queue', 'redis://127.0.0.1:1']);
    expect(serve.code).toBe(2);
    expect(serve.stderr).toMatch(/^error: --queue: cannot reach Redis at redis:\/\/127\.0\.0\.1:1\/0: /);
  });

  it('concert worker: every bad flag at once (exit 2); --redis is required', () => {
    const r = runCli([
      'worker',
      '--redis',
      'redis://h/x',
      '--threads',
      '0',
      '--lock-ms',
      '10',
      '--name',
      'a b',
    ]);
    expect(r.code).toBe(2);
    expect(r.stderr.split('\n').filter((l) => l.startsWith('error: '))).toEqual([
      'error: --redis: expected a Redis URL such as redis://127.0.0.1:6379 (rediss:// for TLS, /N at the end for database N): the database is a whole number; got "redis://h/x"',
      'error: --threads: expected a whole number from 1 to 256; got "0"',
      'error: --lock-ms: expected a whole number from 1000 to 600000; got "10"',
      'error: --name: expected 1 to 100 printable characters without spaces; got "a b"',
    ]);
    const missing = runCli(['worker']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("required option '--redis <url>' not specified");
  });
});
