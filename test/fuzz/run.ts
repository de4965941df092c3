/**
 * `npm run fuzz` (issue 21): thousands of cases per loader of test/fuzz/loaders.ts
 * — valid inputs and mutated ones — through the real command line, with a
 * table of outcomes per loader. Exits 1 if any case crashed, hung or was
 * slow, ended in an unlocated error, or if a valid input did not end `ok`.
 *
 *   npm run fuzz                                   # 10,000 cases per loader
 *   npm run fuzz -- --cases 2000 --loader nfg,edges --seed 7 --jobs 2
 *
 * Each loader runs in a child process of its own with a 2 GB heap, watched
 * from here: a case that does not finish within `--hang-ms` (default 60 s)
 * is a hang, the child is killed and the loader goes on with the next case;
 * a child that dies (out of memory, a native fault) is a crash of the case it
 * was running. Every failing input is written to a directory of failures
 * (printed at the end) so that it can be replayed with `concert`.
 *
 * The cases are drawn from `--seed` (default FC_SEED, else 21): the same seed
 * gives the same cases.
 */
import { type ChildProcess, fork } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import {
  LOADERS,
  type Loader,
  mutated,
  OUTCOMES,
  type Outcome,
  passes,
  refused,
  runCase,
  variantOf,
  warmUp,
} from './loaders.js';

interface Options {
  cases: number;
  seed: number;
  loaders: readonly Loader[];
  validShare: number;
  hangMs: number;
  jobs: number;
  failures: string;
}

type Kind = 'valid' | 'mutated';

/** A message from a loader's child process. */
type Message =
  | { type: 'start'; index: number; kind: Kind; text: string }
  | {
      type: 'done';
      index: number;
      kind: Kind;
      outcome: Outcome;
      detail?: string;
      ms: number;
      command?: string[];
    }
  | { type: 'end' };

interface Failure {
  readonly loader: string;
  readonly index: number;
  readonly kind: Kind;
  readonly outcome: Outcome;
  readonly detail: string;
  readonly command: string;
  readonly file: string;
}

interface Tally {
  /** Valid inputs refused with one of the loader's documented refusals (counted as located too). */
  refused: number;
  readonly valid: Record<Outcome, number>;
  readonly mutated: Record<Outcome, number>;
  maxMs: number;
  totalMs: number;
  seconds: number;
}

const emptyCounts = (): Record<Outcome, number> => ({ ok: 0, located: 0, unlocated: 0, crash: 0, slow: 0 });

function parseArgs(argv: readonly string[]): Options & { child?: string; start: number } {
  const get = (name: string) => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const int = (name: string, fallback: number) => {
    const raw = get(name);
    if (raw === undefined) return fallback;
    const x = Number(raw);
    if (!Number.isInteger(x) || x < 0)
      throw new Error(`--${name}: expected a whole number ≥ 0, got "${raw}"`);
    return x;
  };
  const names = get('loader')?.split(',');
  const unknown = names?.filter((n) => !LOADERS.some((l) => l.name === n)) ?? [];
  if (unknown.length > 0)
    throw new Error(
      `--loader: unknown ${unknown.join(', ')}; expected ${LOADERS.map((l) => l.name).join(', ')}`,
    );
  const envSeed = process.env.FC_SEED;
  const child = get('child');
  return {
    cases: int('cases', 10_000),
    seed: int('seed', envSeed !== undefined && envSeed !== '' ? Number(envSeed) : 21),
    loaders: names ? LOADERS.filter((l) => names.includes(l.name)) : LOADERS,
    validShare: Number(get('valid-share') ?? 0.2),
    hangMs: int('hang-ms', 60_000),
    jobs: Math.max(1, int('jobs', 1)),
    failures: get('failures') ?? '',
    ...(child === undefined ? {} : { child }),
    start: int('start', 0),
  };
}

/** The cases of a loader: the first `validShare` valid, the rest mutated, all from `seed`. */
function casesOf(loader: Loader, options: Options): { kind: Kind; text: string }[] {
  const seed = (options.seed ^ variantOf(loader.name, 0x7fffffff)) >>> 0;
  const nValid = Math.round(options.cases * options.validShare);
  const valid = fc.sample(loader.valid, { seed, numRuns: nValid });
  const bad = fc.sample(mutated(loader.valid), { seed: seed + 1, numRuns: options.cases - nValid });
  return [
    ...valid.map((text) => ({ kind: 'valid' as const, text })),
    ...bad.map((text) => ({ kind: 'mutated' as const, text })),
  ];
}

