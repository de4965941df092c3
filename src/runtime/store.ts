/**
 * The run store (DESIGN.md, "Storage and scale"): SQLite through
 * better-sqlite3 12, in WAL mode, so that a reader (`concert runs`, a
 * progress poll) never blocks the writer. An ensemble is identified by a
 * content hash of what determines its runs (scenario, seed, engine version);
 * a run is the row (ensemble, run index), written whole inside a transaction
 * with `INSERT OR IGNORE`, so an interrupted ensemble loses no finished run,
 * and rerunning it computes only the missing indices and can never duplicate
 * one.
 *
 * Series are stored as little-endian Float64 BLOBs (series × years), so a
 * run is one row however many indicators it records.
 */
import { mkdirSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { ConcertError } from '../core/errors.js';

/** What identifies and describes an ensemble. */
export interface EnsembleMeta {
  /** Content hash (hex) of scenario, seed and engine version. */
  readonly id: string;
  readonly scenario: string;
  readonly seed: number;
  readonly yearFrom: number;
  readonly yearTo: number;
  /** Names of the recorded series, in BLOB order. */
  readonly series: readonly string[];
  /** Paths of the uncertain parameters, in draw order. */
  readonly parameters: readonly string[];
  /** The scenario as prepared (canonical JSON), for `runs show` and reproduction. */
  readonly definition: string;
}

/** An ensemble as listed by the store. */
export interface EnsembleRecord extends EnsembleMeta {
  readonly createdAt: string;
  /** The largest run count requested so far. */
  readonly requestedRuns: number;
  /** Runs stored. */
  readonly storedRuns: number;
}

/** One stored run. */
export interface StoredRun {
  readonly run: number;
  /** `values[s·years + t]`: series s in year yearFrom + t. */
  readonly values: Float64Array;
  readonly draws: Float64Array;
}

/**
 * Creates `dir` and its missing ancestors one level at a time. Node's
 * `mkdirSync(…, { recursive: true })` never returns for a path under /proc
 * (it retries the ENOENT it gets there); here each level is tried once and a
 * failure names the directory and the reason.
 */
function makeDirectories(dir: string, store: string): void {
  const missing: string[] = [];
  for (let d = dir; ; d = dirname(d)) {
    try {
      if (!statSync(d).isDirectory())
        throw new ConcertError('bad-input', [
          { file: store, message: `cannot create the run store: ${d} is not a directory` },
        ]);
      break;
    } catch (e) {
      if (e instanceof ConcertError) throw e;
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT' || dirname(d) === d) throw cannotCreate(store, d, e);
      missing.push(d);
    }
  }
  for (const d of missing.reverse()) {
    try {
      mkdirSync(d);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw cannotCreate(store, d, e);
    }
  }
}

function cannotCreate(store: string, dir: string, e: unknown): ConcertError {
  const code = (e as NodeJS.ErrnoException).code ?? (e instanceof Error ? e.message : String(e));
  return new ConcertError('bad-input', [
    { file: store, message: `cannot create the run store's directory ${dir} (${code})` },
  ]);
}

/** The columns a Concert run store's tables have, in order. */
const STORE_COLUMNS: Readonly<Record<string, readonly string[]>> = {
  ensembles: [
    'id',
    'scenario',
    'seed',
    'year_from',
    'year_to',
    'series',
    'parameters',
    'definition',
    'created_at',
    'requested_runs',
  ],
  runs: ['ensemble_id', 'run', 'series_values', 'draws'],
};

/** The default store file: `$CONCERT_HOME/runs.db`, or `~/.concert/runs.db`. */
export function defaultStorePath(): string {
  const home = process.env.CONCERT_HOME ?? join(homedir(), '.concert');
  return join(home, 'runs.db');
}

function toBlob(a: Float64Array): Buffer {
  return Buffer.from(a.buffer, a.byteOffset, a.byteLength);
}

function fromBlob(b: Buffer): Float64Array {
  const copy = new ArrayBuffer(b.byteLength);
  new Uint8Array(copy).set(b);
  return new Float64Array(copy);
}

interface EnsembleRow {
  id: string;
  scenario: string;
  seed: number;
  year_from: number;
  year_to: number;
  series: string;
  parameters: string;
  definition: string;
  created_at: string;
  requested_runs: number;
  stored_runs: number;
}

/** A run store backed by one SQLite file. */
export class RunStore {
  readonly path: string;
  private readonly db: Database.Database;

  private constructor(path: string, db: Database.Database) {
    this.path = path;
    this.db = db;
  }

  /**
   * Opens (creating if needed) the store at `path` (a file; its directory is
   * created). A path that cannot be opened is bad input naming it.
   */
  static open(path: string = defaultStorePath(), options: { readonly?: boolean } = {}): RunStore {
    let db: Database.Database;
    try {
      if (options.readonly) {
        // A reader of an existing store (e.g. a worker thread summarising an ensemble): WAL lets it
        // read while the writer works; it creates nothing.
        db = new Database(path, { readonly: true, fileMustExist: true });
        db.pragma('busy_timeout = 10000');
        checkTables(db, path);
        return new RunStore(path, db);
      }
      if (path !== ':memory:') makeDirectories(dirname(path), path);
      db = new Database(path);
      db.pragma('busy_timeout = 10000');
      checkForeign(db, path);
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = NORMAL');
      db.pragma('busy_timeout = 10000');
      db.exec(`
        CREATE TABLE IF NOT EXISTS ensembles (
          id TEXT PRIMARY KEY,
          scenario TEXT NOT NULL,
          seed INTEGER NOT NULL,
          year_from INTEGER NOT NULL,
          year_to INTEGER NOT NULL,
          series TEXT NOT NULL,
          parameters TEXT NOT NULL,
          definition TEXT NOT NULL,
          created_at TEXT NOT NULL,
          requested_runs INTEGER NOT NULL
        ) STRICT;
        CREATE TABLE IF NOT EXISTS runs (
          ensemble_id TEXT NOT NULL REFERENCES ensembles(id),
          run INTEGER NOT NULL,
          series_values BLOB NOT NULL,
          draws BLOB NOT NULL,
          PRIMARY KEY (ensemble_id, run)
        ) STRICT, WITHOUT ROWID;
      `);
      checkTables(db, path);
    } catch (e) {
      if (e instanceof ConcertError) throw e;
      throw storeError(path, e, 'cannot open the run store');
    }
    return new RunStore(path, db);
  }

  /** Runs a query, turning an SQLite failure (a damaged file, a lock) into bad input naming the store. */
  private guard<T>(fn: () => T): T {
    try {
      return fn();
    } catch (e) {
      if (e instanceof ConcertError) throw e;
      throw storeError(this.path, e, 'the run store cannot be read or written');
    }
  }

  /** Iterates rows of a query, as {@link guard} does for one call. */
  private *guarded<T>(rows: () => Iterator<T>): IterableIterator<T> {
    const it = this.guard(rows);
    for (;;) {
      const r = this.guard(() => it.next());
      if (r.done) return;
      yield r.value;
    }
  }

  /** Records an ensemble (if new) and raises its requested run count to at least `runs`. */
  ensureEnsemble(meta: EnsembleMeta, runs: number): void {
    this.guard(() =>
      this.db
        .prepare(
          `INSERT INTO ensembles (id, scenario, seed, year_from, year_to, series, parameters, definition, created_at, requested_runs)
         VALUES (@id, @scenario, @seed, @yearFrom, @yearTo, @series, @parameters, @definition, @createdAt, @runs)
         ON CONFLICT(id) DO UPDATE SET requested_runs = max(requested_runs, excluded.requested_runs)`,
        )
        .run({
          id: meta.id,
          scenario: meta.scenario,
          seed: meta.seed,
          yearFrom: meta.yearFrom,
          yearTo: meta.yearTo,
          series: JSON.stringify(meta.series),
          parameters: JSON.stringify(meta.parameters),
          definition: meta.definition,
          createdAt: new Date().toISOString(),
          runs,
        }),
    );
  }

  /** Run indices in [0, runs) not yet stored, ascending. */
  missingRuns(id: string, runs: number): number[] {
    const have = new Uint8Array(runs);
    const rows = this.guarded(
      () =>
        this.db
          .prepare('SELECT run FROM runs WHERE ensemble_id = ? AND run < ?')
          .raw()
          .iterate(id, runs) as IterableIterator<[number]>,
    );
    for (const [run] of rows) have[run] = 1;
    const out: number[] = [];
    for (let k = 0; k < runs; k++) if (!have[k]) out.push(k);
    return out;
  }

  /** Writes runs in one transaction; a run already stored is left as it is. */
  writeRuns(id: string, runs: readonly StoredRun[]): void {
    this.guard(() => {
      const insert = this.db.prepare(
        'INSERT OR IGNORE INTO runs (ensemble_id, run, series_values, draws) VALUES (?, ?, ?, ?)',
      );
      this.db.transaction(() => {
        for (const r of runs) insert.run(id, r.run, toBlob(r.values), toBlob(r.draws));
      })();
    });
  }

  /** Number of stored runs of an ensemble with index below `below` (all when omitted). */
  countRuns(id: string, below = Number.MAX_SAFE_INTEGER): number {
    const row = this.guard(
      () =>
        this.db
          .prepare('SELECT count(*) AS n FROM runs WHERE ensemble_id = ? AND run < ?')
          .get(id, below) as { n: number },
    );
    return row.n;
  }

  /** Stored runs with index below `below`, in run order, one at a time (memory does not grow with the count). */
  *iterateRuns(id: string, below = Number.MAX_SAFE_INTEGER): IterableIterator<StoredRun> {
    const rows = this.guarded(
      () =>
        this.db
          .prepare(
            'SELECT run, series_values, draws FROM runs WHERE ensemble_id = ? AND run < ? ORDER BY run',
          )
          .raw()
          .iterate(id, below) as IterableIterator<[number, Buffer, Buffer]>,
    );
    for (const [run, values, draws] of rows) yield { run, values: fromBlob(values), draws: fromBlob(draws) };
  }

  /**
   * The value vectors of the stored runs with index below `below`, in run
   * order. Each vector is a view of the row's buffer when it is aligned
   * (a copy otherwise) and is valid until the next one is read.
   */
  *iterateValues(id: string, below = Number.MAX_SAFE_INTEGER): IterableIterator<Float64Array> {
    const rows = this.guarded(
      () =>
        this.db
          .prepare('SELECT series_values FROM runs WHERE ensemble_id = ? AND run < ? ORDER BY run')
          .pluck()
          .iterate(id, below) as IterableIterator<Buffer>,
    );
    for (const b of rows) {
      yield b.byteOffset % 8 === 0 ? new Float64Array(b.buffer, b.byteOffset, b.byteLength / 8) : fromBlob(b);
    }
  }

  /** One stored run, or undefined. */
  getRun(id: string, run: number): StoredRun | undefined {
    const row = this.guard(
      () =>
        this.db
          .prepare('SELECT run, series_values, draws FROM runs WHERE ensemble_id = ? AND run = ?')
          .raw()
          .get(id, run) as [number, Buffer, Buffer] | undefined,
    );
    return row ? { run: row[0], values: fromBlob(row[1]), draws: fromBlob(row[2]) } : undefined;
  }

  /** Every ensemble, newest first. */
  listEnsembles(): EnsembleRecord[] {
    return this.guard(() => {
      const rows = this.db
        .prepare(
          `SELECT e.*, (SELECT count(*) FROM runs r WHERE r.ensemble_id = e.id) AS stored_runs
           FROM ensembles e ORDER BY e.created_at DESC, e.id`,
        )
        .all() as EnsembleRow[];
      return rows.map(record);
    });
  }

  /** The ensemble whose id starts with `prefix` (at least 6 characters); bad input when none or several match. */
  findEnsemble(prefix: string): EnsembleRecord {
    if (!/^[0-9a-f]{6,64}$/.test(prefix)) {
      throw new ConcertError('bad-input', [
        {
          message: `"${prefix}" is not an ensemble id: expected at least 6 hex digits (see \`concert runs list\`)`,
        },
      ]);
    }
    const rows = this.guard(
      () =>
        this.db
          .prepare(
            `SELECT e.*, (SELECT count(*) FROM runs r WHERE r.ensemble_id = e.id) AS stored_runs
             FROM ensembles e WHERE e.id >= ? AND e.id < ? ORDER BY e.id LIMIT 2`,
          )
          .all(prefix, `${prefix}g`) as EnsembleRow[],
    );
    if (rows.length === 0) {
      throw new ConcertError('bad-input', [
        { file: this.path, message: `no ensemble with id ${prefix} in the store` },
      ]);
    }
    if (rows.length > 1) {
      throw new ConcertError('bad-input', [
        { message: `ensemble id ${prefix} is ambiguous: give more digits` },
      ]);
    }
    return this.guard(() => record(rows[0]!));
  }

  close(): void {
    this.db.close();
  }
}

/**
 * Bad input naming the store for an SQLite failure: a damaged file
 * (SQLITE_CORRUPT, SQLITE_NOTADB), a lock held too long (SQLITE_BUSY), a full
 * disk, or anything else SQLite reports.
 */
function storeError(path: string, e: unknown, what: string): ConcertError {
  const message = e instanceof Error ? e.message : String(e);
  const code = (e as { code?: unknown }).code;
  const damaged =
    typeof code === 'string' && /^SQLITE_(CORRUPT|NOTADB)/.test(code)
      ? ': the file is damaged or is not a Concert run store; move it aside (runs stored in it cannot be read) or give another --store'
      : typeof code === 'string' && code.startsWith('SQLITE_BUSY')
        ? ': another process holds the store locked; try again when it has finished'
        : '';
  return new ConcertError('bad-input', [{ file: path, message: `${what} (SQLite: ${message})${damaged}` }]);
}

/** Refuses, before changing anything, an SQLite file of another program (tables, but not Concert's). */
function checkForeign(db: Database.Database, path: string): void {
  const tables = (
    db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all() as {
      name: string;
    }[]
  ).map((t) => t.name);
  if (tables.length > 0 && !tables.includes('ensembles')) {
    throw new ConcertError('bad-input', [
      {
        file: path,
        message: `not a Concert run store: it holds other tables (${tables.slice(0, 5).join(', ')}${tables.length > 5 ? ', …' : ''}); give another --store`,
      },
    ]);
  }
}

/** Checks that the store's tables are Concert's (another program's SQLite file is refused, naming it). */
function checkTables(db: Database.Database, path: string): void {
  for (const [table, expected] of Object.entries(STORE_COLUMNS)) {
    const columns = (db.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[]).map(
      (c) => c.name,
    );
    if (columns.length === 0) continue; // a read-only open of a store not yet written to
    if (columns.join(',') !== expected.join(',')) {
      throw new ConcertError('bad-input', [
        {
          file: path,
          message: `not a Concert run store: its table "${table}" has the columns (${columns.join(', ')}), expected (${expected.join(', ')}); give another --store`,
        },
      ]);
    }
  }
}

function record(r: EnsembleRow): EnsembleRecord {
  return {
    id: r.id,
    scenario: r.scenario,
    seed: r.seed,
    yearFrom: r.year_from,
    yearTo: r.year_to,
    series: JSON.parse(r.series) as string[],
    parameters: JSON.parse(r.parameters) as string[],
    definition: r.definition,
    createdAt: r.created_at,
    requestedRuns: r.requested_runs,
    storedRuns: r.stored_runs,
  };
}
