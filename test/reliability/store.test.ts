/**
 * Issue 21, the run store: a damaged file, another program's SQLite file or a
 * path that cannot exist ends in one message naming the file, never an
 * "internal error" or a hang.
 */
import { openSync, readFileSync, writeSync, closeSync, writeFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { ConcertError } from '../../src/core/errors.js';
import { RunStore } from '../../src/runtime/store.js';
import { expectLocated, runBounded, writeTemp } from './run.js';

/** `n` bytes of a fixed pseudo-random sequence (so that the damage is the same on every run). */
function noise(n: number, seed = 1): Buffer {
  const out = Buffer.alloc(n);
  let x = seed;
  for (let i = 0; i < n; i++) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    out[i] = x >>> 24;
  }
  return out;
}

const meta = {
  id: 'abcdef0123456789',
  scenario: 'test',
  seed: 7,
  yearFrom: 2017,
  yearTo: 2036,
  series: ['x', 'y', 'z'],
  parameters: ['p'],
  definition: '{}',
};

/** A store of 400 runs (many pages), closed and checkpointed into its one file. */
function filledStore(path: string): void {
  const store = RunStore.open(path);
  store.ensureEnsemble(meta, 400);
  store.writeRuns(
    meta.id,
    Array.from({ length: 400 }, (_, k) => ({
      run: k,
      values: new Float64Array(60).fill(k),
      draws: Float64Array.of(k),
    })),
  );
  store.close();
  const db = new Database(path);
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.pragma('journal_mode = DELETE');
  db.close();
}

describe('run store: damaged and foreign files', () => {
  it('random bytes over a page of the runs table: every command names the file (internal error before)', () => {
    const path = writeTemp({ x: '' }).x!.replace(/x$/, 'runs.db');
    filledStore(path);
    const size = readFileSync(path).length;
    expect(size).toBeGreaterThan(20 * 4096);
    const fd = openSync(path, 'r+');
    writeSync(fd, noise(4096), 0, 4096, 10 * 4096);
    closeSync(fd);
    const list = runBounded(['runs', 'list', '--store', path]);
    const show = runBounded(['runs', 'show', meta.id, '--store', path]);
    // A page of run rows may be read by list (the run count) or only by show (the runs): one of them meets it.
    for (const r of [list, show]) {
      expect(r.stderr).not.toContain('internal error');
      expect(r.timedOut).toBe(false);
    }
    const failed = [list, show].filter((r) => r.code !== 0);
    expect(failed.length).toBeGreaterThan(0);
    for (const r of failed) expectLocated(r, `error: ${path}: `, 'SQLite');
  });

  it('the library reports a damaged page as bad input naming the file', () => {
    const path = writeTemp({ x: '' }).x!.replace(/x$/, 'lib.db');
    filledStore(path);
    const fd = openSync(path, 'r+');
    for (let page = 2; page < 20; page++) writeSync(fd, noise(4096, page), 0, 4096, page * 4096);
    closeSync(fd);
    let error: unknown;
    try {
      const store = RunStore.open(path);
      store.countRuns(meta.id);
      for (const _ of store.iterateRuns(meta.id)) {
        // read every run
      }
      store.close();
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConcertError);
    expect((error as ConcertError).code).toBe('bad-input');
    expect((error as ConcertError).problems[0]!.file).toBe(path);
  });

  it("another program's SQLite file is refused and left unchanged", () => {
    const path = writeTemp({ x: '' }).x!.replace(/x$/, 'other.db');
    const db = new Database(path);
    db.exec('CREATE TABLE users (id INTEGER, name TEXT)');
    db.close();
    const before = readFileSync(path);
    const r = runBounded(['runs', 'list', '--store', path]);
    expectLocated(r, `error: ${path}: not a Concert run store: it holds other tables (users)`);
    expect(readFileSync(path).equals(before)).toBe(true);
  });

  it('a table of the same name with other columns is refused', () => {
    const path = writeTemp({ x: '' }).x!.replace(/x$/, 'other2.db');
    const db = new Database(path);
    db.exec('CREATE TABLE ensembles (a INTEGER)');
    db.close();
    expectLocated(
      runBounded(['runs', 'list', '--store', path]),
      `error: ${path}: not a Concert run store: its table "ensembles" has the columns (a)`,
    );
  });

  it('a file of random bytes is named as not a run store', () => {
    const path = writeTemp({ 'rand.db': noise(8192) })['rand.db']!;
    expectLocated(runBounded(['runs', 'list', '--store', path]), `error: ${path}: cannot open the run store`);
  });

  it('--store /proc/nope/x.db ends at once (it hung: mkdir -p under /proc never returns)', () => {
    const r = runBounded(['runs', 'list', '--store', '/proc/nope/x.db'], { timeoutMs: 20_000 });
    expectLocated(r, "error: /proc/nope/x.db: cannot create the run store's directory /proc/nope (ENOENT)");
  });

  it('a store path under a file is refused naming it', () => {
    const f = writeTemp({ plain: 'x' }).plain!;
    writeFileSync(f, 'x');
    expectLocated(
      runBounded(['runs', 'list', '--store', `${f}/sub/runs.db`]),
      `cannot create the run store's directory ${f}/sub (ENOTDIR)`,
    );
  });
});
