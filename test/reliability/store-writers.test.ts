/**
 * Two processes writing one run store at once (issue 21, "Faults"). The store
 * is SQLite in WAL mode with a 10 s busy timeout, each chunk of runs written in
 * one short transaction with `INSERT OR IGNORE` (src/runtime/store.ts), so:
 *
 * - two `concert run` of the same ensemble started together both finish
 *   (exit 0), store each run once, and print what a solo run prints;
 * - two different scenarios into one store at once both finish, each
 *   ensemble with exactly its runs;
 * - a process that holds the store's write lock longer than the busy timeout
 *   makes `concert run` refuse with exit 2, naming the store and the reason
 *   (never an internal error), having written nothing; run again once the
 *   lock is released, it succeeds.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RunStore } from '../../src/runtime/store.js';
import { type CliResult, runCli } from '../helpers/cli.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'concert-store-writers-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const RESUME = 'test/scenario/fixtures/resume.yaml';
const SMALL = 'test/scenario/fixtures/small.yaml';
/** Runs per process: dozens of chunks each, so the two writers' transactions interleave. */
const RUNS = { [RESUME]: 2_000, [SMALL]: 400 } as const;
type Scenario = keyof typeof RUNS;

/** `concert run <scenario> --workers 1 --store <store> --json` (one thread: two processes on two cores). */
function runArgs(scenario: Scenario, store: string): string[] {
  return ['run', scenario, '--runs', String(RUNS[scenario]), '--workers', '1', '--store', store, '--json'];
}

/** The real CLI as a child process, without blocking, so that several run at once. */
function runCliAsync(args: readonly string[]): Promise<CliResult> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', `${root}src/cli/bin.ts`, ...args], {
      cwd: root,
      env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => {
      stdout += String(d);
    });
    child.stderr.on('data', (d) => {
      stderr += String(d);
    });
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

/** For each ensemble in the store: its scenario and its stored run indices. */
function contents(path: string): { scenario: string; runs: number[] }[] {
  const store = RunStore.open(path, { readonly: true });
  try {
    return store
      .listEnsembles()
      .map((e) => ({ scenario: e.scenario, runs: [...store.iterateRuns(e.id)].map((r) => r.run) }))
      .sort((a, b) => a.scenario.localeCompare(b.scenario));
  } finally {
    store.close();
  }
}

const indices = (n: number) => Array.from({ length: n }, (_, k) => k);

/** What each scenario prints run alone into its own store. */
const solo: Partial<Record<Scenario, string>> = {};
beforeAll(() => {
  for (const scenario of [RESUME, SMALL] as const) {
    const r = runCli(runArgs(scenario, join(dir, `solo-${scenario.replace(/\W/g, '_')}.db`)));
    expect(r.code, r.stderr).toBe(0);
    solo[scenario] = r.stdout;
  }
}, 180_000);

describe('two processes writing one run store at once', () => {
  it('the same scenario and seed: both exit 0, every run is stored once, and each prints what a solo run prints', {
    timeout: 180_000,
  }, async () => {
    const store = join(dir, 'same.db');
    const [a, b] = await Promise.all([
      runCliAsync(runArgs(RESUME, store)),
      runCliAsync(runArgs(RESUME, store)),
    ]);
    expect(a!.code, a!.stderr).toBe(0);
    expect(b!.code, b!.stderr).toBe(0);
    expect(a!.stdout).toBe(solo[RESUME]);
    expect(b!.stdout).toBe(solo[RESUME]);
    expect(contents(store)).toEqual([{ scenario: 'resume', runs: indices(RUNS[RESUME]) }]);
  });

  it('two different scenarios: both exit 0, each ensemble holds exactly its runs, and each prints what it prints alone', {
    timeout: 180_000,
  }, async () => {
    const store = join(dir, 'two.db');
    const [a, b] = await Promise.all([
      runCliAsync(runArgs(RESUME, store)),
      runCliAsync(runArgs(SMALL, store)),
    ]);
    expect(a!.code, a!.stderr).toBe(0);
    expect(b!.code, b!.stderr).toBe(0);
    expect(a!.stdout).toBe(solo[RESUME]);
    expect(b!.stdout).toBe(solo[SMALL]);
    expect(contents(store)).toEqual([
      { scenario: 'resume', runs: indices(RUNS[RESUME]) },
      { scenario: 'small', runs: indices(RUNS[SMALL]) },
    ]);
  });

  it('a writer that holds the lock past the busy timeout: exit 2 naming the store and the reason, nothing written; a rerun succeeds', {
    timeout: 180_000,
  }, () => {
    const store = join(dir, 'locked.db');
    const first = runCli(runArgs(SMALL, store));
    expect(first.code, first.stderr).toBe(0);
    const holder = new Database(store);
    holder.exec('BEGIN IMMEDIATE');
    let refused: CliResult;
    try {
      refused = runCli(runArgs(RESUME, store));
    } finally {
      holder.exec('ROLLBACK');
      holder.close();
    }
    expect(refused.code).toBe(2);
    expect(refused.stdout).toBe('');
    expect(refused.stderr).not.toMatch(/internal error/);
    expect(refused.stderr.trim()).toBe(
      `error: ${store}: the run store cannot be read or written (SQLite: database is locked): another process holds the store locked; try again when it has finished`,
    );
    expect(contents(store)).toEqual([{ scenario: 'small', runs: indices(RUNS[SMALL]) }]);

    const again = runCli(runArgs(RESUME, store));
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toBe(solo[RESUME]);
    expect(contents(store)).toEqual([
      { scenario: 'resume', runs: indices(RUNS[RESUME]) },
      { scenario: 'small', runs: indices(RUNS[SMALL]) },
    ]);
  });
});