/** The child: runs the cases of one loader from `start`, reporting each to the parent. */
async function child(name: string, options: Options, start: number): Promise<void> {
  const loader = LOADERS.find((l) => l.name === name)!;
  const cases = casesOf(loader, options);
  const dir = mkdtempSync(join(tmpdir(), `concert-fuzz-${name}-`));
  const send = (m: Message) =>
    new Promise<void>((resolve, reject) =>
      process.send!(m, undefined, {}, (e) => (e ? reject(e) : resolve())),
    );
  try {
    // Not counted: the first case of a command loads its modules and data.
    await warmUp(loader, dir);
    for (let index = start; index < cases.length; index++) {
      const { kind, text } = cases[index]!;
      await send({ type: 'start', index, kind, text });
      const r = await runCase(loader, text, dir);
      await send({
        type: 'done',
        index,
        kind,
        outcome: r.outcome,
        ms: r.ms,
        ...(r.detail === undefined ? {} : { detail: r.detail }),
        ...(r.command === undefined ? {} : { command: [...r.command] }),
      });
    }
    await send({ type: 'end' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const self = fileURLToPath(import.meta.url);

/** Runs one loader's cases in child processes (restarted after a hang or a death); returns its tally. */
function runLoader(loader: Loader, options: Options, failures: Failure[]): Promise<Tally> {
  const tally: Tally = {
    refused: 0,
    valid: emptyCounts(),
    mutated: emptyCounts(),
    maxMs: 0,
    totalMs: 0,
    seconds: 0,
  };
  const started = performance.now();
  const extension = loader.file?.replace(/^[^.]*/, '') ?? '.txt';
  const record = (
    m: Extract<Message, { type: 'start' }>,
    outcome: Outcome,
    detail: string,
    command: string,
  ) => {
    tally[m.kind][outcome]++;
    const r = { outcome, detail, ms: 0 };
    if (m.kind === 'valid' && refused(loader, r)) tally.refused++;
    if (passes(loader, m.kind, r)) return;
    const file = join(options.failures, `${loader.name}-${m.kind}-${m.index}${extension}`);
    writeFileSync(file, m.text);
    failures.push({ loader: loader.name, index: m.index, kind: m.kind, outcome, detail, command, file });
  };
  return new Promise((resolve, reject) => {
    const spawn = (start: number) => {
      const args = ['--child', loader.name, '--start', String(start), '--seed', String(options.seed)];
      args.push('--cases', String(options.cases), '--valid-share', String(options.validShare));
      const proc: ChildProcess = fork(self, args, {
        execArgv: ['--import', 'tsx', '--max-old-space-size=2048'],
        stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      });
      let current: Extract<Message, { type: 'start' }> | undefined;
      let finished = false;
      let watchdog: NodeJS.Timeout | undefined;
      const arm = () => {
        clearTimeout(watchdog);
        watchdog = setTimeout(() => {
          if (current) record(current, 'slow', `hang: no result after ${options.hangMs} ms (killed)`, '');
          const next = (current?.index ?? start) + 1;
          current = undefined;
          finished = true;
          proc.removeAllListeners('exit');
          proc.kill('SIGKILL');
          spawn(next);
        }, options.hangMs);
      };
      proc.on('message', (raw) => {
        const m = raw as Message;
        if (m.type === 'start') {
          current = m;
          arm();
        } else if (m.type === 'done') {
          const c = current!;
          current = undefined;
          clearTimeout(watchdog);
          tally.maxMs = Math.max(tally.maxMs, m.ms);
          tally.totalMs += m.ms;
          record(c, m.outcome, m.detail ?? '', (m.command ?? []).join(' '));
          const done = m.index + 1;
          if (done % 1000 === 0) process.stderr.write(`  ${loader.name}: ${done}/${options.cases}\n`);
        } else {
          finished = true;
          clearTimeout(watchdog);
        }
      });
      proc.on('exit', (code, signal) => {
        clearTimeout(watchdog);
        if (finished) {
          tally.seconds = (performance.now() - started) / 1000;
          resolve(tally);
          return;
        }
        if (current) {
          // The child died within a case: out of memory, a native fault, an uncaught error.
          record(current, 'crash', `process died (exit ${code}, signal ${signal})`, '');
          spawn(current.index + 1);
        } else reject(new Error(`the ${loader.name} child exited (${code}, ${signal}) between cases`));
      });
    };
    spawn(0);
  });
}

function pad(s: string, n: number, right = false): string {
  return right ? s.padStart(n) : s.padEnd(n);
}

function table(rows: readonly { loader: Loader; tally: Tally }[]): string {
  const head = ['loader', 'cases', ...OUTCOMES, 'valid refused', 'valid failed', 'max ms', 'seconds'];
  const body = rows.map(({ loader, tally }) => {
    const all = OUTCOMES.map((o) => tally.valid[o] + tally.mutated[o]);
    const cases = all.reduce((a, b) => a + b, 0);
    const validNotOk = OUTCOMES.filter((o) => o !== 'ok').reduce((s, o) => s + tally.valid[o], 0);
    return [
      loader.name,
      String(cases),
      ...all.map(String),
      String(tally.refused),
      String(validNotOk - tally.refused),
      tally.maxMs.toFixed(0),
      tally.seconds.toFixed(0),
    ];
  });
  const totals = head.map((_, c) =>
    c === 0 ? 'total' : c >= head.length - 2 ? '' : String(body.reduce((s, r) => s + Number(r[c]), 0)),
  );
  const lines = [head, ...body, totals];
  const widths = head.map((_, c) => Math.max(...lines.map((r) => r[c]!.length)));
  const fmt = (r: readonly string[]) => `| ${r.map((x, c) => pad(x, widths[c]!, c > 0)).join(' | ')} |`;
  const rule = `|${widths.map((w, c) => (c === 0 ? '-'.repeat(w + 2) : `${'-'.repeat(w + 1)}:`)).join('|')}|`;
  return [fmt(head), rule, ...body.map(fmt), fmt(totals)].join('\n');
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  if (options.child !== undefined) {
    await child(options.child, options, options.start);
    return;
  }
  const failuresDir =
    options.failures || join(tmpdir(), `concert-fuzz-${new Date().toISOString().replace(/[:.]/g, '-')}`);
  mkdirSync(failuresDir, { recursive: true });
  const opts = { ...options, failures: failuresDir };
  const started = new Date();
  process.stderr.write(
    `concert fuzz: ${opts.loaders.length} loaders × ${opts.cases} cases (${Math.round(opts.validShare * 100)}% valid), seed ${opts.seed}, ${opts.jobs} job(s)\n`,
  );
  const failures: Failure[] = [];
  const results: { loader: Loader; tally: Tally }[] = [];
  const queue = [...opts.loaders];
  const worker = async () => {
    for (let loader = queue.shift(); loader; loader = queue.shift()) {
      const tally = await runLoader(loader, opts, failures);
      results.push({ loader, tally });
      process.stderr.write(`  ${loader.name}: done in ${tally.seconds.toFixed(0)} s\n`);
    }
  };
  await Promise.all(Array.from({ length: opts.jobs }, worker));
  results.sort((a, b) => opts.loaders.indexOf(a.loader) - opts.loaders.indexOf(b.loader));
  const minutes = ((Date.now() - started.getTime()) / 60_000).toFixed(1);
  process.stdout.write(
    `Fuzz run of ${started.toISOString()}: seed ${opts.seed}, ${opts.cases} cases per loader (${Math.round(opts.validShare * 100)}% valid), ${minutes} min\n\n${table(results)}\n`,
  );
  if (failures.length === 0) {
    const refused = results.reduce((s, r) => s + r.tally.refused, 0);
    process.stdout.write(
      `\n0 crashes, 0 hangs or slow cases, 0 unlocated errors; every valid input ok${refused > 0 ? ` or refused as its loader documents (${refused})` : ''}.\n`,
    );
    rmSync(failuresDir, { recursive: true, force: true });
    return;
  }
  process.stdout.write(`\n${failures.length} failing cases (inputs in ${failuresDir}):\n`);
  const seen = new Map<string, number>();
  for (const f of failures) {
    const key = `${f.loader} ${f.kind} ${f.outcome} ${f.detail.replace(/\/tmp\/\S+/g, 'FILE').slice(0, 160)}`;
    seen.set(key, (seen.get(key) ?? 0) + 1);
    if (seen.get(key)! <= 3)
      process.stdout.write(
        `- ${f.loader} ${f.kind} #${f.index} ${f.outcome}: ${f.detail}\n  ${f.command}\n  ${f.file}\n`,
      );
  }
  process.exitCode = 1;
}

await main();
