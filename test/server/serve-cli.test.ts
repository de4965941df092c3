/**
 * `concert serve` as a user runs it: a real process on a real loopback
 * socket prints the lab's URL, answers the API there, and exits 0 on
 * SIGTERM after closing the pool and the store; a bad port is exit 2.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

const root = fileURLToPath(new URL('../..', import.meta.url));

let child: ChildProcess | undefined;

afterAll(() => {
  // A failed assertion must not leave the server running.
  if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
});

describe('concert serve', () => {
  it('prints its URL, serves the API on 127.0.0.1 and shuts down cleanly on SIGTERM', async () => {
    const store = join(mkdtempSync(join(tmpdir(), 'concert-serve-')), 'runs.db');
    const server = spawn(
      process.execPath,
      ['--import', 'tsx', `${root}src/cli/bin.ts`, 'serve', '--port', '0', '--store', store],
      { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    child = server;
    let stdout = '';
    let stderr = '';
    server.stderr.on('data', (d) => {
      stderr += String(d);
    });
    const url = await new Promise<string>((resolve, reject) => {
      server.stdout.on('data', (d) => {
        stdout += String(d);
        const m = /Concert lab: (http:\/\/127\.0\.0\.1:\d+\/)\n/.exec(stdout);
        if (m) resolve(m[1]!);
      });
      server.on('exit', (code) => reject(new Error(`serve exited ${code}: ${stderr}`)));
    });
    const worlds = await fetch(`${url}api/worlds`);
    expect(await worlds.json()).toEqual({ firstYear: 1816, lastYear: 2016, defaultYear: 2016 });
    const bad = await fetch(`${url}api/powers?year=3000`);
    expect(bad.status).toBe(400);
    const code = await new Promise<number | null>((resolve) => {
      server.on('exit', resolve);
      server.kill('SIGTERM');
    });
    expect(code).toBe(0);
    expect(stderr).toContain('shutting down');
  }, 60_000);

  it('rejects a port that is not a number (exit 2, one message)', () => {
    const r = runCli(['serve', '--port', 'http']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--port: expected a port number from 0 to 65535; got "http"/);
  });
});
