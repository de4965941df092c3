/**
 * A real Redis for the queue tests: Debian's `redis-server` (installed by
 * .ci/run), started on 127.0.0.1 on a free port, without persistence and with
 * `maxmemory-policy noeviction` as BullMQ requires, and stopped afterwards.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { createServer } from 'node:net';

/** A redis-server this test started. */
export interface TestRedis {
  readonly port: number;
  readonly url: string;
  /** Kills the server (SIGKILL: everything in it is lost) and starts a new one on the same port. */
  restart(): Promise<void>;
  /** A command's reply through redis-cli, e.g. `cli('info', 'memory')`. */
  cli(...args: string[]): string;
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function launch(port: number): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      'redis-server',
      [
        '--port',
        String(port),
        '--bind',
        '127.0.0.1',
        '--save',
        '',
        '--appendonly',
        'no',
        '--maxmemory-policy',
        'noeviction',
      ],
      { stdio: ['ignore', 'pipe', 'ignore'] },
    );
    let out = '';
    let ready = false;
    const timer = setTimeout(
      () => reject(new Error(`redis-server did not start on port ${port}: ${out}`)),
      10_000,
    );
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(new Error(`cannot start redis-server (apt-get install redis-server): ${e.message}`));
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      if (!ready) reject(new Error(`redis-server exited with ${code}: ${out}`));
    });
    child.stdout!.on('data', (d: Buffer) => {
      if (ready) return;
      out += d.toString();
      if (out.includes('Ready to accept connections')) {
        ready = true;
        clearTimeout(timer);
        resolve(child);
      }
    });
  });
}

function stopped(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    const force = setTimeout(() => child.kill('SIGKILL'), 3000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill(signal);
  });
}

/** Starts a redis-server on a free loopback port. */
export async function startRedis(): Promise<TestRedis> {
  let port = 0;
  let child: ChildProcess | undefined;
  for (let attempt = 0; !child; attempt++) {
    port = await freePort();
    try {
      child = await launch(port);
    } catch (e) {
      if (attempt >= 2) throw e;
    }
  }
  let server: ChildProcess = child;
  return {
    port,
    url: `redis://127.0.0.1:${port}`,
    async restart() {
      await stopped(server, 'SIGKILL');
      server = await launch(port);
    },
    cli(...args) {
      return spawnSync('redis-cli', ['-p', String(port), ...args], { encoding: 'utf8' }).stdout;
    },
    async stop() {
      await stopped(server, 'SIGTERM');
    },
  };
}
